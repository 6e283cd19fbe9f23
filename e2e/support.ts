import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

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
