import { expect, test } from '@playwright/test';
import { E2E_PASSWORD, shot } from './support.ts';

// Journey: a rural citizen on a 360 px phone over a slow link opens a procedure link shared to them
// (or scanned from a QR poster) cold, reloads it, then tracks a dossier typing its code in lowercase.
test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });

test('a procedure link opens directly and after a reload, compressed, on a slow phone', async ({
  page,
}, info) => {
  const project = info.project.name;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  // Roughly a weak 3G link: 400 ms latency, 750 kbit/s down.
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 400,
    downloadThroughput: (750 * 1024) / 8,
    uploadThroughput: (250 * 1024) / 8,
  });
  let transferred = 0;
  const encodings = new Map<string, string>();
  page.on('response', async (res) => {
    const url = new URL(res.url());
    if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js')) {
      encodings.set(url.pathname, (await res.allHeaders())['content-encoding'] ?? 'none');
    }
  });
  page.on('requestfinished', async (req) => {
    transferred += (await req.sizes()).responseBodySize;
  });
  const apiCalls: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith('/api/')) apiCalls.push(url.pathname + url.search);
  });

  const link = '/thu-tuc/1.001193?unit=28696';
  const first = await page.goto(link);
  expect(first?.status()).toBe(200);
  expect(first?.headers()['content-type']).toContain('text/html');
  await expect(page.getByTestId('procedure-code')).toHaveText('1.001193');
  await expect(page.getByTestId('procedure-documents')).toBeVisible();
  // Every script came compressed; the first load's bodies stay well under the 746 KB of raw JavaScript.
  expect(encodings.size).toBeGreaterThan(0);
  for (const [asset, encoding] of encodings) expect(encoding, asset).toMatch(/^(br|gzip)$/);
  expect(transferred).toBeLessThan(400 * 1024);
  console.log(`first load of ${link}: ${Math.round(transferred / 1024)} KB on the wire`);
  await shot(page, project, '30-procedure-deep-link-360');
  // The shell hinted the page's chunk and its data (web-app.ts procedureHints), and the page used the
  // preloaded responses: each of its API requests went over the network once.
  expect(await page.locator('link[rel="modulepreload"][href*="ProcedureDetailPage"]').count()).toBe(1);
  expect(
    await page
      .locator('link[rel="preload"][as="fetch"][href="/api/v1/procedures/1.001193?unit=28696"]')
      .count(),
  ).toBe(1);
  expect(apiCalls.filter((u) => u === '/api/v1/procedures/1.001193?unit=28696')).toHaveLength(1);
  expect(apiCalls.filter((u) => u === '/api/v1/procedures/1.001193/form')).toHaveLength(1);

  const again = await page.reload();
  expect(again?.status()).toBe(200);
  await expect(page.getByTestId('procedure-code')).toHaveText('1.001193');
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);

  // Without the commune in the link the page still opens (never a JSON error page).
  await page.goto('/thu-tuc/1.001193');
  await expect(page.locator('body')).not.toContainText('"code"');
  await expect(page.locator('#root')).not.toBeEmpty();
});

test('a citizen tracks a dossier typing its code in lowercase with spaces', async ({
  page,
  request,
}, info) => {
  const project = info.project.name;
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'reception.tan-thoi', password: E2E_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const created = await request.post('/api/v1/dossiers', {
    data: {
      procedureCode: '2.000815',
      applicant: {
        fullName: 'Võ Thị Mai',
        idNumber: '082190004567',
        phone: '0911222333',
        address: 'Ấp Tân Thới',
      },
      documents: [{ id: 'ban-chinh', originals: 1, certifiedCopies: 0, photocopies: 0 }],
    },
  });
  expect(created.status()).toBe(201);
  const { code } = (await created.json()) as { code: string };
  await request.post('/api/v1/auth/logout');

  await page.goto('/tra-cuu');
  await page.getByTestId('tracking-code').fill(` ${code.toLowerCase().replaceAll('-', ' - ')} `);
  await page.getByTestId('tracking-phone').fill('9999');
  await page.getByTestId('tracking-submit').click();
  const error = page.getByTestId('tracking-error');
  await expect(error).toContainText('Không tìm thấy hồ sơ');
  // A citizen sees a plain message, not the help desk's request id.
  await expect(error).not.toContainText('Mã yêu cầu');
  await expect(error).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  await page.getByTestId('tracking-phone').fill('2333');
  await page.getByTestId('tracking-submit').click();
  await expect(page.getByTestId('tracking-status')).toHaveText('Được tiếp nhận');
  // The address now holds the code as issued, so the page can be reloaded or shared.
  await expect(page).toHaveURL(new RegExp(`/tra-cuu/${code.replaceAll('.', '\\.')}$`));
  await page.reload();
  await expect(page.getByTestId('tracking-code')).toHaveValue(code);
  await shot(page, project, '31-tracking-lowercase-360');
});
