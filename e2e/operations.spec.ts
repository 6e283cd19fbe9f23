import { expect, type Locator, type Page, test } from '@playwright/test';
import { receiveDossier, signIn } from './a11y-support.ts';
import { followNav } from './nav-support.ts';
import { shot } from './support.ts';

// Journey (issue 15 item 6): the portal stand-in answers 503 while the Tân Thới counter receives
// dossiers; the operations page shows the portal link down and its backlog growing. The stand-in is
// told to recover: the worker drains the backlog by itself and the page, refreshing on its own,
// shows the link up with nothing waiting.

async function backlogOf(card: Locator): Promise<number> {
  return Number((await card.getByTestId('link-backlog').textContent())?.trim() ?? 'NaN');
}

async function portalOrigin(page: Page): Promise<string> {
  const res = await page.request.get('/api/v1/integration/status');
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { links: Array<{ link: string; endpoint: string | null }> };
  const endpoint = body.links.find((l) => l.link === 'portal')?.endpoint;
  if (!endpoint) throw new Error('the portal link has no endpoint: is the stand-in running?');
  return endpoint;
}

test('a failing portal shows as down with a growing backlog; after recovery the backlog drains and the link is up', async ({
  page,
  request,
}, info) => {
  test.slow();
  await signIn(page, 'leader.tan-thoi');
  const portal = await portalOrigin(page);
  await followNav(page, 'nav-operations');
  await expect(page.getByTestId('operations-page')).toBeVisible();
  const card = page.locator('[data-testid="link-card"][data-link="portal"]');
  await expect(card).toBeVisible();
  // Whatever the demo queued at start-up has been delivered before the fault starts.
  await expect.poll(() => backlogOf(card), { timeout: 60_000 }).toBe(0);
  await expect(card).toHaveAttribute('data-state', 'up', { timeout: 30_000 });

  const fault = await page.request.post(`${portal}/__admin/faults`, {
    data: { mode: 'status', status: 503 },
  });
  expect(fault.status()).toBe(200);
  try {
    await receiveDossier(request);
    await page.getByTestId('operations-refresh').click();
    await expect.poll(() => backlogOf(card)).toBeGreaterThan(0);
    const first = await backlogOf(card);
    // The health probe gets 503: the link is down (the probe result is cached up to 10 s).
    await expect(card).toHaveAttribute('data-state', 'down', { timeout: 30_000 });
    await expect(card.getByTestId('link-reasons')).toContainText('kiểm tra kết nối không thành công');
    await receiveDossier(request);
    await receiveDossier(request);
    await page.getByTestId('operations-refresh').click();
    await expect.poll(() => backlogOf(card)).toBeGreaterThan(first);
    // The worker tried and failed: the error count of the last 24 hours is no longer 0.
    await expect(card.getByTestId('link-errors-24h')).not.toHaveText(/^0\//, { timeout: 30_000 });
    await expect(page.getByTestId('error-rate-chart')).toBeVisible();
    await shot(page, info.project.name, 'operations-portal-down', { fullPage: true });
  } finally {
    await page.request.delete(`${portal}/__admin/faults`);
  }

  // Recovery: nothing is re-sent by hand; the retries come due (≤ 30 s after the first failure).
  await expect.poll(() => backlogOf(card), { timeout: 120_000, intervals: [2000] }).toBe(0);
  await expect(card).toHaveAttribute('data-state', 'up', { timeout: 30_000 });
  await expect(card.getByTestId('link-oldest')).toHaveText('Không');
  await shot(page, info.project.name, 'operations-portal-recovered', { fullPage: true });

  // The province officer sees the same link, commune by commune.
  await page.context().clearCookies();
  await signIn(page, 'province.dong-thap');
  await page.goto('/van-hanh');
  const row = page.locator('[data-testid="operations-commune"][data-code="28693"]');
  await expect(row).toBeVisible();
  await expect(row.locator('[data-link="portal"]')).toHaveAttribute('data-state', 'up');
  await shot(page, info.project.name, 'operations-province', { fullPage: true });
});
