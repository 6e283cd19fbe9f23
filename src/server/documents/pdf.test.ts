import { afterEach, describe, expect, it } from 'vitest';
import { formatVnDate, formatVnDateTime, placeAndDate, renderPdf, sentenceCaseVi, upperVi } from './pdf.ts';

describe('formatVnDateTime', () => {
  it.each([
    ['2025-07-01T01:05:00Z', '08 giờ 05 phút, ngày 01 tháng 07 năm 2025'],
    ['2025-07-04T09:30:00Z', '16 giờ 30 phút, ngày 04 tháng 07 năm 2025'],
    // 17:00 UTC is already midnight of the next day in Vietnam.
    ['2025-06-30T17:00:00Z', '00 giờ 00 phút, ngày 01 tháng 07 năm 2025'],
    ['2025-06-30T16:59:59Z', '23 giờ 59 phút, ngày 30 tháng 06 năm 2025'],
    ['2025-12-31T17:30:00Z', '00 giờ 30 phút, ngày 01 tháng 01 năm 2026'],
    ['2024-02-28T18:00:00Z', '01 giờ 00 phút, ngày 29 tháng 02 năm 2024'],
    ['2025-07-01T08:05:00+07:00', '08 giờ 05 phút, ngày 01 tháng 07 năm 2025'],
  ])('%s → %s', (iso, expected) => {
    expect(formatVnDateTime(new Date(iso))).toBe(expected);
  });

  it('rejects an invalid date instead of printing NaN', () => {
    expect(() => formatVnDateTime(new Date('not a date'))).toThrow(RangeError);
  });

  describe('under another process time zone', () => {
    const originalTz = process.env.TZ;
    afterEach(() => {
      process.env.TZ = originalTz;
    });

    it('still prints Vietnam wall-clock time', () => {
      process.env.TZ = 'America/Los_Angeles';
      const instant = new Date('2025-07-01T01:05:00Z');
      // Guard: the zone switch took effect, so local getters would have given 18:05 on 30 June.
      expect(instant.getHours()).toBe(18);
      expect(formatVnDateTime(instant)).toBe('08 giờ 05 phút, ngày 01 tháng 07 năm 2025');
    });
  });
});

describe('formatVnDate and placeAndDate', () => {
  it('reads an instant as a Vietnam calendar day', () => {
    expect(formatVnDate(new Date('2025-08-31T17:00:00Z'))).toBe('ngày 01 tháng 09 năm 2025');
  });

  it('takes a PlainDate as it is, with no time zone shift', () => {
    expect(formatVnDate('2025-09-02')).toBe('ngày 02 tháng 09 năm 2025');
  });

  it.each(['2025-02-29', '2025-13-01', '2025-7-1', '01/07/2025'])('rejects %s', (bad) => {
    expect(() => formatVnDate(bad)).toThrow(RangeError);
  });

  it('builds the italic place-and-date line', () => {
    expect(placeAndDate('Tân Thới', '2025-07-01')).toEqual({
      text: 'Tân Thới, ngày 01 tháng 07 năm 2025',
      italics: true,
    });
  });
});

describe('Vietnamese casing', () => {
  it('sentence-cases an upper-case unit name, keeping diacritics', () => {
    expect(sentenceCaseVi('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG')).toBe('Trung tâm phục vụ hành chính công');
    expect(sentenceCaseVi('ĐỘI THUẾ')).toBe('Đội thuế');
    expect(sentenceCaseVi('')).toBe('');
  });

  it('upper-cases with diacritics', () => {
    expect(upperVi('ubnd xã tân thới')).toBe('UBND XÃ TÂN THỚI');
  });
});

describe('renderPdf', () => {
  it('renders a PDF with the bundled fonts', async () => {
    const pdf = await renderPdf({ content: ['Độc lập - Tự do - Hạnh phúc'] });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A4 portrait: 595.28 x 841.89 pt.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  });

  it('refuses to fetch remote resources named in a document', async () => {
    await expect(
      renderPdf({
        images: { logo: 'https://example.invalid/logo.png' },
        content: [{ image: 'logo', width: 10 }],
      }),
    ).rejects.toThrow(/URL denied/);
  });

  it('refuses to read local files other than its fonts', async () => {
    await expect(renderPdf({ content: [{ image: '/etc/hostname', width: 10 }] })).rejects.toThrow(
      /local file denied/,
    );
  });
});
