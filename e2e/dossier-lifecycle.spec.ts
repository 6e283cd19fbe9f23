import { expect, type Page, test } from '@playwright/test';
import { E2E_PASSWORD, shot, staffSession } from './support.ts';

// Journey: one dossier through the commune center — reception receives and transfers it, the specialist
// asks for a supplement, reception records it, the specialist completes appraisal, the leader approves
// and issues the result, reception returns it. Every officer works in a separate browser session.

const UNIT = '28693';
const PROCEDURE = '1.004873'; // Cấp Giấy xác nhận tình trạng hôn nhân: 03 ngày làm việc
const SPECIALIST_NAME = 'Đặng Thị Mỹ Linh'; // specialist.tan-thoi in the demo seed
const RESULT_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

const signIn = staffSession;

/** Opens the action's modal, lets the caller fill it, submits and waits for the modal to close. */
async function act(
  page: Page,
  action: string,
  fill?: (modal: ReturnType<Page['getByTestId']>) => Promise<void>,
) {
  await page.getByTestId(`action-${action}`).click();
  const modal = page.getByTestId('action-form');
  await expect(modal).toHaveAttribute('data-action', action);
  if (fill) await fill(modal);
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('action-form')).toHaveCount(0);
}

async function openFromQueue(page: Page, tab: string, code: string) {
  await page.goto(`/ho-so?tab=${tab}`);
  const row = page.locator(`[data-testid="queue-row"][data-code="${code}"]`);
  await expect(row).toBeVisible();
  await row.getByTestId('queue-link').click();
  await expect(page.getByTestId('dossier-code')).toHaveText(code);
}

