import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canChiOfYear, lunarMonthLength, lunarToSolar, solarToLunar } from './lunar.ts';
import { addDays, fromEpochDay, toEpochDay } from './vn-time.ts';

describe('lunarToSolar', () => {
  it.each([
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    // The new moon of 2 Feb 2030 is at 16:07 UTC: 23:07 in Vietnam, 00:07 on 3 Feb in China.
    [2030, '2030-02-02'],
  ])('Tết %i is %s', (year, date) => {
    expect(lunarToSolar(1, 1, year)).toBe(date);
  });

  it.each([
    [2020, '2020-04-02'],
    [2021, '2021-04-21'],
    [2022, '2022-04-10'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('Hùng Kings (10/3) %i is %s', (year, date) => {
    expect(lunarToSolar(10, 3, year)).toBe(date);
  });

  // Ten and more years ahead, where deadlines use derived holidays. Source: the year table (TK21,
  // 2000–2099, UTC+7) Hồ Ngọc Đức published with his amlich.js, decoded by hand: Tết and the start of
  // month 3. Tết 2037 and 2040 also match published Lunar New Year tables (UTC+8). Month 3 of 2037
  // starts on 15 April in Vietnam but 16 April in China: the new moon is at about 16:08 UTC (Meeus),
  // 23:08 in Vietnam, 00:08 in China, so Giỗ Tổ falls a day before the Chinese 10/3.
  it.each([
    [2036, '2036-01-28', '2036-04-06'],
    [2037, '2037-02-15', '2037-04-24'],
    [2040, '2040-02-12', '2040-04-20'],
    [2041, '2041-02-01', '2041-04-10'],
  ])('%i: Tết is %s, Giỗ Tổ (10/3) is %s', (year, tet, hungKings) => {
    expect(lunarToSolar(1, 1, year)).toBe(tet);
    expect(lunarToSolar(10, 3, year)).toBe(hungKings);
    expect(lunarToSolar(1, 3, year)).toBe(addDays(hungKings, -9));
  });

  it('follows UTC+7, not the Chinese UTC+8 calendar', () => {
    // Chinese New Year 1985 was 20 Feb and 2007 was 18 Feb; Vietnam celebrated 21 Jan and 17 Feb.
    expect(lunarToSolar(1, 1, 1985)).toBe('1985-01-21');
    expect(lunarToSolar(1, 1, 2007)).toBe('2007-02-17');
    expect(solarToLunar('1985-02-20')).toEqual({ day: 1, month: 2, year: 1985, isLeap: false });
    expect(solarToLunar('2007-02-18')).toEqual({ day: 2, month: 1, year: 2007, isLeap: false });
  });

  it('places leap months', () => {
    expect(lunarToSolar(1, 4, 2020, true)).toBe('2020-05-23');
    expect(lunarToSolar(1, 2, 2023, true)).toBe('2023-03-22');
    expect(lunarToSolar(1, 6, 2025, true)).toBe('2025-07-25');
    expect(lunarToSolar(1, 7, 2025)).toBe('2025-08-23');
    expect(() => lunarToSolar(1, 5, 2025, true)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 1, 2026, true)).toThrow(RangeError);
  });

  it('knows that Tết 2025 and 2026 had no 30th of Chạp', () => {
    expect(lunarMonthLength(12, 2024)).toBe(29);
    expect(lunarMonthLength(12, 2025)).toBe(29);
    expect(() => lunarToSolar(30, 12, 2025)).toThrow(RangeError);
    expect(lunarToSolar(29, 12, 2025)).toBe('2026-02-16');
  });

  it.each([
    [1, 1, 1799],
    [1, 1, 2200],
    [1, 13, 2025],
    [0, 1, 2025],
    [31, 1, 2025],
    [1.5, 1, 2025],
  ])('rejects %i/%i/%i', (d, m, y) => {
    expect(() => lunarToSolar(d, m, y)).toThrow(RangeError);
  });
});

describe('solarToLunar', () => {
  it('converts known days', () => {
    expect(solarToLunar('2025-01-28')).toEqual({ day: 29, month: 12, year: 2024, isLeap: false });
    expect(solarToLunar('2025-01-29')).toEqual({ day: 1, month: 1, year: 2025, isLeap: false });
    expect(solarToLunar('2025-08-22')).toEqual({ day: 29, month: 6, year: 2025, isLeap: true });
    expect(solarToLunar('2024-09-17')).toEqual({ day: 15, month: 8, year: 2024, isLeap: false });
  });

  it('rejects invalid or out-of-range dates', () => {
    expect(() => solarToLunar('2025-02-30')).toThrow(RangeError);
    expect(() => solarToLunar('2200-01-01')).toThrow(RangeError);
  });
});

const dateArb = fc
  .integer({ min: toEpochDay('1800-03-01'), max: toEpochDay('2199-10-31') })
  .map((d) => fromEpochDay(d));

describe('lunar properties', () => {
  it('round-trips every solar date', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const l = solarToLunar(date);
        expect(lunarToSolar(l.day, l.month, l.year, l.isLeap)).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });

  it('advances one lunar day per solar day, starting months after day 29 or 30', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const today = solarToLunar(date);
        const tomorrow = solarToLunar(addDays(date, 1));
        if (tomorrow.day === 1) {
          expect([29, 30]).toContain(today.day);
          expect(lunarMonthLength(today.month, today.year, today.isLeap)).toBe(today.day);
        } else {
          expect(tomorrow).toEqual({ ...today, day: today.day + 1 });
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives every lunar year 12 months plus at most one leap month, Tết 21 Jan – 20 Feb', () => {
    for (let year = 1900; year <= 2150; year++) {
      const tet = lunarToSolar(1, 1, year);
      expect(tet >= `${year}-01-21` && tet <= `${year}-02-20`, `Tết ${year} = ${tet}`).toBe(true);
      const nextTet = toEpochDay(lunarToSolar(1, 1, year + 1));
      const days = nextTet - toEpochDay(tet);
      // 12 months of 29–30 days, or 13 with a leap month.
      expect((days >= 353 && days <= 355) || (days >= 383 && days <= 385), `${year}: ${days} days`).toBe(
        true,
      );
    }
  });
});

describe('canChiOfYear', () => {
  it.each([
    [1984, 'Giáp Tý'],
    [1985, 'Ất Sửu'],
    [2024, 'Giáp Thìn'],
    [2025, 'Ất Tỵ'],
    [2026, 'Bính Ngọ'],
    [2023, 'Quý Mão'],
  ])('%i is %s', (year, name) => {
    expect(canChiOfYear(year)).toBe(name);
  });
});
