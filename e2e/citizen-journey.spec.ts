import fs from 'node:fs';
import { type APIRequestContext, type Browser, expect, type Page, request, test } from '@playwright/test';
import { axeViolations, signIn } from './a11y-support.ts';
import { E2E_PASSWORD, shot } from './support.ts';

// Issue 14: a citizen signs in through the local OpenID Connect provider, files a birth registration
// with a photo on a 360 px phone, reception asks for a supplement in the online-queue page, the citizen
// uploads it, reception accepts, the result is issued, the citizen downloads it and rates the service.
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

const CITIZEN = { personalId: '082190004567', fullName: 'Trần Thị Bích Ngọc', password: 'congdan-demo' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function noAxeViolations(page: Page, what: string) {
  expect(await axeViolations(page), `axe on ${what}`).toEqual([]);
}

/** A staff member's API client (its own cookie jar), signed in with the demo password. */
async function staffApi(baseURL: string, username: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/v1/auth/login', { data: { username, password: E2E_PASSWORD } });
  expect(res.status()).toBe(200);
  return api;
}

async function act(api: APIRequestContext, code: string, body: Record<string, unknown>) {
  const res = await api.post(`/api/v1/dossiers/${code}/actions`, { data: body });
  expect(res.status(), `${body.action}: ${await res.text()}`).toBe(200);
}

/** Reception has transferred it; specialist and leader process it, the leader issues the result, reception returns it. */
async function processToResult(baseURL: string, code: string) {
  const reception = await staffApi(baseURL, 'reception.tan-thoi');
  const specialist = await staffApi(baseURL, 'specialist.tan-thoi');
  const leader = await staffApi(baseURL, 'leader.tan-thoi');
  await act(reception, code, { action: 'transfer' });
  await act(specialist, code, { action: 'assign', assignee: 'specialist.tan-thoi' });
  await act(specialist, code, { action: 'complete_step' });
  await act(leader, code, { action: 'complete_step' });
  await act(leader, code, {
    action: 'issue_result',
    resultFile: {
      fileName: 'trich-luc-khai-sinh.pdf',
      contentType: 'application/pdf',
      dataBase64: PDF.toString('base64'),
    },
  });
  return { reception, dispose: () => Promise.all([reception, specialist, leader].map((a) => a.dispose())) };
}

/** A 3200×2400 PNG drawn in the page: what a phone camera hands over. */
async function cameraPhoto(page: Page, text: string): Promise<Buffer> {
  const bytes = await page.evaluate(async (label) => {
    const canvas = document.createElement('canvas');
    canvas.width = 3200;
    canvas.height = 2400;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.fillStyle = '#f5f0e6';
    ctx.fillRect(0, 0, 3200, 2400);
    ctx.fillStyle = '#223';
    ctx.font = '160px sans-serif';
    ctx.fillText(label, 300, 1200);
    const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b as Blob), 'image/png'));
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  }, text);
  return Buffer.from(bytes);
}

/** At the provider's page: the citizen types their personal ID and password. */
async function signInAtProvider(page: Page) {
  await expect(page.locator('#login')).toBeVisible();
  await page.locator('#login').fill(CITIZEN.personalId);
  await page.locator('#password').fill(CITIZEN.password);
  await page.locator('button[type=submit]').click();
}

