import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { signIn } from './a11y-support.ts';
import { shot } from './support.ts';

/** axe's WCAG 2.2 A/AA violations inside the ranking section (the section this spec adds to the page). */
async function rankingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('[data-testid="ranking-section"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

// The province officer reads the communes ranked by the Decision 766 index: rank, score, points per
// group and each indicator's value and points, the same as the dashboard API says.
test('province dashboard ranks the communes by the Decision 766 index', async ({ page }, info) => {
  const project = info.project.name;
  await signIn(page, 'province.dong-thap');
  await page.goto('/tinh?from=2025-07-01&to=2025-07-02');
  await expect(page.getByTestId('dashboard-page')).toBeVisible();
  const ranking = page.getByTestId('index-ranking');
  await expect(ranking).toBeVisible();

  const api = await page.request.get('/api/v1/reports/dashboard?province=82&from=2025-07-01&to=2025-07-02');
  expect(api.status()).toBe(200);
  const communes = (await api.json()).communes as Array<{
    unit: { code: string };
    rank: number;
    index766: { score: number };
  }>;
  expect(communes.length).toBeGreaterThan(1);
  const rows = ranking.getByTestId('ranking-row');
  await expect(rows).toHaveCount(communes.length);
  // Listed in the API's order, with its ranks; ranks never decrease down the table and start at 1.
  const shown = await rows.evaluateAll((els) =>
    els.map((e) => [e.getAttribute('data-code'), Number(e.getAttribute('data-rank'))]),
  );
  expect(shown).toEqual(communes.map((c) => [c.unit.code, c.rank]));
  expect(shown[0]?.[1]).toBe(1);
  for (let k = 1; k < communes.length; k++) {
    expect(communes[k]?.index766.score ?? 0).toBeLessThanOrEqual(communes[k - 1]?.index766.score ?? 0);
  }
  const tanThoi = ranking.locator('[data-testid="ranking-row"][data-code="28693"]');
  const score = communes.find((c) => c.unit.code === '28693')?.index766.score ?? -1;
  await expect(tanThoi.locator('[data-col="score"]')).toContainText(
    new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(score),
  );
  await expect(tanThoi.locator('[data-col="rank"]')).toHaveText(
    String(communes.find((c) => c.unit.code === '28693')?.rank),
  );

  // Each indicator: the on-time rate with its points, an uncollected one with its reason.
  await tanThoi.getByTestId('ranking-details').locator('summary').click();
  const component = (id: string) => tanThoi.locator(`[data-testid="ranking-component"][data-id="${id}"]`);
  await expect(component('2.1')).toContainText('Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn');
  await expect(component('2.1')).toContainText(/\/10,00 điểm/);
  await expect(component('2.2')).toContainText(/ngày|N\/A/);
  // The indicators issue 18 added, with the values the API gives: publicity of procedures (1.1, 1.3),
  // online payment (3.5, 3.6); 4.3 still not collected, with its reason; the split of points flagged
  // as our assumption.
  const components = (
    communes.find((c) => c.unit.code === '28693') as unknown as {
      index766: { components: Array<{ id: string; value: number | null; points: number | null }> };
    }
  ).index766.components;
  const pct = (id: string) => {
    const v = components.find((k) => k.id === id)?.value;
    if (v === null || v === undefined) throw new Error(`${id} has no value in the demo`);
    return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(v)}%`;
  };
  await expect(component('1.1')).toContainText('Tỷ lệ TTHC được công khai đúng hạn');
  await expect(component('1.1')).toContainText(pct('1.1'));
  await expect(component('1.3')).toContainText('đầy đủ các bộ phận');
  await expect(component('1.3')).toContainText(pct('1.3'));
  await expect(component('3.5')).toContainText('thanh toán trực tuyến');
  await expect(component('3.5')).toContainText(pct('3.5'));
  await expect(component('3.6')).toContainText('Tỷ lệ hồ sơ thanh toán trực tuyến');
  await expect(component('3.6')).toContainText(pct('3.6'));
  await expect(component('4.3')).toContainText('chưa được thu thập');
  await expect(page.getByTestId('ranking-assumption')).toContainText('Giả định của motcua');
  expect(await rankingViolations(page)).toEqual([]);
  await page.getByTestId('ranking-section').scrollIntoViewIfNeeded();
  await shot(page, project, 'index-ranking-1280');

  await page.setViewportSize({ width: 360, height: 800 });
  await page.getByTestId('ranking-section').scrollIntoViewIfNeeded();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, project, 'index-ranking-360');
  expect(await rankingViolations(page)).toEqual([]);
});
