import { type APIRequestContext, expect, test } from '@playwright/test';
import { axeViolations } from './a11y-support.ts';
import { E2E_PASSWORD, shot } from './support.ts';

const UNIT = '28693'; // Tân Thới

/** The counter serves a ticket and opens the rating for it: the invitation's path (/danh-gia/<token>). */
async function servedVisit(request: APIRequestContext): Promise<string> {
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'reception.tan-thoi', password: E2E_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const taken = await request.post('/api/v1/queue/tickets', { data: { unit: UNIT } });
  expect(taken.status()).toBe(201);
  const called = await request.post('/api/v1/queue/counters/1/call-next');
  expect(called.status()).toBe(200);
  const id = ((await called.json()) as { ticket: { id: string } }).ticket.id;
  const served = await request.post(`/api/v1/queue/tickets/${id}/actions`, {
    data: { action: 'served', counter: 1 },
  });
  expect(served.status()).toBe(200);
  const invited = await request.post('/api/v1/ratings/invitations', { data: { ticketId: id } });
  expect(invited.status()).toBe(201);
  const { url } = (await invited.json()) as { url: string };
  await request.post('/api/v1/auth/logout');
  return new URL(url).pathname;
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 360, height: 780 },
]) {
  test(`a citizen rates the visit on the counter's tablet (${size.width} px); the tablet then clears itself`, async ({
    browser,
    request,
  }, info) => {
    const path = await servedVisit(request);
    const context = await browser.newContext({
      viewport: size,
      hasTouch: true,
      baseURL: info.project.use.baseURL,
    });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(path);
    await expect(page.getByTestId('rate-form')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đánh giá mức độ hài lòng');
    expect(await axeViolations(page)).toEqual([]);
    for (const level of ['very_satisfied', 'satisfied', 'dissatisfied']) {
      const box = await page.getByTestId(`rate-${level}`).boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(64);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    // Sending without a choice asks for one.
    await page.getByTestId('rate-submit').click();
    await expect(page.getByTestId('rate-missing')).toBeVisible();
    await page.getByTestId('rate-satisfied').tap();
    await expect(page.getByTestId('rate-satisfied')).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('rate-reason').fill('Cán bộ hướng dẫn rõ ràng, chờ hơi lâu');
    await shot(page, info.project.name, `rating-tablet-${size.width}`);
    await page.getByTestId('rate-submit').click();
    await expect(page.getByTestId('rate-thanks')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, info.project.name, `rating-thanks-${size.width}`);
    // The thanks go away by themselves: nothing of this citizen stays for the next one.
    await page.clock.runFor(13_000);
    await expect(page.getByTestId('rate-idle')).toBeVisible();
    await expect(page.getByTestId('rate-reason')).toHaveCount(0);
    // The same invitation opened again (reload, cold) says it was rated; a second rating is refused.
    await page.reload();
    await expect(page.getByTestId('rate-already')).toBeVisible();
    const again = await request.post('/api/v1/ratings', {
      data: { token: path.split('/').pop(), rating: 'dissatisfied' },
    });
    expect(again.status()).toBe(409);
    // A made-up token is no JSON 404: the page says the invitation is not valid.
    await page.goto(`/danh-gia/${'A'.repeat(43)}`);
    await expect(page.getByTestId('rate-error')).toContainText('không hợp lệ');
    await context.close();
  });
}
