import { expect, test } from '@playwright/test';
import { E2E_PASSWORD, shot } from './support.ts';

// Journey: a reception officer signs in, receives a dossier at the counter and downloads the slip.
test('reception officer receives a dossier and downloads the receipt slip', async ({ page }, info) => {
  const project = info.project.name;
  await page.goto('/dang-nhap');
  await page.getByTestId('login-username').fill('reception.tan-thoi');
  await page.getByTestId('login-password').fill(E2E_PASSWORD);
  await shot(page, project, '01-login');
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/tiep-nhan$/);
  await expect(page.getByTestId('intake-form')).toBeVisible();

  await page.getByTestId('intake-procedure').fill('chung thuc ban sao');
  await page
    .getByRole('option', { name: /Chứng thực bản sao từ bản chính/ })
    .first()
    .click();
  await expect(page.getByTestId('intake-procedure-facts')).toContainText('Trong ngày');
  await page.getByTestId('intake-fullname').fill('Nguyễn Thị Hồng Nhung');
  await page.getByTestId('intake-id-number').fill('082195001234');
  await page.getByTestId('intake-phone').fill('0912345678');
  await page.getByTestId('intake-address').fill('Ấp Tân Phú, xã Tân Thới, tỉnh Đồng Tháp');
  for (const box of await page.locator('[data-testid^="intake-doc-check-"][data-required="true"]').all())
    await box.check();
  await page.getByTestId('intake-attachments-input').setInputFiles({
    name: 'cccd.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
  });
  // The fee collected at the counter (Decision 766 3.6): paid online, the catalogue's 2,000 đồng prefilled.
  await page.getByTestId('intake-fee-payment').click();
  await page.getByRole('option', { name: 'Thanh toán trực tuyến' }).click();
  await expect(page.getByTestId('intake-fee-amount')).toHaveValue('2.000');
  await shot(page, project, '02-intake-form');
  const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/dossiers'));
  await page.getByTestId('intake-submit').click();
  expect((await sent).postDataJSON().fee).toEqual({ payment: 'online', amount: 2000 });

  const code = (await page.getByTestId('intake-success-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^H82\.050-\d{6}-\d{4}$/);
  await expect(page.getByTestId('intake-success-due')).toHaveText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await expect(page.locator(`[data-testid="today-row"][data-code="${code}"]`)).toBeVisible();
  await shot(page, project, '03-intake-success');

  const href = await page.getByTestId('intake-slip-link').getAttribute('href');
  expect(href).toBe(`/api/v1/dossiers/${code}/receipt.pdf`);
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  info.attach('receipt.pdf', { body: bytes, contentType: 'application/pdf' });

  // The reception desk at phone width.
  await page.setViewportSize({ width: 360, height: 780 });
  await page.getByTestId('intake-new').click();
  await expect(page.getByTestId('intake-form')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, project, '04-reception-360');
});
