import { type Browser, expect, type TestInfo, test } from '@playwright/test';
import { axeViolations } from './a11y-support.ts';
import { followNav } from './nav-support.ts';
import { receiveByApi, shot, staffSession } from './support.ts';

// The commune desk keeps the certification registers (sổ chứng thực): a certified copy issued through
// motcua is in this year's book of copies, listed on the staff page and printed as the official PDF.

const UNIT = '28693';
const PROCEDURE = '2.000815'; // Chứng thực bản sao từ bản chính

const signIn = async (browser: Browser, info: TestInfo, username: string) =>
  (await staffSession(browser, info, username)).page;

test('the commune desk lists and prints its certification register', async ({ browser }, info) => {
  test.setTimeout(180_000);
  const project = info.project.name;
  const reception = await signIn(browser, info, 'reception.tan-thoi');
  const specialist = await signIn(browser, info, 'specialist.tan-thoi');
  const leader = await signIn(browser, info, 'leader.tan-thoi');

  // A certified copy drafted, approved and issued through the API (the journey is result-drafts.spec.ts).
  const code = await receiveByApi(reception, UNIT, PROCEDURE, {
    fullName: 'Lê Thị Thu Hương',
    idNumber: '082197003344',
    phone: '0903445566',
    address: 'Ấp Tân Hòa, xã Tân Thới, tỉnh Đồng Tháp',
  });
  const act = async (page: typeof reception, data: Record<string, unknown>) => {
    const res = await page.request.post(`/api/v1/dossiers/${code}/actions`, { data });
    expect(res.status(), await res.text()).toBe(200);
  };
  await act(reception, { action: 'transfer' });
  const draft = await (await specialist.request.get(`/api/v1/dossiers/${code}/result-draft`)).json();
  await act(specialist, {
    action: 'draft_result',
    resultDraft: {
      fields: { ...draft.fields, documentName: 'Giấy khai sinh bản chính', copies: '2', fee: '4000' },
    },
  });
  await act(specialist, { action: 'complete_step' });
  await act(leader, { action: 'complete_step' });
  await act(leader, { action: 'approve_result' });
  await act(leader, { action: 'issue_result' });

  // The register is in the desk's menu; the book of copies of this year lists the entry.
  const page = reception;
  await followNav(page, 'nav-certification-register');
  await expect(page).toHaveURL(/\/so-chung-thuc/);
  await expect(page.getByTestId('certification-register-page')).toBeVisible();
  const row = page.locator('[data-testid="certification-register-row"]', { hasText: code });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Lê Thị Thu Hương');
  await expect(row).toContainText('Giấy khai sinh bản chính');
  await expect(page.getByTestId('certification-register-heading')).toContainText(
    'Sổ chứng thực bản sao từ bản chính',
  );
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, project, 'certification-register-1280');

  // Printed: the official PDF of the same book and year.
  const href = await page.getByTestId('certification-register-pdf').getAttribute('href');
  expect(href).toContain(`book=copy&year=${new Date().getFullYear()}`);
  const pdf = await page.request.get(href ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // The signature book does not hold the copy.
  await page.getByTestId('certification-register-book').getByText('Chứng thực chữ ký').click();
  await expect(page).toHaveURL(/so=signature/);
  await expect(page.getByTestId('certification-register-heading')).toContainText('chữ ký');
  await expect(page.locator('[data-testid="certification-register-row"]', { hasText: code })).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/so-chung-thuc?so=copy');
  await expect(page.locator('[data-testid="certification-register-row"]', { hasText: code })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, project, 'certification-register-360');

  // Not a desk role: a province officer has no such menu entry.
  const province = await signIn(browser, info, 'province.dong-thap');
  await expect(province.getByTestId('nav-certification-register')).toHaveCount(0);
});
