import { beforeAll, describe, expect, it } from 'vitest';
import { canExtractText, pdfPages } from './pdf-text.test-support.ts';
import {
  renderSupplementSlip,
  STAGE_SENTENCE,
  type SupplementSlipData,
  supplementSlipContent,
} from './supplement-slip.ts';

function buildSupplementSlipData(overrides: Partial<SupplementSlipData> = {}): SupplementSlipData {
  return {
    issuerLine1: 'UBND XÃ TÂN THỚI',
    issuerLine2: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
    place: 'Tân Thới',
    number: 15,
    // 17:30 UTC on 30 June is already 1 July in Vietnam.
    issuedAt: new Date('2025-06-30T17:30:00Z'),
    code: 'H82.045-250630-0003',
    applicant: {
      fullName: 'Trần Thị Mỹ Hạnh',
      address: 'Ấp Tân Lợi, xã Tân Thới, tỉnh Đồng Tháp',
      phone: '0987654321',
      email: 'hanh.tran@example.vn',
    },
    subject: 'Đăng ký khai sinh cho con Lê Ngọc Bảo Trâm',
    stage: 'processing',
    items: [
      {
        name: 'Tờ khai đăng ký khai sinh',
        detail: 'Ghi lại mục "Nơi sinh" đúng theo Giấy chứng sinh',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
      },
      {
        name: 'Giấy chứng sinh do Bệnh viện Đa khoa Đồng Tháp cấp',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 2,
      },
      { name: 'Giấy chứng nhận kết hôn của cha, mẹ', originals: 0, certifiedCopies: 1, photocopies: 0 },
    ],
    reason:
      'Tờ khai ghi sai nơi sinh; thiếu Giấy chứng sinh bản chính và giấy tờ chứng minh quan hệ hôn nhân của cha, mẹ.',
    contact: {
      website: 'dichvucong.dongthap.gov.vn',
      officerName: 'Đặng Thị Mỹ Dung',
      phone: '0277 3851 234',
    },
    guideName: 'Đặng Thị Mỹ Dung',
    ...overrides,
  };
}

describe('renderSupplementSlip', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderSupplementSlip(buildSupplementSlipData());
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
      'Số: 15/HDHS',
      'Tân Thới, ngày 01 tháng 07 năm 2025',
      'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      'Trung tâm phục vụ hành chính công tiếp nhận hồ sơ của Ông (Bà): Trần Thị Mỹ Hạnh',
      'Mã hồ sơ: H82.045-250630-0003',
      'Nội dung yêu cầu giải quyết: Đăng ký khai sinh cho con Lê Ngọc Bảo Trâm',
      'Địa chỉ: Ấp Tân Lợi, xã Tân Thới, tỉnh Đồng Tháp',
      'Số điện thoại: 0987654321',
      'Email: hanh.tran@example.vn',
      'Yêu cầu Ông (Bà) bổ sung, hoàn thiện hồ sơ gồm những nội dung như sau:',
      'Thành phần hồ sơ',
      'Bản chính',
      'Bản chứng thực',
      'Bản photo',
      'Ghi lại mục "Nơi sinh" đúng theo Giấy chứng sinh',
      'Lý do: Tờ khai ghi sai nơi sinh; thiếu Giấy chứng sinh bản chính và giấy tờ chứng minh quan hệ hôn nhân của cha, mẹ.',
      STAGE_SENTENCE.processing,
      'Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông (Bà) có thể tra cứu các quy định giải quyết thủ tục hành chính tại Trang thông tin điện tử: dichvucong.dongthap.gov.vn hoặc liên hệ với công chức Đặng Thị Mỹ Dung, số điện thoại 0277 3851 234 để được hướng dẫn./.',
      'NGƯỜI HƯỚNG DẪN',
      '(Ký và ghi rõ họ tên)',
    ])('prints "%s"', (expected) => {
      expect(pages().join(' ')).toContain(expected);
    });

    it('lists the items in order with their counts', () => {
      expect(pages().join(' ')).toMatch(
        /Tờ khai đăng ký khai sinh .*1 0 0 .*2 Giấy chứng sinh do Bệnh viện Đa khoa Đồng Tháp cấp 1 0 2 3 Giấy chứng nhận kết hôn của cha, mẹ 0 1 0/,
      );
    });

    it('prints the guide name under the signature title', () => {
      expect(pages().join(' ')).toMatch(/NGƯỜI HƯỚNG DẪN \(Ký và ghi rõ họ tên\) Đặng Thị Mỹ Dung$/);
    });

    it('says before acceptance that the dossier is not received yet, and nothing about a paused clock', async () => {
      const text = pdfPages(await renderSupplementSlip(buildSupplementSlipData({ stage: 'intake' }))).join(
        ' ',
      );
      expect(text).toContain(STAGE_SENTENCE.intake);
      expect(text).not.toContain('không tính vào thời gian giải quyết');
      expect(text).not.toContain(STAGE_SENTENCE.processing);
    });

    it('leaves dots for a missing number and drops missing code, e-mail and website', async () => {
      const data = buildSupplementSlipData({
        number: null,
        code: null,
        stage: 'intake',
        applicant: { ...buildSupplementSlipData().applicant, email: null },
        contact: { officerName: 'Đặng Thị Mỹ Dung', phone: '0277 3851 234' },
      });
      const text = pdfPages(await renderSupplementSlip(data)).join(' ');
      expect(text).toContain('Số: ……/HDHS');
      expect(text).not.toContain('Mã hồ sơ');
      expect(text).not.toContain('Email');
      expect(text).toContain(
        'Ông (Bà) liên hệ với công chức Đặng Thị Mỹ Dung, số điện thoại 0277 3851 234 để được hướng dẫn./.',
      );
      expect(text).not.toContain('Trang thông tin điện tử');
    });

    it('repeats the table head when a long list runs onto a second page', async () => {
      const items = Array.from({ length: 40 }, (_, index) => ({
        name: `Giấy tờ số ${index + 1} của hồ sơ đăng ký đất đai`,
        originals: 1,
        certifiedCopies: 0,
        photocopies: 1,
      }));
      const multi = pdfPages(await renderSupplementSlip(buildSupplementSlipData({ items })));
      expect(multi.length).toBeGreaterThan(1);
      for (const page of multi.slice(1)) expect(page).toContain('Thành phần hồ sơ');
      expect(multi.join(' ')).toContain('40 Giấy tờ số 40 của hồ sơ đăng ký đất đai 1 0 1');
      expect(multi.at(-1)).toContain('NGƯỜI HƯỚNG DẪN');
    });
  });
});

describe('supplementSlipContent', () => {
  it('refuses an empty request: the guidance must list what to supplement', () => {
    expect(() => supplementSlipContent(buildSupplementSlipData({ items: [] }))).toThrow(RangeError);
  });

  it('changes only the stage sentence between intake and processing', () => {
    const intake = JSON.stringify(supplementSlipContent(buildSupplementSlipData({ stage: 'intake' })));
    const processing = JSON.stringify(
      supplementSlipContent(buildSupplementSlipData({ stage: 'processing' })),
    );
    expect(intake.replace(JSON.stringify(STAGE_SENTENCE.intake), '"…"')).toBe(
      processing.replace(JSON.stringify(STAGE_SENTENCE.processing), '"…"'),
    );
  });
});
