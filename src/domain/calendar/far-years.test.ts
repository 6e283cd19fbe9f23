import { describe, expect, it } from 'vitest';
import {
  calendarDaysForYear,
  DEFAULT_DERIVATION_RULES,
  deriveStatutoryHolidays,
  officialOrDerived,
} from './derived-calendar.ts';
import { dueForTimeLimit } from './time-limit.ts';
import { type CalendarDay, DEFAULT_OFFICE_HOURS } from './types.ts';
import { CalendarRangeError, computeDue, WorkCalendar } from './work-calendar.ts';

/*
 * Deadlines ten and more years ahead, in years with no official schedule: the calendar loads each
 * year's derived holidays when a date in it is first asked about. The lunar dates used below (Tết
 * Đinh Tỵ = 15/2/2037, Giỗ Tổ 10/3 = Fri 24/4/2037; Tết Canh Thân = 12/2/2040, Giỗ Tổ = Fri 20/4/2040)
 * are checked against a published table in lunar.test.ts.
 */

const at = (iso: string) => new Date(iso);
const dates = (skipped: { date: string }[]) => skipped.map((d) => d.date);

describe('a calendar loads the years it is asked about', () => {
  it('asks for each year once, only when a date in it is needed', () => {
    const asked: number[] = [];
    const cal = new WorkCalendar((year) => {
      asked.push(year);
      return calendarDaysForYear(year);
    }, DEFAULT_OFFICE_HOURS);
    expect(cal.loadedYears).toEqual([]);
    // Received on the last working day of 2036: the appointment is counted into 2037.
    const due = computeDue(cal, at('2036-12-31T09:00:00+07:00'), 2, 'working_days');
    expect(due.dueAt.toISOString()).toBe('2037-01-05T02:00:00.000Z'); // Mon 5/1/2037 09:00
    expect(due.skipped).toEqual([
      { date: '2037-01-01', reason: 'Tết Dương lịch' },
      { date: '2037-01-03', reason: 'Thứ Bảy' },
      { date: '2037-01-04', reason: 'Chủ nhật' },
    ]);
    computeDue(cal, at('2037-02-12T09:00:00+07:00'), 3, 'working_days');
    computeDue(cal, at('2036-12-31T09:00:00+07:00'), 2, 'working_days');
    expect(asked).toEqual([2036, 2037]);
    expect(cal.loadedYears).toEqual([2036, 2037]);
  });

  it('never answers for a year outside its range, and says so', () => {
    const cal = new WorkCalendar(calendarDaysForYear, DEFAULT_OFFICE_HOURS);
    expect(() => cal.isWorkingDay('2101-01-02')).toThrow(CalendarRangeError);
    expect(() => cal.isWorkingDay('1999-12-31')).toThrow(CalendarRangeError);
    // Counting from the last days of 2100 runs into 2101: refused rather than counted without holidays.
    expect(() => computeDue(cal, at('2100-12-28T09:00:00+07:00'), 10, 'working_days')).toThrow(
      CalendarRangeError,
    );
    expect(computeDue(cal, at('2100-12-28T09:00:00+07:00'), 2, 'working_days').dueAt.toISOString()).toBe(
      '2100-12-30T02:00:00.000Z',
    );
    const mine = new Error('out of range');
    const bounded = new WorkCalendar(calendarDaysForYear, DEFAULT_OFFICE_HOURS, {
      years: { min: 2025, max: 2026 },
      outOfRange: () => mine,
    });
    expect(bounded.isWorkingDay('2026-12-31')).toBe(true);
    expect(() => bounded.isWorkingDay('2027-01-04')).toThrow(mine);
    expect(
      () => new WorkCalendar(() => [], DEFAULT_OFFICE_HOURS, { years: { min: 2030, max: 2020 } }),
    ).toThrow(RangeError);
  });

  it('refuses a year whose list holds a day of another year, and keeps nothing of it', () => {
    const stray: CalendarDay = { date: '2041-01-02', kind: 'holiday', name: 'Lạc năm', source: 'official' };
    let calls = 0;
    const cal = new WorkCalendar((year) => {
      calls++;
      return year === 2040 && calls === 1 ? [...calendarDaysForYear(2040), stray] : calendarDaysForYear(year);
    }, DEFAULT_OFFICE_HOURS);
    expect(() => cal.isWorkingDay('2040-04-20')).toThrow(/2041-01-02 listed among the days of 2040/);
    expect(cal.loadedYears).toEqual([]);
    expect(cal.isWorkingDay('2040-04-20')).toBe(false); // asked again, now a clean list
  });
});

