import { expect, test } from '@playwright/test';
import { followNav } from './nav-support.ts';
import { E2E_PASSWORD, shot } from './support.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Journey: the Tân Thới leader opens the reports for the inspection days and downloads the
// consultations, staffing and equipment reports next to Biểu II.06a.
test('commune leader downloads the consultations, staffing and equipment reports as XLSX and PDF', async ({
  page,
}, info) => {
  test.slow();
  await page.goto('/dang-nhap');
  await page.getByTestId('login-username').fill('leader.tan-thoi');
  await page.getByTestId('login-password').fill(E2E_PASSWORD);
  await page.getByTestId('login-submit').click();
  await followNav(page, 'nav-reports');
  await expect(page.getByTestId('reports-page')).toBeVisible();
  await page.getByTestId('period-preset-inspection').click();
  await expect(page.getByTestId('consultations-total')).toContainText('7');

  const files = [
    ['consultations', 'tu-van-28693-2025-07-01-2025-07-02'],
    ['staffing', 'co-cau-nhan-su-28693'],
    ['equipment', 'trang-thiet-bi-28693'],
  ] as const;
  for (const [report, name] of files) {
    const panel = page.getByTestId(`${report}-panel`);
    for (const format of ['xlsx', 'pdf'] as const) {
      const link = panel.getByTestId(`${report}-download-${format}`);
      await expect(link).toBeVisible();
      const href = (await link.getAttribute('href')) ?? '';
      expect(href).toContain(`/api/v1/reports/${report}?`);
      expect(href).toContain('unit=28693');
      expect(href).toContain(`format=${format}`);
      if (report === 'consultations') expect(href).toContain('from=2025-07-01&to=2025-07-02');
      const res = await page.request.get(href);
      expect(res.status(), href).toBe(200);
      expect(res.headers()['content-type']).toBe(format === 'pdf' ? 'application/pdf' : XLSX);
      expect(res.headers()['content-disposition']).toContain(`${name}.${format}`);
      expect((await res.body()).subarray(0, format === 'pdf' ? 5 : 2).toString()).toBe(
        format === 'pdf' ? '%PDF-' : 'PK',
      );
    }
  }
  const download = page.waitForEvent('download');
  await page.getByTestId('staffing-download-xlsx').click();
  expect((await download).suggestedFilename()).toBe('co-cau-nhan-su-28693.xlsx');

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(800);
  await shot(page, info.project.name, 'reports-exports');
});
