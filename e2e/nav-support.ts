import { expect, type Page } from '@playwright/test';

/**
 * Follows a header entry by its test id (1280 px layout): an entry inside a group ("Quản trị",
 * "Đào tạo"…) is reached by opening the group's disclosure button first.
 */
export async function followNav(page: Page, testId: string) {
  const link = page.locator(`header nav [data-testid="${testId}"]`);
  await expect(link).toHaveCount(1);
  if (!(await link.isVisible())) {
    await page
      .locator('header nav > div', { has: page.getByTestId(testId) })
      .locator('button[aria-expanded]')
      .click();
  }
  await link.click();
}
