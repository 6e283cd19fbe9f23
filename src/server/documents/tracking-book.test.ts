import { beforeAll, describe, expect, it } from 'vitest';
import { canExtractText, mediaBoxes, type PdfWord, pdfPages, pdfWords } from './pdf-text.test-support.ts';
import { renderTrackingBook, type TrackingBookData, type TrackingBookRow } from './tracking-book.ts';

const PROCEDURES = [
  'Đăng ký khai sinh',
  'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp',
  'Đăng ký kết hôn',
  'Cấp giấy phép xây dựng nhà ở riêng lẻ',
  'Xác nhận tình trạng hôn nhân',
];
const NAMES = [
  'Nguyễn Thị Hồng Nhung',
  'Phạm Văn Lữ',
  'Trần Thị Mỹ Hạnh',
  'Lê Hoàng Vỹ',
  'Đỗ Thị Ngọc Hưởng',
];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 08:05 on 1 July 2025 in Vietnam.
const FIRST_RECEIPT = Date.parse('2025-07-01T01:05:00Z');

function code(index: number): string {
  return `H82.045-250701-${String(index + 1).padStart(4, '0')}`;
}

function buildRows(count: number): TrackingBookRow[] {
  return Array.from({ length: count }, (_, index) => {
    const receivedAt = FIRST_RECEIPT + index * HOUR;
    return {
      number: index + 1,
      code: code(index),
      procedureName: PROCEDURES[index % PROCEDURES.length] ?? '',
      sets: 1 + (index % 2),
      applicantName: NAMES[index % NAMES.length] ?? '',
      address: 'Ấp Tân Phú, xã Tân Thới, tỉnh Đồng Tháp',
      phone: `0912${String(index).padStart(6, '0')}`,
      processingBody: index % 3 ? 'Công chức Tư pháp - Hộ tịch' : 'Phòng Kinh tế, Hạ tầng và Đô thị',
      receivedAt: new Date(receivedAt),
      dueAt: new Date(receivedAt + 3 * DAY),
      transferredAt: index % 4 ? new Date(receivedAt + HOUR / 2) : null,
      resultReceivedAt: index % 5 ? new Date(receivedAt + 2 * DAY) : null,
      returnedAt: index % 6 ? new Date(receivedAt + 2.5 * DAY) : null,
      note: index % 7 === 0 ? 'Trả qua bưu chính công ích' : null,
    };
  });
}

function buildTrackingBookData(overrides: Partial<TrackingBookData> = {}): TrackingBookData {
  return {
    issuerLine1: 'UBND XÃ TÂN THỚI',
    issuerLine2: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
    volume: '01',
    period: { from: '2025-07-01', to: '2025-09-30' },
    rows: buildRows(200),
    ...overrides,
  };
}

