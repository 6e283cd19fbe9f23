import { describe, expect, it } from 'vitest';
import { calendarDaysForYear, deriveStatutoryHolidays } from './derived-calendar.ts';
import { OFFICIAL_CALENDARS } from './official-calendars.ts';
import { weekdayOf } from './vn-time.ts';

const datesOf = (year: number, kind: 'holiday' | 'compensatory') =>
  deriveStatutoryHolidays(year)
    .filter((d) => d.kind === kind)
    .map((d) => d.date);

describe('deriveStatutoryHolidays', () => {
  it('derives the eleven statutory days of 2026 as published', () => {
    expect(datesOf(2026, 'holiday')).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
    expect(datesOf(2026, 'compensatory')).toEqual(['2026-04-27']);
  });

  it('covers every official holiday and compensatory day of 2026', () => {
    const derived = new Set(deriveStatutoryHolidays(2026).map((d) => d.date));
    for (const d of OFFICIAL_CALENDARS[2026] ?? []) {
      if (d.kind === 'holiday' || d.kind === 'compensatory') expect(derived.has(d.date), d.date).toBe(true);
    }
  });

  it('gives 2025 a compensatory Monday for Tết day 01/02 (a Saturday)', () => {
    expect(
      datesOf(2025, 'holiday').filter((d) => d.startsWith('2025-01-') || d.startsWith('2025-02-')),
    ).toEqual(['2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01']);
    expect(datesOf(2025, 'compensatory')).toEqual(['2025-02-03']);
  });

  it.each([
    [2027, '2027-02-05', '2027-04-16'],
    [2028, '2028-01-25', '2028-04-04'],
    [2029, '2029-02-12', '2029-04-23'],
    [2030, '2030-02-01', '2030-04-12'],
    [2031, '2031-01-22', '2031-04-01'],
  ])('%i: Tết days start %s, Hùng Kings %s', (year, tetEve, hung) => {
    const days = deriveStatutoryHolidays(year);
    const tet = days.filter((d) => d.name.startsWith('Tết Nguyên đán') && d.kind === 'holiday');
    expect(tet).toHaveLength(5);
    expect(tet[0]?.date).toBe(tetEve);
    expect(days.find((d) => d.name === 'Giỗ Tổ Hùng Vương')?.date).toBe(hung);
  });

  it('names Tết after the lunar year', () => {
    expect(deriveStatutoryHolidays(2027).find((d) => d.date === '2027-02-06')?.name).toBe(
      'Tết Nguyên đán Đinh Mùi',
    );
  });

  it.each([
    // [year, weekday of 2/9, adjacent day chosen]
    [2022, 'Fri', '2022-09-01'],
    [2025, 'Tue', '2025-09-01'],
    [2026, 'Wed (tie)', '2026-09-01'],
    [2027, 'Thu', '2027-09-03'],
    [2028, 'Sat', '2028-09-01'],
    [2029, 'Sun', '2029-09-03'],
    [2030, 'Mon', '2030-09-03'],
  ])('National Day %i (2/9 on %s) adds %s', (year, _, partner) => {
    const national = deriveStatutoryHolidays(year)
      .filter((d) => d.name === 'Quốc khánh (2/9)')
      .map((d) => d.date);
    expect(national).toEqual([partner, `${year}-09-02`].sort());
  });

  it('moves weekend holidays to the next free weekday', () => {
    // 1/5/2027 is a Saturday; Tết 2027 falls on Sat 6 and Sun 7 Feb; 2/9/2029 is a Sunday after 3/9 Mon.
    expect(datesOf(2027, 'compensatory')).toEqual(['2027-02-10', '2027-02-11', '2027-05-03']);
    expect(datesOf(2029, 'compensatory')).toContain('2029-09-04');
    expect(datesOf(2028, 'compensatory')).toEqual(['2028-01-03', '2028-01-31', '2028-05-02', '2028-09-04']);
  });

  it('gives a second day off when two holidays share a date (Hùng Kings on 30/4/1947)', () => {
    const days = deriveStatutoryHolidays(1947);
    expect(days.find((d) => d.date === '1947-04-30')?.name).toBe(
      'Giỗ Tổ Hùng Vương, Ngày Chiến thắng (30/4)',
    );
    expect(days.find((d) => d.date === '1947-05-02')).toMatchObject({
      kind: 'compensatory',
      note: 'Nghỉ bù cho ngày 30/04/1947 trùng ngày lễ khác',
    });
  });

  it('always yields eleven weekdays off, sorted and unique, compensatory days on weekdays', () => {
    // Every year of the lunar range, so rare coincidences such as 1947 cannot slip through sampling.
    for (let year = 1800; year <= 2199; year++) {
      const days = deriveStatutoryHolidays(year);
      const dates = days.map((d) => d.date);
      expect(new Set(dates).size).toBe(dates.length);
      expect(dates).toEqual([...dates].sort());
      const isWeekend = (date: string) => [0, 6].includes(weekdayOf(date));
      // Art. 112 grants 11 paid days; a holiday on a weekend is owed back on a weekday.
      expect(dates.filter((d) => !isWeekend(d))).toHaveLength(11);
      for (const d of days) {
        expect(d.source).toBe('derived');
        if (d.kind === 'compensatory') expect(isWeekend(d.date)).toBe(false);
        else expect(d.kind).toBe('holiday');
      }
    }
  });
});

describe('calendarDaysForYear', () => {
  it('prefers the official schedule', () => {
    expect(calendarDaysForYear(2026)).toEqual(OFFICIAL_CALENDARS[2026]);
    expect(calendarDaysForYear(2025).some((d) => d.kind === 'makeup_workday')).toBe(true);
  });

  it('derives years without one', () => {
    expect(calendarDaysForYear(2027)).toEqual(deriveStatutoryHolidays(2027));
  });

  it('returns copies that callers may change freely', () => {
    const days = calendarDaysForYear(2026);
    (days[0] as { name: string }).name = 'changed';
    expect(calendarDaysForYear(2026)[0]?.name).toBe('Tết Dương lịch');
  });
});
