import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, expect, type Page, type TestInfo } from '@playwright/test';

export const E2E_PASSWORD = 'e2e-demo-password';
export const SHOTS_DIR = path.resolve('test-results/screenshots');

/** Saves a screenshot (full page unless `fullPage: false`, e.g. for a modal) under test-results/screenshots/<project>-<name>.png. */
export async function shot(page: Page, project: string, name: string, opts: { fullPage?: boolean } = {}) {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({
    path: path.join(SHOTS_DIR, `${project}-${name}.png`),
    fullPage: opts.fullPage ?? true,
  });
}

/** An officer signed in through the login page in a browser context of their own (1280 px, Vietnamese). */
export async function staffSession(
  browser: Browser,
  info: TestInfo,
  username: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: info.project.use.baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto('/dang-nhap');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(E2E_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  return { context, page };
}

/** Receives a dossier at the counter through the API (the originals of every required document); its code. */
export async function receiveByApi(
  page: Page,
  unit: string,
  procedureCode: string,
  applicant: { fullName: string; idNumber: string; phone: string; address: string },
): Promise<string> {
  const detail = await (await page.request.get(`/api/v1/procedures/${procedureCode}?unit=${unit}`)).json();
  const documents = (detail.documents as Array<{ id: string; required: boolean }>)
    .filter((d) => d.required)
    .map((d) => ({ id: d.id, originals: 1, certifiedCopies: 0, photocopies: 0 }));
  const intake = await page.request.post('/api/v1/dossiers', {
    data: { procedureCode, applicant, documents },
  });
  expect(intake.status(), await intake.text()).toBe(201);
  return (await intake.json()).code as string;
}
