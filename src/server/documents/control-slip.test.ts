import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ControlSlipData,
  type ControlSlipHandoff,
  controlSlipContent,
  estimateLines,
  renderControlSlip,
} from './control-slip.ts';
import { canExtractText, mediaBoxes, pdfPages, pdfWords } from './pdf-text.test-support.ts';

const FIRST_HANDOFF: ControlSlipHandoff = {
  fromUnit: 'Bộ phận tiếp nhận và trả kết quả',
  toUnit: 'Công chức Tư pháp - Hộ tịch',
  fromPerson: 'Đặng Thị Mỹ Dung',
  toPerson: 'Nguyễn Văn Bảy',
  at: new Date('2025-07-01T01:35:00Z'),
  verdict: 'early',
  note: 'Đã xử lý',
};

const HANDOFFS: ControlSlipHandoff[] = [
  FIRST_HANDOFF,
  {
    fromUnit: 'Công chức Tư pháp - Hộ tịch',
    toUnit: 'Lãnh đạo UBND xã',
    fromPerson: 'Nguyễn Văn Bảy',
    toPerson: 'Trương Quốc Việt',
    at: new Date('2025-07-02T08:00:00Z'),
    verdict: 'on_time',
  },
  {
    fromUnit: 'Lãnh đạo UBND xã',
    toUnit: 'Văn thư UBND xã',
    fromPerson: 'Trương Quốc Việt',
    toPerson: 'Lê Thị Ữu',
    at: new Date('2025-07-04T02:10:00Z'),
    verdict: 'late',
    note: 'Chậm 01 ngày do phải xác minh tại xã Mỹ Thọ',
  },
  {
    fromUnit: 'Văn thư UBND xã',
    toUnit: 'Bộ phận tiếp nhận và trả kết quả',
    fromPerson: 'Lê Thị Ữu',
    toPerson: 'Đặng Thị Mỹ Dung',
    // 17:45 UTC is 00:45 the next day in Vietnam.
    at: new Date('2025-07-04T17:45:00Z'),
    note: 'Đang xử lý',
  },
];

function buildControlSlipData(overrides: Partial<ControlSlipData> = {}): ControlSlipData {
  return {
    issuerLine1: 'UBND XÃ TÂN THỚI',
    issuerLine2: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
    code: 'H82.045-250701-0001',
    applicantName: 'Nguyễn Thị Hồng Nhung',
    subject: 'Đăng ký khai sinh cho con Lê Ngọc Bảo Trâm',
    receivedAt: new Date('2025-07-01T01:05:00Z'),
    timeLimitText: '03 ngày làm việc',
    dueAt: new Date('2025-07-04T09:30:00Z'),
    processingBody: 'Công chức Tư pháp - Hộ tịch, UBND xã Tân Thới',
    coordinatingBodies: ['UBND xã Mỹ Thọ'],
    handoffs: HANDOFFS,
    ...overrides,
  };
}

