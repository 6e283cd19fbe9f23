import { expect, test } from '@playwright/test';
import { followNav } from './nav-support.ts';
import { E2E_PASSWORD, shot } from './support.ts';

/** Runs SQL in the journey's server (e2e/serve.ts listens for it on the product port + 1000). */
async function tamper(baseURL: string, text: string) {
  const url = new URL(baseURL);
  url.port = String(Number(url.port) + 1000);
  const res = await fetch(url, { method: 'POST', body: text });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Array<Record<string, unknown>>;
}

// Journey: an administrator checks the audit trail — intact — then someone deletes an event from the
// middle of a dossier's chain directly in the database, and the check names the break.
test('the administrator’s audit check shows an intact trail, then the deleted event', async ({
  page,
  baseURL,
}, info) => {
  test.slow();
  const project = info.project.name;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/dang-nhap');
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(E2E_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();

  await followNav(page, 'nav-audit');
  const status = page.getByTestId('audit-status');
  await expect(status).toHaveAttribute('data-ok', 'true');
  await expect(status).toContainText('Nhật ký toàn vẹn');
  await shot(page, project, 'audit-01-intact', { fullPage: true });

  const [victim] = await tamper(
    baseURL!,
    `SELECT unit_code, dossier_code FROM audit_events WHERE dossier_code IS NOT NULL AND seq = 3 ORDER BY dossier_code LIMIT 1`,
  );
  expect(victim).toBeTruthy();
  await tamper(
    baseURL!,
    `DELETE FROM audit_events WHERE unit_code = '${victim!.unit_code}' AND dossier_code = '${victim!.dossier_code}' AND seq = 2`,
  );
  await page.getByTestId('audit-recheck').click();
  await expect(status).toHaveAttribute('data-ok', 'false');
  await expect(status).toContainText('Nhật ký đã bị sửa hoặc xóa');
  const breaks = page.getByTestId('audit-breaks');
  await expect(breaks).toContainText(String(victim!.dossier_code));
  await expect(breaks).toContainText('Thiếu sự kiện');
  await shot(page, project, 'audit-02-broken', { fullPage: true });

  // At 360 px the page stays usable.
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(breaks).toBeVisible();
  await shot(page, project, 'audit-03-narrow', { fullPage: true });
});
