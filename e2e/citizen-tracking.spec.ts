import { expect, test } from '@playwright/test';
import { E2E_PASSWORD, shot } from './support.ts';

// Journey: a citizen finds a procedure in the public catalogue and tracks a dossier by its code.
test('citizen browses the catalogue and tracks a dossier by code and phone', async ({
  page,
  request,
}, info) => {
  const project = info.project.name;
  // A dossier received at the counter (through the API, as the reception journey covers the form).
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'reception.tan-phu-dong', password: E2E_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const created = await request.post('/api/v1/dossiers', {
    data: {
      procedureCode: '1.001193',
      applicant: {
        fullName: 'Trần Văn Bình',
        idNumber: '082090004321',
        phone: '0987654321',
        address: 'Ấp Tân Phú Đông',
      },
      documents: await requiredDocuments(request, '1.001193', '28696'),
    },
  });
  expect(created.status()).toBe(201);
  const dossier = await created.json();
  await request.post('/api/v1/auth/logout');

  await page.goto('/thu-tuc?unit=28696');
  await expect(page.getByTestId('procedure-row').first()).toBeVisible();
  await page.getByTestId('catalog-search').fill('khai sinh');
  // The search is kept in the address (shareable), written as the user types.
  await expect(page).toHaveURL(/[?&]q=khai(\+|%20)sinh/);
  await expect(page.locator('[data-testid="procedure-row"][data-code="1.001193"]')).toBeVisible();
  await shot(page, project, '05-catalogue-search');
  await page
    .locator('[data-testid="procedure-row"][data-code="1.001193"]')
    .getByTestId('procedure-link')
    .click();
  await expect(page.getByTestId('procedure-code')).toHaveText('1.001193');
  await expect(page.getByTestId('procedure-documents')).toBeVisible();
  await shot(page, project, '06-procedure-detail');

  // The QR code on the slip opens /tra-cuu/<code>.
  await page.goto(`/tra-cuu/${dossier.code}`);
  await expect(page.getByTestId('tracking-code')).toHaveValue(dossier.code);
  await page.getByTestId('tracking-phone').fill('0000');
  await page.getByTestId('tracking-submit').click();
  await expect(page.getByTestId('tracking-error')).toContainText('Không tìm thấy hồ sơ');
  await page.getByTestId('tracking-phone').fill('4321');
  await page.getByTestId('tracking-submit').click();
  await expect(page.getByTestId('tracking-status')).toHaveText('Được tiếp nhận');
  await expect(page.getByTestId('tracking-procedure')).toContainText('khai sinh');
  await expect(page.getByTestId('tracking-result')).not.toContainText('Trần Văn Bình');
  await shot(page, project, '07-tracking');

  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto('/thu-tuc?unit=28696');
  await expect(page.getByTestId('procedure-row').first()).toBeVisible();
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await shot(page, project, '08-catalogue-360');
});

async function requiredDocuments(
  request: import('@playwright/test').APIRequestContext,
  code: string,
  unit: string,
) {
  const detail = await (await request.get(`/api/v1/procedures/${code}?unit=${unit}`)).json();
  return detail.documents
    .filter((d: { required: boolean }) => d.required)
    .map((d: { id: string; originals: number; certifiedCopies: number; photocopies: number }) => ({
      id: d.id,
      originals: d.originals,
      certifiedCopies: d.certifiedCopies,
      photocopies: d.photocopies || (d.originals + d.certifiedCopies === 0 ? 1 : 0),
    }));
}
