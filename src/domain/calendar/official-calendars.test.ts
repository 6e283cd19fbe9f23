import { describe, expect, it } from 'vitest';
import { OFFICIAL_CALENDAR_SOURCES, OFFICIAL_CALENDARS, parseHolidayFile } from './official-calendars.ts';
import { DEFAULT_OFFICE_HOURS } from './types.ts';
import { addDays, type PlainDate, weekdayOf } from './vn-time.ts';
import { WorkCalendar } from './work-calendar.ts';

function daysOf(year: number) {
  const days = OFFICIAL_CALENDARS[year];
  if (!days) throw new Error(`no official calendar for ${year}`);
  return days;
}

function everyDate(year: number): PlainDate[] {
  const dates: PlainDate[] = [];
  for (let d = `${year}-01-01`; d.startsWith(`${year}-`); d = addDays(d, 1)) dates.push(d);
  return dates;
}

const isWeekend = (d: PlainDate) => weekdayOf(d) === 0 || weekdayOf(d) === 6;

/** What docs/domain-vn.md §7.3 and §7.4 say, written out independently of the JSON files. */
const DOC = {
  2025: {
    weekdaysOff: [
      '2025-01-01',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-09-01',
      '2025-09-02',
    ],
    workedWeekends: ['2025-04-26'],
    breaks: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-25', '2025-02-02'],
      ['2025-04-05', '2025-04-07'],
      ['2025-04-30', '2025-05-04'],
      ['2025-08-30', '2025-09-02'],
    ],
  },
  2026: {
    weekdaysOff: [
      '2026-01-01',
      '2026-01-02',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-08-31',
      '2026-09-01',
      '2026-09-02',
    ],
    workedWeekends: ['2026-01-10', '2026-08-22'],
    breaks: [
      ['2026-01-01', '2026-01-04'],
      ['2026-02-14', '2026-02-22'],
      ['2026-04-25', '2026-04-27'],
      ['2026-04-30', '2026-05-03'],
      ['2026-08-29', '2026-09-02'],
    ],
  },
} as const;

describe.each([2025, 2026] as const)('official calendar %i', (year) => {
  const cal = new WorkCalendar((y) => (y === year ? daysOf(y) : []), DEFAULT_OFFICE_HOURS);
  const doc = DOC[year];

  it('takes off exactly the weekdays of the published schedule', () => {
    const off = everyDate(year).filter((d) => !isWeekend(d) && !cal.isWorkingDay(d));
    expect(off).toEqual(doc.weekdaysOff);
  });

  it('works exactly the published make-up Saturdays', () => {
    expect(everyDate(year).filter((d) => isWeekend(d) && cal.isWorkingDay(d))).toEqual(doc.workedWeekends);
  });

  it('makes each published break one run of days off, bounded by working days', () => {
    for (const [first, last] of doc.breaks) {
      for (let d: PlainDate = first; d <= last; d = addDays(d, 1)) expect(cal.isWorkingDay(d), d).toBe(false);
      expect(cal.isWorkingDay(addDays(first, -1)), `day before ${first}`).toBe(true);
      expect(cal.isWorkingDay(addDays(last, 1)), `day after ${last}`).toBe(true);
    }
  });

  it('keeps clean records: sorted, unique, named, official', () => {
    const days = daysOf(year);
    const dates = days.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
    for (const d of days) {
      expect(d.source).toBe('official');
      expect(d.name.trim()).not.toBe('');
      expect(d.note?.trim()).toBeTruthy();
      // Make-up days are Saturdays/Sundays; listing one on a weekday would change nothing.
      if (d.kind === 'makeup_workday') expect(isWeekend(d.date)).toBe(true);
      if (d.kind === 'compensatory' || d.kind === 'swapped_day_off') expect(isWeekend(d.date)).toBe(false);
    }
    expect(OFFICIAL_CALENDAR_SOURCES[year]).toMatch(/domain-vn\.md §7\.[34]/);
  });

  it('pairs each swapped day off with a make-up working day', () => {
    const days = daysOf(year);
    const swaps = days.filter((d) => d.kind === 'swapped_day_off').length;
    expect(days.filter((d) => d.kind === 'makeup_workday')).toHaveLength(swaps);
  });
});

describe('official calendar details', () => {
  it('records 2026-04-27 as the compensatory day for Hùng Kings on Sunday 26/04', () => {
    expect(daysOf(2026).find((d) => d.date === '2026-04-27')).toMatchObject({
      kind: 'compensatory',
      name: 'Giỗ Tổ Hùng Vương (nghỉ bù)',
    });
    expect(daysOf(2026).find((d) => d.date === '2026-04-26')?.kind).toBe('holiday');
  });

  it('names the make-up Saturday after the day it pays for', () => {
    expect(daysOf(2026).find((d) => d.date === '2026-01-10')?.name).toBe('Làm bù cho ngày 02/01/2026');
    expect(daysOf(2025).find((d) => d.date === '2025-04-26')?.name).toBe('Làm bù cho ngày 02/05/2025');
  });

  it('has no calendar for years that were not published', () => {
    expect(OFFICIAL_CALENDARS[2027]).toBeUndefined();
  });
});

describe('parseHolidayFile', () => {
  const day = { date: '2027-01-01', kind: 'holiday', name: 'Tết Dương lịch', source: 'official' };
  const file = (days: (typeof day & { note?: string })[]) => ({ year: 2027, source: 'test', days });

  it('accepts a valid file and keeps notes', () => {
    expect(parseHolidayFile(file([{ ...day, note: 'n' }]))).toEqual([{ ...day, note: 'n' }]);
  });

  it.each([
    ['an impossible date', { ...day, date: '2027-02-29' }],
    ['a date of another year', { ...day, date: '2026-12-31' }],
    ['an unknown kind', { ...day, kind: 'rest' }],
    ['a derived source', { ...day, source: 'derived' }],
    ['an empty name', { ...day, name: ' ' }],
  ])('rejects %s', (_, bad) => {
    expect(() => parseHolidayFile(file([bad]))).toThrow(RangeError);
  });

  it('rejects a date listed twice and a file without a source', () => {
    expect(() => parseHolidayFile(file([day, day]))).toThrow(RangeError);
    expect(() => parseHolidayFile({ year: 2027, source: '', days: [day] })).toThrow(RangeError);
  });
});
