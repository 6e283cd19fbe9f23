import { expect, type Page, test } from '@playwright/test';
import { axeViolations } from './a11y-support.ts';
import { followNav } from './nav-support.ts';
import { shot, staffSession } from './support.ts';

/*
 * Issue 18 item 3: a citizen sends feedback from a 360 px phone without signing in, the commune's
 * specialist accepts and answers it, the leader approves and publishes the answer, and the citizen
 * opens the follow page cold from the code (typed in lower case), reads the answer and rates it once.
 */

const SCRIPT = '<script>window.__pakn = 1</script> Cán bộ quầy 2 không hướng dẫn điền tờ khai.';

async function noSideScroll(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

async function openItem(page: Page, code: string) {
  await followNav(page, 'nav-feedback');
  await expect(page.getByTestId('feedback-desk')).toBeVisible();
  await page.locator(`[data-testid="feedback-row"][data-code="${code}"] a`).click();
  await expect(page.getByTestId('feedback-detail')).toBeVisible();
}

async function takeStep(page: Page, action: string, text?: string) {
  await page.getByTestId(`feedback-action-${action}`).click();
  if (text) {
    await page.getByTestId('feedback-action-text').fill(text);
    await page.getByTestId('feedback-action-confirm').click();
  }
}

test('feedback: sent from a phone, answered and published by the center, rated by the citizen', async ({
  browser,
}, info) => {
  const phone = { width: 360, height: 780 };
  const citizen = await browser.newContext({
    baseURL: info.project.use.baseURL,
    viewport: phone,
    hasTouch: true,
    isMobile: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await citizen.newPage();
  await page.goto('/phan-anh?unit=28693');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gửi phản ánh, kiến nghị');
  await expect(page.getByTestId('feedback-unit')).toHaveValue('28693');
  // Sending an empty form says what is missing, in Vietnamese, before any request.
  await page.getByTestId('feedback-send').click();
  await expect(page.getByText('Hãy nhập họ và tên')).toBeVisible();
  await expect(page.getByText('Hãy nhập số điện thoại hoặc thư điện tử')).toBeVisible();
  await page.getByTestId('feedback-category').selectOption('attitude');
  await page.getByTestId('feedback-name').fill('Đặng Thị Thuỷ');
  await page.getByTestId('feedback-phone').fill('0913 456 789');
  await page.getByTestId('feedback-content').fill(SCRIPT);
  expect(await axeViolations(page)).toEqual([]);
  await noSideScroll(page, phone.width);
  await shot(page, info.project.name, 'feedback-form-360');
  await page.getByTestId('feedback-send').click();
  await expect(page.getByTestId('feedback-receipt')).toBeVisible();
  const code = (await page.getByTestId('feedback-receipt-code').textContent())!.trim();
  expect(code).toMatch(/^PA28693-[2-9A-HJKMNP-Z]{10}$/);
  await noSideScroll(page, phone.width);
  await shot(page, info.project.name, 'feedback-receipt-360');

  // The specialist accepts and answers it.
  const specialist = await staffSession(browser, info, 'specialist.tan-thoi');
  await openItem(specialist.page, code);
  // The citizen's script is text on the staff page too.
  await expect(specialist.page.getByTestId('feedback-detail-content')).toHaveText(SCRIPT);
  await expect(
    specialist.page.locator('[data-testid="feedback-clock"][data-clock="decision"]'),
  ).toBeVisible();
  await takeStep(specialist.page, 'accept');
  await expect(specialist.page.getByTestId('feedback-detail-status')).toHaveAttribute(
    'data-status',
    'accepted',
  );
  // An answer needs its text: the form asks for it before any request.
  await takeStep(specialist.page, 'answer');
  await specialist.page.getByTestId('feedback-action-confirm').click();
  await expect(specialist.page.getByText('Hãy nhập nội dung')).toBeVisible();
  await specialist.page
    .getByTestId('feedback-action-text')
    .fill('Trung tâm đã nhắc nhở cán bộ quầy 2 và đặt mẫu tờ khai điền sẵn tại quầy.');
  await specialist.page.getByTestId('feedback-action-confirm').click();
  await expect(specialist.page.getByTestId('feedback-detail-status')).toHaveAttribute(
    'data-status',
    'answered',
  );
  await shot(specialist.page, info.project.name, 'feedback-staff-answered-1280');
  await specialist.context.close();

  // The leader approves and publishes.
  const leader = await staffSession(browser, info, 'leader.tan-thoi');
  await openItem(leader.page, code);
  await takeStep(leader.page, 'approve');
  await expect(leader.page.getByTestId('feedback-detail-status')).toHaveAttribute('data-status', 'approved');
  await expect(leader.page.locator('[data-testid="feedback-clock"][data-clock="publication"]')).toBeVisible();
  await takeStep(leader.page, 'publish');
  await expect(leader.page.getByTestId('feedback-detail-status')).toHaveAttribute('data-status', 'published');
  expect(await axeViolations(leader.page)).toEqual([]);
  await shot(leader.page, info.project.name, 'feedback-staff-published-1280');
  await leader.page.goto('/xu-ly-phan-anh');
  await expect(leader.page.locator(`[data-testid="feedback-row"][data-code="${code}"]`)).toBeVisible();
  await shot(leader.page, info.project.name, 'feedback-staff-list-1280');
  await leader.context.close();

  // The citizen opens the follow page cold, the code typed in lower case, and rates once.
  await page.goto('about:blank');
  await page.goto(`/phan-anh/${code.toLowerCase()}`);
  await expect(page.getByTestId('feedback-status')).toHaveAttribute('data-status', 'published');
  await expect(page.getByTestId('feedback-answer-text')).toHaveText(
    'Trung tâm đã nhắc nhở cán bộ quầy 2 và đặt mẫu tờ khai điền sẵn tại quầy.',
  );
  await expect(page.getByTestId('feedback-content-shown')).toHaveText(SCRIPT);
  expect(await page.evaluate(() => (window as unknown as { __pakn?: number }).__pakn)).toBeUndefined();
  expect(await axeViolations(page)).toEqual([]);
  await noSideScroll(page, phone.width);
  await shot(page, info.project.name, 'feedback-follow-360');
  await page.getByTestId('feedback-rate-satisfied').tap();
  await expect(page.getByTestId('feedback-rated')).toContainText('Hài lòng');
  await expect(page.getByTestId('feedback-rate')).toHaveCount(0);
  await shot(page, info.project.name, 'feedback-rated-360');
  await page.reload();
  await expect(page.getByTestId('feedback-rated')).toBeVisible();
  await expect(page.getByTestId('feedback-rate')).toHaveCount(0);
  const again = await page.request.post(`/api/v1/feedback/public/${code}/rating`, {
    data: { rating: 'dissatisfied' },
  });
  expect(again.status()).toBe(409);
  // An unknown code: a plain Vietnamese sentence, not a JSON error.
  await page.goto('/phan-anh/PA28693-ABCDEFGHJK');
  await expect(page.getByTestId('feedback-follow-error')).toContainText('Không tìm thấy');
  await citizen.close();
});
