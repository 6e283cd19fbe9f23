import { expect, type Page, test } from '@playwright/test';
import { axeViolations } from './a11y-support.ts';
import { shot } from './support.ts';

// Issue 14 item 6: the whole online journey works with the keyboard alone. A signed-in citizen on a
// 360 px phone files a birth registration using only Tab, Shift+Tab, Enter, Space, arrow keys and
// typing — no click, no fill(), no selectOption(): the file chooser is opened with Enter on the
// "take a photo" button. After every change of screen the focus is on something sensible and visible.
test.use({ viewport: { width: 360, height: 740 }, isMobile: false, locale: 'en-US' });

const CITIZEN = { personalId: '082190004567', fullName: 'Trần Thị Bích Ngọc', password: 'congdan-demo' };

/** What has the focus: its test id, id, tag, whether :focus-visible matches, and inside which test ids. */
async function focused(page: Page) {
  return page.evaluate(async () => {
    // Let a field's focus transition (Mantine animates the border colour) finish.
    await new Promise((r) => setTimeout(r, 200));
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const within: string[] = [];
    for (let p: HTMLElement | null = el; p; p = p.parentElement) {
      const id = p.getAttribute('data-testid');
      if (id) within.push(id);
    }
    const style = getComputedStyle(el);
    const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    // Mantine's fields show focus by turning their border the brand red (#b3111e), not by an outline.
    const field = /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) && style.borderTopColor === 'rgb(179, 17, 30)';
    return {
      testId: el.getAttribute('data-testid'),
      id: el.id,
      tag: el.tagName,
      // A date field's day/month/year parts take Tab in turn; Chromium highlights the part itself.
      datePart: el instanceof HTMLInputElement && el.type === 'date',
      visible: el.matches(':focus-visible') && (outlined || field || style.boxShadow !== 'none'),
      style: `${el.matches(':focus-visible')} outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; border ${style.borderTopColor}; shadow ${style.boxShadow}`,
      within,
    };
  });
}

type Focus = NonNullable<Awaited<ReturnType<typeof focused>>>;

/** Presses Tab (or Shift+Tab) until `match` holds for the focused element; each stop must be visible. */
async function tabTo(page: Page, match: (f: Focus) => boolean, what: string, opts: { back?: boolean } = {}) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (!f) continue;
    if (!f.datePart)
      expect(
        f.visible,
        `focus visible on ${f.testId ?? f.id ?? f.tag} (on the way to ${what}): ${f.style}`,
      ).toBe(true);
    if (match(f)) return f;
  }
  throw new Error(`Tab never reached ${what}`);
}
const byTestId = (id: string) => (f: Focus) => f.testId === id;

/** A native select moved with the arrow keys until it shows `value`. */
async function chooseWithArrows(page: Page, testId: string, value: string) {
  const select = page.getByTestId(testId);
  for (let i = 0; i < 12 && (await select.inputValue()) !== value; i++)
    await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue(value);
}

async function typeInto(page: Page, testId: string, text: string) {
  await tabTo(page, byTestId(testId), testId);
  await page.keyboard.type(text);
}

/** Enter on "Tiếp tục": the next screen's heading has the focus. */
async function nextStep(page: Page, progress: string, title: string) {
  await tabTo(page, byTestId('wizard-next'), 'wizard-next');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('wizard-progress')).toHaveText(progress);
  await expect(page.getByTestId('step-title')).toHaveText(title);
  await expect(page.getByTestId('step-title')).toBeFocused();
}

async function photoPng(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 1200;
    canvas.height = 900;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.fillStyle = '#f5f0e6';
    ctx.fillRect(0, 0, 1200, 900);
    ctx.fillStyle = '#223';
    ctx.font = '80px sans-serif';
    ctx.fillText('GIẤY CHỨNG SINH', 100, 450);
    const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b as Blob), 'image/png'));
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  });
  return Buffer.from(bytes);
}

