import { expect, test } from '@playwright/test';
import { E2E_PASSWORD, shot } from './support.ts';

// Journey: a reception officer looks the applicant up in the national population database (through
// the provincial platform's stand-in that `npm start` runs in demo mode), the form fills in and marks
// the fields verified, and the dossier is received.
test('reception officer looks a citizen up and receives a dossier', async ({ page }, info) => {
  const project = info.project.name;
  await page.goto('/dang-nhap');
  await page.getByTestId('login-username').fill('reception.tan-thoi');
  await page.getByTestId('login-password').fill(E2E_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('intake-form')).toBeVisible();

  await page.getByTestId('intake-procedure').fill('chung thuc ban sao');
  await page
    .getByRole('option', { name: /Chứng thực bản sao từ bản chính/ })
    .first()
    .click();
  await page.getByTestId('intake-id-number').fill('082195001234');

  // A wrong name: not found, said in Vietnamese; the form stays as it was.
  await page.getByTestId('population-lookup-open').click();
  await expect(page.getByTestId('population-personal-id')).toHaveValue('082195001234');
  await page.getByTestId('population-fullname').fill('Nguyễn Thị Hồng');
  await page.getByTestId('population-birth-date').fill('1995-03-14');
  await page.getByTestId('population-lookup-submit').click();
  await expect(page.getByTestId('population-lookup-error')).toContainText('Không tìm thấy công dân');

  await page.getByTestId('population-fullname').fill('Nguyễn Thị Hồng Nhung');
  await shot(page, project, 'population-01-lookup');
  await page.getByTestId('population-lookup-submit').click();
  await expect(page.getByTestId('population-lookup-summary')).toContainText('Nữ');
  await expect(page.getByTestId('intake-fullname')).toHaveValue('Nguyễn Thị Hồng Nhung');
  await expect(page.getByTestId('intake-address')).toHaveValue('Ấp Tân Phú, Xã Tân Thới, Tỉnh Đồng Tháp');
  await expect(page.getByTestId('verified-mark')).toHaveCount(3);
  await page.getByTestId('intake-phone').fill('0912345678');
  for (const box of await page.locator('[data-testid^="intake-doc-check-"][data-required="true"]').all())
    await box.check();
  await shot(page, project, 'population-02-filled', { fullPage: true });

  await page.getByTestId('intake-submit').click();
  const code = (await page.getByTestId('intake-success-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^H82\.050-\d{6}-\d{4}$/);
  const dossier = await (await page.request.get(`/api/v1/dossiers/${code}`)).json();
  expect(dossier.applicant).toMatchObject({ fullName: 'Nguyễn Thị Hồng Nhung', idNumber: '082195001234' });
  await shot(page, project, 'population-03-received');
});