async function fillBirthRegistration(page: Page, project: string, opts: { assisted?: boolean } = {}) {
  const next = async (step: string) => {
    await page.getByTestId('wizard-next').click();
    await expect(page.getByTestId('wizard-progress')).toHaveText(step);
  };
  await expect(page.getByTestId('wizard-progress')).toHaveText('Bước 1/7');
  if (opts.assisted) {
    // At the counter the officer types what the citizen's ID card says: nothing is marked verified.
    await expect(page.getByTestId('assisted-note')).toBeVisible();
    await page.getByTestId('f-declarant-fullName').fill(CITIZEN.fullName);
    await page.getByTestId('f-declarant-personalId').fill(CITIZEN.personalId);
    await expect(page.getByTestId('verified-f-declarant-fullName')).toHaveCount(0);
  } else {
    // The declarant is the signed-in citizen: their verified name and personal ID are filled in.
    await expect(page.getByTestId('f-declarant-fullName')).toHaveValue(CITIZEN.fullName);
    await expect(page.getByTestId('f-declarant-personalId')).toHaveValue(CITIZEN.personalId);
    await expect(page.getByTestId('verified-f-declarant-fullName')).toBeVisible();
    await shot(page, project, '80-journey-wizard-prefilled-360');
  }
  await page.getByTestId('f-declarant-relationship').selectOption('me');
  await page.getByTestId('f-declarant-phone').fill('0912 345 678');
  await page.getByTestId('f-declarant-residence').fill('Số 12, ấp Tân Lập, xã Tân Thới, tỉnh Đồng Tháp');
  await next('Bước 2/7');
  await page.getByTestId('f-child-fullName').fill('Lê Minh An');
  await page.getByTestId('f-child-sex').selectOption('nam');
  await page.getByTestId('f-child-dateOfBirth').fill('2026-11-05');
  await page.getByTestId('f-child-placeOfBirth').fill('Trạm y tế xã Tân Thới');
  await page.getByTestId('f-child-ethnicity').fill('Kinh');
  await page.getByTestId('f-child-nationality').fill('Việt Nam');
  await next('Bước 3/7');
  await page.getByTestId('f-mother-fullName').fill(CITIZEN.fullName);
  await page.getByTestId('f-mother-dateOfBirth').fill('1990-03-14');
  await page.getByTestId('f-mother-ethnicity').fill('Kinh');
  await page.getByTestId('f-mother-nationality').fill('Việt Nam');
  await page.getByTestId('f-mother-personalId').fill(CITIZEN.personalId);
  await page.getByTestId('f-mother-residence').fill('Số 12, ấp Tân Lập, xã Tân Thới, tỉnh Đồng Tháp');
  await next('Bước 4/7');
  await page.getByTestId('f-father-known').selectOption('no');
  await next('Bước 5/7');
  await page.getByTestId('f-request-extractCopies').fill('1');
  await page.getByTestId('f-request-commitment').check();
  await next('Bước 6/7');
  const certificate = page.getByTestId('doc-giay-chung-sinh');
  await expect(certificate).toHaveAttribute('data-state', 'missing');
  await page.locator('#doc-giay-chung-sinh').setInputFiles({
    name: 'chung-sinh.png',
    mimeType: 'image/png',
    buffer: await cameraPhoto(page, 'GIẤY CHỨNG SINH'),
  });
  await expect(certificate).toHaveAttribute('data-state', 'done');
  await next('Bước 7/7');
}

