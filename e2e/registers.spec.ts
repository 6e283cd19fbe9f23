import { expect, test } from '@playwright/test';
import { E2E_PASSWORD, shot } from './support.ts';

// Journey: the leader of Tân Thới adds a newly assigned officer to the staffing register by hand and
// records the one-stop course she attended; the register then counts her as trained.
test('a commune leader adds an officer and records her one-stop training', async ({ page }, info) => {
  test.slow();
  const project = info.project.name;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/dang-nhap');
  await page.getByTestId('login-username').fill('leader.tan-thoi');
  await page.getByTestId('login-password').fill(E2E_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();

  await page.goto('/nhan-su');
  await expect(page.getByTestId('staff-page')).toBeVisible();
  await page.getByTestId('staff-add').click();
  const form = page.getByTestId('staff-form');
  await expect(form).toBeVisible();
  // Nothing filled: the form says what is missing and sends nothing.
  await form.getByTestId('staff-form-name').fill('');
  await form.getByTestId('staff-form-personal-id').fill('0821');
  await form.getByTestId('staff-form-submit').click();
  await expect(form).toContainText('Không được để trống');
  await expect(form).toContainText('Số định danh cá nhân gồm đúng 12 chữ số');

  await form.getByTestId('staff-form-name').fill('Võ Thị Thanh Hương');
  await form.getByTestId('staff-form-personal-id').fill('082190004321');
  await form.getByTestId('staff-form-position').fill('Công chức tiếp nhận hồ sơ');
  await form.getByTestId('staff-form-fields').fill('CT');
  await form.getByTestId('staff-form-fields').press('Enter');
  await form.getByTestId('staff-form-start').fill('2025-07-01');
  await shot(page, project, 'registers-01-add-staff', { fullPage: false });
  await form.getByTestId('staff-form-submit').click();
  await expect(form).toHaveCount(0);

  await page.getByTestId('staff-search').fill('thanh huong');
  const row = page.getByTestId('staff-row').filter({ hasText: 'Võ Thị Thanh Hương' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Chưa bồi dưỡng');
  await row.getByTestId('staff-trainings').click();
  const trainings = page.getByTestId('trainings');
  await expect(trainings.getByTestId('trainings-empty')).toBeVisible();
  await trainings
    .getByTestId('training-course')
    .fill('Bồi dưỡng kỹ năng tiếp nhận, trả kết quả theo cơ chế một cửa');
  await trainings.getByTestId('training-day').fill('2025-07-02');
  await trainings.getByTestId('training-hours').fill('16');
  await trainings.getByTestId('training-submit').click();
  const course = trainings.getByTestId('training-row');
  await expect(course).toHaveCount(1);
  await expect(course).toContainText('02/07/2025');
  await expect(course).toContainText('16');
  await shot(page, project, 'registers-02-training', { fullPage: false });
  await page.keyboard.press('Escape');
  await expect(row).toContainText('Đã bồi dưỡng');

  // At phone width the register stays usable without sideways scrolling.
  await page.setViewportSize({ width: 360, height: 780 });
  await expect(row).toContainText('Đã bồi dưỡng');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await row.getByTestId('staff-trainings').click();
  await expect(page.getByTestId('training-row')).toHaveCount(1);
  await shot(page, project, 'registers-03-training-360', { fullPage: false });
});
