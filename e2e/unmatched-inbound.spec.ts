import { expect, type Page, test } from '@playwright/test';
import { followNav } from './nav-support.ts';
import { shot, staffSession } from './support.ts';

// Journey (issue 15, unmatched inbound): the portal stand-in lists two online dossiers of Tân Thới
// whose procedure code the commune's catalogue does not know. They are fetched; the reception
// officer opens the page from the header, maps the first to a procedure of the catalogue — it
// appears in the online queue — and refuses the second with a reason, which the stand-in receives
// as status 3.

const PDF = Buffer.from('%PDF-1.4\n% to khai\n%%EOF\n').toString('base64');

async function portalOrigin(page: Page): Promise<string> {
  const res = await page.request.get('/api/v1/integration/status');
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { links: Array<{ link: string; endpoint: string | null }> };
  const endpoint = body.links.find((l) => l.link === 'portal')?.endpoint;
  if (!endpoint) throw new Error('the portal link has no endpoint: is the stand-in running?');
  return endpoint;
}

function onlineDossier(id: string, code: string, name: string, minute: string) {
  return {
    IdHoSoCong: id,
    MaHoSo: code,
    MaTTHC: '9.900001',
    TenTTHC: 'Cấp giấy xác nhận (mã thủ tục cũ của Cổng)',
    MaDonVi: '28693',
    ChuHoSo: name,
    SoGiayToChuHoSo: '082190004321',
    SoDienThoai: '0907000111',
    Email: '',
    DiaChi: 'Ấp Tân Hòa, xã Tân Thới, tỉnh Đồng Tháp',
    TrichYeuHoSo: 'Đề nghị cấp giấy xác nhận',
    NgayNopHoSo: `202601050${minute}0000`.slice(0, 14),
    TrangThaiHoSo: 1,
    TaiKhoanDuocXacThucVoiVNeID: 1,
    TaiLieuNop: [
      {
        TenTepDinhKem: 'to-khai.pdf',
        MaThanhPhanHoSo: 'to-khai',
        DuongDanTaiTepTin: `/api/tep-tin/${id}-tk`,
      },
    ],
  };
}

test('an officer maps an unmatched portal dossier into the online queue and refuses another', async ({
  page,
  browser,
}, info) => {
  test.slow();
  const suffix = info.project.name === 'pglite' ? '1' : info.project.name === 'postgres' ? '2' : '3';
  const first = { id: `DVCQG-E2E-MAP-${suffix}`, code: `G22.82-260105-00770${suffix}` };
  const second = { id: `DVCQG-E2E-REFUSE-${suffix}`, code: `G22.82-260105-00780${suffix}` };

  // The administrator adds them on the stand-in and fetches now (the scheduler would, every 5 minutes).
  const admin = await staffSession(browser, info, 'admin');
  const portal = await portalOrigin(admin.page);
  const added = await admin.page.request.post(`${portal}/__admin/online`, {
    data: {
      dossiers: [
        onlineDossier(first.id, first.code, 'Nguyễn Thị Mai Anh', '8'),
        onlineDossier(second.id, second.code, 'Lê Văn Khoa', '9'),
      ],
      files: [first.id, second.id].map((id) => ({
        IdTepTin: `${id}-tk`,
        TenTep: 'to-khai.pdf',
        LoaiTep: 'application/pdf',
        NoiDung: PDF,
      })),
    },
  });
  expect(added.status(), await added.text()).toBe(200);
  const fetched = await admin.page.request.post('/api/v1/integration/portal/fetch', {
    data: { unitCode: '28693' },
  });
  expect(fetched.status(), await fetched.text()).toBe(200);
  await admin.context.close();

  const { context, page: officer } = await staffSession(browser, info, 'reception.tan-thoi');
  // The header settles (the session and its groups) before a group is opened.
  await officer.waitForLoadState('networkidle');
  await followNav(officer, 'nav-unmatched');
  const mine = (id: string) => officer.locator(`[data-testid="unmatched-item"][data-portal-id="${id}"]`);
  await expect(mine(first.id)).toBeVisible();
  await expect(mine(second.id)).toBeVisible();
  await expect(mine(first.id).getByTestId('unmatched-reason')).toHaveText(
    'Thủ tục không có trong danh mục của xã',
  );
  // The applicant is masked.
  await expect(mine(first.id).getByTestId('unmatched-applicant')).toHaveText('Nguyễn T*** M*** A***');
  await shot(officer, info.project.name, 'unmatched-list-1280');
  // On a phone (laid out afresh at 360 px).
  await officer.setViewportSize({ width: 360, height: 800 });
  await officer.reload();
  await expect(mine(first.id)).toBeVisible();
  await shot(officer, info.project.name, 'unmatched-list-360');
  await officer.setViewportSize({ width: 1280, height: 900 });
  await officer.reload();
  await expect(mine(first.id)).toBeVisible();

  // Map the first to the commune's "Cấp Giấy xác nhận tình trạng hôn nhân" (1.004873).
  await mine(first.id).getByTestId('unmatched-map-open').click();
  const select = mine(first.id).getByTestId('unmatched-procedure');
  await select.click();
  await select.fill('1.004873');
  await officer.getByRole('option', { name: /1\.004873/ }).click();
  await shot(officer, info.project.name, 'unmatched-map-1280');
  await mine(first.id).getByTestId('unmatched-map-submit').click();
  const done = officer.getByTestId('unmatched-done');
  await expect(done).toContainText('Đã đưa hồ sơ vào hàng đợi trực tuyến');
  const dossierCode = /mã (\S+)\./.exec((await done.textContent()) ?? '')?.[1];
  expect(dossierCode).toMatch(/^H82\./);
  await expect(mine(first.id)).toHaveCount(0);

  // Refuse the second with a reason.
  await mine(second.id).getByTestId('unmatched-refuse-open').click();
  await expect(mine(second.id).getByTestId('unmatched-refuse-submit')).toBeDisabled();
  await mine(second.id)
    .getByTestId('unmatched-reason-input')
    .fill('Thủ tục thuộc thẩm quyền của Sở Tư pháp, không thuộc thẩm quyền của UBND xã');
  await mine(second.id).getByTestId('unmatched-refuse-submit').click();
  await expect(done).toContainText('Đã từ chối tiếp nhận');
  await expect(mine(second.id)).toHaveCount(0);

  // The portal hears the refusal (the outbox worker delivers it within its interval).
  await expect
    .poll(
      async () => {
        const state = (await (await officer.request.get(`${portal}/__admin/state`)).json()) as {
          decided: Record<string, number>;
        };
        return state.decided[second.code];
      },
      { timeout: 45_000 },
    )
    .toBe(3);

  // The mapped one is in the online queue, like any online filing.
  await followNav(officer, 'nav-online-queue');
  await expect(officer.getByTestId('online-queue')).toContainText(dossierCode!);
  await shot(officer, info.project.name, 'unmatched-online-queue-1280');

  // Its file arrives from the portal by itself (the outbox worker).
  await expect
    .poll(
      async () => {
        const d = (await (await officer.request.get(`/api/v1/dossiers/${dossierCode}`)).json()) as {
          portalFiles: Array<{ state: string }>;
          attachments: Array<{ fileName: string }>;
        };
        return [d.portalFiles.map((f) => f.state), d.attachments.map((a) => a.fileName)];
      },
      { timeout: 45_000 },
    )
    .toEqual([['fetched'], ['to-khai.pdf']]);

  await context.close();
});
