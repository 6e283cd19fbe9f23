import { expect, type Page, test } from '@playwright/test';
import { shot, staffSession } from './support.ts';

// Journey (issue 16 item 5): Tân Thới's leader publishes a notice with a PDF; a citizen on a 360 px phone
// opens the commune's notices page cold, reads the notice (its script-looking text shown as text, nothing
// run), downloads the PDF, opens the two-tier explanation and follows it to the former-unit search.

const UNIT = '28693';

/** A one-page PDF with a line of text (offsets computed, so every reader opens it). */
function onePagePdf(line: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 20 Tf 60 760 Td (${line}) Tj ET`;
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

async function noSideScroll(page: Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
}

test('a leader publishes a notice with a PDF; a citizen on a phone reads it, downloads it and finds the two-tier page', async ({
  browser,
  baseURL,
}, info) => {
  const project = info.project.name;
  const title = `<script>window.__xss = 1</script> Lịch tiếp công dân tháng 12 ${Date.now() % 100000}`;
  const body =
    'Lãnh đạo Ủy ban nhân dân xã tiếp công dân vào sáng thứ Năm hằng tuần.\n<img src=x onerror="window.__xss = 2">';
  const pdf = onePagePdf('Lich tiep cong dan thang 12 - Xa Tan Thoi');

  // The leader, at 1280 px, publishes.
  const staff = await staffSession(browser, info, 'leader.tan-thoi');
  await staff.page.getByTestId('nav-group-admin').click();
  await staff.page.getByTestId('nav-notices').click();
  await expect(staff.page).toHaveURL(/\/dang-thong-bao$/);
  await expect(staff.page.getByTestId('notices-admin-list')).toBeVisible();
  await staff.page.getByTestId('notice-new').click();
  await staff.page.getByTestId('notice-title').fill(title);
  await staff.page.getByTestId('notice-summary').fill('Lịch tiếp công dân của lãnh đạo xã trong tháng 12.');
  await staff.page.getByTestId('notice-body-input').fill(body);
  await staff.page.getByTestId('notice-files-input').setInputFiles({
    name: 'Lịch tiếp công dân.pdf',
    mimeType: 'application/pdf',
    buffer: pdf,
  });
  await shot(staff.page, project, 'notices-01-staff-form-1280');
  await staff.page.getByTestId('notice-submit').click();
  const row = staff.page.getByTestId('notice-row').filter({ hasText: title });
  await expect(row.getByTestId('notice-state')).toHaveText('Đang đăng');
  await expect(row).toContainText('1 tệp đính kèm');
  await shot(staff.page, project, 'notices-02-staff-list-1280');

  // A citizen's phone: a fresh context, the commune's notices opened cold by its address.
  const phone = await browser.newContext({
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 360, height: 780 },
    isMobile: true,
    hasTouch: true,
    acceptDownloads: true,
  });
  const page = await phone.newPage();
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(`/thong-bao/${UNIT}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thông báo và văn bản — Xã Tân Thới');
  const first = page.getByTestId('notice-item').first();
  await expect(first.getByTestId('notice-link')).toHaveText(title);
  // The province's two-tier notice is listed in the commune too.
  await expect(page.getByTestId('notices-list')).toContainText(
    'Chính quyền địa phương hai cấp: những điều người dân cần biết',
  );
  await noSideScroll(page);
  await shot(page, project, 'notices-03-list-360');

  await page.getByTestId('notices-tab-legal_document').click();
  await expect(page).toHaveURL(/loai=van-ban/);
  await expect(page.getByTestId('notices-list')).toContainText('118/2025/NĐ-CP');
  await noSideScroll(page);
  await shot(page, project, 'notices-04-legal-360');
  await page.getByTestId('notices-tab-notice').click();

  await page.getByTestId('notice-item').first().getByTestId('notice-link').click();
  await expect(page).toHaveURL(new RegExp(`/thong-bao/${UNIT}/[0-9a-f-]{36}$`));
  const detailUrl = new URL(page.url()).pathname;
  // A reload of the deep link (the light shell answers it) shows the same notice.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByTestId('notice-body')).toHaveText(body);
  // The text is text: no element was made from it and nothing ran.
  expect(await page.locator('main script, main img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await noSideScroll(page);
  await shot(page, project, 'notices-05-detail-360');

  const file = page.getByTestId('notice-file');
  await expect(file).toHaveText('Tải về Lịch tiếp công dân.pdf');
  const downloading = page.waitForEvent('download');
  await file.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Lịch tiếp công dân.pdf');
  const saved = test.info().outputPath('notice.pdf');
  await download.saveAs(saved);
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(saved).equals(pdf)).toBe(true);
  const head = await page.request.get((await file.getAttribute('href')) ?? '');
  expect(head.headers()['content-type']).toBe('application/pdf');
  expect(head.headers()['content-disposition']).toMatch(/^attachment; filename="Lich tiep cong dan\.pdf"/);

  await page.getByTestId('notice-back').click();
  await page.getByTestId('notices-two-tier-link').click();
  await expect(page).toHaveURL(/\/chinh-quyen-hai-cap$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chính quyền địa phương hai cấp');
  await expect(page.getByTestId('two-tier')).toContainText('Từ ngày 01/7/2025');
  await noSideScroll(page);
  await shot(page, project, 'notices-06-two-tier-360');

  // In English and Russian too (the page's strings come with its chunk).
  await page.getByTestId('language-menu').click();
  await page.getByTestId('language-option-en').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Two-tier local government');
  await shot(page, project, 'notices-06b-two-tier-en-360', { fullPage: false });
  await page.getByTestId('language-menu').click();
  await page.getByTestId('language-option-ru').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Двухуровневое местное управление');
  await page.getByTestId('language-menu').click();
  await page.getByTestId('language-option-vi').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chính quyền địa phương hai cấp');

  await page.getByTestId('two-tier-finder-link').click();
  await expect(page).toHaveURL(/\/#tim-don-vi-cu$/);
  const input = page.getByTestId('unit-finder-input');
  await expect(input).toBeFocused();
  await input.fill('tan thanh');
  await expect(page.getByTestId(`unit-finder-result-${UNIT}`)).toBeVisible();
  await shot(page, project, 'notices-07-finder-360', { fullPage: false });

  // The home page and the center page lead to the same pages.
  await page.goto(`/?unit=${UNIT}`);
  await expect(page.getByTestId('home-notices-link')).toHaveAttribute('href', `/thong-bao/${UNIT}`);
  await expect(page.getByTestId('home-two-tier-link')).toHaveAttribute('href', '/chinh-quyen-hai-cap');
  await noSideScroll(page);
  await page.getByTestId('home-two-tier-link').scrollIntoViewIfNeeded();
  await shot(page, project, 'notices-11-home-cards-360', { fullPage: false });
  await page.goto(`/trung-tam/${UNIT}`);
  await page.getByTestId('center-notices-link').click();
  await expect(page).toHaveURL(new RegExp(`/thong-bao/${UNIT}$`));
  await expect(page.getByTestId('notice-item').first()).toBeVisible();

  // The same public pages at 1280 px.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/thong-bao/${UNIT}`);
  await expect(page.getByTestId('notice-item').first()).toBeVisible();
  await shot(page, project, 'notices-08-list-1280');
  await page.getByTestId('notice-item').first().getByTestId('notice-link').click();
  await expect(page.getByTestId('notice-body')).toBeVisible();
  await shot(page, project, 'notices-09-detail-1280');
  await page.goto('/chinh-quyen-hai-cap');
  await expect(page.getByTestId('two-tier-finder-link')).toBeVisible();
  await shot(page, project, 'notices-10-two-tier-1280');

  // The leader takes it down: the citizen's reload says it is no longer there.
  await row.getByTestId('notice-unpublish').click();
  await expect(row.getByTestId('notice-state')).toHaveText('Đã gỡ');
  await page.goto(detailUrl);
  await expect(page.getByTestId('notice-error')).toContainText('Không tìm thấy thông báo hoặc văn bản');

  // Put back up and edited: the citizen reads the new title.
  await row.getByTestId('notice-republish').click();
  await expect(row.getByTestId('notice-state')).toHaveText('Đang đăng');
  await row.getByTestId('notice-edit').click();
  const edited = `Lịch tiếp công dân tháng 12 (đã sửa) ${Date.now() % 100000}`;
  await staff.page.getByTestId('notice-title').fill(edited);
  await staff.page.getByTestId('notice-submit').click();
  const editedRow = staff.page.getByTestId('notice-row').filter({ hasText: edited });
  await expect(editedRow).toContainText('Phiên bản 4');
  await page.goto(detailUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(edited);
  await phone.close();
  await staff.context.close();
});
