import { expect, type Page, test } from '@playwright/test';
import { axeViolations, signIn } from './a11y-support.ts';
import { shot } from './support.ts';

// Issue 16 item 2, one citizen visit in Tân Thới's center: a ticket from the kiosk, called at the
// counter, the dossier received from it, and the director's report showing the visit's times.
const UNIT = '28693';

/** Calls at the counter until `number` is called, serving whatever came before it (other runs' tickets). */
async function callUntil(officer: Page, number: number) {
  for (let i = 0; i < 60; i++) {
    await officer.getByTestId('counter-call-next').click();
    const current = officer.getByTestId('counter-current-number');
    await expect(current).toBeVisible();
    if (Number(await current.textContent()) === number) return;
    await officer.getByTestId('counter-served').click();
    await expect(current).toBeHidden();
  }
  throw new Error(`ticket ${number} never called`);
}

test('a kiosk ticket is called, the dossier is received from it, and the report shows the visit', async ({
  browser,
}, info) => {
  const project = info.project.name;
  const citizen = await (
    await browser.newContext({ viewport: { width: 1080, height: 1600 }, hasTouch: true })
  ).newPage();
  await citizen.goto(`/hang-doi/${UNIT}/may-lay-so`);
  await citizen.getByTestId('kiosk-group-CT').click();
  const number = Number(await citizen.getByTestId('kiosk-ticket-number').textContent());
  expect(number).toBeGreaterThan(0);

  // The reception officer has the counter page in the staff menu.
  const officer = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(officer, 'reception.tan-thoi');
  // The reception desk's group holds the entry (the header itself is e2e/staff-header.spec.ts's).
  await expect(officer.locator('header nav [data-testid="nav-counter"]')).toHaveAttribute('href', '/quay');
  await officer.goto('/quay');
  await expect(officer).toHaveURL(/\/quay$/);
  await officer.getByTestId('counter-select').click();
  await officer.getByRole('option', { name: /Quầy 3 — Chứng thực/ }).click();
  await callUntil(officer, number);
  await expect(officer.getByTestId('counter-outcome')).toBeVisible();
  expect(await axeViolations(officer)).toEqual([]);
  await shot(officer, project, '80-queue-counter-outcome');

  // The intake form opened from the ticket.
  await officer.getByTestId('counter-receive-dossier').click();
  await expect(officer).toHaveURL(/\/tiep-nhan\?ticket=/);
  await expect(officer.getByTestId('intake-queue-ticket')).toContainText(String(number));
  await officer.getByTestId('intake-procedure').fill('chung thuc ban sao');
  await officer
    .getByRole('option', { name: /Chứng thực bản sao từ bản chính/ })
    .first()
    .click();
  await officer.getByTestId('intake-fullname').fill('Trần Văn Lộc');
  await officer.getByTestId('intake-id-number').fill('082195001234');
  await officer.getByTestId('intake-phone').fill('0912345678');
  await officer.getByTestId('intake-address').fill('Ấp Tân Phú, xã Tân Thới, tỉnh Đồng Tháp');
  for (const box of await officer.locator('[data-testid^="intake-doc-check-"][data-required="true"]').all())
    await box.check();
  await officer.getByTestId('intake-submit').click();
  const code = (await officer.getByTestId('intake-success-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^H82\.050-\d{6}-\d{4}$/);
  await expect(officer.getByTestId('intake-ticket-done')).toContainText(String(number));
  await shot(officer, project, '81-queue-intake-from-ticket');

  // Back at the counter: the ticket is finished, the counter free to call the next one.
  await officer.getByTestId('intake-ticket-done').getByRole('link').click();
  await expect(officer.getByTestId('counter-select')).toHaveValue(/Quầy 3/);
  await expect(officer.getByTestId('counter-call-next')).toBeEnabled();
  await expect(officer.getByTestId('counter-current-number')).toBeHidden();

  // The director's report: the visit with its dossier and its waiting and service times.
  const director = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(director, 'leader.tan-thoi');
  await director.goto('/quay');
  await director.getByTestId('counter-report-link').click();
  await expect(director).toHaveURL(/\/quay\/bao-cao$/);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const visit = director.getByTestId(`queue-visit-${day}-${number}`);
  await expect(visit).toContainText(code);
  await expect(visit).toContainText('Tiếp nhận hồ sơ');
  // Waiting and service times written out (seconds or minutes), not blank.
  await expect(visit.locator('td').nth(3)).toHaveText(/\d+ (giây|phút)/);
  await expect(visit.locator('td').nth(4)).toHaveText(/\d+ (giây|phút)/);
  await expect(director.getByTestId('queue-report-chart')).toBeVisible();
  expect(Number(await director.getByTestId('queue-report-dossiers').textContent())).toBeGreaterThanOrEqual(1);
  for (const width of [1280, 360]) {
    await director.setViewportSize({ width, height: 900 });
    expect(
      await director.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(await axeViolations(director)).toEqual([]);
    await shot(director, project, `82-queue-report-${width}`);
  }
});

test('the leader adds, renames and deactivates a counter; a stale page is refused', async ({
  browser,
}, info) => {
  const project = info.project.name;
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(page, 'leader.tan-thoi');
  await page.goto('/quay');
  await page.getByTestId('counter-config-link').click();
  await expect(page).toHaveURL(/\/quay\/cau-hinh$/);
  await expect(page.getByTestId('config-counter-1')).toBeVisible();
  // A number not used before in this database (runs share the database of the server).
  const numbers = await page.locator('[data-testid^="config-counter-"][data-testid$="-name"]').count();
  const n = 10 + numbers;
  await page.getByTestId('config-add-number').fill(String(n));
  await page.getByTestId('config-add-name').fill(`Quầy ${n} — Một cửa liên thông`);
  await page.getByTestId('config-add').click();
  await expect(page.getByTestId('config-message')).toContainText(String(n));
  await expect(page.getByTestId(`config-counter-${n}`)).toBeVisible();

  // A second page opened now, before the rename.
  const stale = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(stale, 'leader.tan-thoi');
  await stale.goto('/quay/cau-hinh');
  await expect(stale.getByTestId(`config-counter-${n}`)).toBeVisible();

  await page.getByTestId(`config-counter-${n}-name`).fill(`Quầy ${n} — Đất đai`);
  await page.getByTestId(`config-counter-${n}-save`).click();
  await expect(page.getByTestId('config-message')).toContainText(String(n));
  await expect(page.getByTestId(`config-counter-${n}-name`)).toHaveValue(`Quầy ${n} — Đất đai`);

  // The stale page deactivates it: refused with the reason, nothing written.
  await stale.getByTestId(`config-counter-${n}-toggle`).click();
  await expect(stale.getByTestId(`config-counter-${n}`)).toContainText('vừa được người khác thay đổi');
  await shot(stale, project, '83-queue-config-stale', { fullPage: false });
  await stale.getByTestId('config-reload').click();
  await expect(stale.getByTestId(`config-counter-${n}-name`)).toHaveValue(`Quầy ${n} — Đất đai`);
  await stale.getByTestId(`config-counter-${n}-toggle`).click();
  await expect(stale.getByTestId(`config-counter-${n}`)).toContainText('Ngừng hoạt động');

  for (const width of [1280, 360]) {
    await stale.setViewportSize({ width, height: 900 });
    expect(
      await stale.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(await axeViolations(stale)).toEqual([]);
    await shot(stale, project, `84-queue-config-${width}`);
  }
});