describe('due dates over the holidays of a derived year', () => {
  const cal = new WorkCalendar(calendarDaysForYear, DEFAULT_OFFICE_HOURS);

  it('Tết Đinh Tỵ 2037: five days from 29 Chạp (Sat 14/2) and two compensatory days', () => {
    // Thu 12/2/2037 09:00, 3 working days: 6 h on Thursday, 8 h on Friday, then nothing until Mon 23/2.
    const due = computeDue(cal, at('2037-02-12T09:00:00+07:00'), 3, 'working_days');
    expect(due.dueAt.toISOString()).toBe('2037-02-24T02:00:00.000Z'); // Tue 24/2/2037 09:00
    expect(due.skipped.map((d) => `${d.date} ${d.reason}`)).toEqual([
      '2037-02-14 Tết Nguyên đán Đinh Tỵ',
      '2037-02-15 Tết Nguyên đán Đinh Tỵ',
      '2037-02-16 Tết Nguyên đán Đinh Tỵ',
      '2037-02-17 Tết Nguyên đán Đinh Tỵ',
      '2037-02-18 Tết Nguyên đán Đinh Tỵ',
      // 29 Chạp and mùng 1 fall on the weekend: owed as the next two working days.
      '2037-02-19 Tết Nguyên đán Đinh Tỵ (nghỉ bù)',
      '2037-02-20 Tết Nguyên đán Đinh Tỵ (nghỉ bù)',
      '2037-02-21 Thứ Bảy',
      '2037-02-22 Chủ nhật',
    ]);
    expect(cal.dayInfo('2037-02-15')).toMatchObject({ source: 'derived', note: 'Mùng 1 Tết' });
  });

  it('Giỗ Tổ Hùng Vương 2037 (10/3 lunar, Fri 24/4)', () => {
    // Thu 23/4/2037 14:00, 1 working day: 3 h on Thursday, 5 h on Monday 27/4.
    const due = computeDue(cal, at('2037-04-23T14:00:00+07:00'), 1, 'working_days');
    expect(due.dueAt.toISOString()).toBe('2037-04-27T07:00:00.000Z'); // Mon 27/4/2037 14:00
    expect(due.skipped[0]).toEqual({ date: '2037-04-24', reason: 'Giỗ Tổ Hùng Vương' });
  });

  it('2040: Giỗ Tổ (Fri 20/4), then 30/4 and 1/5 (Mon, Tue)', () => {
    // Thu 19/4/2040 09:00, 7 working days (56 h).
    const due = computeDue(cal, at('2040-04-19T09:00:00+07:00'), 7, 'working_days');
    expect(due.dueAt.toISOString()).toBe('2040-05-03T02:00:00.000Z'); // Thu 3/5/2040 09:00
    expect(dates(due.skipped)).toEqual([
      '2040-04-20',
      '2040-04-21',
      '2040-04-22',
      '2040-04-28',
      '2040-04-29',
      '2040-04-30',
      '2040-05-01',
    ]);
  });

  it('2040: National Day on a Sunday gives Mon 3/9 and the compensatory Tue 4/9', () => {
    // A same-day procedure received after 15:00 on Fri 31/8/2040 is due the next working day, Wed 5/9.
    const sameDay = computeDue(cal, at('2040-08-31T15:00:00+07:00'), 0, 'same_day');
    expect(sameDay.dueAt.toISOString()).toBe('2040-09-05T10:00:00.000Z');
    expect(sameDay.skipped.map((d) => `${d.date} ${d.reason}`)).toEqual([
      '2040-09-01 Thứ Bảy',
      '2040-09-02 Quốc khánh (2/9)',
      '2040-09-03 Quốc khánh (2/9)',
      '2040-09-04 Quốc khánh (2/9) (nghỉ bù)',
    ]);
    // Five calendar days from Wed 29/8 end on Mon 3/9, a day off: moved to the end of Wed 5/9.
    const calendarDays = dueForTimeLimit(cal, at('2040-08-29T10:00:00+07:00'), {
      amount: 5,
      unit: 'calendar_days',
    });
    expect(calendarDays.dueAt.toISOString()).toBe('2040-09-05T10:00:00.000Z');
    expect(dates(calendarDays.skipped)).toEqual(['2040-09-03', '2040-09-04']);
  });

  it('without the year loaded these would all be wrong: the weekend-only answer differs', () => {
    const weekendsOnly = new WorkCalendar(() => [], DEFAULT_OFFICE_HOURS);
    expect(computeDue(weekendsOnly, at('2037-02-12T09:00:00+07:00'), 3, 'working_days').dueAt).not.toEqual(
      computeDue(cal, at('2037-02-12T09:00:00+07:00'), 3, 'working_days').dueAt,
    );
  });
});