test('a citizen signs in and files a birth registration online with the keyboard alone', async ({
  page,
}, info) => {
  test.setTimeout(240_000);
  const project = info.project.name;

  // Sign in from the public header, at the provider by keyboard.
  await page.goto('/?unit=28693');
  await tabTo(page, byTestId('citizen-signin-link'), 'the sign-in link');
  await page.keyboard.press('Enter');
  await expect(page.locator('#login')).toBeVisible();
  await tabTo(page, (f) => f.id === 'login', 'the provider login field');
  await page.keyboard.type(CITIZEN.personalId);
  await page.keyboard.press('Tab');
  await page.keyboard.type(CITIZEN.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/ho-so-cua-toi$/);

  // The procedure page (a link the citizen was sent) → "Nộp trực tuyến".
  await page.goto('/thu-tuc/1.001193?unit=28693');
  await tabTo(page, byTestId('file-online'), 'Nộp trực tuyến');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('wizard-progress')).toHaveText('Bước 1/7');
  await expect(page.getByTestId('f-declarant-fullName')).toHaveValue(CITIZEN.fullName);

  // Step 1: going on with a required answer missing puts the focus on the summary of what to fix;
  // its link (Enter) takes the focus to the field.
  await tabTo(page, byTestId('wizard-next'), 'wizard-next');
  await page.keyboard.press('Enter');
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await page.keyboard.press('Tab');
  const firstIssue = await focused(page);
  expect(firstIssue?.within).toContain('error-summary');
  expect(firstIssue?.visible).toBe(true);
  await page.keyboard.press('Enter');
  const fixed = await focused(page);
  expect(fixed?.testId).toMatch(/^f-declarant-/);
  // The relationship select, by arrow keys; then phone and residence.
  await page.getByTestId('step-title').focus();
  await tabTo(page, byTestId('f-declarant-relationship'), 'relationship');
  await chooseWithArrows(page, 'f-declarant-relationship', 'me');
  await typeInto(page, 'f-declarant-phone', '0912 345 678');
  await typeInto(page, 'f-declarant-residence', 'Số 12, ấp Tân Lập, xã Tân Thới, tỉnh Đồng Tháp');
  await nextStep(page, 'Bước 2/7', 'Thông tin của trẻ');

  // Step 2, with a Shift+Tab back to correct an answer.
  await typeInto(page, 'f-child-fullName', 'Lê Minh Anx');
  await tabTo(page, byTestId('f-child-sex'), 'sex');
  await chooseWithArrows(page, 'f-child-sex', 'nam');
  await tabTo(page, byTestId('f-child-fullName'), 'back to the child name', { back: true });
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('f-child-fullName')).toHaveValue('Lê Minh An');
  await tabTo(page, byTestId('f-child-dateOfBirth'), 'date of birth');
  await page.keyboard.type('11052026');
  await expect(page.getByTestId('f-child-dateOfBirth')).toHaveValue('2026-11-05');
  await typeInto(page, 'f-child-placeOfBirth', 'Trạm y tế xã Tân Thới');
  await typeInto(page, 'f-child-ethnicity', 'Kinh');
  await typeInto(page, 'f-child-nationality', 'Việt Nam');
  await nextStep(page, 'Bước 3/7', 'Thông tin người mẹ');

  await typeInto(page, 'f-mother-fullName', CITIZEN.fullName);
  await tabTo(page, byTestId('f-mother-dateOfBirth'), 'mother date of birth');
  await page.keyboard.type('03141990');
  await typeInto(page, 'f-mother-ethnicity', 'Kinh');
  await typeInto(page, 'f-mother-nationality', 'Việt Nam');
  await typeInto(page, 'f-mother-personalId', CITIZEN.personalId);
  await typeInto(page, 'f-mother-residence', 'Số 12, ấp Tân Lập, xã Tân Thới, tỉnh Đồng Tháp');
  await nextStep(page, 'Bước 4/7', 'Thông tin người cha');

  await tabTo(page, byTestId('f-father-known'), 'father known');
  await chooseWithArrows(page, 'f-father-known', 'no');
  await nextStep(page, 'Bước 5/7', 'Bản sao và cam đoan');

  await typeInto(page, 'f-request-extractCopies', '1');
  await tabTo(page, byTestId('f-request-commitment'), 'commitment');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('f-request-commitment')).toBeChecked();
  await nextStep(page, 'Bước 6/7', 'Giấy tờ cần nộp');

  // The photo: Enter on the document's button opens the file chooser.
  const certificate = page.getByTestId('doc-giay-chung-sinh');
  await expect(certificate).toHaveAttribute('data-state', 'missing');
  await tabTo(page, (f) => f.tag === 'BUTTON' && f.within.includes('doc-giay-chung-sinh'), 'take a photo');
  const photo = await photoPng(page);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  await chooser.setFiles({ name: 'chung-sinh.png', mimeType: 'image/png', buffer: photo });
  await expect(certificate).toHaveAttribute('data-state', 'done');
  // The focus stays on the document's button (now "take again"), not lost to the page.
  await expect
    .poll(async () => (await focused(page))?.within ?? [], {
      message: 'focus after the photo',
      timeout: 5_000,
    })
    .toContain('doc-giay-chung-sinh');
  await shot(page, project, 'kb-wizard-documents-360');
  await nextStep(page, 'Bước 7/7', 'Kiểm tra lại thông tin trước khi nộp');

  const review = page.getByTestId('review');
  await expect(review).toContainText('Lê Minh An');
  await expect(review).toContainText('05/11/2026');
  expect(await axeViolations(page), 'axe on the review screen').toEqual([]);
  await shot(page, project, 'kb-wizard-review-360');
  await tabTo(page, byTestId('wizard-submit'), 'wizard-submit');
  await page.keyboard.press('Enter');
  const submitted = page.getByTestId('submitted');
  await expect(submitted).toContainText('Mã hồ sơ:');
  // The confirmation takes the focus (it replaced the button that had it).
  await expect(submitted).toBeFocused();
  await shot(page, project, 'kb-wizard-submitted-360');
});
