import { expect, type Page, test } from '@playwright/test';
import { receiveDossier } from './a11y-support.ts';

// Issue 14 item 6: the tracking lookup with the keyboard alone, on a phone-sized screen: skip link,
// fields in order, Enter submits, a wrong field gets the focus with its message, the result is read.
test.use({ viewport: { width: 360, height: 740 } });

async function tabTo(page: Page, testId: string, max = 30) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === testId) return;
  }
  throw new Error(`${testId} not reached with Tab`);
}

test('a citizen tracks a dossier with the keyboard alone', async ({ page, request }) => {
  const dossier = await receiveDossier(request);
  await page.goto('/');
  await expect(page.getByTestId('home-tracking-link')).toBeVisible();
  // The first Tab reaches the skip link, which moves the focus to the main content.
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('href', '#main');
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await tabTo(page, 'home-tracking-link');
  // The focus ring is visible (not suppressed by styles).
  const outline = await page.locator(':focus').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/tra-cuu$/);

  await tabTo(page, 'tracking-code');
  await page.keyboard.type(dossier.code.toLowerCase());
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('tracking-phone')).toBeFocused();
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  // The wrong field is focused and described by its message.
  await expect(page.getByTestId('tracking-phone')).toBeFocused();
  await expect(page.getByTestId('tracking-phone')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('tracking-phone')).toHaveAccessibleDescription('Nhập đúng 4 chữ số');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(dossier.phone.slice(-4));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tracking-status')).toHaveText('Được tiếp nhận');
  await expect(page).toHaveURL(new RegExp(`/tra-cuu/${dossier.code.replaceAll('.', '\\.')}$`));
});
