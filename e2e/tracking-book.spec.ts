import { expect, type Page, test } from '@playwright/test';
import { E2E_PASSWORD, shot } from './support.ts';

// Journeys: a counter officer opens the commune's tracking book for July 2025 (the demo's dossiers),
// pages through it and downloads the official PDF; she logs a consultation; the leader adds a piece
// of equipment. At 1280 px and at phone width (360 px), without sideways scrolling.

const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 360, height: 780 },
] as const;

async function signIn(page: Page, username: string) {
  await page.goto('/dang-nhap');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(E2E_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page).not.toHaveURL(/dang-nhap/);
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const size of WIDTHS) {
  test.describe(`at ${size.width} px`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('a counter officer opens the tracking book of a month and downloads it as PDF', async ({
      page,
    }, info) => {
      test.slow();
      await signIn(page, 'reception.tan-thoi');
      // Reached from the staff navigation (the drawer on a phone).
      // From a settled page: the drawer closes whenever the location changes (the redirect after login).
      await page.goto('/ho-so');
      await expect(page.getByTestId('queues')).toBeVisible();
      if (size.width < 768) {
        await page.getByTestId('nav-burger').click();
        const link = page.getByTestId('nav-tracking-book-mobile');
        await expect(link).toBeInViewport();
        await shot(page, info.project.name, 'tracking-book-drawer-360', { fullPage: false });
        await link.click();
      } else {
        await page.getByTestId('nav-tracking-book').click();
      }
      await expect(page).toHaveURL(/\/so-theo-doi/);
      await expect(page.getByTestId('tracking-book-page')).toBeVisible();

      await page.goto('/so-theo-doi?ky=custom&from=2025-07-01&to=2025-07-31');
      const count = page.getByTestId('tracking-book-count');
      await expect(count).toContainText('hồ sơ tiếp nhận từ 01/07/2025 đến 31/07/2025');
      const rows = page.getByTestId('tracking-book-row');
      await expect(rows.first()).toBeVisible();
      const total = Number(((await count.textContent()) ?? '').match(/^\d+/)?.[0]);
      expect(total).toBeGreaterThan(0);
      await expect(rows).toHaveCount(Math.min(total, 50));
      // Book numbers in order, each line a link to its dossier.
      const first = rows.first();
      await expect(first.getByRole('link')).toHaveAttribute('href', /^\/ho-so\//);
      await expect(first).toContainText('/07/2025');
      await noSidewaysScroll(page);
      await shot(page, info.project.name, `tracking-book-${size.name}`, { fullPage: false });

      // The official PDF of the same period.
      const pdf = page.getByTestId('tracking-book-pdf');
      const href = await pdf.getAttribute('href');
      expect(href).toBe('/api/v1/tracking-book.pdf?from=2025-07-01&to=2025-07-31');
      const res = await page.request.get(href ?? '');
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('application/pdf');
      expect((await res.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

      // A period the book cannot hold at once says so, in Vietnamese.
      await page.goto('/so-theo-doi?ky=custom&from=2024-01-01&to=2025-07-31');
      await expect(page.getByTestId('tracking-book-error')).toContainText('thu hẹp khoảng thời gian');
    });

    test('a counter officer logs a consultation and sees it in the log', async ({ page }, info) => {
      test.slow();
      await signIn(page, 'reception.tan-thoi');
      await page.goto('/tu-van');
      const form = page.getByTestId('consultation-form');
      await expect(form).toBeVisible();
      // Nothing chosen: the form says what is missing and sends nothing.
      await form.getByTestId('consultation-submit').click();
      await expect(form).toContainText('Không được để trống');

      const subject = `Hỏi thủ tục chứng thực bản sao (${size.width} px)`;
      await form.getByTestId('consultation-field').click();
      await page.getByRole('option', { name: 'Chứng thực' }).click();
      await form.getByTestId('consultation-subject').fill(subject);
      await form.getByText('Điện thoại').click();
      await shot(page, info.project.name, `consultation-form-${size.width}`, { fullPage: false });
      await form.getByTestId('consultation-submit').click();
      const row = page.getByTestId('consultation-row').filter({ hasText: subject });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText('Chứng thực');
      await expect(row).toContainText('Điện thoại');
      await expect(form.getByTestId('consultation-subject')).toHaveValue('');
      await noSidewaysScroll(page);
      await row.scrollIntoViewIfNeeded();
      await shot(page, info.project.name, `consultation-added-${size.width}`, { fullPage: false });
    });

    test('the leader adds a piece of equipment to the register', async ({ page }, info) => {
      test.slow();
      await signIn(page, 'leader.tan-thoi');
      await page.goto('/thiet-bi');
      const form = page.getByTestId('equipment-form');
      await expect(form).toBeVisible();
      await form.getByTestId('equipment-name').fill('');
      await form.getByTestId('equipment-submit').click();
      await expect(form).toContainText('Không được để trống');

      const name = `Máy lấy số thứ tự tự động (${size.width} px)`;
      await form.getByTestId('equipment-kind').click();
      await page.getByRole('option', { name: 'Máy lấy số thứ tự' }).click();
      await form.getByTestId('equipment-name').fill(name);
      await form.getByTestId('equipment-quantity').fill('2');
      await form.getByTestId('equipment-location').fill('Sảnh chờ Trung tâm');
      await shot(page, info.project.name, `equipment-form-${size.width}`, { fullPage: false });
      await form.getByTestId('equipment-submit').click();
      const row = page.getByTestId('equipment-row').filter({ hasText: name });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText('Sảnh chờ Trung tâm');
      await noSidewaysScroll(page);
      await row.scrollIntoViewIfNeeded();
      await shot(page, info.project.name, `equipment-added-${size.width}`, { fullPage: false });
    });
  });
}
