import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { E2E_PASSWORD } from './support.ts';

/** Receives a dossier at Tân Thới's counter through the API (signed out again afterwards). */
export async function receiveDossier(request: APIRequestContext): Promise<{ code: string; phone: string }> {
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'reception.tan-thoi', password: E2E_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const phone = '0911222333';
  const created = await request.post('/api/v1/dossiers', {
    data: {
      procedureCode: '2.000815',
      applicant: { fullName: 'Võ Thị Mai', idNumber: '082190004567', phone, address: 'Ấp Tân Thới' },
      documents: [{ id: 'ban-chinh', originals: 1, certifiedCopies: 0, photocopies: 0 }],
    },
  });
  expect(created.status()).toBe(201);
  const { code } = (await created.json()) as { code: string };
  await request.post('/api/v1/auth/logout');
  return { code, phone };
}

/** Signs in through the sign-in page, as staff do. */
export async function signIn(page: Page, username: string) {
  await page.goto('/dang-nhap');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(E2E_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page).not.toHaveURL(/dang-nhap/);
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's WCAG 2.2 A/AA violations on the page as it is now, one line each (empty when none). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
}
