import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect, test } from '@playwright/test';
import { receiveDossier } from './a11y-support.ts';
import { PUBLIC_JS_BUDGET_KIB, PUBLIC_ROUTES } from './routes.ts';

// Issue 14 item 6: a citizen's first visit to a public page downloads at most PUBLIC_JS_BUDGET_KIB of
// gzipped JavaScript. Each route is opened cold (a fresh browser context: empty cache) at 360 px;
// every script it fetches until the network is idle is counted at the size of its gzip twin in the
// build (what a browser that accepts only gzip downloads; brotli browsers get less), and its real
// transfer size is printed beside it.
const ASSETS = path.resolve('dist/web/assets');

function gzipSize(assetPath: string): number {
  const file = path.join(ASSETS, path.basename(assetPath));
  if (fs.existsSync(`${file}.gz`)) return fs.statSync(`${file}.gz`).size;
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('every public page ships at most the JavaScript budget on first load', async ({
  browser,
  request,
  baseURL,
}) => {
  const dossier = await receiveDossier(request);
  const rows: string[] = [];
  const over: string[] = [];
  for (const route of PUBLIC_ROUTES) {
    const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const scripts = new Map<string, number>();
    page.on('requestfinished', async (req) => {
      const url = new URL(req.url());
      if (req.resourceType() === 'script' || url.pathname.endsWith('.js')) {
        scripts.set(url.pathname, (await req.sizes()).responseBodySize);
      }
    });
    await page.goto(route.path.replace('{dossier}', dossier.code));
    await expect(page.getByTestId(route.ready).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await context.close();
    let gz = 0;
    let wire = 0;
    for (const [asset, transferred] of scripts) {
      expect(asset, 'scripts come from the build').toMatch(/^\/assets\/[^/]+\.js$/);
      gz += gzipSize(asset);
      wire += transferred;
    }
    const kib = (n: number) => (n / 1024).toFixed(1);
    rows.push(
      `${route.name.padEnd(20)} ${String(scripts.size).padStart(3)} files  gzip ${kib(gz).padStart(6)} KiB  on the wire ${kib(wire).padStart(6)} KiB`,
    );
    if (gz > PUBLIC_JS_BUDGET_KIB * 1024) over.push(`${route.name}: ${kib(gz)} KiB`);
  }
  console.log(
    `first-load JavaScript per public route (budget ${PUBLIC_JS_BUDGET_KIB} KiB gzip):\n${rows.join('\n')}`,
  );
  expect(over, `over the ${PUBLIC_JS_BUDGET_KIB} KiB budget`).toEqual([]);
});