describe('renderTrackingBook', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderTrackingBook(buildTrackingBookData());
  });

  it('produces landscape A4 pages', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const boxes = mediaBoxes(pdf);
    expect(boxes.length).toBeGreaterThan(1);
    expect(new Set(boxes)).toEqual(new Set(['841.89 595.28']));
  });

  describe.skipIf(!canExtractText)('printed text (pdftotext)', () => {
    let extracted: string[] | undefined;
    const pages = () => {
      extracted ??= pdfPages(pdf);
      return extracted;
    };
    let boxes: PdfWord[] | undefined;
    const words = () => {
      boxes ??= pdfWords(pdf);
      return boxes;
    };

    /** The words printed in the row of dossier `index` (which must not be the last on its page). */
    const rowWords = (index: number): PdfWord[] => {
      const start = words().find((word) => word.text === code(index));
      const next = words().find((word) => word.text === code(index + 1));
      if (!start || !next || next.page !== start.page) throw new Error('row not found on one page');
      return words().filter(
        (word) => word.page === start.page && word.yMin >= start.yMin - 2 && word.yMin < next.yMin - 2,
      );
    };

    /** The words printed in the date columns (8)–(12) of the row of dossier `index`, top to bottom. */
    const datesByColumn = (index: number): Record<string, string[]> => {
      const inRow = rowWords(index);
      const page = inRow[0]?.page;
      const onPage = words().filter((word) => word.page === page);
      const centre = (word: PdfWord) => (word.xMin + word.xMax) / 2;
      const result: Record<string, string[]> = {};
      for (const column of ['(8)', '(9)', '(10)', '(11)', '(12)']) {
        const head = onPage.find((word) => word.text === column);
        if (!head) throw new Error(`column ${column} not numbered`);
        result[column] = inRow
          .filter((word) => Math.abs(centre(word) - centre(head)) < 20)
          .sort((a, b) => a.yMin - b.yMin)
          .map((word) => word.text);
      }
      return result;
    };

    it('spreads 200 dossiers over several pages, numbered "Trang x/y"', () => {
      const count = pages().length;
      expect(count).toBeGreaterThan(5);
      expect(count).toBe(mediaBoxes(pdf).length);
      pages().forEach((page, index) => {
        expect(page).toContain(`Trang ${index + 1}/${count}`);
        expect(page).toContain('Sổ theo dõi hồ sơ - Quyển số 01');
      });
    });

    it('keeps every line of the book above the footer, and each line whole on one page', () => {
      const footers = words().filter((word) => word.text === 'Trang');
      expect(footers).toHaveLength(pages().length);
      for (const footer of footers) {
        const onPage = words().filter((word) => word.page === footer.page && word.yMin < footer.yMin - 1);
        expect(Math.max(...onPage.map((word) => word.yMax))).toBeLessThan(footer.yMin - 5);
      }
      // A line's address and phone sit on the page of its code.
      for (let index = 0; index < 200; index++) {
        const at = words().find((word) => word.text === code(index));
        const phone = words().find((word) => word.text === `0912${String(index).padStart(6, '0')}`);
        expect(phone?.page, code(index)).toBe(at?.page);
      }
    });

    it('prints the title, unit, period and volume on the first page', () => {
      const first = pages()[0] ?? '';
      for (const expected of [
        'UBND XÃ TÂN THỚI',
        'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
        'SỔ THEO DÕI HỒ SƠ',
        'Từ ngày 01/07/2025 đến ngày 30/09/2025',
        'Quyển số: 01',
      ]) {
        expect(first).toContain(expected);
      }
      expect(pages()[1]).not.toContain('SỔ THEO DÕI HỒ SƠ');
    });

    it('repeats the column heads on every page', () => {
      for (const page of pages()) {
        for (const head of [
          'STT',
          'Mã hồ sơ',
          'Tên thủ tục hành chính',
          'Số lượng hồ sơ (bộ)',
          'Tên người nộp hồ sơ',
          'Địa chỉ, số điện thoại',
          'Cơ quan chủ trì giải quyết',
          'Ngày, tháng, năm',
          'Nhận hồ sơ',
          'Hẹn trả kết quả',
          'Chuyển hồ sơ đến cơ quan giải quyết',
          'Nhận kết quả từ cơ quan giải quyết',
          'Trả kết quả cho người nộp',
          'Ghi chú',
        ]) {
          expect(page).toContain(head);
        }
      }
    });

    it('numbers the columns (1) to (13) on every page', () => {
      const numbers = Array.from({ length: 13 }, (_, index) => `(${index + 1})`);
      const perPage = new Map<number, PdfWord[]>();
      for (const word of words()) {
        if (/^\(\d+\)$/.test(word.text)) perPage.set(word.page, [...(perPage.get(word.page) ?? []), word]);
      }
      expect(perPage.size).toBe(pages().length);
      for (const found of perPage.values()) {
        // Left to right, all on one line.
        expect(found.sort((a, b) => a.xMin - b.xMin).map((word) => word.text)).toEqual(numbers);
        expect(new Set(found.map((word) => Math.round(word.yMin))).size).toBe(1);
      }
    });

    it('prints every dossier exactly once, in order', () => {
      const text = pages().join(' ');
      let position = -1;
      for (let index = 0; index < 200; index += 1) {
        const at = text.indexOf(code(index));
        expect(at, code(index)).toBeGreaterThan(position);
        expect(text.indexOf(code(index), at + 1), code(index)).toBe(-1);
        position = at;
      }
    });

    it('prints every cell of a row within that row', () => {
      const printed = new Set(rowWords(1).map((word) => word.text));
      for (const cell of [
        '2',
        'H82.045-250701-0002',
        'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp',
        '02',
        'Phạm Văn Lữ',
        'Ấp Tân Phú, xã Tân Thới, tỉnh Đồng Tháp ĐT: 0912000001',
        'Công chức Tư pháp - Hộ tịch',
      ]) {
        for (const word of cell.split(' ')) expect(printed, `${word} of "${cell}"`).toContain(word);
      }
      const first = new Set(rowWords(0).map((word) => word.text));
      for (const word of 'Phòng Kinh tế, Hạ tầng và Đô thị Trả qua bưu chính công ích'.split(' ')) {
        expect(first).toContain(word);
      }
      expect(pages().join(' ')).toContain('Lê Hoàng Vỹ');
      expect(pages().join(' ')).toContain('Đỗ Thị Ngọc Hưởng');
    });

    it('puts each date, in Vietnam time, under its own column', () => {
      // Row 2: received 09:05 on 1 July, due 4 July, transferred 09:35, result 3 July, returned 21:05.
      expect(datesByColumn(1)).toEqual({
        '(8)': ['01/07/2025', '09:05'],
        '(9)': ['04/07/2025', '09:05'],
        '(10)': ['01/07/2025', '09:35'],
        '(11)': ['03/07/2025', '09:05'],
        '(12)': ['03/07/2025', '21:05'],
      });
      // Row 1 has not been transferred, nor its result received or returned.
      expect(datesByColumn(0)).toEqual({
        '(8)': ['01/07/2025', '08:05'],
        '(9)': ['04/07/2025', '08:05'],
        '(10)': [],
        '(11)': [],
        '(12)': [],
      });
    });

    it('reads a receipt just after midnight Vietnam time as the next day', async () => {
      const [row] = buildRows(1);
      if (!row) throw new Error('no row');
      const late = { ...row, receivedAt: new Date('2025-06-30T17:30:00Z'), dueAt: null };
      const single = await renderTrackingBook(buildTrackingBookData({ rows: [late] }));
      expect(pdfPages(single).join(' ')).toContain('Trang 1/1');
      // Read by position, not by pdftotext's reading order: the words printed under column (8).
      const printed = pdfWords(single);
      const head = printed.find((word) => word.text === '(8)');
      if (!head) throw new Error('column (8) not numbered');
      const centre = (word: PdfWord) => (word.xMin + word.xMax) / 2;
      const received = printed
        .filter(
          (word) => word.yMin > head.yMax && word.yMax < 560 && Math.abs(centre(word) - centre(head)) < 20,
        )
        .sort((a, b) => a.yMin - b.yMin)
        .map((word) => word.text);
      expect(received).toEqual(['01/07/2025', '00:30']);
    });

    it('prints an empty book for a period without dossiers', async () => {
      const empty = pdfPages(await renderTrackingBook(buildTrackingBookData({ rows: [] })));
      expect(empty).toHaveLength(1);
      expect(empty[0]).toContain('(Không có hồ sơ trong kỳ)');
    });
  });
});
