import { expect, type Page, test } from '@playwright/test';
import { shot } from './support.ts';

// Journey: a citizen on a 360 px phone knows only the name of their commune before 1 July 2025
// (Xã Tân Thạnh, Huyện Tân Phú Đông, Tỉnh Tiền Giang), types it without diacritics and reaches the
// center of the commune that serves it now (Xã Tân Thới, Đồng Tháp); then picks a center in the
// catalogue by another former name.
test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });

async function noSideScroll(page: Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
}

test('a former commune name without diacritics leads to the current center page', async ({ page }, info) => {
  const project = info.project.name;
  await page.goto('/');
  await page.getByTestId('unit-finder-input').fill('tan thanh');
  const result = page.getByTestId('unit-finder-result-28693');
  await expect(result).toBeVisible();
  await expect(result.getByTestId('unit-finder-matched')).toContainText('Xã Tân Thạnh');
  await expect(result.getByTestId('unit-finder-matched')).toContainText(
    'Huyện Tân Phú Đông, Tỉnh Tiền Giang',
  );
  await result.scrollIntoViewIfNeeded();
  await noSideScroll(page);
  await shot(page, project, '60-former-unit-finder-360');

  await result.getByTestId('unit-finder-link').click();
  await expect(page).toHaveURL(/\/trung-tam\/28693$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Trung tâm Phục vụ hành chính công Xã Tân Thới',
  );
  await expect(page.getByTestId('center-active')).toBeVisible();
  const former = page.getByTestId('center-former-units');
  for (const name of ['Xã Tân Thới', 'Xã Tân Phú', 'Xã Tân Thạnh']) await expect(former).toContainText(name);
  await noSideScroll(page);
  await shot(page, project, '61-former-unit-center-page-360', { fullPage: true });

  await page.getByTestId('center-catalog-link').click();
  await expect(page).toHaveURL(/\/thu-tuc\?unit=28693/);
  await expect(page.getByTestId('catalog-count')).toBeVisible();
});

test('the commune picker finds a center by a former name', async ({ page }, info) => {
  await page.goto('/thu-tuc');
  // The native list of centers stays; the search box under it also knows the names before 1 July 2025.
  await page.getByTestId('catalog-unit-select-search').fill('phu thanh');
  const option = page.getByRole('button', { name: /Xã Tân Phú Đông/ });
  await expect(option).toBeVisible();
  await expect(page.getByTestId('unit-option-former-28696')).toContainText('Xã Phú Thạnh');
  await expect(page.getByRole('status').filter({ hasText: 'phù hợp' })).toBeVisible();
  await noSideScroll(page);
  await shot(page, info.project.name, '62-former-unit-picker-360');
  await option.click();
  await expect(page).toHaveURL(/unit=28696/);
  await expect(page.getByTestId('catalog-unit-select')).toHaveValue('28696');
  await expect(page.getByTestId('catalog-count')).toBeVisible();
});
