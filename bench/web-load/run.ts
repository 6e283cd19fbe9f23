import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startServer } from '../intake/server.ts';
import { intOption, positiveOption, readOptions } from '../lib/args.ts';
import { cleanups, runBench } from '../lib/run-support.ts';

/*
 * A citizen's first visit on a cheap phone over rural 3G (issue 14 item 6: ≤ 5 s): Debian's Chromium
 * with CDP network emulation (slow 3G) and a 4× slower CPU opens a public deep link with an empty
 * cache, and prints load, first contentful paint and largest contentful paint. The floor, in the same
 * run and with the same emulation: a static HTML page of the same server's origin with no script
 * (`/favicon.svg` embedded in a tiny shell) — what the link costs before any of the app's bytes.
 */

const opts = readOptions({
  path: { type: 'string', default: '/thu-tuc/1.001193?unit=28696' },
  rounds: { type: 'string', default: '3' },
  'down-kbit': { type: 'string', default: '400' },
  'up-kbit': { type: 'string', default: '400' },
  rtt: { type: 'string', default: '400' },
  cpu: { type: 'string', default: '4' },
  ready: { type: 'string', default: 'procedure-documents' },
});
const rounds = intOption('rounds', opts.rounds, 1);
const downKbit = positiveOption('down-kbit', opts['down-kbit']);
const upKbit = positiveOption('up-kbit', opts['up-kbit']);
const rtt = positiveOption('rtt', opts.rtt);
const cpu = positiveOption('cpu', opts.cpu);
const TARGET_MS = 5000;

interface Timing {
  load: number;
  fcp: number;
  lcp: number;
  ready: number;
  bytes: number;
}

async function measure(url: string, readyTestId: string | null): Promise<Timing> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: rtt,
      downloadThroughput: (downKbit * 1000) / 8,
      uploadThroughput: (upKbit * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      bytes += e.encodedDataLength;
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __lcp: number };
      w.__lcp = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__lcp = entry.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const started = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    if (readyTestId) await page.getByTestId(readyTestId).first().waitFor({ timeout: 120_000 });
    const ready = Date.now() - started;
    // LCP is final once the page has been idle a moment; give the observer that moment.
    await page.waitForTimeout(500);
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
      return { load: nav.loadEventEnd, fcp, lcp: (window as unknown as { __lcp: number }).__lcp };
    });
    return { ...t, ready, bytes };
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;

runBench(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-web-'));
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const server = await startServer({ env: { MOTCUA_DATA_DIR: dataDir }, label: 'pglite' });
  cleanups.push(() => server.stop());
  console.log(
    `web-load: ${opts.path} at 360 px, ${downKbit} kbit/s down, ${upKbit} kbit/s up, ${rtt} ms RTT, CPU ${cpu}× slower, ${rounds} rounds, cold cache`,
  );
  const app: Timing[] = [];
  const floor: Timing[] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate so both see the same machine load.
    floor.push(await measure(`${server.url}/favicon.svg`, null));
    app.push(await measure(`${server.url}${opts.path}`, opts.ready));
  }
  const row = (name: string, xs: Timing[]) =>
    `${name.padEnd(7)} load ${ms(median(xs.map((x) => x.load))).padStart(9)}  FCP ${ms(median(xs.map((x) => x.fcp))).padStart(9)}  LCP ${ms(median(xs.map((x) => x.lcp))).padStart(9)}  content shown ${ms(median(xs.map((x) => x.ready))).padStart(9)}  ${(median(xs.map((x) => x.bytes)) / 1024).toFixed(1)} KiB`;
  console.log(row('page', app));
  console.log(row('floor', floor));
  const appReady = median(app.map((x) => x.ready));
  const floorLoad = median(floor.map((x) => x.load));
  const ratio = appReady / floorLoad;
  console.log(`ratio (content shown ÷ floor load): ${ratio.toFixed(2)}`);
  console.log(`target content shown ≤ ${ms(TARGET_MS)}: ${appReady <= TARGET_MS ? 'met' : 'NOT met'}`);
  console.log(
    JSON.stringify({ bench: 'web-load', path: opts.path, downKbit, rtt, cpu, rounds, app, floor, ratio }),
  );
  return 0;
});