test('a citizen files online, reception asks for a supplement and accepts, the citizen downloads the result and rates it', async ({
  page,
  browser,
  baseURL,
}, info) => {
  // A long journey (three people, two browsers) on a slow shared machine.
  test.setTimeout(300_000);
  const project = info.project.name;
  const base = baseURL as string;

  // Sign-in from the public header, through the provider, back to "Hồ sơ của tôi".
  await page.goto('/?unit=28693');
  await shot(page, project, '79-journey-home-signed-out-360');
  await page.getByTestId('citizen-signin-link').click();
  await signInAtProvider(page);
  await expect(page).toHaveURL(/\/ho-so-cua-toi$/);
  await expect(page.getByTestId('citizen-name')).toContainText(CITIZEN.fullName);
  await expect(page.getByTestId('citizen-my-dossiers-link')).toBeVisible();
  await noAxeViolations(page, 'my dossiers (empty)');

  // File a birth registration with a photo.
  await page.goto('/thu-tuc/1.001193?unit=28693');
  await page.getByTestId('file-online').click();
  await fillBirthRegistration(page, project);
  await page.getByTestId('wizard-submit').click();
  const submitted = page.getByTestId('submitted');
  await expect(submitted).toContainText('Mã hồ sơ:');
  const code = /Mã hồ sơ: ([A-Z0-9.]+-\d{6}-\d{4})/.exec(
    (await submitted.textContent()) ?? '',
  )?.[1] as string;
  expect(code).toMatch(/-\d{6}-\d{4}$/);

  // Reception sees it in the online queue and asks for a supplement before accepting it.
  const staff = await browser.newContext({ baseURL: base, viewport: { width: 360, height: 740 } });
  const desk = await staff.newPage();
  await signIn(desk, 'reception.tan-thoi');
  await desk.goto('/tiep-nhan/truc-tuyen');
  const row = desk.locator(`[data-testid="online-row"][data-code="${code}"]`);
  await expect(row).toBeVisible();
  await noAxeViolations(desk, 'online queue');
  await shot(desk, project, '81-journey-online-queue-360');
  await row.getByTestId('online-open').click();
  await expect(desk.getByTestId('online-applicant')).toHaveText(CITIZEN.fullName);
  await expect(desk.getByTestId('online-files')).toContainText('giay-chung-sinh.jpg');
  await noAxeViolations(desk, 'online dossier');
  await desk.getByTestId('online-decision-supplement').check();
  await desk.getByTestId('online-reason').fill('Ảnh giấy chứng sinh bị mờ, chụp lại rõ nét');
  await desk.getByTestId('online-items').fill('Giấy chứng sinh (ảnh rõ)');
  await shot(desk, project, '82-journey-ask-supplement-360');
  await desk.getByTestId('online-confirm').click();
  await expect(desk.getByTestId('online-requested')).toBeVisible();

  // The citizen sees what is asked and uploads it.
  await page.goto('/ho-so-cua-toi');
  const mine = page.locator(`[data-testid="my-dossier-row"][data-code="${code}"]`);
  await expect(mine.getByTestId('my-dossier-action-needed')).toBeVisible();
  await shot(page, project, '83-journey-my-dossiers-360');
  await mine.getByTestId('my-dossier-link').click();
  await expect(page.getByTestId('my-dossier-asked')).toContainText('Ảnh giấy chứng sinh bị mờ');
  await expect(page.getByTestId('my-dossier-asked')).toContainText('Giấy chứng sinh (ảnh rõ)');
  await expect(page.getByTestId('my-dossier-appointment')).toHaveText('—');
  await noAxeViolations(page, 'my dossier (supplement asked)');
  await shot(page, project, '84-journey-asked-360');
  await page.getByTestId('supplement-file').setInputFiles({
    name: 'chung-sinh-ro.png',
    mimeType: 'image/png',
    buffer: await cameraPhoto(page, 'RÕ NÉT'),
  });
  await expect(page.getByTestId('supplement-chosen')).toContainText('bo-sung-1.jpg');
  await page.getByTestId('supplement-send').click();
  await expect(page.getByTestId('my-dossier-asked')).toHaveCount(0);
  await expect(page.getByTestId('my-dossier-files')).toContainText('bo-sung-1.jpg');

  // Reception accepts it: the code and the appointment are shown; the clock starts.
  await desk.goto(`/tiep-nhan/truc-tuyen/${code}`);
  await expect(desk.getByTestId('online-decision-accept')).toBeChecked();
  await desk.getByTestId('online-confirm').click();
  const accepted = desk.getByTestId('online-accepted');
  await expect(accepted).toContainText(code);
  await expect(accepted).toContainText(/Ngày hẹn trả kết quả: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await shot(desk, project, '85-journey-accepted-360');

  await page.reload();
  await expect(page.getByTestId('my-dossier-status')).toHaveAttribute('data-status', '2');
  await expect(page.getByTestId('my-dossier-appointment')).not.toHaveText('—');
  await expect(page.getByTestId('my-dossier-timeline')).toContainText('Hồ sơ được tiếp nhận');

  // Processed, result issued and returned (the staff's own pages are covered elsewhere).
  const processing = await processToResult(base, code);
  await act(processing.reception, code, { action: 'return_result' });
  await processing.dispose();

  await page.reload();
  await expect(page.getByTestId('my-dossier-status')).toHaveAttribute('data-status', '10');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('my-dossier-result-download').click(),
  ]);
  expect(
    fs
      .readFileSync(await download.path())
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');
  await page.getByTestId('rating-send').click();
  await expect(page.getByTestId('rating-form')).toContainText('Chọn một mức đánh giá');
  await page.getByTestId('rating-very_satisfied').check();
  await page.getByTestId('rating-comment').fill('Cán bộ hướng dẫn tận tình');
  await noAxeViolations(page, 'my dossier (result, rating)');
  await shot(page, project, '86-journey-rate-360');
  await page.getByTestId('rating-send').click();
  await expect(page.getByTestId('rating-done')).toContainText('Rất hài lòng');
  await shot(page, project, '87-journey-rated-360');

  // English and Russian readers get the page in their language, statuses included.
  await page.getByTestId('language-menu').click();
  await page.getByTestId('language-option-en').click();
  await expect(page.getByTestId('my-dossier-status')).toHaveText('Result returned');
  await expect(page.getByTestId('rating-done')).toContainText('Very satisfied');
  await page.getByTestId('language-menu').click();
  await page.getByTestId('language-option-ru').click();
  await expect(page.getByTestId('my-dossier-next')).toContainText('Что дальше');
  await shot(page, project, '88-journey-ru-360');
  await page.getByTestId('language-menu').click();
  await page.getByTestId('language-option-vi').click();

  // Signing out ends the citizen session.
  await page.goto('/ho-so-cua-toi');
  await page.getByTestId('citizen-sign-out').click();
  await expect(page.getByTestId('citizen-signin-link')).toBeVisible();
  expect((await page.request.get('/api/v1/citizen/me')).status()).toBe(401);
  await staff.close();
});

/** Presses Tab until the element with `testId` has the focus (fails if it is never reached). */
async function tabTo(page: Page, testId: string, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    if (focused === testId) return;
  }
  throw new Error(`${testId} was not reached with the Tab key`);
}