describe('renderControlSlip', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderControlSlip(buildControlSlipData());
  });

  it('produces an A4 portrait PDF', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(mediaBoxes(pdf)).toEqual(['595.28 841.89']);
  });

  describe.skipIf(!canExtractText)('printed text (pdftotext)', () => {
    let extracted: string[] | undefined;
    const pages = () => {
      extracted ??= pdfPages(pdf);
      return extracted;
    };

    it('fits four hand-offs on one page', () => {
      expect(pages()).toHaveLength(1);
    });

    it.each([
      'UBND XÃ TÂN THỚI',
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      'Mã hồ sơ: H82.045-250701-0001',
      'Kèm theo hồ sơ của: Nguyễn Thị Hồng Nhung',
      'Nội dung yêu cầu giải quyết: Đăng ký khai sinh cho con Lê Ngọc Bảo Trâm',
      'Ngày nhận hồ sơ: 08 giờ 05 phút, ngày 01 tháng 07 năm 2025',
      'Thời gian giải quyết hồ sơ theo quy định: 03 ngày làm việc',
      'Thời gian hẹn trả kết quả: 16 giờ 30 phút, ngày 04 tháng 07 năm 2025',
      'Cơ quan (bộ phận) giải quyết hồ sơ: Công chức Tư pháp - Hộ tịch, UBND xã Tân Thới',
      'Cơ quan phối hợp giải quyết hồ sơ: UBND xã Mỹ Thọ',
      'TÊN CƠ QUAN',
      'THỜI GIAN GIAO, NHẬN HỒ SƠ',
      'KẾT QUẢ GIẢI QUYẾT HỒ SƠ',
      'GHI CHÚ',
      '1. Giao: Bộ phận tiếp nhận và trả kết quả',
      '2. Nhận: Công chức Tư pháp - Hộ tịch',
      '08 giờ 35 phút, ngày 01/07/2025',
      '15 giờ 00 phút, ngày 02/07/2025',
      '09 giờ 10 phút, ngày 04/07/2025',
      '00 giờ 45 phút, ngày 05/07/2025',
      'Người giao',
      'Người nhận',
      'Đặng Thị Mỹ Dung',
      'Trương Quốc Việt',
      'Lê Thị Ữu',
      'Chậm 01 ngày do phải xác minh tại xã Mỹ Thọ',
      'Đang xử lý',
    ])('prints "%s"', (expected) => {
      expect(pages().join(' ')).toContain(expected);
    });

    it('ticks each verdict under its own heading, and nothing for a step still running', () => {
      const words = pdfWords(pdf);
      const centre = (word: { xMin: number; xMax: number }) => (word.xMin + word.xMax) / 2;
      const heading = (text: string) => {
        const found = words.find((word) => word.text === text);
        if (!found) throw new Error(`heading "${text}" not printed`);
        return centre(found);
      };
      const columns = { early: heading('Trước'), on_time: heading('Đúng'), late: heading('Quá') };
      const ticks = words.filter((word) => word.text === 'X').sort((a, b) => a.yMin - b.yMin);
      expect(ticks).toHaveLength(3);
      const nearest = (x: number) =>
        Object.entries(columns).sort(([, a], [, b]) => Math.abs(a - x) - Math.abs(b - x))[0]?.[0];
      expect(ticks.map((tick) => nearest(centre(tick)))).toEqual(['early', 'on_time', 'late']);
      for (const tick of ticks) {
        const column = columns[nearest(centre(tick)) as keyof typeof columns];
        expect(Math.abs(centre(tick) - column)).toBeLessThan(8);
      }
    });

    it('runs onto more pages with the table head repeated', async () => {
      const many = pdfPages(
        await renderControlSlip(buildControlSlipData({ handoffs: [...HANDOFFS, ...HANDOFFS, ...HANDOFFS] })),
      );
      expect(many.length).toBeGreaterThan(1);
      for (const page of many) {
        expect(page).toContain('TÊN CƠ QUAN');
        expect(page).toContain('Trước hạn');
      }
      expect(many.join(' ').match(/1\. Giao:/g)).toHaveLength(12);
    });

    it('prints a blank table for a dossier not handed on yet', async () => {
      const text = pdfPages(await renderControlSlip(buildControlSlipData({ handoffs: [] }))).join(' ');
      expect(text).toContain('(Chưa có lần giao, nhận hồ sơ)');
    });
  });
});

describe('controlSlipContent', () => {
  it('leaves out the processing and coordinating bodies when not given', () => {
    const content = JSON.stringify(
      controlSlipContent(buildControlSlipData({ processingBody: null, coordinatingBodies: [] })),
    );
    expect(content).not.toContain('Cơ quan (bộ phận) giải quyết hồ sơ');
    expect(content).not.toContain('Cơ quan phối hợp');
  });

  it('stretches the signature cells to the height of a long note', () => {
    const space = (note: string) => {
      const json = JSON.stringify(
        controlSlipContent(buildControlSlipData({ handoffs: [{ ...FIRST_HANDOFF, note }] })),
      );
      const match = /"text":"Đặng Thị Mỹ Dung","margin":\[0,([\d.]+),0,0\]/.exec(json);
      return Number(match?.[1]);
    };
    const short = space('Đã xử lý');
    const long = space('Chậm 01 ngày do phải xác minh tại xã Mỹ Thọ; '.repeat(6));
    expect(short).toBeGreaterThan(0);
    expect(long).toBeGreaterThan(short + 40);
  });
});

describe('estimateLines', () => {
  it('counts wrapped lines generously', () => {
    expect(estimateLines('', 100)).toBe(1);
    expect(estimateLines('Đã xử lý', 100)).toBe(1);
    expect(estimateLines('một hai ba bốn năm sáu bảy tám chín mười', 40)).toBeGreaterThanOrEqual(4);
    // A word longer than the column is split over several lines.
    expect(estimateLines('x'.repeat(50), 55)).toBeGreaterThanOrEqual(5);
  });
});
