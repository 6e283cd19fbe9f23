import { type Browser, expect, type Page, type TestInfo, test } from '@playwright/test';
import { receiveByApi, shot, staffSession } from './support.ts';

// Journey: the specialist drafts the commune's own result (a certified copy's certification) from the
// dossier, the leader approves it at the signing step and issues it without uploading a file; the
// issued PDF is the dossier's result and its number is in the certification register.

const UNIT = '28693';
const PROCEDURE = '2.000815'; // Chứng thực bản sao từ bản chính

const signIn = async (browser: Browser, info: TestInfo, username: string) =>
  (await staffSession(browser, info, username)).page;

async function act(page: Page, action: string) {
  await page.getByTestId(`action-${action}`).click();
  await expect(page.getByTestId('action-form')).toHaveAttribute('data-action', action);
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('action-form')).toHaveCount(0);
}

test('the specialist drafts a certification, the leader approves and issues it', async ({
  browser,
}, info) => {
  test.setTimeout(240_000);
  const project = info.project.name;
  const reception = await signIn(browser, info, 'reception.tan-thoi');
  const specialist = await signIn(browser, info, 'specialist.tan-thoi');
  const leader = await signIn(browser, info, 'leader.tan-thoi');

  // Reception's part is another journey (dossier-lifecycle.spec.ts): received and transferred by the API.
  const code = await receiveByApi(reception, UNIT, PROCEDURE, {
    fullName: 'Trương Thị Ngọc Ánh',
    idNumber: '082196007788',
    phone: '0903112233',
    address: 'Ấp Tân Hòa, xã Tân Thới, tỉnh Đồng Tháp',
  });
  expect(
    (
      await reception.request.post(`/api/v1/dossiers/${code}/actions`, { data: { action: 'transfer' } })
    ).status(),
  ).toBe(200);

  await test.step('specialist checks the prefilled draft, completes it and saves it', async () => {
    const page = specialist;
    await page.goto(`/ho-so/${code}`);
    const panel = page.getByTestId('result-draft');
    await expect(panel).toHaveAttribute('data-status', 'none');
    await expect(page.getByTestId('result-field-requesterName')).toHaveValue('Trương Thị Ngọc Ánh');
    await expect(page.getByTestId('result-field-requesterId')).toHaveValue('Căn cước số 082196007788');
    // A required field left empty is named before anything is sent.
    await page.getByTestId('result-field-documentName').fill('');
    await page.getByTestId('result-draft-save').click();
    await expect(panel).toContainText('Bắt buộc');
    await page.getByTestId('result-field-documentName').fill('Bằng tốt nghiệp trung học phổ thông');
    await page.getByTestId('result-field-copies').fill('3');
    await page.getByTestId('result-field-fee').fill('6000');
    await page.getByTestId('result-draft-save').click();
    await expect(panel).toHaveAttribute('data-status', 'drafted');
    await shot(page, project, 'result-draft-01-specialist', { fullPage: true });
    await act(page, 'complete_step');
    // Past the drafting step the draft is read-only for the specialist.
    await expect(page.getByTestId('result-draft-save')).toHaveCount(0);
  });

  await test.step('leader approves at the signing step and issues the approved draft', async () => {
    const page = leader;
    await page.goto(`/ho-so/${code}`);
    await act(page, 'complete_step');
    await act(page, 'approve_result');
    await expect(page.getByTestId('result-draft')).toHaveAttribute('data-status', 'approved');
    await page.getByTestId('action-issue_result').click();
    await expect(page.getByTestId('action-issue-draft')).toBeVisible();
    await shot(page, project, 'result-draft-02-leader-issue');
    await page.getByTestId('action-submit').click();
    await expect(page.getByTestId('action-form')).toHaveCount(0);
    await expect(page.getByTestId('dossier-status')).toHaveText('Đã xử lý xong');
    const pdf = await page.request.get(`/api/v1/dossiers/${code}/result`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const year = new Date().getFullYear();
    const register = await (
      await page.request.get(`/api/v1/registers/certifications?book=copy&year=${year}`)
    ).json();
    const entry = (register.entries as Array<{ dossierCode: string; copies: number; fee: number }>).find(
      (e) => e.dossierCode === code,
    );
    expect(entry).toMatchObject({ copies: 3, fee: 6000 });
  });

  await test.step('the QR leads to the tracking page, which confirms the number at phone width', async () => {
    const page = await (
      await browser.newContext({ baseURL: info.project.use.baseURL, locale: 'vi-VN' })
    ).newPage();
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`/tra-cuu/${code}`);
    await page.getByTestId('tracking-phone').fill('2233');
    await page.getByTestId('tracking-submit').click();
    await expect(page.getByTestId('tracking-result-number')).toContainText('quyển số');
    await expect(page.getByTestId('tracking-result-title')).toHaveText(
      'LỜI CHỨNG CHỨNG THỰC BẢN SAO TỪ BẢN CHÍNH',
    );
    await expect(page.getByTestId('tracking-result-hash')).toHaveText(/^[0-9a-f]{64}$/);
    await shot(page, project, 'result-draft-03-tracking-360', { fullPage: true });
  });
});