async function keyboardJourney(browser: Browser, baseURL: string, project: string) {
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto('/');
  await tabTo(page, 'citizen-signin-link');
  await page.keyboard.press('Enter');
  await expect(page.locator('#login')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.locator('#login')).toBeFocused();
  await page.keyboard.type(CITIZEN.personalId);
  await page.keyboard.press('Tab');
  await page.keyboard.type(CITIZEN.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/ho-so-cua-toi$/);

  // A dossier filed through the citizen's own session (the wizard by keyboard is in the first test).
  const filed = await page.request.post('/api/v1/citizen/dossiers', {
    data: {
      procedureCode: '1.004873',
      unitCode: '28693',
      formVersion: 1,
      answers: {
        requester: {
          fullName: CITIZEN.fullName,
          dateOfBirth: '1990-03-14',
          sex: 'nu',
          ethnicity: 'Kinh',
          nationality: 'Việt Nam',
          personalId: CITIZEN.personalId,
          residence: 'Ấp Tân Phú, xã Tân Thới, tỉnh Đồng Tháp',
          phone: '0912345678',
        },
        status: { current: 'single', purpose: 'marriage', partnerName: 'Lê Văn Bình' },
        previousResidences: [],
        declaration: { commitment: true },
      },
      contact: { phone: '0912345678', address: 'Ấp Tân Phú, xã Tân Thới' },
    },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const { code } = (await filed.json()) as { code: string };
  const reception = await staffApi(baseURL, 'reception.tan-thoi');
  await act(reception, code, {
    action: 'request_pre_supplement',
    reason: 'Thiếu ảnh tờ khai có chữ ký',
    items: [{ name: 'Tờ khai có chữ ký' }],
  });

  // Open it from the list with the keyboard; send the supplement with the keyboard.
  await page.reload();
  await tabTo(page, 'my-dossier-link');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('my-dossier-asked')).toBeVisible();
  await tabTo(page, 'supplement-file');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await chooser.setFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(page.getByTestId('supplement-chosen')).toContainText('to-khai.pdf');
  await tabTo(page, 'supplement-note');
  await page.keyboard.type('Đã ký và chụp lại');
  await tabTo(page, 'supplement-send');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('my-dossier-asked')).toHaveCount(0);

  await act(reception, code, { action: 'accept' });
  const processing = await processToResult(baseURL, code);
  await act(processing.reception, code, { action: 'return_result' });
  await processing.dispose();
  await reception.dispose();

  // Result and rating by keyboard: the radio group is one Tab stop, arrows move within it.
  await page.reload();
  await expect(page.getByTestId('my-dossier-status')).toHaveAttribute('data-status', '10');
  await tabTo(page, 'my-dossier-result-download');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(
    fs
      .readFileSync(await download.path())
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');
  await tabTo(page, 'rating-very_satisfied');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('rating-satisfied')).toBeChecked();
  await tabTo(page, 'rating-send');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('rating-done')).toContainText('Hài lòng');
  await shot(page, project, '89-journey-keyboard-rated-360');
  await tabTo(page, 'citizen-my-dossiers-link');
  await context.close();
}

test('the citizen part of the journey works with the keyboard alone', async ({ browser, baseURL }, info) => {
  test.setTimeout(180_000);
  await keyboardJourney(browser, baseURL as string, info.project.name);
});

test('assisted filing: at the counter an officer fills the same wizard for the citizen and receives it', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  const project = info.project.name;
  await signIn(page, 'reception.tan-thoi');
  await page.goto('/tiep-nhan');
  await expect(page.getByTestId('assisted-filing')).toBeVisible();
  await page.getByTestId('assisted-1.001193').click();
  await expect(page).toHaveURL(/\/tiep-nhan\/nop-giup\/1\.001193$/);
  await noAxeViolations(page, 'assisted wizard');
  await shot(page, project, '90-assisted-wizard-360');
  await fillBirthRegistration(page, project, { assisted: true });
  await page.getByTestId('wizard-submit').click();
  const submitted = page.getByTestId('submitted');
  await expect(submitted).toContainText('Mã hồ sơ:');
  const code = /Mã hồ sơ: ([A-Z0-9.]+-\d{6}-\d{4})/.exec(
    (await submitted.textContent()) ?? '',
  )?.[1] as string;
  // Nothing of the citizen's is left in the desk browser's storage.
  expect(
    await page.evaluate(() => Object.keys(window.localStorage).filter((k) => k.startsWith('motcua.draft'))),
  ).toEqual([]);
  const view = await page.request.get(`/api/v1/dossiers/${code}`);
  expect(await view.json()).toMatchObject({ channel: 'online', assisted: true, status: 1 });

  await page.getByTestId('assisted-to-queue').click();
  await expect(page.getByTestId('online-applicant')).toHaveText(CITIZEN.fullName);
  await page.getByTestId('online-confirm').click();
  await expect(page.getByTestId('online-accepted')).toContainText(code);
  await shot(page, project, '91-assisted-accepted-360');
});
