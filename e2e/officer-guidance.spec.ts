import { expect, test } from '@playwright/test';
import { followNav } from './nav-support.ts';
import { E2E_PASSWORD, shot } from './support.ts';

// Journey: a new reception officer reads the intake guide in the intake form, then completes the
// "receive" exercise in the training center (practice database), and it shows as completed.
test('a new officer reads the intake guide and completes a practice exercise', async ({ page }, info) => {
  test.setTimeout(180_000);
  const project = info.project.name;
  await page.goto('/dang-nhap');
  await page.getByTestId('login-username').fill('reception.tan-phu-dong');
  await page.getByTestId('login-password').fill(E2E_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('intake-form')).toBeVisible();

  // The guide for the chosen procedure, beside the form.
  await page.getByTestId('intake-procedure').fill('chung thuc ban sao');
  await page
    .getByRole('option', { name: /Chứng thực bản sao từ bản chính/ })
    .first()
    .click();
  const guide = page.getByTestId('intake-guide');
  await expect(guide).toBeVisible();
  await expect(guide.getByTestId('intake-guide-checks')).toContainText('BẢN CHÍNH');
  await expect(guide.getByTestId('intake-guide-refusals')).toContainText('Phiếu từ chối');
  await page.getByTestId('intake-guide-mistakes').getByRole('button').click();
  await expect(guide.getByTestId('intake-guide-mistakes')).toContainText('bản sao');
  await guide.scrollIntoViewIfNeeded();
  await shot(page, project, 'guide-01-intake-guide');

  // The training center.
  await followNav(page, 'nav-practice');
  await expect(page.getByTestId('practice-page')).toBeVisible();
  const card = page.getByTestId('exercise-receive');
  await card.getByTestId('exercise-receive-start').click();
  await expect(card.getByTestId('exercise-receive-open')).toBeVisible({ timeout: 90_000 });
  await shot(page, project, 'guide-02-practice-center');
  await card.getByTestId('exercise-receive-open').click();

  // The real intake screen, in practice mode.
  await expect(page.getByTestId('practice-banner')).toBeVisible();
  await expect(page.getByTestId('intake-form')).toBeVisible();
  await page.getByTestId('intake-procedure').fill('chung thuc ban sao');
  await page
    .getByRole('option', { name: /Chứng thực bản sao từ bản chính/ })
    .first()
    .click();
  await expect(page.getByTestId('intake-guide')).toBeVisible();
  await page.getByTestId('intake-fullname').fill('Trần Văn Học');
  await page.getByTestId('intake-id-number').fill('082195009876');
  await page.getByTestId('intake-phone').fill('0912000111');
  await page.getByTestId('intake-address').fill('Ấp 1, xã Tân Thới, tỉnh Đồng Tháp');
  for (const box of await page.locator('[data-testid^="intake-doc-check-"][data-required="true"]').all())
    await box.check();
  await shot(page, project, 'guide-03-practice-intake');
  await page.getByTestId('intake-submit').click();
  const code = (await page.getByTestId('intake-success-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^H82\./);

  // The practice dossier's page says what the next step's officer must do, and by when.
  await page.goto(`/ho-so/${code}`);
  await expect(page.getByTestId('practice-banner')).toBeVisible();
  const step = page.getByTestId('step-guide');
  await expect(step).toHaveAttribute('data-step', 'transfer');
  await expect(step).toContainText('Phiếu kiểm soát');
  await expect(page.getByTestId('step-guide-due')).toContainText(/\d{2}\/\d{2}\/\d{4}/);
  await shot(page, project, 'guide-03b-step-guide');

  // Back in the real app: the check passes and the exercise is recorded.
  await page.getByTestId('practice-back').click();
  await expect(page.getByTestId('practice-page')).toBeVisible();
  await page.getByTestId('exercise-receive-check').click();
  const result = page.getByTestId('exercise-receive-result');
  await expect(result).toHaveAttribute('data-passed', 'true');
  await expect(page.getByTestId('exercise-receive-done')).toBeVisible();
  await shot(page, project, 'guide-04-practice-passed');

  // The practice dossier never reached the real database.
  const real = await page.request.get(`/api/v1/dossiers/${code}`);
  expect(real.status()).toBe(404);
  await page.getByTestId('practice-leave').click();
  await expect(page.getByTestId('practice-banner')).toHaveCount(0);
});

// The province edits a guide with markup in it: the officer's page shows it as text, and nothing runs.
test('a guide edited with script in it is shown as inert text', async ({ page }, info) => {
  const project = info.project.name;
  const evil = `<script>window.__guidePwned = 1</script><img src="x" onerror="window.__guidePwned = 2">`;
  await page.goto('/dang-nhap');
  await page.getByTestId('login-username').fill('province.dong-thap');
  await page.getByTestId('login-password').fill(E2E_PASSWORD);
  await page.getByTestId('login-submit').click();
  await followNav(page, 'nav-guides');
  await page.getByTestId('guides-admin-procedure').fill('2.000884');
  await page.getByRole('option', { name: /2\.000884/ }).click();
  const checks = page.getByTestId('guides-admin-checks');
  await expect(checks).not.toHaveValue('');
  await checks.fill(`${await checks.inputValue()}\n${evil}`);
  await page.getByTestId('guides-admin-save').click();
  await expect(page.getByTestId('guides-admin-saved')).toBeVisible();
  await expect(page.getByTestId('guides-admin-versions').locator('tr')).toHaveCount(2);
  await shot(page, project, 'guide-05-admin-editor');

  await page.context().clearCookies();
  await page.goto('/dang-nhap');
  await page.getByTestId('login-username').fill('reception.tan-thoi');
  await page.getByTestId('login-password').fill(E2E_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('intake-procedure').fill('2.000884');
  await page
    .getByRole('option', { name: /Chứng thực chữ ký/ })
    .first()
    .click();
  const guide = page.getByTestId('intake-guide');
  await expect(guide).toHaveAttribute('data-version', '2');
  await expect(guide.getByTestId('intake-guide-checks')).toContainText(evil);
  await expect(guide.locator('script, img')).toHaveCount(0);
  expect(
    await page.evaluate(() => (window as unknown as { __guidePwned?: number }).__guidePwned),
  ).toBeUndefined();
  await guide.scrollIntoViewIfNeeded();
  await shot(page, project, 'guide-06-inert-script');
});
