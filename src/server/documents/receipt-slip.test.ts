import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ReceiptSlipData, receiptSlipContent, renderReceiptSlip } from './receipt-slip.ts';

const TRACKING_URL = 'https://dichvucong.tanthoi.dongthap.gov.vn/tra-cuu?ma=000.00.30.H20-250701-0001';

function buildReceiptSlipData(overrides: Partial<ReceiptSlipData> = {}): ReceiptSlipData {
  return {
    issuerLine1: 'UBND XÃ TÂN THỚI',
    issuerLine2: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
    place: 'Tân Thới',
    code: '000.00.30.H20-250701-0001',
    trackingUrl: TRACKING_URL,
    applicant: {
      fullName: 'Nguyễn Thị Hồng Nhung',
      idNumber: '087190001234',
      phone: '0912345678',
      address: 'Ấp Tân Phú, xã Tân Thới, tỉnh Đồng Tháp',
      email: 'nhung.nguyen@example.vn',
    },
    subject: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp',
    procedureName:
      'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền của Việt Nam; ' +
      'cơ quan, tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận',
    channelText: 'Trực tiếp tại Trung tâm',
    documents: [
      { name: 'Giấy khai sinh', originals: 1, certifiedCopies: 0, photocopies: 2 },
      { name: 'Bằng tốt nghiệp trung học phổ thông', originals: 1, certifiedCopies: 0, photocopies: 1 },
      { name: 'Căn cước của người yêu cầu', originals: 1, certifiedCopies: 0, photocopies: 0 },
      { name: 'Giấy chứng nhận kết hôn', originals: 0, certifiedCopies: 1, photocopies: 0 },
      { name: 'Sổ đỏ thửa đất số 125', originals: 1, certifiedCopies: 0, photocopies: 3 },
      { name: 'Văn bản ủy quyền', originals: 1, certifiedCopies: 0, photocopies: 0 },
      { name: 'Giấy xác nhận thông tin về cư trú', originals: 0, certifiedCopies: 1, photocopies: 0 },
      { name: 'Biên bản họp gia đình của cụ Trần Văn Sữa', originals: 1, certifiedCopies: 0, photocopies: 3 },
    ],
    sets: 1,
    timeLimitText: '03 ngày làm việc',
    receivedAt: new Date('2025-07-01T01:05:00Z'),
    dueAt: new Date('2025-07-04T09:30:00Z'),
    returnPlace: 'Trung tâm Phục vụ hành chính công xã Tân Thới',
    book: { volume: '01', number: 125 },
    receiverName: 'Đặng Thị Mỹ Dung',
    ...overrides,
  };
}

const hasPdftotext = !spawnSync('pdftotext', ['-v']).error;
// With CI=true the text checks must run (and fail without poppler-utils), never silently skip.
const canExtractText = hasPdftotext || process.env.CI === 'true';

/** Text of each page of a PDF, whitespace collapsed so wrapped lines still match. */
function pdfPages(pdf: Buffer): string[] {
  if (!hasPdftotext)
    throw new Error('pdftotext not found: install poppler-utils (apt-get install poppler-utils)');
  const dir = mkdtempSync(join(tmpdir(), 'motcua-pdf-'));
  try {
    const file = join(dir, 'slip.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    // pdftotext ends every page with a form feed.
    return text
      .split('\f')
      .slice(0, -1)
      .map((page) => page.normalize('NFC').replace(/\s+/g, ' ').trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('renderReceiptSlip', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderReceiptSlip(buildReceiptSlipData());
  });

  it('produces a PDF', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  describe.skipIf(!canExtractText)('printed text (pdftotext)', () => {
    let extracted: string[] | undefined;
    // Extracted on first use, so that without pdftotext (CI=true) every check below fails on its own.
    const pages = () => {
      extracted ??= pdfPages(pdf);
      return extracted;
    };

    it('fits eight documents on one page', () => {
      expect(pages()).toHaveLength(1);
    });

    it.each([
      'UBND XÃ TÂN THỚI',
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Tân Thới, ngày 01 tháng 07 năm 2025',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Mã hồ sơ: 000.00.30.H20-250701-0001',
      'Trung tâm phục vụ hành chính công tiếp nhận hồ sơ của Ông (Bà): Nguyễn Thị Hồng Nhung',
      'Hình thức nộp hồ sơ: Trực tiếp tại Trung tâm',
      'Địa chỉ: Ấp Tân Phú, xã Tân Thới, tỉnh Đồng Tháp',
      'Số điện thoại: 0912345678',
      'Email: nhung.nguyen@example.vn',
      'Số căn cước: 087190001234',
      'Nội dung yêu cầu giải quyết: Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp',
      'Thủ tục hành chính: Chứng thực bản sao từ bản chính giấy tờ',
      '1. Thành phần hồ sơ nộp gồm:',
      'Tên giấy tờ',
      'Bản chính',
      'Bản photo',
      'Bằng tốt nghiệp trung học phổ thông',
      'Biên bản họp gia đình của cụ Trần Văn Sữa',
      '2. Số lượng hồ sơ: 01 bộ',
      '3. Thời gian giải quyết hồ sơ theo quy định: 03 ngày làm việc',
      '4. Thời gian nhận hồ sơ: 08 giờ 05 phút, ngày 01 tháng 07 năm 2025',
      '5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 04 tháng 07 năm 2025',
      '6. Đăng ký nhận kết quả tại: Trung tâm Phục vụ hành chính công xã Tân Thới',
      'Vào Sổ theo dõi hồ sơ, Quyển số: 01 Số thứ tự: 125',
      'nhập mã hồ sơ và 4 số cuối của số điện thoại tại https://dichvucong.tanthoi.dongthap.gov.vn/tra-cuu.',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      '(Ký và ghi rõ họ tên)',
      'Đặng Thị Mỹ Dung',
    ])('prints "%s"', (expected) => {
      expect(pages().join(' ')).toContain(expected);
    });

    it('lists the documents in order with their counts', () => {
      const text = pages().join(' ');
      expect(text).toMatch(/1 Giấy khai sinh 1 0 2 2 Bằng tốt nghiệp trung học phổ thông 1 0 1/);
    });
  });
});

describe('receiptSlipContent', () => {
  it('embeds a QR code of the tracking URL', async () => {
    const content = JSON.stringify(await receiptSlipContent(buildReceiptSlipData()));
    const expected = await QRCode.toString(TRACKING_URL, {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 0,
    });
    expect(content).toContain(JSON.stringify(expected));
  });

  it('leaves out the procedure line when it repeats the subject', async () => {
    const data = buildReceiptSlipData({ procedureName: 'Chứng thực chữ ký', subject: 'Chứng thực chữ ký' });
    const content = JSON.stringify(await receiptSlipContent(data));
    expect(content).not.toContain('Thủ tục hành chính');
  });

  it('renders a dossier without documents or e-mail', async () => {
    const data = buildReceiptSlipData({
      documents: [],
      applicant: { ...buildReceiptSlipData().applicant, email: null },
    });
    const pdf = await renderReceiptSlip(data);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
