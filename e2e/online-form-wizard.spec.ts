import { expect, type Page, test } from '@playwright/test';
import { shot } from './support.ts';

// Journey: a parent on a 360 px phone opens birth registration, starts filing online, makes mistakes,
// closes the page half-way (reload) and finds the draft, photographs the birth certificate, reaches
// the check-your-answers page, edits an answer, and files (no citizen sign-in on this branch yet).
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

const PROCEDURE = '/thu-tuc/1.001193?unit=28696';

async function noHorizontalScroll(page: Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
}

async function next(page: Page, expectedStep: string) {
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('wizard-progress')).toHaveText(expectedStep);
}

test('birth registration wizard: inline errors, draft resumed after a reload, photo, check your answers', async ({
  page,
}, info) => {
  const project = info.project.name;
  await page.goto(PROCEDURE);
  await expect(page.getByTestId('download-form')).toHaveAttribute(
    'href',
    '/api/v1/procedures/1.001193/form.pdf',
  );
  await page.getByTestId('file-online').click();
  await expect(page).toHaveURL(/\/thu-tuc\/1\.001193\/nop-truc-tuyen\?unit=28696$/);
  await expect(page.getByTestId('wizard-progress')).toHaveText('Bước 1/7');
  await expect(page.getByTestId('step-title')).toHaveText('Người đi khai sinh');
  await noHorizontalScroll(page);
  await shot(page, project, '60-wizard-step1-360');

  // Going on with nothing filled: a summary of what to fix, each error linked to its field.
  await page.getByTestId('wizard-next').click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('Còn 5 chỗ cần sửa');
  await expect(page.getByTestId('wizard-progress')).toHaveText('Bước 1/7');
  const name = page.getByTestId('f-declarant-fullName');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await name.getAttribute('aria-describedby')) ?? '';
  const errorText = await page.evaluate(
    (ids) =>
      ids
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' | '),
    describedBy,
  );
  expect(errorText).toContain('Chưa điền «Họ, chữ đệm và tên»; mục này bắt buộc');
  await shot(page, project, '61-wizard-errors-360');
  // The summary link takes the keyboard to the field.
  await summary.getByRole('link', { name: /Họ, chữ đệm và tên/ }).click();
  await expect(name).toBeFocused();

  await name.fill('Nguyễn Thị Hoa');
  await page.getByTestId('f-declarant-personalId').fill('07919500123');
  await page.getByTestId('f-declarant-relationship').selectOption('me');
  await page.getByTestId('f-declarant-phone').fill('0912 345 678');
  await page.getByTestId('f-declarant-residence').fill('Số 12, ấp Tân Lập, xã Tân Phú Đông, tỉnh Đồng Tháp');
  // A personal ID one digit short: the message says how to fix it, live.
  await expect(page.locator('#f-declarant-personalId-error')).toContainText('phải gồm đúng 12 chữ số');
  await page.getByTestId('f-declarant-personalId').fill('079195001234');
  await expect(summary).toHaveCount(0);
  await next(page, 'Bước 2/7');
  await expect(page.getByTestId('step-title')).toHaveText('Thông tin của trẻ');
  await expect(page.getByTestId('step-title')).toBeFocused();

  await page.getByTestId('f-child-fullName').fill('Trần Minh An');
  await page.getByTestId('f-child-sex').selectOption('nam');

  // The phone closes the page mid-way: the draft brings back the step and the answers.
  await page.waitForTimeout(700);
  await page.reload();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByTestId('wizard-progress')).toHaveText('Bước 2/7');
  await expect(page.getByTestId('f-child-fullName')).toHaveValue('Trần Minh An');
  await expect(page.getByTestId('f-child-sex')).toHaveValue('nam');
  await shot(page, project, '62-wizard-resumed-360');

  await page.getByTestId('f-child-dateOfBirth').fill('2026-01-05');
  await page.getByTestId('f-child-placeOfBirth').fill('Trạm y tế xã Tân Phú Đông');
  await page.getByTestId('f-child-ethnicity').fill('Kinh');
  await page.getByTestId('f-child-nationality').fill('Việt Nam');
  await next(page, 'Bước 3/7');

  await page.getByTestId('f-mother-fullName').fill('Nguyễn Thị Hoa');
  await page.getByTestId('f-mother-dateOfBirth').fill('1995-03-02');
  await page.getByTestId('f-mother-ethnicity').fill('Kinh');
  await page.getByTestId('f-mother-nationality').fill('Việt Nam');
  await page.getByTestId('f-mother-personalId').fill('079195001234');
  await page.getByTestId('f-mother-residence').fill('Số 12, ấp Tân Lập, xã Tân Phú Đông, tỉnh Đồng Tháp');
  await next(page, 'Bước 4/7');

  // Father known: his questions appear and become required; not known: they disappear.
  await page.getByTestId('f-father-known').selectOption('yes');
  await expect(page.getByTestId('f-father-fullName')).toBeVisible();
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('error-summary')).toContainText('Chưa điền «Họ, chữ đệm và tên người cha»');
  await page.getByTestId('f-father-known').selectOption('no');
  await expect(page.getByTestId('f-father-fullName')).toHaveCount(0);
  await next(page, 'Bước 5/7');

  await page.getByTestId('f-request-extractCopies').fill('1');
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('error-summary')).toContainText('Hãy đánh dấu vào ô');
  await page.getByTestId('f-request-commitment').check();
  await next(page, 'Bước 6/7');

  // Documents: the declaration is this form; the birth certificate is missing until photographed.
  await expect(page.getByTestId('doc-to-khai-khai-sinh')).toHaveAttribute('data-state', 'thisForm');
  const certificate = page.getByTestId('doc-giay-chung-sinh');
  await expect(certificate).toHaveAttribute('data-state', 'missing');
  const input = page.locator('#doc-giay-chung-sinh');
  await expect(input).toHaveAttribute('accept', 'image/*');
  await expect(input).toHaveAttribute('capture', 'environment');
  const photo = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 3200;
    canvas.height = 2400;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.fillStyle = '#f5f0e6';
    ctx.fillRect(0, 0, 3200, 2400);
    ctx.fillStyle = '#223';
    ctx.font = '160px sans-serif';
    ctx.fillText('GIẤY CHỨNG SINH', 300, 1200);
    const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b as Blob), 'image/png'));
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  });
  await input.setInputFiles({ name: 'chung-sinh.png', mimeType: 'image/png', buffer: Buffer.from(photo) });
  await expect(certificate).toHaveAttribute('data-state', 'done');
  const thumb = certificate.getByRole('img');
  const size = await thumb.evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    return { w: img.naturalWidth, h: img.naturalHeight, jpeg: img.src.startsWith('data:image/jpeg') };
  });
  // Downscaled on the device: 3200×2400 → 1600×1200 JPEG.
  expect(size).toEqual({ w: 1600, h: 1200, jpeg: true });
  await shot(page, project, '63-wizard-documents-360');

  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('wizard-progress')).toHaveText('Bước 7/7');
  const review = page.getByTestId('review');
  await expect(review).toContainText('Trần Minh An');
  await expect(review).toContainText('05/01/2026');
  await expect(review).toContainText('Chưa xác định');
  await noHorizontalScroll(page);
  await shot(page, project, '64-wizard-review-360');

  // "Sửa" goes back to that screen; "Kiểm tra lại" returns to the summary.
  await page.getByRole('button', { name: 'Sửa phần Thông tin của trẻ' }).click();
  await expect(page.getByTestId('wizard-progress')).toHaveText('Bước 2/7');
  await page.getByTestId('f-child-fullName').fill('Trần Minh Anh');
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('wizard-progress')).toHaveText('Bước 7/7');
  await expect(review).toContainText('Trần Minh Anh');

  // Filing needs a citizen session: the server's answer is shown, the draft is kept.
  await page.getByTestId('wizard-submit').click();
  await expect(page.getByTestId('sign-in-needed').or(page.getByTestId('submit-error'))).toBeVisible();
  if (await page.getByTestId('sign-in-needed').isVisible())
    await expect(page.getByRole('link', { name: 'Đăng nhập để nộp' })).toHaveAttribute(
      'href',
      /^\/api\/v1\/auth\/citizen\/login\?returnTo=/,
    );
  await shot(page, project, '65-wizard-submit-360');
  // The draft is saved shortly after typing stops: wait for the save rather than read it at once.
  await expect
    .poll(() => page.evaluate(() => window.localStorage.getItem('motcua.draft.1.001193.v1')))
    .toContain('Trần Minh Anh');
});