describe('official schedules and derivation rules', () => {
  it('uses an official schedule for the years it covers and derives the others', () => {
    const official: CalendarDay[] = [
      { date: '2040-04-20', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương', source: 'official' },
      { date: '2040-04-21', kind: 'makeup_workday', name: 'Làm bù', source: 'official' },
      { date: '2040-04-30', kind: 'holiday', name: 'Ngày Chiến thắng', source: 'official' },
      { date: '2040-05-01', kind: 'holiday', name: 'Quốc tế Lao động', source: 'official' },
    ];
    const yearDays = officialOrDerived(official);
    expect(yearDays(2040)).toEqual(official);
    expect(yearDays(2037)).toEqual(deriveStatutoryHolidays(2037));
    expect(yearDays(2037)).toBe(yearDays(2037)); // worked out once
    const cal = new WorkCalendar(yearDays, DEFAULT_OFFICE_HOURS);
    // The make-up Saturday 21/4 counts: 7 working days from Thu 19/4 end on Wed 2/5, a day earlier.
    const due = computeDue(cal, at('2040-04-19T09:00:00+07:00'), 7, 'working_days');
    expect(due.dueAt.toISOString()).toBe('2040-05-02T02:00:00.000Z');
  });

  it('keeps the usual Tết days by default and takes other ones when configured', () => {
    expect(DEFAULT_DERIVATION_RULES.tetDays).toEqual([-1, 0, 1, 2, 3]);
    const tet = (rules?: { tetDays: number[] }) =>
      deriveStatutoryHolidays(2037, rules)
        .filter((d) => d.name.startsWith('Tết Nguyên đán') && d.kind === 'holiday')
        .map((d) => d.date);
    expect(tet()).toEqual(['2037-02-14', '2037-02-15', '2037-02-16', '2037-02-17', '2037-02-18']);
    expect(tet({ tetDays: [-2, -1, 0, 1, 2] })).toEqual([
      '2037-02-13',
      '2037-02-14',
      '2037-02-15',
      '2037-02-16',
      '2037-02-17',
    ]);
    expect(() => deriveStatutoryHolidays(2037, { tetDays: [0, 1, 2, 3] })).toThrow(RangeError);
    expect(() => officialOrDerived([], { tetDays: [0, 0, 1, 2, 3] })).toThrow(RangeError);
  });
});
