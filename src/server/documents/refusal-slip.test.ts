import { beforeAll, describe, expect, it } from 'vitest';
import { canExtractText, pdfPages } from './pdf-text.test-support.ts';
import { type RefusalSlipData, refusalSlipContent, renderRefusalSlip } from './refusal-slip.ts';

function buildRefusalSlipData(overrides: Partial<RefusalSlipData> = {}): RefusalSlipData {
  return {
    issuerLine1: 'UBND XÃ TÂN THỚI',
    issuerLine2: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
    place: 'Tân Thới',
    issuedAt: new Date('2025-07-02T03:00:00Z'),
    receivingBodyName: 'Trung tâm Phục vụ hành chính công xã Tân Thới',
    code: 'H82.045-250702-0007',
    submittedAt: new Date('2025-07-02T02:40:00Z'),
    applicant: {
      fullName: 'Phạm Văn Lữ',
      address: 'Ấp Tân Hòa, xã Tân Thới, tỉnh Đồng Tháp',
      phone: '0912000111',
      email: 'lu.pham@example.vn',
      idNumber: '087085004567',
    },
    subject: 'Đăng ký kết hôn',
    reasons: [
      'Bên nữ chưa đủ 18 tuổi theo quy định tại khoản 1 Điều 8 Luật Hôn nhân và gia đình năm 2014.',
      'Không xuất trình được Giấy xác nhận tình trạng hôn nhân của bên nam.',
    ],
    contact: {
      website: 'dichvucong.dongthap.gov.vn',
      officerName: 'Đặng Thị Mỹ Dung',
      phone: '0277 3851 234',
    },
    refuserName: 'Đặng Thị Mỹ Dung',
    ...overrides,
  };
}

describe('renderRefusalSlip', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderRefusalSlip(buildRefusalSlipData());
  });

  it('produces a PDF', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  describe.skipIf(!canExtractText)('printed text (pdftotext)', () => {
    let extracted: string[] | undefined;
    const pages = () => {
      extracted ??= pdfPages(pdf);
      return extracted;
    };

    it('fits on one page', () => {
      expect(pages()).toHaveLength(1);
    });

    it.each([
      'UBND XÃ TÂN THỚI',
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Tân Thới, ngày 02 tháng 07 năm 2025',
      'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      'Trung tâm Phục vụ hành chính công xã Tân Thới tiếp nhận hồ sơ của Ông (Bà): Phạm Văn Lữ',
      'Mã hồ sơ: H82.045-250702-0007',
      'Thời gian nộp hồ sơ: 09 giờ 40 phút, ngày 02 tháng 07 năm 2025',
      'Địa chỉ: Ấp Tân Hòa, xã Tân Thới, tỉnh Đồng Tháp',
      'Số điện thoại: 0912000111',
      'Email: lu.pham@example.vn',
      'Số căn cước: 087085004567',
      'Nội dung yêu cầu giải quyết: Đăng ký kết hôn',
      'Qua xem xét, Trung tâm Phục vụ hành chính công xã Tân Thới thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
      'Lý do từ chối: 1. Bên nữ chưa đủ 18 tuổi theo quy định tại khoản 1 Điều 8 Luật Hôn nhân và gia đình năm 2014. 2. Không xuất trình được Giấy xác nhận tình trạng hôn nhân của bên nam.',
      'Xin thông báo cho Ông (Bà) được biết và thực hiện.',
      'Nếu có vướng mắc, Ông (Bà) có thể tra cứu các quy định giải quyết thủ tục hành chính tại Trang thông tin điện tử: dichvucong.dongthap.gov.vn hoặc liên hệ với công chức Đặng Thị Mỹ Dung, số điện thoại 0277 3851 234 để được hướng dẫn./.',
      'NGƯỜI TỪ CHỐI (Ký và ghi rõ họ tên) Đặng Thị Mỹ Dung',
    ])('prints "%s"', (expected) => {
      expect(pages().join(' ')).toContain(expected);
    });

    it('prints a single reason without numbering, and no ID line when there is none', async () => {
      const data = buildRefusalSlipData({
        reasons: ['Hồ sơ không thuộc thẩm quyền giải quyết của cấp xã.', '  '],
        applicant: { ...buildRefusalSlipData().applicant, idNumber: null },
      });
      const text = pdfPages(await renderRefusalSlip(data)).join(' ');
      expect(text).toContain(
        'Lý do từ chối: Hồ sơ không thuộc thẩm quyền giải quyết của cấp xã. Xin thông báo',
      );
      expect(text).not.toContain('Số căn cước');
    });

    it('reads the submission time in Vietnam time whatever the server zone', async () => {
      const data = buildRefusalSlipData({ submittedAt: new Date('2025-07-01T16:59:00Z') });
      const text = pdfPages(await renderRefusalSlip(data)).join(' ');
      expect(text).toContain('Thời gian nộp hồ sơ: 23 giờ 59 phút, ngày 01 tháng 07 năm 2025');
    });
  });
});

describe('refusalSlipContent', () => {
  it('refuses to print a refusal without a reason', () => {
    expect(() => refusalSlipContent(buildRefusalSlipData({ reasons: [' '] }))).toThrow(RangeError);
  });

  it('defaults the receiving body to the issuer in sentence case', () => {
    const content = JSON.stringify(
      refusalSlipContent(buildRefusalSlipData({ receivingBodyName: undefined })),
    );
    expect(content).toContain('Trung tâm phục vụ hành chính công tiếp nhận hồ sơ của Ông (Bà): ');
  });
});
