import { beforeAll, describe, expect, it } from 'vitest';
import { canExtractText, pdfPages } from './pdf-text.test-support.ts';
import { renderStopNotice, type StopNoticeData, stopNoticeContent } from './stop-notice.ts';

function buildStopNoticeData(overrides: Partial<StopNoticeData> = {}): StopNoticeData {
  return {
    issuerLine1: 'TỈNH ĐỒNG THÁP',
    issuerLine2: 'ỦY BAN NHÂN DÂN XÃ TÂN THỚI',
    place: 'Tân Thới',
    issuedAt: new Date('2025-07-10T02:00:00Z'),
    number: '07/TB-UBND',
    issuerName: 'Ủy ban nhân dân xã Tân Thới',
    salutation: 'Ông',
    code: 'H82.045-250701-0009',
    applicant: {
      fullName: 'Phạm Văn Lữ',
      address: 'Ấp Tân Hòa, xã Tân Thới, tỉnh Đồng Tháp',
      phone: '0912000111',
    },
    subject: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    receivedAt: new Date('2025-07-01T03:15:00Z'),
    reasons: [
      'Thửa đất số 125, tờ bản đồ số 7 thuộc quy hoạch đất giao thông đã được phê duyệt.',
      'Ông có đơn đề nghị rút hồ sơ ngày 08/07/2025.',
    ],
    guidance: 'Ông liên hệ Trung tâm Phục vụ hành chính công xã Tân Thới để nhận lại hồ sơ đã nộp.',
    signer: { authority: 'TM. Ủy ban nhân dân', title: 'Chủ tịch', name: 'Huỳnh Thị Ngọc Hưởng' },
    ...overrides,
  };
}

describe('renderStopNotice', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderStopNotice(buildStopNoticeData());
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
      'TỈNH ĐỒNG THÁP',
      'ỦY BAN NHÂN DÂN XÃ TÂN THỚI',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 07/TB-UBND',
      'Tân Thới, ngày 10 tháng 07 năm 2025',
      'THÔNG BÁO Dừng giải quyết hồ sơ',
      'Kính gửi: Ông Phạm Văn Lữ',
      'Ủy ban nhân dân xã Tân Thới đã tiếp nhận hồ sơ của Ông vào 10 giờ 15 phút, ngày 01 tháng 07 năm 2025:',
      'Mã hồ sơ: H82.045-250701-0009',
      'Nội dung yêu cầu giải quyết: Cấp giấy phép xây dựng nhà ở riêng lẻ',
      'Người nộp hồ sơ: Phạm Văn Lữ',
      'Địa chỉ: Ấp Tân Hòa, xã Tân Thới, tỉnh Đồng Tháp',
      'Qua xem xét, Ủy ban nhân dân xã Tân Thới thông báo dừng giải quyết hồ sơ nêu trên với lý do cụ thể như sau: 1. Thửa đất số 125, tờ bản đồ số 7 thuộc quy hoạch đất giao thông đã được phê duyệt. 2. Ông có đơn đề nghị rút hồ sơ ngày 08/07/2025.',
      'Ông liên hệ Trung tâm Phục vụ hành chính công xã Tân Thới để nhận lại hồ sơ đã nộp.',
      'Ủy ban nhân dân xã Tân Thới thông báo để Ông được biết./.',
      'Nơi nhận: - Như trên; - Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN CHỦ TỊCH',
      'Huỳnh Thị Ngọc Hưởng',
    ])('prints "%s"', (expected) => {
      expect(pages().join(' ')).toContain(expected);
    });

    it('prints dots for a missing number and leaves out an unknown receipt time', async () => {
      const data = buildStopNoticeData({
        number: null,
        receivedAt: null,
        guidance: null,
        salutation: undefined,
      });
      const text = pdfPages(await renderStopNotice(data)).join(' ');
      expect(text).toContain('Số: ……');
      expect(text).toContain('Ủy ban nhân dân xã Tân Thới đã tiếp nhận hồ sơ của Ông (Bà):');
      expect(text).not.toContain('nhận lại hồ sơ');
    });
  });
});

describe('stopNoticeContent', () => {
  it('refuses a notice without a reason', () => {
    expect(() => stopNoticeContent(buildStopNoticeData({ reasons: [] }))).toThrow(RangeError);
  });
});