test('a dossier goes from the counter through appraisal and approval back to the applicant', async ({
  browser,
}, info) => {
  test.setTimeout(360_000);
  const project = info.project.name;

  const reception = await signIn(browser, info, 'reception.tan-thoi');
  const specialist = await signIn(browser, info, 'specialist.tan-thoi');
  const leader = await signIn(browser, info, 'leader.tan-thoi');
  let code = '';

  await test.step('reception receives a 3-working-day dossier and transfers it', async () => {
    const page = reception.page;
    await page.goto('/tiep-nhan');
    await page.getByTestId('intake-procedure').fill('xac nhan tinh trang hon nhan');
    await page.getByRole('option', { name: new RegExp(PROCEDURE.replace('.', '\\.')) }).click();
    await expect(page.getByTestId('intake-procedure-facts')).toContainText('03 ngày làm việc');
    await page.getByTestId('intake-fullname').fill('Lê Văn Phúc');
    await page.getByTestId('intake-id-number').fill('082090004321');
    await page.getByTestId('intake-phone').fill('0987654321');
    await page.getByTestId('intake-address').fill('Ấp Tân Hòa, xã Tân Thới, tỉnh Đồng Tháp');
    for (const box of await page.locator('[data-testid^="intake-doc-check-"][data-required="true"]').all())
      await box.check();
    await expect(page.getByTestId('intake-decision-accept')).toBeChecked();
    await page.getByTestId('intake-submit').click();
    await expect(page.getByTestId('intake-success')).toHaveAttribute('data-outcome', 'accepted');
    code = (await page.getByTestId('intake-success-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^H82\.050-\d{6}-\d{4}$/);
    await expect(page.locator(`[data-testid="today-dossier-link"][data-code="${code}"]`)).toBeVisible();

    await page.getByTestId('nav-queues').click();
    await expect(page.getByTestId('queue-tab-to_transfer')).toHaveAttribute('aria-selected', 'true');
    const row = page.locator(`[data-testid="queue-row"][data-code="${code}"]`);
    await expect(row).toBeVisible();
    await expect(row.getByTestId('queue-deadline')).toHaveAttribute('data-state', 'on_track');
    await expect(row.getByTestId('queue-procedure')).toContainText('tình trạng hôn nhân');
    await shot(page, project, 'lifecycle-01-reception-queues');
    await row.getByTestId('queue-link').click();
    await expect(page.getByTestId('dossier-status')).toHaveText('Được tiếp nhận');
    await act(page, 'transfer');
    await expect(page.getByTestId('dossier-status')).toHaveText('Đang xử lý');
    await expect(page.getByTestId('dossier-step')).toContainText('Thẩm định, xử lý hồ sơ');
  });

  await test.step('specialist opens it from "mine" at phone width, assigns it by name and requests a supplement', async () => {
    const page = specialist.page;
    await page.setViewportSize({ width: 360, height: 780 });
    // The navigation is behind the burger menu at this width.
    await page.goto('/ho-so');
    await expect(page.getByTestId('queue-tab-mine')).toHaveAttribute('aria-selected', 'true');
    const row = page.locator(`[data-testid="queue-row"][data-code="${code}"]`);
    await expect(row).toBeVisible();
    await expect(row.getByTestId('queue-procedure')).toContainText('tình trạng hôn nhân');
    await shot(page, project, 'lifecycle-02-specialist-queues-360');
    await row.getByTestId('queue-link').click();
    await expect(page.getByTestId('dossier-code')).toHaveText(code);

    // The picker lists the commune's specialists as "Họ tên (username)" and searches by name.
    await page.getByTestId('action-assign').click();
    const picker = page.getByTestId('action-assignee');
    await expect(picker).toBeEnabled();
    await picker.click();
    await picker.fill('my linh');
    const option = page.getByRole('option', { name: `${SPECIALIST_NAME} (specialist.tan-thoi)` });
    await expect(option).toBeVisible();
    await expect(page.getByRole('option')).toHaveCount(1);
    await shot(page, project, 'lifecycle-02b-assign-picker-360');
    await option.click();
    await expect(picker).toHaveValue(`${SPECIALIST_NAME} (specialist.tan-thoi)`);
    await page.getByTestId('action-submit').click();
    await expect(page.getByTestId('action-form')).toHaveCount(0);
    await expect(page.getByTestId('dossier-assignee')).toHaveText('specialist.tan-thoi');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByTestId('action-request_supplement').click();
    await page.getByTestId('action-reason').fill('Tờ khai chưa ghi mục đích sử dụng Giấy xác nhận');
    await page
      .getByTestId('action-item-name-0')
      .fill('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (ghi rõ mục đích)');
    await page.getByTestId('action-item-add').click();
    await page.getByTestId('action-item-name-1').fill('Trích lục ghi chú ly hôn');
    await shot(page, project, 'lifecycle-03-supplement-modal');
    await page.getByTestId('action-submit').click();
    await expect(page.getByTestId('action-form')).toHaveCount(0);
    await expect(page.getByTestId('dossier-status')).toHaveText('Yêu cầu bổ sung giấy tờ');
    await expect(page.getByTestId('doc-link-supplement-slip')).toBeVisible();
    await expect(page.getByTestId('due-pauses')).toContainText('Đang tạm dừng');
  });

  await test.step('reception records the supplement received', async () => {
    const page = reception.page;
    await openFromQueue(page, 'waiting_supplement', code);
    await act(page, 'supplement_received', (modal) =>
      modal.getByTestId('action-reason').fill('Công dân nộp tờ khai đã bổ sung mục đích'),
    );
    await expect(page.getByTestId('dossier-status')).toHaveText('Đang xử lý');
    await expect(page.getByTestId('due-pauses')).toContainText('Chờ công dân bổ sung hồ sơ');
  });

  await test.step('specialist completes appraisal; a stale tab gets the conflict and reloads', async () => {
    const page = specialist.page;
    await page.reload();
    await expect(page.getByTestId('dossier-status')).toHaveText('Đang xử lý');
    const stale = await specialist.context.newPage();
    await stale.goto(`/ho-so/${code}`);
    await expect(stale.getByTestId('action-complete_step')).toBeVisible();

    await act(page, 'complete_step', (modal) => modal.getByTestId('action-reason').fill('Đủ điều kiện cấp'));
    await expect(page.getByTestId('dossier-step')).toContainText('Lãnh đạo xem xét, phê duyệt');
    await expect(page.getByTestId('action-complete_step')).toHaveCount(0);

    await stale.getByTestId('action-request_supplement').click();
    await stale.getByTestId('action-reason').fill('Thiếu giấy tờ');
    await stale.getByTestId('action-submit').click();
    await expect(stale.getByTestId('dossier-conflict')).toContainText('Hồ sơ vừa được người khác cập nhật');
    await expect(stale.getByTestId('dossier-step')).toContainText('Lãnh đạo xem xét, phê duyệt');
    await expect(stale.getByTestId('action-complete_step')).toHaveCount(0);
    await shot(stale, project, 'lifecycle-03b-conflict');
    await stale.close();
  });

  await test.step('leader closes a follow-up task, approves and issues the result', async () => {
    const page = leader.page;
    const created = await page.request.post(`/api/v1/inspections?unit=${UNIT}`, {
      data: {
        day: '2025-07-03',
        participants: 'Đoàn kiểm tra tỉnh Đồng Tháp',
        findings: 'Niêm yết thủ tục chưa đầy đủ',
        directions: 'Bổ sung niêm yết trong tuần',
        tasks: [
          { title: 'Bổ sung niêm yết thủ tục hộ tịch', owner: 'leader.tan-thoi', dueDate: '2025-07-10' },
        ],
      },
    });
    expect(created.status()).toBe(201);
    await page.getByTestId('nav-queues').click();
    const task = page.getByTestId('task-row').filter({ hasText: 'Bổ sung niêm yết thủ tục hộ tịch' });
    await expect(task).toBeVisible();
    await expect(page.locator(`[data-testid="queue-row"][data-code="${code}"]`)).toBeVisible();
    await shot(page, project, 'lifecycle-04-leader-queues');
    await task.getByTestId('task-done').click();
    await expect(task).toHaveCount(0);

    await openFromQueue(page, 'awaiting_approval', code);
    await act(page, 'complete_step');
    await expect(page.getByTestId('dossier-step')).toContainText('Ký, đóng dấu, phát hành kết quả');
    await page.getByTestId('action-issue_result').click();
    await page.getByTestId('action-submit').click();
    await expect(page.getByTestId('action-form')).toContainText('Vui lòng chọn tệp kết quả');
    await page.getByTestId('action-result-input').setInputFiles({
      name: 'giay-xac-nhan-tthn.pdf',
      mimeType: 'application/pdf',
      buffer: RESULT_PDF,
    });
    await expect(page.getByTestId('action-result-name')).toHaveText('giay-xac-nhan-tthn.pdf');
    await shot(page, project, 'lifecycle-05-issue-result-modal');
    await page.getByTestId('action-submit').click();
    await expect(page.getByTestId('action-form')).toHaveCount(0);
    await expect(page.getByTestId('dossier-status')).toHaveText('Đã xử lý xong');
    const result = page.getByTestId('dossier-result');
    await expect(result).toHaveText('giay-xac-nhan-tthn.pdf');
    await expect(result).toHaveAttribute('href', `/api/v1/dossiers/${code}/result`);
    const [download] = await Promise.all([page.waitForEvent('download'), result.click()]);
    expect(download.suggestedFilename()).toBe('giay-xac-nhan-tthn.pdf');
    const file = await page.request.get(`/api/v1/dossiers/${code}/result`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await shot(page, project, 'lifecycle-05b-result-issued');
  });

  await test.step('reception returns the result; the history and the control slip show every step', async () => {
    const page = reception.page;
    await openFromQueue(page, 'to_return', code);
    await act(page, 'return_result', async (modal) => {
      await expect(modal.getByTestId('action-return-counter')).toBeChecked();
    });
    await expect(page.getByTestId('dossier-status')).toHaveText('Đã trả kết quả');
    await expect(page.getByTestId('dossier-deadline')).toHaveAttribute('data-state', /early|on_time/);
    // Reception downloads the result it hands over.
    const result = await page.request.get(
      (await page.getByTestId('dossier-result').getAttribute('href')) ?? '',
    );
    expect(result.status()).toBe(200);
    expect((await result.body()).subarray(0, 5).toString()).toBe('%PDF-');

    const actions = await page
      .getByTestId('timeline-item')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-action')));
    expect(actions).toEqual([
      'intake',
      'transfer',
      'assign',
      'request_supplement',
      'supplement_received',
      'complete_step',
      'complete_step',
      'issue_result',
      'return_result',
    ]);
    await expect(page.getByTestId('timeline')).toContainText(
      'Tờ khai chưa ghi mục đích sử dụng Giấy xác nhận',
    );
    await expect(page.getByTestId('due-explanation')).toContainText('Tạm dừng (chờ bổ sung)');
    await shot(page, project, 'lifecycle-06-dossier-returned');

    const href = await page.getByTestId('doc-link-control-slip').getAttribute('href');
    expect(href).toBe(`/api/v1/dossiers/${code}/control-slip.pdf`);
    const pdf = await page.request.get(`/api/v1/dossiers/${code}/control-slip.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    info.attach('control-slip.pdf', { body: bytes, contentType: 'application/pdf' });

    // The dossier page at phone width.
    await page.setViewportSize({ width: 360, height: 780 });
    await page.reload();
    await expect(page.getByTestId('dossier-status')).toHaveText('Đã trả kết quả');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, project, 'lifecycle-07-dossier-360');

    await page.getByTestId('language-menu').click();
    await page.getByTestId('language-option-en').click();
    await expect(page.getByTestId('dossier-status')).toHaveText('Result returned');
  });

  await Promise.all([reception.context.close(), specialist.context.close(), leader.context.close()]);
});

test('the counter refuses a dossier or guides the applicant to supplement it, with the matching slip', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  const project = info.project.name;
  await page.goto('/dang-nhap');
  await page.getByTestId('login-username').fill('reception.tan-thoi');
  await page.getByTestId('login-password').fill(E2E_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('intake-form')).toBeVisible();

  const fillApplicant = async (name: string) => {
    await page.getByTestId('intake-procedure').fill('xac nhan tinh trang hon nhan');
    await page.getByRole('option', { name: /1\.004873/ }).click();
    await page.getByTestId('intake-fullname').fill(name);
    await page.getByTestId('intake-id-number').fill('082190004321');
    await page.getByTestId('intake-phone').fill('0987654322');
    await page.getByTestId('intake-address').fill('Ấp 3, xã Tân Thới, tỉnh Đồng Tháp');
  };
  const pdfOf = async (href: string | null) => {
    const response = await page.request.get(href ?? '');
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  };

  // Guidance: nothing ticked, the missing required document taken from the checklist.
  await fillApplicant('Võ Thị Mai');
  await page.getByTestId('intake-decision-supplement').check();
  await page.getByTestId('intake-submit').click();
  await expect(page.getByTestId('intake-reasons')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('intake-reasons').fill('Tờ khai chưa có\nChưa rõ mục đích sử dụng');
  await page.getByTestId('intake-missing-from-checklist').click();
  await expect(page.getByTestId('intake-missing-name-0')).toHaveValue(/Tờ khai cấp Giấy xác nhận/);
  await expect(page.getByTestId('intake-submit')).toHaveText('Hướng dẫn bổ sung');
  await shot(page, project, 'lifecycle-08-intake-supplement');
  await page.getByTestId('intake-submit').click();
  await expect(page.getByTestId('intake-success')).toHaveAttribute('data-outcome', 'supplement');
  await expect(page.getByTestId('intake-slip-link')).toHaveCount(0);
  await pdfOf(await page.getByTestId('intake-supplement-slip-link').getAttribute('href'));
  const guided = (await page.getByTestId('intake-success-code').textContent())?.trim() ?? '';

  // Refusal with a reason.
  await page.getByTestId('intake-new').click();
  await fillApplicant('Phan Văn Tâm');
  await page.getByTestId('intake-decision-refuse').check();
  await page.getByTestId('intake-reasons').fill('Người yêu cầu không cư trú trên địa bàn xã');
  await page.getByTestId('intake-submit').click();
  await expect(page.getByTestId('intake-success')).toHaveAttribute('data-outcome', 'refused');
  await expect(page.getByTestId('intake-success-due')).toHaveCount(0);
  await pdfOf(await page.getByTestId('intake-refusal-slip-link').getAttribute('href'));
  const refused = (await page.getByTestId('intake-success-code').textContent())?.trim() ?? '';
  const refusedRow = page.locator(`[data-testid="today-row"][data-code="${refused}"]`);
  await expect(refusedRow.getByTestId('today-slip-link')).toHaveAttribute(
    'href',
    `/api/v1/dossiers/${refused}/refusal-slip.pdf`,
  );
  await page.getByTestId('intake-dossier-link').click();
  await expect(page.getByTestId('dossier-status')).toHaveText('Không được tiếp nhận');
  await expect(page.getByTestId('due-none')).toBeVisible();
  await expect(page.getByTestId('doc-link-refusal-slip')).toBeVisible();
  await expect(page.getByTestId('doc-link-receipt')).toHaveCount(0);
  await expect(page.getByTestId('actions-none')).toBeVisible();

  // The guided applicant comes back with the documents: supplement received, then accepted.
  await page.goto('/tiep-nhan');
  await page.locator(`[data-testid="today-dossier-link"][data-code="${guided}"]`).click();
  await expect(page.getByTestId('dossier-substate')).toHaveText('Chờ công dân bổ sung trước khi tiếp nhận');
  await act(page, 'pre_supplement_received');
  await expect(page.getByTestId('dossier-substate')).toHaveCount(0);
  await act(page, 'accept');
  await expect(page.getByTestId('dossier-status')).toHaveText('Được tiếp nhận');
  await expect(page.getByTestId('due-current')).toHaveText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await expect(page.getByTestId('doc-link-receipt')).toBeVisible();
  await expect(page.getByTestId('doc-link-supplement-slip')).toBeVisible();
});
