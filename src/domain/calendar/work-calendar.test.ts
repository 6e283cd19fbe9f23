import { describe, expect, it } from 'vitest';
import { calendarDaysForYear } from './derived-calendar.ts';
import { type CalendarDay, DEFAULT_OFFICE_HOURS, type TimeLimitUnit } from './types.ts';
import { type PlainDate, parseHm, vnDateOf, vnInstant, vnMinutesOf } from './vn-time.ts';
import { addWorkingMinutes, computeDue, WorkCalendar, workingMinutesBetween } from './work-calendar.ts';

/** 2025 and 2026 official, 2027 derived, so deadlines late in 2026 still see the next year's holidays. */
const cal = new WorkCalendar(calendarDaysForYear, DEFAULT_OFFICE_HOURS);
/** No holidays at all: isolates the weekday and office-hour rules. */
const plain = new WorkCalendar(() => [], DEFAULT_OFFICE_HOURS);

/** Instant at Vietnamese wall time, e.g. at('2025-07-07', '09:00'). */
const at = (date: PlainDate, hm: string, seconds = 0): Date =>
  new Date(vnInstant(date, parseHm(hm)).getTime() + seconds * 1000);

/** Readable Vietnamese wall time of an instant: 'YYYY-MM-DD HH:MM'. */
function vn(d: Date): string {
  const m = vnMinutesOf(d);
  return `${vnDateOf(d)} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const due = (from: Date, amount: number, unit: TimeLimitUnit, c = cal) => computeDue(c, from, amount, unit);

describe('WorkCalendar days', () => {
  it('works Monday to Friday and rests at the weekend', () => {
    expect(plain.isWorkingDay('2025-07-07')).toBe(true); // Mon
    expect(plain.isWorkingDay('2025-07-11')).toBe(true); // Fri
    expect(plain.isWorkingDay('2025-07-12')).toBe(false); // Sat
    expect(plain.isWorkingDay('2025-07-13')).toBe(false); // Sun
    expect(plain.nonWorkingReason('2025-07-12')).toBe('Thứ Bảy');
    expect(plain.nonWorkingReason('2025-07-13')).toBe('Chủ nhật');
    expect(plain.nonWorkingReason('2025-07-07')).toBeUndefined();
  });

  it('treats the make-up Saturday 2026-01-10 as a working day and 2026-01-02 as a day off', () => {
    expect(cal.isWorkingDay('2026-01-10')).toBe(true);
    expect(cal.nonWorkingReason('2026-01-10')).toBeUndefined();
    expect(cal.dayInfo('2026-01-10')?.kind).toBe('makeup_workday');
    expect(cal.isWorkingDay('2026-01-02')).toBe(false);
    expect(cal.dayInfo('2026-01-02')?.kind).toBe('swapped_day_off');
    expect(cal.isWorkingDay('2025-04-26')).toBe(true);
  });

  it('names holidays in the reason', () => {
    expect(cal.nonWorkingReason('2026-02-17')).toBe('Tết Nguyên đán Bính Ngọ');
    expect(cal.nonWorkingReason('2026-04-27')).toBe('Giỗ Tổ Hùng Vương (nghỉ bù)');
    expect(cal.dayInfo('2025-07-07')).toBeUndefined();
  });

  it('lets a later entry for the same date override an earlier one', () => {
    const override: CalendarDay = {
      date: '2025-09-01',
      kind: 'makeup_workday',
      name: 'Làm việc',
      source: 'official',
    };
    const c = new WorkCalendar(
      (y) => (y === 2025 ? [...calendarDaysForYear(2025), override] : calendarDaysForYear(y)),
      DEFAULT_OFFICE_HOURS,
    );
    expect(c.isWorkingDay('2025-09-01')).toBe(true);
    expect(cal.isWorkingDay('2025-09-01')).toBe(false);
  });

  it('rejects invalid dates, kinds and office hours', () => {
    expect(() => cal.isWorkingDay('2025-02-30')).toThrow(RangeError);
    const bad = { date: '2025-02-30', kind: 'holiday', name: 'x', source: 'official' } as const;
    expect(() => new WorkCalendar(() => [bad], DEFAULT_OFFICE_HOURS).isWorkingDay('2025-02-03')).toThrow(
      RangeError,
    );
    const badKind = {
      date: '2025-02-03',
      kind: 'rest',
      name: 'x',
      source: 'official',
    } as unknown as CalendarDay;
    expect(() => new WorkCalendar(() => [badKind], DEFAULT_OFFICE_HOURS).dayInfo('2025-02-03')).toThrow(
      RangeError,
    );
    expect(() => new WorkCalendar(() => [], { ...DEFAULT_OFFICE_HOURS, amEnd: '14:00' })).toThrow(RangeError);
    expect(() => new WorkCalendar(() => [], { ...DEFAULT_OFFICE_HOURS, pmEnd: '13:00' })).toThrow(RangeError);
    expect(() => new WorkCalendar(() => [], { ...DEFAULT_OFFICE_HOURS, sameDayCutoff: '3pm' })).toThrow(
      RangeError,
    );
    expect(() => new WorkCalendar(() => [], { ...DEFAULT_OFFICE_HOURS, sameDayCutoff: '17:01' })).toThrow(
      RangeError,
    );
    expect(
      new WorkCalendar(() => [], { ...DEFAULT_OFFICE_HOURS, sameDayCutoff: '17:00' }).hours.sameDayCutoff,
    ).toBe('17:00');
  });

  it('counts 8 working hours a day by default and lists the periods', () => {
    expect(cal.workingMinutesPerDay).toBe(480);
    expect(cal.workingPeriods('2025-07-07').map((p) => [vn(p.start), vn(p.end)])).toEqual([
      ['2025-07-07 07:00', '2025-07-07 11:30'],
      ['2025-07-07 13:30', '2025-07-07 17:00'],
    ]);
    expect(cal.workingPeriods('2025-07-06')).toEqual([]);
  });
});

describe('computeDue: start of the clock', () => {
  it.each([
    ['before opening', at('2025-07-07', '06:00'), '2025-07-07 07:00'],
    ['at opening', at('2025-07-07', '07:00'), '2025-07-07 07:00'],
    ['in the morning', at('2025-07-07', '09:15'), '2025-07-07 09:15'],
    ['at the end of the morning', at('2025-07-07', '11:30'), '2025-07-07 13:30'],
    ['during lunch', at('2025-07-07', '12:00'), '2025-07-07 13:30'],
    ['at closing', at('2025-07-07', '17:00'), '2025-07-08 07:00'],
    ['in the evening', at('2025-07-07', '21:00'), '2025-07-08 07:00'],
    ['on Saturday', at('2025-07-05', '10:00'), '2025-07-07 07:00'],
    ['on Friday evening before a swapped Friday', at('2026-01-01', '08:00'), '2026-01-05 07:00'],
  ])('%s', (_, from, expected) => {
    const r = due(from, 0, 'working_hours');
    expect(vn(r.startAt)).toBe(expected);
    expect(r.dueAt.getTime()).toBe(r.startAt.getTime());
  });
});

describe('computeDue: working days', () => {
  it('Mon 09:00 + 3 working days = Thu 09:00', () => {
    const r = due(at('2025-07-07', '09:00'), 3, 'working_days');
    expect(vn(r.dueAt)).toBe('2025-07-10 09:00');
    expect(r.skipped).toEqual([]);
  });

  it('Fri 16:00 + 1 working day = Mon 16:00, skipping the weekend', () => {
    const r = due(at('2025-07-04', '16:00'), 1, 'working_days');
    expect(vn(r.dueAt)).toBe('2025-07-07 16:00');
    expect(r.skipped).toEqual([
      { date: '2025-07-05', reason: 'Thứ Bảy' },
      { date: '2025-07-06', reason: 'Chủ nhật' },
    ]);
  });

  it('ends at 17:00 the same day when the time runs out exactly at closing', () => {
    expect(vn(due(at('2025-07-07', '07:00'), 1, 'working_days').dueAt)).toBe('2025-07-07 17:00');
    expect(vn(due(at('2025-07-07', '06:30'), 2, 'working_days').dueAt)).toBe('2025-07-08 17:00');
    expect(vn(due(at('2025-07-07', '07:00'), 4.5, 'working_hours').dueAt)).toBe('2025-07-07 11:30');
  });

  it('crosses 30/4–2/5 and the 3–4/5 weekend (received 2025-04-29)', () => {
    const r = due(at('2025-04-29', '09:00'), 3, 'working_days');
    expect(vn(r.dueAt)).toBe('2025-05-07 09:00');
    expect(r.skipped).toEqual([
      { date: '2025-04-30', reason: 'Ngày Chiến thắng (30/4)' },
      { date: '2025-05-01', reason: 'Ngày Quốc tế Lao động (1/5)' },
      { date: '2025-05-02', reason: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)' },
      { date: '2025-05-03', reason: 'Thứ Bảy' },
      { date: '2025-05-04', reason: 'Chủ nhật' },
    ]);
  });

  it('counts the make-up Saturday 2025-04-26 as a working day', () => {
    const r = due(at('2025-04-25', '16:00'), 1, 'working_days');
    expect(vn(r.dueAt)).toBe('2025-04-26 16:00');
    expect(r.skipped).toEqual([]);
  });

  it('counts the make-up Saturday 2026-01-10 as a working day', () => {
    expect(vn(due(at('2026-01-09', '16:00'), 1, 'working_days').dueAt)).toBe('2026-01-10 16:00');
  });

  it('Fri 2026-02-13 16:00 + 3 working days = Wed 2026-02-25 16:00 across Tết Bính Ngọ', () => {
    const r = due(at('2026-02-13', '16:00'), 3, 'working_days');
    expect(vn(r.dueAt)).toBe('2026-02-25 16:00');
    expect(r.skipped.map((s) => s.date)).toEqual([
      '2026-02-14',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
    ]);
    expect(r.skipped[2]?.reason).toBe('Tết Nguyên đán Bính Ngọ');
  });

  it('2025-08-29 14:00 + 1 working day = 2025-09-03 14:00 across National Day', () => {
    const r = due(at('2025-08-29', '14:00'), 1, 'working_days');
    expect(vn(r.dueAt)).toBe('2025-09-03 14:00');
    expect(r.skipped.map((s) => `${s.date} ${s.reason}`)).toEqual([
      '2025-08-30 Thứ Bảy',
      '2025-08-31 Chủ nhật',
      '2025-09-01 Quốc khánh (2/9)',
      '2025-09-02 Quốc khánh (2/9)',
    ]);
  });

  it('crosses the whole of Tết Ất Tỵ 2025 (25/01–02/02)', () => {
    const r = due(at('2025-01-24', '10:00'), 1, 'working_days');
    expect(vn(r.dueAt)).toBe('2025-02-03 10:00');
    expect(r.skipped).toHaveLength(9);
    expect(r.skipped[2]).toEqual({ date: '2025-01-27', reason: 'Tết Nguyên đán Ất Tỵ (nghỉ bù)' });
  });

  it('lists the receipt day itself when it is not a working day', () => {
    const r = due(at('2025-07-05', '10:00'), 1, 'working_days');
    expect(vn(r.startAt)).toBe('2025-07-07 07:00');
    expect(vn(r.dueAt)).toBe('2025-07-07 17:00');
    expect(r.skipped.map((s) => s.date)).toEqual(['2025-07-05', '2025-07-06']);
  });

  it('supports fractional days (0.5 day = 4 h)', () => {
    expect(vn(due(at('2025-07-07', '09:00'), 0.5, 'working_days').dueAt)).toBe('2025-07-07 15:00');
    expect(vn(due(at('2025-07-07', '09:00'), 0.25, 'working_days').dueAt)).toBe('2025-07-07 11:00');
  });

  it('uses the province office hours (HCMC 07:30–11:30, 13:00–17:00)', () => {
    const hcmc = new WorkCalendar(() => [], {
      amStart: '07:30',
      amEnd: '11:30',
      pmStart: '13:00',
      pmEnd: '17:00',
      sameDayCutoff: '15:00',
    });
    expect(hcmc.workingMinutesPerDay).toBe(480);
    expect(vn(computeDue(hcmc, at('2025-07-07', '07:00'), 1, 'working_days').dueAt)).toBe('2025-07-07 17:00');
    expect(vn(computeDue(hcmc, at('2025-07-07', '11:00'), 1, 'working_hours').dueAt)).toBe(
      '2025-07-07 13:30',
    );
  });
});

describe('computeDue: working hours', () => {
  it('jumps the lunch break', () => {
    expect(vn(due(at('2025-07-07', '11:15'), 0.5, 'working_hours').dueAt)).toBe('2025-07-07 13:45');
    // 90 min before lunch, 150 after it.
    expect(vn(due(at('2025-07-07', '10:00'), 4, 'working_hours').dueAt)).toBe('2025-07-07 16:00');
  });

  it('keeps seconds of the receipt instant', () => {
    const r = due(at('2025-07-07', '09:00', 30), 1, 'working_hours');
    expect(r.dueAt.getTime()).toBe(at('2025-07-07', '10:00', 30).getTime());
  });

  it('rounds to whole minutes', () => {
    expect(vn(due(at('2025-07-07', '09:00'), 1 / 3, 'working_hours').dueAt)).toBe('2025-07-07 09:20');
    expect(due(at('2025-07-07', '09:00'), 0.001, 'working_hours').dueAt).toEqual(at('2025-07-07', '09:00'));
  });
});

describe('computeDue: same day', () => {
  it('14:59 → 17:00 the same day; 15:00 → 17:00 the next working day', () => {
    expect(vn(due(at('2025-07-03', '14:59', 59), 0, 'same_day').dueAt)).toBe('2025-07-03 17:00');
    expect(vn(due(at('2025-07-03', '15:00'), 0, 'same_day').dueAt)).toBe('2025-07-04 17:00');
    expect(vn(due(at('2025-07-04', '15:00'), 0, 'same_day').dueAt)).toBe('2025-07-07 17:00');
  });

  it('counts before opening and lunch as before the cut-off', () => {
    expect(vn(due(at('2025-07-03', '06:00'), 0, 'same_day').dueAt)).toBe('2025-07-03 17:00');
    expect(vn(due(at('2025-07-03', '12:00'), 0, 'same_day').dueAt)).toBe('2025-07-03 17:00');
  });

  it('Friday 2025-04-25 15:30 → make-up Saturday 2025-04-26 17:00', () => {
    const r = due(at('2025-04-25', '15:30'), 0, 'same_day');
    expect(vn(r.dueAt)).toBe('2025-04-26 17:00');
    expect(r.skipped).toEqual([]);
  });

  it('a non-working day moves to the next working day, after the holidays', () => {
    const r = due(at('2025-08-30', '09:00'), 0, 'same_day');
    expect(vn(r.dueAt)).toBe('2025-09-03 17:00');
    expect(r.skipped.map((s) => s.date)).toEqual(['2025-08-30', '2025-08-31', '2025-09-01', '2025-09-02']);
    expect(vn(due(at('2025-08-29', '16:00'), 0, 'same_day').dueAt)).toBe('2025-09-03 17:00');
  });

  it('honours a configured cut-off', () => {
    const c = new WorkCalendar(() => [], { ...DEFAULT_OFFICE_HOURS, sameDayCutoff: '10:00' });
    expect(vn(computeDue(c, at('2025-07-03', '10:00'), 0, 'same_day').dueAt)).toBe('2025-07-04 17:00');
  });
});

describe('computeDue: invalid input', () => {
  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects amount %s', (amount) => {
    expect(() => due(at('2025-07-07', '09:00'), amount, 'working_days')).toThrow(RangeError);
    expect(() => due(at('2025-07-07', '09:00'), amount, 'same_day')).toThrow(RangeError);
  });
  it('rejects an unknown unit and an invalid Date', () => {
    expect(() => due(at('2025-07-07', '09:00'), 1, 'calendar_days' as TimeLimitUnit)).toThrow(RangeError);
    expect(() => due(new Date(Number.NaN), 1, 'working_days')).toThrow(RangeError);
  });
});

describe('workingMinutesBetween / addWorkingMinutes', () => {
  it('measures working time only', () => {
    expect(workingMinutesBetween(cal, at('2025-07-07', '09:00'), at('2025-07-07', '14:00'))).toBe(180);
    expect(workingMinutesBetween(cal, at('2025-07-04', '16:00'), at('2025-07-07', '08:00'))).toBe(120);
    expect(workingMinutesBetween(cal, at('2025-04-29', '00:00'), at('2025-05-06', '00:00'))).toBe(480 * 2);
    expect(workingMinutesBetween(cal, at('2025-07-05', '00:00'), at('2025-07-06', '23:00'))).toBe(0);
  });

  it('is antisymmetric and never returns -0', () => {
    expect(workingMinutesBetween(cal, at('2025-07-07', '14:00'), at('2025-07-07', '09:00'))).toBe(-180);
    expect(
      Object.is(workingMinutesBetween(cal, at('2025-07-05', '14:00'), at('2025-07-05', '09:00')), 0),
    ).toBe(true);
  });

  it('adding zero keeps the instant, even outside office hours', () => {
    expect(addWorkingMinutes(cal, at('2025-07-07', '17:00'), 0)).toEqual(at('2025-07-07', '17:00'));
  });

  it('shifts an appointment by paused working time', () => {
    const paused = workingMinutesBetween(cal, at('2025-07-07', '10:00'), at('2025-07-08', '10:00'));
    expect(paused).toBe(480);
    expect(vn(addWorkingMinutes(cal, at('2025-07-10', '16:00'), paused))).toBe('2025-07-11 16:00');
  });

  it('rejects negative or non-finite minutes', () => {
    expect(() => addWorkingMinutes(cal, at('2025-07-07', '10:00'), -1)).toThrow(RangeError);
    expect(() => addWorkingMinutes(cal, at('2025-07-07', '10:00'), Number.NaN)).toThrow(RangeError);
  });
});
