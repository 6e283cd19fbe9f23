import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { vnDateOf } from '../../src/domain/calendar/vn-time.ts';
import { xlsxBomb } from '../../src/server/test-support/xlsx-bomb.ts';
import { INTAKE_BODY } from '../intake/fixtures.ts';
import { loginAll } from '../intake/http-load.ts';
import { type ServerProcess, startServer } from '../intake/server.ts';
import type { LatencySummary } from '../intake/stats.ts';
import { intOption, readOptions } from '../lib/args.ts';
import { cleanups, createScratchDatabase, runBench } from '../lib/run-support.ts';
import { mb, ms, pollHealth, watchRss } from './probe.ts';

/*
 * One request must never freeze the server: the largest tracking book the limits allow is built
 * again and again while one client polls /healthz, against the same poll on the idle server as the
 * floor; the server's resident memory (worker threads included) is sampled throughout. Then a
 * zip-bomb workbook is uploaded to the staff import. See bench/README.md.
 *
 *   node --import tsx bench/exports/run.ts [--db=both|postgres|pglite] [--rows=5000] [--rounds=3]
 *        [--idle=10] [--bomb-mb=300] [--keep]
 *
 * Exit status: 0 when the bench ran (targets are reported, never fatal), 1 when it could not run, 2 for
 * bad arguments.
 */

const argv = readOptions({
  db: { type: 'string', default: 'both' },
  rows: { type: 'string' },
  rounds: { type: 'string', default: '3' },
  idle: { type: 'string', default: '10' },
  'bomb-mb': { type: 'string', default: '300' },
  keep: { type: 'boolean', default: false },
});
if (!['both', 'postgres', 'pglite'].includes(argv.db ?? '')) {
  console.error('--db must be both, postgres or pglite');
  process.exit(2);
}
// The server's default MOTCUA_EXPORT_MAX_ROWS; another --rows is passed to the server as its limit.
const DEFAULT_MAX_ROWS = 2000;
const opts = {
  kinds: argv.db === 'both' ? (['postgres', 'pglite'] as const) : ([argv.db] as ['postgres' | 'pglite']),
  rows: argv.rows === undefined ? DEFAULT_MAX_ROWS : intOption('rows', argv.rows, 1),
  rounds: intOption('rounds', argv.rounds, 1),
  idleSeconds: intOption('idle', argv.idle, 1),
  bombBytes: intOption('bomb-mb', argv['bomb-mb'], 1) * 1_000_000,
  keep: argv.keep ?? false,
};

const TARGET_P99_MS = 100;
const TARGET_RSS_MB = 512;
const log = (line: string) => console.log(`[bench] ${line}`);

async function intake(baseUrl: string, cookie: string, count: number, parallel = 4): Promise<number> {
  let left = count;
  const one = async () => {
    while (left > 0) {
      left -= 1;
      for (;;) {
        const res = await fetch(`${baseUrl}/api/v1/dossiers`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: INTAKE_BODY,
        });
        const text = await res.text();
        if (res.status === 201) break;
        // The commune's counter is busy: the officer sends the same intake again.
        if (res.status !== 503) throw new Error(`intake: HTTP ${res.status} ${text.slice(0, 200)}`);
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: parallel }, one));
  return (performance.now() - t0) / 1000;
}

interface Upload {
  label: string;
  fileKb: number;
  status: number;
  code: string;
  ms: number;
  startMb: number;
  peakMb: number;
}

interface Result {
  kind: string;
  rows: number;
  floor: LatencySummary;
  during: LatencySummary;
  healthFailures: number;
  buildMs: number[];
  pdfBytes: number;
  pages: number;
  idleRssMb: number;
  peakRssMb: number;
  overLimit: { status: number; code: string };
  uploads: Upload[];
}

