import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { receiveDossier, signIn } from './a11y-support.ts';
import { PUBLIC_ROUTES, SIGNED_OUT_STAFF_ROUTES, STAFF_ROUTES } from './routes.ts';

// Issue 14 item 6: axe finds no WCAG 2.2 A/AA violation on any page of e2e/routes.ts — the citizens'
// pages at 360 and 1280 px, the staff pages at 1280 px after signing in with a demo account.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violationsOf(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

for (const width of [360, 1280]) {
  test(`citizen pages have no axe violations at ${width} px`, async ({ page, request }) => {
    const dossier = await receiveDossier(request);
    await page.setViewportSize({ width, height: 800 });
    const found: string[] = [];
    for (const route of [...PUBLIC_ROUTES, ...SIGNED_OUT_STAFF_ROUTES]) {
      await page.goto(route.path.replace('{dossier}', dossier.code));
      await expect(page.getByTestId(route.ready).first()).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
      for (const v of await violationsOf(page)) found.push(`${route.name}: ${v}`);
    }
    expect(found).toEqual([]);
  });
}

test('the language chosen is the language of the page (lang on <html>)', async ({ page }) => {
  await page.goto('/tra-cuu');
  for (const lang of ['en', 'ru', 'vi']) {
    await page.getByTestId('language-menu').click();
    await page.getByTestId(`language-option-${lang}`).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
  }
  await page.getByTestId('language-menu').click();
  await page.getByTestId('language-option-ru').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Статус дела');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  expect(await violationsOf(page)).toEqual([]);
});

for (const route of STAFF_ROUTES) {
  test(`staff page ${route.name} has no axe violations`, async ({ page, request }) => {
    const path = route.path.includes('{dossier}')
      ? route.path.replace('{dossier}', (await receiveDossier(request)).code)
      : route.path;
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, route.account);
    await page.goto(path);
    await expect(page.getByTestId(route.ready).first()).toBeVisible();
    expect(await violationsOf(page)).toEqual([]);
  });
}
