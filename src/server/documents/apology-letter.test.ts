import { beforeAll, describe, expect, it } from 'vitest';
import {
  APOLOGY_SUMMARY,
  type ApologyLetterData,
  apologyLetterContent,
  renderApologyLetter,
} from './apology-letter.ts';
import { canExtractText, pdfPages } from './pdf-text.test-support.ts';

function buildApologyLetterData(overrides: Partial<ApologyLetterData> = {}): ApologyLetterData {
  return {
    issuerLine1: 'UBND XÃ TÂN THỚI',
    issuerLine2: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
    place: 'Tân Thới',
    issuedAt: new Date('2025-07-03T08:00:00Z'),
    number: '25/TTPVHCC',
    issuerName: 'Trung tâm Phục vụ hành chính công xã Tân Thới',
    applicantName: 'Nguyễn Thị Hồng Nhung',
    code: 'H82.045-250701-0001',
    subject: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
    receivedAt: new Date('2025-07-01T01:05:00Z'),
    originalDueAt: new Date('2025-07-04T09:30:00Z'),
    responsibleUnit: 'Công chức Tư pháp - Hộ tịch xã Tân Thới',
    reason: 'phải xác minh thông tin với Ủy ban nhân dân xã Mỹ Thọ nơi cấp bản chính.',
    newDueAt: new Date('2025-07-09T09:30:00Z'),
    returnPlace: 'Trung tâm Phục vụ hành chính công xã Tân Thới',
    signer: { title: 'Giám đốc', name: 'Lê Văn Dũng' },
    recipients: ['Như trên', 'UBND xã (để b/c)', 'Công chức Tư pháp - Hộ tịch;', 'Lưu: VT'],
    ...overrides,
  };
}

describe('renderApologyLetter', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderApologyLetter(buildApologyLetterData());
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
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 25/TTPVHCC',
      'Tân Thới, ngày 03 tháng 07 năm 2025',
      APOLOGY_SUMMARY,
      'Kính gửi: Ông (Bà) Nguyễn Thị Hồng Nhung',
      'Trung tâm Phục vụ hành chính công xã Tân Thới đã tiếp nhận hồ sơ của Ông (Bà) vào 08 giờ 05 phút, ngày 01 tháng 07 năm 2025, về việc Chứng thực bản sao từ bản chính giấy tờ, văn bản, mã hồ sơ: H82.045-250701-0001.',
      'Thời gian hẹn trả kết quả là 16 giờ 30 phút, ngày 04 tháng 07 năm 2025.',
      'Tuy nhiên, đơn vị chủ trì giải quyết hồ sơ là Công chức Tư pháp - Hộ tịch xã Tân Thới chưa có kết quả giải quyết đúng thời gian quy định, với lý do: phải xác minh thông tin với Ủy ban nhân dân xã Mỹ Thọ nơi cấp bản chính.',
      'Trung tâm Phục vụ hành chính công xã Tân Thới chân thành xin lỗi Ông (Bà) và rất mong nhận được sự thông cảm của Ông (Bà).',
      'Hồ sơ của Ông (Bà) sẽ được trả kết quả vào 16 giờ 30 phút, ngày 09 tháng 07 năm 2025, tại Trung tâm Phục vụ hành chính công xã Tân Thới.',
      'Trân trọng./.',
      'Nơi nhận:',
      '- Như trên; - UBND xã (để b/c); - Công chức Tư pháp - Hộ tịch; - Lưu: VT.',
      'GIÁM ĐỐC',
      'Lê Văn Dũng',
    ])('prints "%s"', (expected) => {
      expect(pages().join(' ')).toContain(expected);
    });

    it('addresses a woman as Bà throughout and prints a deputy signing on behalf', async () => {
      const data = buildApologyLetterData({
        salutation: 'Bà',
        signer: { authority: 'KT. Giám đốc', title: 'Phó Giám đốc', name: 'Võ Thị Ngọc Ánh' },
        recipients: [],
      });
      const text = pdfPages(await renderApologyLetter(data)).join(' ');
      expect(text).toContain('Kính gửi: Bà Nguyễn Thị Hồng Nhung');
      expect(text).toContain('hồ sơ của Bà vào');
      expect(text).not.toContain('Ông (Bà)');
      expect(text).toContain('KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC');
      expect(text).toContain('Võ Thị Ngọc Ánh');
      expect(text).toContain('- Như trên; - Lưu: VT.');
    });
  });
});

describe('apologyLetterContent', () => {
  it('refuses a new appointment that is not later than the missed one', () => {
    const data = buildApologyLetterData({ newDueAt: new Date('2025-07-04T09:30:00Z') });
    expect(() => apologyLetterContent(data)).toThrow(RangeError);
  });
});
