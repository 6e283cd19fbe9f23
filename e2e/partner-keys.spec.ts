import { expect, test } from '@playwright/test';
import { followNav } from './nav-support.ts';
import { E2E_PASSWORD, shot } from './support.ts';

// Journey: the administrator issues an API key to the provincial portal for Tân Thới, copies it
// from the one time it is shown, the partner reads a dossier list with it, then the key is revoked
// and refused at once.
test('an administrator issues a partner key, sees it once, and revokes it', async ({ page }, info) => {
  test.slow();
  const project = info.project.name;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/dang-nhap');
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(E2E_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  // The administrator's entry is in the header's "Quản trị" group.
  await followNav(page, 'nav-partners');
  await expect(page).toHaveURL(/\/doi-tac$/);
  await expect(page.getByTestId('partners-page')).toBeVisible();

  const name = `Cổng thông tin tỉnh ${project}`;
  const form = page.getByTestId('partner-key-form');
  await form.getByTestId('partner-key-name').fill(name);
  await form.getByTestId('partner-key-scope-kind').getByText('Xã/phường', { exact: true }).click();
  await form.getByTestId('partner-key-scope-code').fill('28693');
  await form.getByTestId('partner-key-permission-webhooks').check();
  await form.getByTestId('partner-key-submit').click();

  const secretBox = page.getByTestId('partner-key-secret');
  await expect(secretBox).toBeVisible();
  const secret = (await page.getByTestId('partner-key-secret-value').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^mck_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId('partner-key-row').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('partner-key-status')).toHaveText('Đang hiệu lực');
  await expect(row).toHaveAttribute('data-prefix', secret.slice(4, 16));
  await shot(page, project, 'partners-01-key-once');

  // The partner uses the key.
  const read = await page.request.get('/api/v1/partner/dossiers?limit=5', {
    headers: { authorization: `Bearer ${secret}` },
  });
  expect(read.status()).toBe(200);

  // Closed, the secret is gone from the page and the list never shows it.
  await page.getByTestId('partner-key-secret-done').click();
  await expect(secretBox).toHaveCount(0);
  await page.reload();
  await expect(row).toHaveCount(1);
  await expect(page.getByTestId('partners-page')).not.toContainText(secret.slice(17));
  await expect(row.getByTestId('partner-key-last-used')).not.toContainText('chưa dùng');

  // A webhook endpoint for the key: its signing secret is shown once too.
  await row.getByTestId('webhook-url').fill('https://doitac.example.vn/motcua/su-kien');
  await row.getByTestId('webhook-submit').click();
  await expect(row.getByTestId('webhook-secret-value')).toContainText('whsec_');
  await expect(row.getByTestId('webhook-row')).toContainText('https://doitac.example.vn/motcua/su-kien');

  await row.getByTestId('partner-key-revoke').click();
  await row.getByTestId('partner-key-revoke-confirm').click();
  await expect(row.getByTestId('partner-key-status')).toHaveText('Đã thu hồi');
  const refused = await page.request.get('/api/v1/partner/dossiers?limit=5', {
    headers: { authorization: `Bearer ${secret}` },
  });
  expect(refused.status()).toBe(401);
  await shot(page, project, 'partners-02-revoked');

  // Usable at phone width.
  await page.setViewportSize({ width: 360, height: 780 });
  await expect(row).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, project, 'partners-03-phone');
});