async function getJson(url: string, cookie: string) {
  const res = await fetch(url, { headers: { cookie } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

async function runOn(kind: 'postgres' | 'pglite'): Promise<Result> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-exports-'));
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env: Record<string, string> = { MOTCUA_DATA_DIR: dataDir };
  if (kind === 'postgres') env.DATABASE_URL = await createScratchDatabase('motcua_bench_exp', opts.keep);
  if (opts.rows !== DEFAULT_MAX_ROWS) env.MOTCUA_EXPORT_MAX_ROWS = String(opts.rows);
  log(`${kind}: starting the server`);
  let server: ServerProcess = await startServer({ env, label: kind });
  cleanups.push(() => server.stop());
  let [reception, leader] = await loginAll(server.url, ['reception.tan-thoi', 'leader.tan-thoi']);
  if (!reception || !leader) throw new Error('login failed');

  // The book of today at Tân Thới, filled up to the row limit: the largest export the server allows.
  const today = vnDateOf(new Date());
  const existing = (await getJson(`${server.url}/api/v1/dossiers?date=${today}`, reception)).items.length;
  const missing = Math.max(0, opts.rows - existing);
  log(`${kind}: receiving ${missing} dossiers at Tân Thới today (${existing} already there)`);
  const seconds = await intake(server.url, reception, missing);
  log(`${kind}: received in ${seconds.toFixed(1)} s (${(missing / seconds).toFixed(0)}/s)`);
  // Measured as a center runs day to day: a server started on an existing database. (Creating the
  // embedded database runs initdb in the server process; WebAssembly memory never shrinks after it.)
  await server.stop();
  server = await startServer({ env, label: kind });
  cleanups.push(() => server.stop());
  [reception, leader] = await loginAll(server.url, ['reception.tan-thoi', 'leader.tan-thoi']);
  if (!reception || !leader) throw new Error('login failed after the restart');
  const bookUrl = `${server.url}/api/v1/tracking-book.pdf?from=${today}&to=${today}`;

  log(`${kind}: idle floor, /healthz for ${opts.idleSeconds} s`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  let rss = watchRss(server.pid);
  let probe = pollHealth(server.url);
  await new Promise((resolve) => setTimeout(resolve, opts.idleSeconds * 1000));
  const floor = await probe.stop();
  const idle = rss.stop();

  log(
    `${kind}: building the tracking book of ${opts.rows} dossiers ${opts.rounds} times while /healthz is polled`,
  );
  rss = watchRss(server.pid);
  probe = pollHealth(server.url);
  const buildMs: number[] = [];
  let pdf = Buffer.alloc(0);
  for (let i = 0; i < opts.rounds; i++) {
    const t0 = performance.now();
    const res = await fetch(bookUrl, { headers: { cookie: reception } });
    pdf = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200)
      throw new Error(`tracking book: HTTP ${res.status} ${pdf.toString().slice(0, 300)}`);
    const took = performance.now() - t0;
    buildMs.push(took);
    log(`  round ${i + 1}: ${(took / 1000).toFixed(2)} s, ${(pdf.length / 1e6).toFixed(1)} MB`);
  }
  const during = await probe.stop();
  const load = rss.stop();
  const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

  // One dossier more and the same request is refused: the book above was the largest allowed.
  await intake(server.url, reception, 1, 1);
  const over = await fetch(bookUrl, { headers: { cookie: reception } });
  const overBody = (await over.json()) as { code?: string };

  const uploads: Upload[] = [];
  for (const lie of [false, true]) {
    const bomb = await xlsxBomb(opts.bombBytes, { lie });
    const label = `${(opts.bombBytes / 1e6).toFixed(0)} MB cell${lie ? ', directory claims 1 KB per part' : ''}`;
    const watch = watchRss(server.pid, 5);
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/v1/registers/staff/import?unit=28693`, {
      method: 'POST',
      headers: { cookie: leader, 'content-type': 'application/json' },
      body: JSON.stringify({ dataBase64: bomb.toString('base64') }),
    });
    const body = (await res.json()) as { code?: string };
    const took = performance.now() - t0;
    const memory = watch.stop();
    uploads.push({
      label,
      fileKb: bomb.length / 1024,
      status: res.status,
      code: body.code ?? '',
      ms: took,
      startMb: memory.startMb,
      peakMb: memory.peakMb,
    });
  }
  await server.stop();
  return {
    kind,
    rows: opts.rows,
    floor: floor.latency,
    during: during.latency,
    healthFailures: floor.failures + during.failures,
    buildMs,
    pdfBytes: pdf.length,
    pages,
    idleRssMb: idle.peakMb,
    peakRssMb: load.peakMb,
    overLimit: { status: over.status, code: overBody.code ?? '' },
    uploads,
  };
}

function print(r: Result) {
  const lat = (s: LatencySummary) =>
    `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)}  (${s.count} probes)`;
  const mean = r.buildMs.reduce((a, b) => a + b, 0) / r.buildMs.length;
  console.log('');
  log(
    `${r.kind}: tracking book of ${r.rows} dossiers, ${r.pages} pages, ${(r.pdfBytes / 1e6).toFixed(1)} MB`,
  );
  log(
    `  build (request to last byte): ${r.buildMs.map((x) => (x / 1000).toFixed(2)).join(', ')} s; mean ${(mean / 1000).toFixed(2)} s`,
  );
  log(`  /healthz idle (floor):   ${lat(r.floor)}`);
  log(`  /healthz during exports: ${lat(r.during)}`);
  log(
    `  ratio during/floor: p50 ${(r.during.p50 / r.floor.p50).toFixed(2)}, p99 ${(r.during.p99 / r.floor.p99).toFixed(2)}`,
  );
  if (r.healthFailures) log(`  /healthz failures: ${r.healthFailures}`);
  log(`  server RSS: idle ${mb(r.idleRssMb)}, peak while building ${mb(r.peakRssMb)}`);
  log(`  one dossier more: HTTP ${r.overLimit.status} ${r.overLimit.code}`);
  for (const u of r.uploads)
    log(
      `  zip bomb (${u.label}, ${u.fileKb.toFixed(0)} KB): HTTP ${u.status} ${u.code} in ${ms(u.ms)}, server RSS ${mb(u.startMb)} before, peak ${mb(u.peakMb)}`,
    );
  log(`  target /healthz p99 ≤ ${TARGET_P99_MS} ms: ${r.during.p99 <= TARGET_P99_MS ? 'met' : 'NOT MET'}`);
  log(`  target RSS < ${TARGET_RSS_MB} MB: ${r.peakRssMb < TARGET_RSS_MB ? 'met' : 'NOT MET'}`);
}

async function main(): Promise<number> {
  log(`machine: ${os.availableParallelism()} CPUs; server worker threads: default (max(1, CPUs - 1))`);
  const results: Result[] = [];
  for (const kind of opts.kinds) results.push(await runOn(kind));
  for (const r of results) print(r);
  console.log(
    JSON.stringify({ bench: 'exports', targets: { p99Ms: TARGET_P99_MS, rssMb: TARGET_RSS_MB }, results }),
  );
  return 0;
}

runBench(main);
