import { expect, type Page } from '@playwright/test';

/**
 * Follows a header entry by its test id (1280 px layout): an entry inside a group ("Quản trị",
 * "Đào tạo"…) is reached by opening the group's disclosure button first. A group that closes again
 * before the click lands (seen once in CI: a re-render of the header while it settled) is opened again.
 */
export async function followNav(page: Page, testId: string) {
  const link = page.locator(`header nav [data-testid="${testId}"]`);
  await expect(link).toHaveCount(1);
  const group = page
    .locator('header nav > div', { has: page.getByTestId(testId) })
    .locator('button[aria-expanded]');
  await expect(async () => {
    if (!(await link.isVisible())) await group.click({ timeout: 5_000 });
    await link.click({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}
