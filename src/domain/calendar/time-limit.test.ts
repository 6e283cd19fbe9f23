import { describe, expect, it } from 'vitest';
import { calendarDaysForYear } from './derived-calendar.ts';
import { dueForTimeLimit } from './time-limit.ts';
import { DEFAULT_OFFICE_HOURS } from './types.ts';
import { WorkCalendar } from './work-calendar.ts';

const cal = new WorkCalendar(calendarDaysForYear, DEFAULT_OFFICE_HOURS);

describe('dueForTimeLimit', () => {
  it('counts calendar days from the day after receipt and ends at close of business', () => {
    // Received Thu 2025-07-03; 45 days later is Sun 2025-08-17 → moves to Mon 2025-08-18 17:00 (+07:00).
    const due = dueForTimeLimit(cal, new Date('2025-07-03T02:00:00Z'), { amount: 45, unit: 'calendar_days' });
    expect(due.dueAt.toISOString()).toBe('2025-08-18T10:00:00.000Z');
    expect(due.skipped.map((s) => s.date)).toEqual(['2025-08-17']);
  });

  it('moves a calendar-day deadline over a holiday run', () => {
    // 2025-08-27 + 5 days = Mon 2025-09-01 (National Day holiday) → 02/09 holiday → Wed 2025-09-03.
    const due = dueForTimeLimit(cal, new Date('2025-08-27T03:00:00Z'), { amount: 5, unit: 'calendar_days' });
    expect(due.dueAt.toISOString()).toBe('2025-09-03T10:00:00.000Z');
    expect(due.skipped.map((s) => s.date)).toEqual(['2025-09-01', '2025-09-02']);
  });

  it('delegates working units to the office-hours arithmetic', () => {
    const due = dueForTimeLimit(cal, new Date('2025-07-01T02:00:00Z'), { amount: 3, unit: 'working_days' });
    expect(due.dueAt.toISOString()).toBe('2025-07-04T02:00:00.000Z');
  });
});
