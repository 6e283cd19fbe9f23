import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signIn } from './a11y-support.ts';
import { shot } from './support.ts';

// Issue 16 item 1, the hall of Tân Thới's center: a citizen takes a ticket on the kiosk, an officer
// calls it from the counter page, the board on the hall's TV shows the call, the officer serves it.
const UNIT = '28693';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test('a ticket taken on the kiosk is called at the counter, shown on the board and served', async ({
  browser,
}, info) => {
  const project = info.project.name;
  const citizen = await browser.newPage({ viewport: { width: 1080, height: 1600 }, hasTouch: true });
  await citizen.goto(`/hang-doi/${UNIT}/may-lay-so`);
  await expect(citizen.getByTestId('kiosk-group-HT')).toBeVisible();
  // Large touch targets.
  const box = await citizen.getByTestId('kiosk-group-HT').boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(48);
  await shot(citizen, project, '70-queue-kiosk');
  await citizen.getByTestId('kiosk-group-HT').click();
  const numberText = await citizen.getByTestId('kiosk-ticket-number').textContent();
  const number = Number(numberText);
  expect(number).toBeGreaterThan(0);
  await expect(citizen.getByTestId('kiosk-ticket')).toContainText('Hộ tịch');
  await shot(citizen, project, '71-queue-kiosk-ticket');
  const printUrl = await citizen.getByTestId('kiosk-print').getAttribute('href');
  const pdf = await citizen.request.get(printUrl!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  // The ticket followed on the citizen's phone (the printed QR code's link names the commune).
  const id = /tickets\/([0-9a-f-]{36})\/print\?unit=(\d{5})$/.exec(printUrl!);
  expect(id?.[2]).toBe(UNIT);
  const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, hasTouch: true });
  await phone.goto(`/hang-doi/${UNIT}/${id![1]}`);
  await expect(phone.getByTestId('follow-number')).toHaveText(String(number));
  await expect(phone.getByTestId('follow-status')).toBeVisible();
  await phone.reload();
  await expect(phone.getByTestId('follow-number')).toHaveText(String(number));
  await shot(phone, project, '74-queue-follow-360');
  // The same ticket under another commune's path is not found there.
  await phone.goto(`/hang-doi/28696/${id![1]}`);
  await expect(phone.getByTestId('follow-error')).toBeVisible();
  await phone.close();

  const board = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await board.goto(`/hang-doi/${UNIT}/man-hinh`);
  await expect(board.getByTestId('board-waiting')).toBeVisible();

  const officer = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(officer, 'reception.tan-thoi');
  await officer.goto('/quay');
  await officer.getByTestId('counter-select').click();
  await officer.getByRole('option', { name: /Quầy 2 — Hộ tịch/ }).click();
  // Tickets taken before this one (other runs of the day) are served first.
  for (let i = 0; i < 50; i++) {
    await officer.getByTestId('counter-call-next').click();
    const current = officer.getByTestId('counter-current-number');
    await expect(current).toBeVisible();
    if (Number(await current.textContent()) === number) break;
    await officer.getByTestId('counter-served').click();
    await expect(current).toBeHidden();
  }
  await expect(officer.getByTestId('counter-current-number')).toHaveText(String(number));
  // Pushed to the board (Server-Sent Events): shown at once, no reload.
  await expect(board.getByTestId(`board-call-${number}`)).toContainText('Quầy 2', { timeout: 2000 });
  await shot(board, project, '72-queue-board');
  await shot(officer, project, '73-queue-counter');

  await officer.getByTestId('counter-served').click();
  await expect(officer.getByTestId('counter-current-number')).toBeHidden();
  await expect(board.getByTestId(`board-call-${number}`)).toBeHidden();
  await expect(board.getByTestId('board-recent')).toContainText(`${number} → Quầy 2`);
});

for (const width of [360, 1280]) {
  test(`the kiosk and the board have no axe violations at ${width} px`, async ({ page }, info) => {
    await page.setViewportSize({ width, height: 800 });
    const found: string[] = [];
    for (const [name, path, ready] of [
      ['kiosk', `/hang-doi/${UNIT}/may-lay-so`, 'kiosk-group-general'],
      ['board', `/hang-doi/${UNIT}/man-hinh`, 'board-waiting'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByTestId(ready)).toBeVisible();
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      for (const v of results.violations)
        found.push(`${name}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      if (width === 360) await shot(page, info.project.name, `74-queue-${name}-360`);
    }
    expect(found).toEqual([]);
  });
}
