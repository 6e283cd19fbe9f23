import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { ratingPageUrl, SLIP_RATING_CAPTION } from '../../domain/ratings/links.ts';
import { pdfPages } from './pdf-text.test-support.ts';
import { qrSvg, ratingQrBlock } from './rating-qr.ts';
import { renderReceiptSlip } from './receipt-slip.ts';
import { renderRefusalSlip } from './refusal-slip.ts';
import { renderSupplementSlip } from './supplement-slip.ts';

const URL = ratingPageUrl(
  'https://motcua.tanthoi.dongthap.gov.vn',
  'Qm9uam91ci1kYW5oLWdpYS10YW4tdGhvaS0yMDI2MTIwNw',
);

const applicant = {
  fullName: 'Nguyễn Thị Hồng Nhung',
  idNumber: '087190001234',
  phone: '0912345678',
  address: 'Ấp Tân Phú, xã Tân Thới, tỉnh Đồng Tháp',
};
const issuer = {
  issuerLine1: 'UBND XÃ TÂN THỚI',
  issuerLine2: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
  place: 'Tân Thới',
  receivingBodyName: 'Trung tâm Phục vụ hành chính công xã Tân Thới',
};
const contact = { website: 'dichvucong.dongthap.gov.vn', officerName: 'Đặng Thị Mỹ Dung', phone: 'tại quầy' };

const slips: Record<string, (ratingUrl: string | null) => Promise<Buffer>> = {
  receipt: (ratingUrl) =>
    renderReceiptSlip({
      ...issuer,
      code: 'H82.045-261207-0001',
      trackingUrl: 'https://motcua.tanthoi.dongthap.gov.vn/tra-cuu/H82.045-261207-0001',
      applicant,
      subject: 'Đăng ký khai sinh',
      procedureName: 'Đăng ký khai sinh',
      channelText: 'Trực tiếp tại Trung tâm',
      documents: Array.from({ length: 8 }, (_, i) => ({
        name: `Giấy tờ số ${i + 1} kèm theo hồ sơ đăng ký khai sinh`,
        originals: 1,
        certifiedCopies: 0,
        photocopies: 1,
      })),
      sets: 1,
      timeLimitText: '03 ngày làm việc',
      receivedAt: new Date('2026-12-07T02:00:00Z'),
      dueAt: new Date('2026-12-10T09:00:00Z'),
      returnPlace: issuer.receivingBodyName,
      book: { volume: '01', number: 7 },
      receiverName: 'Đặng Thị Mỹ Dung',
      ratingUrl,
    }),
  supplement: (ratingUrl) =>
    renderSupplementSlip({
      ...issuer,
      number: 1,
      issuedAt: new Date('2026-12-07T02:00:00Z'),
      code: 'H82.045-261207-0002',
      applicant,
      subject: 'Đăng ký kết hôn',
      stage: 'intake',
      items: [
        { name: 'Giấy xác nhận tình trạng hôn nhân', originals: 1, certifiedCopies: 0, photocopies: 0 },
      ],
      reason: 'Thiếu giấy xác nhận tình trạng hôn nhân',
      contact,
      guideName: 'Đặng Thị Mỹ Dung',
      ratingUrl,
    }),
  refusal: (ratingUrl) =>
    renderRefusalSlip({
      ...issuer,
      issuedAt: new Date('2026-12-07T02:00:00Z'),
      code: 'H82.045-261207-0003',
      submittedAt: new Date('2026-12-07T01:50:00Z'),
      applicant,
      subject: 'Đăng ký kết hôn',
      reasons: ['Không thuộc thẩm quyền của xã'],
      contact,
      refuserName: 'Đặng Thị Mỹ Dung',
      ratingUrl,
    }),
};

/** The dark modules an SVG of qrSvg draws, read back from its path (`M<c> <r>h1v1h-1z` each). */
function modulesOf(svg: string): Set<string> {
  const d = /d="([^"]*)"/.exec(svg)?.[1] ?? '';
  return new Set([...d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${m[2]},${m[1]}`));
}

describe("the rating QR of a slip's foot", () => {
  it('draws exactly the dark modules of the QR of the rating address', () => {
    const qr = QRCode.create(URL, { errorCorrectionLevel: 'M' });
    const expected = new Set<string>();
    for (let r = 0; r < qr.modules.size; r++)
      for (let c = 0; c < qr.modules.size; c++) if (qr.modules.get(r, c)) expected.add(`${r},${c}`);
    const svg = qrSvg(URL);
    expect(svg).toContain(`viewBox="0 0 ${qr.modules.size} ${qr.modules.size}"`);
    expect(modulesOf(svg)).toEqual(expected);
    // Another address draws another code.
    expect(modulesOf(qrSvg(`${URL}x`))).not.toEqual(expected);
  });

  it('puts the QR (a link to the address), the caption and the address in one unbreakable block', () => {
    const block = ratingQrBlock(URL) as {
      unbreakable: boolean;
      columns: [{ svg: string; link: string }, { stack: Array<{ text: string }> }];
    };
    expect(block.unbreakable).toBe(true);
    expect(block.columns[0].svg).toBe(qrSvg(URL));
    expect(block.columns[0].link).toBe(URL);
    expect(block.columns[1].stack.map((s) => s.text)).toContain(SLIP_RATING_CAPTION);
  });

  for (const [name, render] of Object.entries(slips)) {
    it(`${name} slip: prints the caption and the address, links the QR to it, stays on one page`, async () => {
      const pdf = await render(URL);
      const pages = pdfPages(pdf);
      expect(pages).toHaveLength(1);
      expect(pages[0]).toContain(SLIP_RATING_CAPTION);
      expect(pages[0]).toContain(URL);
      // The QR and the address are links to the rating page (PDF link annotations).
      const links = pdf.toString('latin1').match(/\/URI \(([^)]*)\)/g) ?? [];
      const rating = links.filter((l) => l.includes('/danh-gia/'));
      expect(rating.length).toBeGreaterThanOrEqual(2);
      expect(new Set(rating)).toEqual(new Set([`/URI (${URL})`]));
      const without = pdfPages(await render(null));
      expect(without[0]).not.toContain(SLIP_RATING_CAPTION);
      expect(without[0]).not.toContain('/danh-gia/');
    });
  }
});
