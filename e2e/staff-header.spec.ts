import { expect, type Page, test } from '@playwright/test';
import { axeViolations, signIn } from './a11y-support.ts';
import { shot } from './support.ts';

// Every role's header fits 1280 px (nothing overlaps, nothing scrolls sideways) and works at 360 px
// (the drawer lists every entry). The grouped entries open as a disclosure menu: a button with
// aria-expanded; Escape closes it and gives the focus back.
const ROLES = [
  { who: 'visitor', username: null },
  { who: 'reception', username: 'reception.tan-thoi' },
  { who: 'specialist', username: 'specialist.tan-thoi' },
  { who: 'leader', username: 'leader.tan-thoi' },
  { who: 'province', username: 'province.dong-thap' },
  { who: 'admin', username: 'admin' },
] as const;

async function box(page: Page, selector: string) {
  const b = await page.locator(selector).first().boundingBox();
  expect(b, selector).not.toBeNull();
  return b!;
}

for (const role of ROLES) {
  test(`the ${role.who}'s header fits 1280 px and opens its groups by keyboard`, async ({ page }, info) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    if (role.username) await signIn(page, role.username);
    else await page.goto('/dang-nhap');
    await expect(page.getByTestId('nav-home')).toBeVisible();
    const nav = page.locator('header nav');
    const brand = await box(page, '[data-testid="brand-link"]');
    const navBox = await box(page, 'header nav');
    const language = await box(page, '[data-testid="language-menu"]');
    // The brand ends before the first entry, the entries end before the language menu.
    expect(brand.x + brand.width).toBeLessThanOrEqual(navBox.x);
    expect(navBox.x + navBox.width).toBeLessThanOrEqual(language.x);
    const entries = nav.locator(':scope > a, :scope > div > button');
    const count = await entries.count();
    for (let i = 0; i < count; i++) {
      const b = (await entries.nth(i).boundingBox())!;
      expect(b.x).toBeGreaterThanOrEqual(navBox.x - 0.5);
      expect(b.x + b.width).toBeLessThanOrEqual(navBox.x + navBox.width + 0.5);
      expect(b.height).toBeLessThan(48); // one line: no label wraps
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await shot(page, info.project.name, `header-${role.who}-1280`, { fullPage: false });

    const groups = nav.locator('button[aria-expanded]');
    const groupCount = await groups.count();
    if (role.who === 'admin') expect(groupCount).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < groupCount; i++) {
      const button = groups.nth(i);
      await button.focus();
      await page.keyboard.press('Enter');
      await expect(button).toHaveAttribute('aria-expanded', 'true');
      const list = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
      await expect(list).toBeVisible();
      await expect(list.getByRole('link').first()).toBeVisible();
      if (i === groupCount - 1) {
        expect(await axeViolations(page)).toEqual([]);
        await shot(page, info.project.name, `header-${role.who}-1280-open`, { fullPage: false });
      }
      await page.keyboard.press('Tab');
      await expect(list.getByRole('link').first()).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(button).toHaveAttribute('aria-expanded', 'false');
      await expect(list).toBeHidden();
      await expect(button).toBeFocused();
    }
  });

  test(`the ${role.who}'s header works at 360 px`, async ({ page }, info) => {
    await page.setViewportSize({ width: 360, height: 800 });
    if (role.username) await signIn(page, role.username);
    else await page.goto('/dang-nhap');
    await expect(page.getByTestId('nav-home')).toBeHidden();
    const brand = await box(page, '[data-testid="brand-link"]');
    const language = await box(page, '[data-testid="language-menu"]');
    expect(brand.x + brand.width).toBeLessThanOrEqual(language.x);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(page, info.project.name, `header-${role.who}-360`, { fullPage: false });
    await page.getByTestId('nav-burger').click();
    await expect(page.getByTestId('nav-home-mobile')).toBeInViewport();
    await shot(page, info.project.name, `header-${role.who}-360-drawer`, { fullPage: false });
    expect(await axeViolations(page)).toEqual([]);
  });
}

for (const username of ['reception.tan-thoi', 'admin']) {
  test(`${username}: the header fits 1280 px in English and Russian too`, async ({ page }, info) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, username);
    for (const lang of ['en', 'ru']) {
      await page.getByTestId('language-menu').click();
      await page.getByTestId(`language-option-${lang}`).click();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const brand = await box(page, '[data-testid="brand-link"]');
      const navBox = await box(page, 'header nav');
      const language = await box(page, '[data-testid="language-menu"]');
      expect(brand.x + brand.width).toBeLessThanOrEqual(navBox.x);
      expect(navBox.x + navBox.width).toBeLessThanOrEqual(language.x);
      await shot(page, info.project.name, `header-${username.split('.')[0]}-1280-${lang}`, {
        fullPage: false,
      });
    }
    await page.getByTestId('language-menu').click();
    await page.getByTestId('language-option-vi').click();
  });
}
