import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { axeViolations } from './a11y-support.ts';
import { followNav } from './nav-support.ts';
import { receiveByApi, SHOTS_DIR, shot, staffSession } from './support.ts';

const UNIT = '28693'; // Tân Thới

// Issue 16 item 3: the officer marks a ticket served → the counter shows the invitation (QR, tablet
// link) → the citizen opens it on a phone and rates → the leader's satisfaction page counts it.
test('a served visit is rated from the counter’s QR on a 360 px phone and shows in the leader’s figures', async ({
  browser,
}, info) => {
  const project = info.project.name;
  const leader = await staffSession(browser, info, 'leader.tan-thoi');
  // The figures page opens on this month (Vietnam time): the count before, for the same days.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const before = await (
    await leader.page.request.get(`/api/v1/ratings/figures?from=${today.slice(0, 8)}01&to=${today}`)
  ).json();

  const officer = await staffSession(browser, info, 'reception.tan-thoi');
  const taken = await officer.page.request.post('/api/v1/queue/tickets', { data: { unit: UNIT } });
  expect(taken.status()).toBe(201);
  const number = ((await taken.json()) as { number: number }).number;
  await officer.page.goto('/quay');
  await officer.page.getByTestId('counter-select').click();
  await officer.page.getByRole('option', { name: /^Quầy 1/ }).click();
  const current = officer.page.getByTestId('counter-current-number');
  // Tickets taken before this one (other journeys of the day) are served first.
  for (let i = 0; i < 50; i++) {
    await officer.page.getByTestId('counter-call-next').click();
    await expect(current).toBeVisible();
    if (Number(await current.textContent()) === number) break;
    await officer.page.getByTestId('counter-served').click();
    await expect(current).toBeHidden();
  }
  await expect(current).toHaveText(String(number));
  await expect(officer.page.getByTestId('counter-rating')).toHaveCount(0);
  await officer.page.getByTestId('counter-served').click();

  const invitation = officer.page.getByTestId('counter-rating');
  await expect(invitation).toBeVisible();
  await expect(invitation).toContainText(`số ${number}`);
  const qr = invitation.getByTestId('qr-code');
  const qrBox = (await qr.boundingBox())!;
  expect(qrBox.width).toBeGreaterThanOrEqual(240);
  const url = (await qr.getAttribute('data-value'))!;
  expect(url).toMatch(/\/danh-gia\/[A-Za-z0-9_-]{43}$/);
  const tablet = invitation.getByTestId('counter-rating-tablet');
  await expect(tablet).toHaveAttribute('href', new URL(url).pathname);
  expect(await axeViolations(officer.page)).toEqual([]);
  await shot(officer.page, project, 'rating-counter-qr-1280');

  // The citizen opens the QR's address on a phone.
  const phone = await browser.newContext({
    baseURL: info.project.use.baseURL,
    viewport: { width: 360, height: 780 },
    hasTouch: true,
    isMobile: true,
    locale: 'vi-VN',
  });
  const citizen = await phone.newPage();
  await citizen.goto(new URL(url).pathname);
  await expect(citizen.getByTestId('rate-form')).toBeVisible();
  expect(await citizen.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await citizen.getByTestId('rate-very_satisfied').tap();
  const reason = `Cán bộ quầy 1 hướng dẫn tận tình, số ${number}`;
  await citizen.getByTestId('rate-reason').fill(reason);
  await shot(citizen, project, 'rating-phone-360');
  await citizen.getByTestId('rate-submit').tap();
  await expect(citizen.getByTestId('rate-thanks')).toBeVisible();
  // The same visit cannot be rated twice: the page says so, the API answers 409 problem+json.
  await citizen.reload();
  await expect(citizen.getByTestId('rate-already')).toBeVisible();
  const again = await citizen.request.post('/api/v1/ratings', {
    data: { token: url.split('/').pop(), rating: 'dissatisfied' },
  });
  expect(again.status()).toBe(409);
  expect(again.headers()['content-type']).toMatch(/problem\+json/);
  await phone.close();

  // Calling the next number puts the invitation away.
  await officer.page.getByTestId('counter-call-next').click();
  await expect(invitation).toHaveCount(0);
  await officer.context.close();

  // The leader finds the page in the reports group and sees the rating and its reason.
  await leader.page.goto('/bao-cao');
  await expect(leader.page.getByTestId('reports-page')).toBeVisible();
  await followNav(leader.page, 'nav-ratings');
  await expect(leader.page).toHaveURL(/\/bao-cao\/hai-long/);
  await expect(leader.page.getByTestId('rating-figures-total')).toHaveText(
    String(before.center.total + 1).replace(/\B(?=(\d{3})+(?!\d))/g, '.'),
  );
  await expect(leader.page.getByTestId('rating-figures-center-very_satisfied')).toContainText(
    String(before.center.very_satisfied + 1),
  );
  await expect(leader.page.getByTestId('rating-figures-reason').filter({ hasText: reason })).toContainText(
    'Rất hài lòng',
  );
  await expect(leader.page.getByTestId('rating-figures-officers')).toContainText('%');
  expect(await axeViolations(leader.page)).toEqual([]);
  await shot(leader.page, project, 'rating-figures-1280');
  // On a phone the page stays within the screen (the officers' table scrolls inside its box).
  await leader.page.setViewportSize({ width: 360, height: 780 });
  await expect(leader.page.getByTestId('rating-figures-total')).toBeVisible();
  expect(await leader.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shot(leader.page, project, 'rating-figures-360');
  await leader.page.setViewportSize({ width: 1280, height: 900 });

  // A period without ratings says so instead of 0 %.
  await leader.page.goto('/bao-cao/hai-long?ky=custom&from=2020-01-01&to=2020-01-31');
  await expect(leader.page.getByTestId('rating-figures-empty')).toContainText('Chưa có đánh giá');
  await expect(leader.page.getByTestId('rating-figures-center')).toHaveCount(0);
  await shot(leader.page, project, 'rating-figures-empty-1280');
  await leader.context.close();
});

test('the receipt slip prints the rating QR with its caption (PDF text and a PNG of the page)', async ({
  browser,
}, info) => {
  const { context, page } = await staffSession(browser, info, 'reception.tan-thoi');
  const code = await receiveByApi(page, UNIT, '2.000815', {
    fullName: 'Lê Thị Thu Hà',
    idNumber: '087190007788',
    phone: '0909123456',
    address: 'Ấp Tân Thới, xã Tân Thới',
  });
  const res = await page.request.get(`/api/v1/dossiers/${code}/receipt.pdf`);
  expect(res.status()).toBe(200);
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${info.project.name}-rating-receipt-slip`);
  fs.writeFileSync(`${file}.pdf`, await res.body());
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', `${file}.pdf`, '-'], { encoding: 'utf8' });
  expect(text).toContain('Quét mã để đánh giá mức độ hài lòng về việc giải quyết hồ sơ');
  const token = /\/danh-gia\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];
  expect(token).toBeDefined();
  // The printed address opens the rating of this dossier.
  const state = await page.request.get(`/api/v1/ratings/invitations/${token}`);
  expect(state.status()).toBe(200);
  expect(await state.json()).toMatchObject({ kind: 'dossier', rated: false });
  execFileSync('pdftoppm', ['-png', '-r', '90', '-singlefile', `${file}.pdf`, file]);
  expect(fs.statSync(`${file}.png`).size).toBeGreaterThan(10_000);
  await context.close();
});

for (const width of [1280, 1024]) {
  test(`the staff header shows the whole centre name at ${width} px`, async ({ browser }, info) => {
    const { context, page } = await staffSession(browser, info, 'leader.tan-thoi');
    await page.setViewportSize({ width, height: 800 });
    const name = page.getByTestId('header-center-name');
    await expect(name).toBeVisible();
    await shot(page, info.project.name, `rating-header-${width}`, { fullPage: false });
    const full = (await name.textContent())!.trim();
    expect(full).toMatch(/^Trung tâm PVHCC /);
    // Either nothing is cut (wrapped onto the lines it needs), or the full name is its title.
    const cut = await name.evaluate(
      (el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight,
    );
    if (cut) await expect(name).toHaveAttribute('title', full);
    else {
      const box = (await name.boundingBox())!;
      const logo = (await page.getByTestId('brand-link').boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(logo.x + logo.width + 0.5);
    }
    await context.close();
  });
}
