import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { followNav } from './nav-support.ts';
import { E2E_PASSWORD, SHOTS_DIR, shot } from './support.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A full-page screenshot from the top, once toasts are gone and charts have finished animating. */
async function pageShot(page: Page, project: string, name: string) {
  await expect(page.getByRole('alert')).toHaveCount(0, { timeout: 10_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(800);
  await shot(page, project, name);
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

// Journey: the province officer reviews the communes for the inspection of 1–2 July 2025, drills down
// to Tân Thới, downloads Biểu II.06a and records the inspection with a follow-up task.
test('province officer compares communes, inspects Tân Thới and downloads the 06a report', async ({
  page,
}, info) => {
  // A long journey (two pages, four downloads, a form) on a loaded machine: allow it three times the default.
  test.slow();
  const project = info.project.name;
  await page.goto('/dang-nhap');
  await page.getByTestId('login-username').fill('province.dong-thap');
  await page.getByTestId('login-password').fill(E2E_PASSWORD);
  await page.getByTestId('login-submit').click();
  await followNav(page, 'nav-dashboard');
  await expect(page).toHaveURL(/\/tinh/);
  await expect(page.getByTestId('dashboard-page')).toBeVisible();

  // The period opens on the running month: its figures are as of now, not as of a month-end still to
  // come (docs/domain-vn.md §1.4), and the screen says so.
  const cutoff = page.getByTestId('report-cutoff');
  await expect(cutoff).toHaveText(/^Số liệu tính đến \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}$/);
  const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  await expect(cutoff).toContainText(today);
  await pageShot(page, project, 'dashboard-running-month');

  // The demo's inspection days are far in the past: one click away.
  await page.getByTestId('period-preset-inspection').click();
  await expect(page).toHaveURL(/from=2025-07-01&to=2025-07-02/);
  await expect(page.getByTestId('period-label')).toContainText('01/07/2025');
  await expect(page.getByTestId('period-label')).toContainText('02/07/2025');
  await expect(cutoff).toHaveText('Số liệu tính đến hết ngày 02/07/2025');

  const tanThoi = page.locator('[data-testid="commune-row"][data-code="28693"]');
  await expect(tanThoi.locator('[data-col="received"]')).toHaveText('12');
  await expect(tanThoi.locator('[data-col="settled"]')).toHaveText('10');
  await expect(tanThoi.locator('[data-col="inProcess"]')).toHaveText('2');
  await expect(tanThoi.locator('[data-col="consultations"]')).toHaveText('7');
  await expect(tanThoi.locator('[data-col="portal"]')).toHaveAttribute('data-connected', 'true');
  const tanPhuDong = page.locator('[data-testid="commune-row"][data-code="28696"]');
  await expect(tanPhuDong.locator('[data-col="received"]')).toHaveText('20');

  // Charts draw (SVG renderer) inside their containers.
  await expect(page.locator('[data-testid="chart-by-field"] svg').first()).toBeVisible();
  await expect(page.locator('[data-testid="chart-on-time"] svg').first()).toBeVisible();
  await expect(page.locator('[data-testid="chart-by-field"] svg path').first()).toBeAttached();
  await pageShot(page, project, 'dashboard-1280');

  // Drill down to the inspection view of Tân Thới; the period goes along.
  await tanThoi.getByTestId('commune-link').click();
  await expect(page).toHaveURL(/\/kiem-tra\/28693\?.*from=2025-07-01&to=2025-07-02/);
  await expect(page.getByTestId('inspection-page')).toBeVisible();
  await expect(page.getByTestId('inspection-portal')).toHaveAttribute('data-connected', 'true');
  await expect(page.getByTestId('inspection-procedures-count-value')).toHaveText(/^\d+$/);
  const received = (field: string) =>
    page.locator(`[data-testid="settlement-row"][data-code="${field}"] [data-col="receivedTotal"]`);
  await expect(received('CT')).toHaveText('9');
  await expect(received('HT')).toHaveText('2');
  await expect(received('HKD')).toHaveText('1');
  const total = page.getByTestId('settlement-total');
  await expect(total.locator('[data-col="receivedTotal"]')).toHaveText('12');
  await expect(total.locator('[data-col="settledTotal"]')).toHaveText('10');
  await expect(total.locator('[data-col="inProcessTotal"]')).toHaveText('2');
  // The settled column split by where the results are: all ten returned, none waiting at the desk.
  await expect(total.locator('[data-col="returned"]')).toHaveText('10');
  await expect(total.locator('[data-col="awaiting"]')).toHaveText('0');
  await expect(page.getByTestId('settlement-section').getByTestId('report-cutoff')).toHaveText(
    'Số liệu tính đến hết ngày 02/07/2025',
  );
  await expect(page.getByTestId('results-backlog')).toHaveAttribute('data-count', /^\d+$/);
  await expect(page.getByTestId('consultations-total')).toContainText('7');
  await expect(
    page.locator('[data-testid="indicator"][data-id="2.1"] [data-testid="indicator-formula"]'),
  ).toContainText('Tổng số hồ sơ tiếp nhận');
  await expect(page.getByTestId('equipment-meets-need')).toHaveAttribute('data-meets', 'true');
  await expect(page.getByTestId('staffing-training')).toContainText('2/6');

  // Biểu II.06a as PDF and XLSX, with the figures of the screen.
  const pdfHref = (await page.getByTestId('download-pdf').getAttribute('href')) ?? '';
  const xlsxHref = (await page.getByTestId('download-xlsx').getAttribute('href')) ?? '';
  expect(pdfHref).toContain('unit=28693');
  expect(xlsxHref).toContain('format=xlsx');
  expect(pdfHref).toContain('format=pdf');
  const pdf = await page.request.get(pdfHref);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const pdfBytes = await pdf.body();
  expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
  const xlsx = await page.request.get(xlsxHref);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toBe(XLSX);
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
  const download = page.waitForEvent('download');
  await page.getByTestId('download-xlsx').click();
  expect((await download).suggestedFilename()).toMatch(/^bieu-06a-28693-2025-07-01-2025-07-02\.xlsx$/);

  // The PDF rendered to PNG, to be looked at next to the screenshots.
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const pdfPath = path.join(SHOTS_DIR, `${project}-settlement-06a.pdf`);
  fs.writeFileSync(pdfPath, pdfBytes);
  info.attach('bieu-06a.pdf', { body: pdfBytes, contentType: 'application/pdf' });
  execFileSync('pdftoppm', ['-png', '-r', '70', pdfPath, path.join(SHOTS_DIR, `${project}-settlement-06a`)]);
  const pages = fs
    .readdirSync(SHOTS_DIR)
    .filter((f) => f.startsWith(`${project}-settlement-06a`) && f.endsWith('.png'));
  expect(pages.length).toBeGreaterThan(0);

  // The staffing, consultations and equipment sections download as XLSX and PDF from this page too.
  await expect(page.getByTestId('consultations-download-pdf')).toHaveAttribute(
    'href',
    /\/api\/v1\/reports\/consultations\?.*unit=28693.*from=2025-07-01.*to=2025-07-02.*format=pdf/,
  );
  await expect(page.getByTestId('staffing-download-xlsx')).toHaveAttribute(
    'href',
    /staffing\?.*unit=28693.*format=xlsx/,
  );
  const equipmentPdf = await page.request.get(
    (await page.getByTestId('equipment-download-pdf').getAttribute('href')) ?? '',
  );
  expect(equipmentPdf.status()).toBe(200);
  expect((await equipmentPdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // The inspection record, with a follow-up task for the commune leader.
  await page.getByTestId('inspection-new').click();
  await page.getByTestId('inspection-day').fill('2025-07-02');
  await page.getByTestId('inspection-participants').fill('Đoàn kiểm tra của UBND tỉnh Đồng Tháp');
  await page
    .getByTestId('inspection-findings')
    .fill('Người dân chưa tự nộp được hồ sơ trực tuyến; 4/6 cán bộ Trung tâm chưa được bồi dưỡng.');
  await page
    .getByTestId('inspection-directions')
    .fill('Hướng dẫn người dân nộp hồ sơ trực tuyến; cử cán bộ đi bồi dưỡng.');
  await page.getByTestId('inspection-task-add').click();
  await page.getByTestId('inspection-task-title-0').fill('Cử 4 cán bộ dự lớp bồi dưỡng kỹ năng một cửa');
  await page.getByTestId('inspection-task-owner-0').fill('leader.tan-thoi');
  await page.getByTestId('inspection-task-due-0').fill('2025-08-15');
  await page.getByTestId('inspection-submit').click();
  // Other journeys may have recorded inspections of the same commune on other days: find this one by its day.
  const record = page.getByTestId('inspection-record').filter({ hasText: 'Kiểm tra ngày 02/07/2025' });
  await expect(record).toHaveCount(1);
  await expect(record).toContainText('Đoàn kiểm tra của UBND tỉnh Đồng Tháp');
  await expect(record.getByTestId('inspection-task-row')).toContainText('Cử 4 cán bộ dự lớp bồi dưỡng');
  await pageShot(page, project, 'inspection-1280');

  // Both pages at phone width.
  await page.setViewportSize({ width: 360, height: 780 });
  await expect(
    page.locator('[data-testid="settlement-row"][data-code="CT"] [data-col="receivedTotal"]'),
  ).toHaveText('9');
  await noSidewaysScroll(page);
  await pageShot(page, project, 'inspection-360');
  await page.getByTestId('inspection-back').click();
  await expect(page).toHaveURL(/\/tinh\?.*from=2025-07-01/);
  await expect(tanThoi.locator('[data-col="received"]')).toHaveText('12');
  await expect(page.locator('[data-testid="chart-by-field"] svg').first()).toBeVisible();
  await noSidewaysScroll(page);
  await pageShot(page, project, 'dashboard-360');
});
