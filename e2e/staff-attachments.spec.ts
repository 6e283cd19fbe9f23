import zlib from 'node:zlib';
import { type APIRequestContext, expect, request, test } from '@playwright/test';
import { axeViolations, signIn } from './a11y-support.ts';
import { E2E_PASSWORD, shot } from './support.ts';

// Issue 14: reception sees the files a citizen attached online — on the online-queue page and on the
// dossier page — opens, downloads and previews them; another commune's officer cannot. Then refuses
// the dossier on a lawful ground (docs/domain-vn.md §2.3), the slip worded in Vietnamese.

/** A real 48×32 PNG (solid teal), so the preview has something to decode and show. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = (crcTable[(c ^ x) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([0x0b, 0x72, 0x85]))]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function staffApi(baseURL: string, username: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/v1/auth/login', { data: { username, password: E2E_PASSWORD } });
  expect(res.status()).toBe(200);
  return api;
}

/** An online dossier filed at the counter on a citizen's behalf (assisted), with a photo of the form. */
async function fileWithPhoto(api: APIRequestContext, photo: Buffer): Promise<string> {
  const res = await api.post('/api/v1/dossiers/assisted', {
    data: {
      procedureCode: '1.004873',
      unitCode: '28693',
      formVersion: 1,
      answers: {
        requester: {
          fullName: 'Trần Thị Ngọc',
          dateOfBirth: '1995-03-04',
          sex: 'nu',
          ethnicity: 'Kinh',
          nationality: 'Việt Nam',
          personalId: '082195001234',
          residence: 'Ấp Tân Phú, xã Tân Thới, tỉnh Đồng Tháp',
          phone: '0912345678',
        },
        status: { current: 'single', purpose: 'marriage', partnerName: 'Lê Văn Bình' },
        previousResidences: [],
        declaration: { commitment: true },
      },
      contact: { phone: '0912345678', address: 'Ấp Tân Phú, xã Tân Thới' },
      documents: [
        {
          documentId: 'to-khai-xac-nhan-tthn',
          fileName: 'tờ-khai-ảnh.png',
          contentType: 'image/png',
          dataBase64: photo.toString('base64'),
        },
      ],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).code as string;
}

for (const width of [360, 1280]) {
  test(`reception opens, downloads and previews a citizen's files at ${width} px; another commune cannot`, async ({
    page,
    baseURL,
  }, info) => {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    const photo = png(48, 32);
    const reception = await staffApi(baseURL as string, 'reception.tan-thoi');
    const code = await fileWithPhoto(reception, photo);

    await signIn(page, 'reception.tan-thoi');
    await page.goto(`/tiep-nhan/truc-tuyen/${encodeURIComponent(code)}`);
    const files = page.getByTestId('online-files');
    await expect(files.getByTestId('attachment-row')).toHaveCount(1);
    await expect(files).toContainText('tờ-khai-ảnh.png');
    // Preview on demand: the image really decodes.
    const toggle = files.getByTestId('attachment-preview-toggle');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const img = files.getByTestId('attachment-preview');
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(48);
    await page.mouse.move(0, 0);
    expect(await axeViolations(page), 'axe on the online dossier with its files').toEqual([]);
    await shot(page, info.project.name, `staff-attachments-online-${width}`);

    // Download: the exact bytes, under the citizen's file name.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      files.getByTestId('attachment-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('tờ-khai-ảnh.png');
    const path = await download.path();
    const fs = await import('node:fs');
    expect(fs.readFileSync(path).equals(photo)).toBe(true);
    // Open: shown in the browser (inline), same bytes.
    const openHref = (await files.getByTestId('attachment-open').getAttribute('href')) as string;
    const opened = await page.request.get(openHref);
    expect(opened.status()).toBe(200);
    expect(opened.headers()['content-disposition']).toMatch(/^inline;/);
    expect((await opened.body()).equals(photo)).toBe(true);

    // The dossier page lists the same file with the same actions.
    await page.goto(`/ho-so/${encodeURIComponent(code)}`);
    const onDossier = page.getByTestId('dossier-attachments');
    await expect(onDossier.getByTestId('attachment-row')).toHaveCount(1);
    await onDossier.getByTestId('attachment-preview-toggle').click();
    await expect
      .poll(() =>
        onDossier.getByTestId('attachment-preview').evaluate((el) => (el as HTMLImageElement).naturalWidth),
      )
      .toBe(48);
    await page.mouse.move(0, 0);
    expect(await axeViolations(page), 'axe on the dossier page with its files').toEqual([]);
    await shot(page, info.project.name, `staff-attachments-dossier-${width}`);

    // Another commune's reception officer: not found.
    const other = await staffApi(baseURL as string, 'reception.tan-phu-dong');
    const across = await other.get(openHref);
    expect(across.status()).toBe(404);
    expect((await across.json()).code).toBe('DOSSIER_NOT_FOUND');
    await other.dispose();

    // Refusal on a lawful ground plus detail: the slip's reason is Vietnamese, in that order.
    await page.goto(`/tiep-nhan/truc-tuyen/${encodeURIComponent(code)}`);
    await page.getByTestId('online-decision-refuse').check();
    await page.getByTestId('online-ground-not_eligible').check();
    await page.getByTestId('online-other-ground').fill('Người yêu cầu đã có đăng ký kết hôn');
    await page.getByTestId('online-confirm').click();
    await expect(page.getByTestId('online-refused')).toBeVisible();
    const timeline = await (await reception.get(`/api/v1/dossiers/${code}/timeline`)).text();
    expect(timeline).toContain(
      'Hồ sơ không đủ điều kiện giải quyết theo quy định của thủ tục hành chính; Người yêu cầu đã có đăng ký kết hôn',
    );
    await reception.dispose();
  });
}
