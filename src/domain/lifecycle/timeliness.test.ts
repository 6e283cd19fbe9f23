import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDaysForYear } from '../calendar/derived-calendar.ts';
import { DEFAULT_OFFICE_HOURS } from '../calendar/types.ts';
import { WorkCalendar, workingMinutesBetween } from '../calendar/work-calendar.ts';
import { classifySettlement, deadlineState, shiftByPause } from './timeliness.ts';

const cal = new WorkCalendar(calendarDaysForYear, DEFAULT_OFFICE_HOURS);
const t = (s: string) => new Date(s);

describe('early / on time / late (§1.4)', () => {
  const dueAt = t('2025-07-04T02:00:00Z'); // Fri 4/7/2025 09:00
  it('is early when finished on an earlier day', () => {
    expect(classifySettlement({ dueAt, endedAt: t('2025-07-03T09:00:00Z') })).toBe('early');
  });
  it('is on time when finished on the due day before the appointment', () => {
    expect(classifySettlement({ dueAt, endedAt: t('2025-07-04T01:00:00Z') })).toBe('on_time');
    expect(classifySettlement({ dueAt, endedAt: dueAt })).toBe('on_time');
  });
  it('is late after the appointment', () => {
    expect(classifySettlement({ dueAt, endedAt: t('2025-07-04T02:00:01Z') })).toBe('late');
  });
  it('counts more than one supplement request as late', () => {
    expect(classifySettlement({ dueAt, endedAt: t('2025-07-01T02:00:00Z'), supplementRequests: 2 })).toBe(
      'late',
    );
    expect(classifySettlement({ dueAt, endedAt: t('2025-07-01T02:00:00Z'), supplementRequests: 1 })).toBe(
      'early',
    );
  });
});

describe('pauses and deadline states', () => {
  it('moves the appointment by the paused working time, skipping the weekend and 2/9', () => {
    // Paused Fri 29/8/2025 09:00 → Wed 3/9/2025 09:00 (30/8–2/9 off).
    const r = shiftByPause(
      cal,
      t('2025-09-05T10:00:00Z'),
      t('2025-08-29T02:00:00Z'),
      t('2025-09-03T02:00:00Z'),
    );
    // Fri 29/8 09:00–11:30 and 13:30–17:00 = 6 h; Wed 3/9 07:00–09:00 = 2 h: one working day.
    expect(r.pausedMinutes).toBe(480);
    // Due Fri 5/9 17:00 + 8 working hours → the whole of Monday 8/9, ending at its close.
    expect(r.dueAt.toISOString()).toBe('2025-09-08T10:00:00.000Z');
  });
  it('counts a pause of a few seconds during office hours as one whole minute', () => {
    const r = shiftByPause(
      cal,
      t('2025-07-04T10:00:00Z'),
      t('2025-07-01T02:00:00Z'),
      t('2025-07-01T02:00:01.725Z'),
    );
    expect(r.pausedMinutes).toBe(1);
    expect(r.dueAt.toISOString()).toBe('2025-07-07T00:01:00.000Z'); // Fri 17:00 + 1 min → Mon 07:01
  });
  it('counts a pause outside office hours as zero minutes', () => {
    const r = shiftByPause(
      cal,
      t('2025-07-04T10:00:00Z'),
      t('2025-07-01T14:00:00Z'),
      t('2025-07-01T14:00:30Z'),
    );
    expect(r).toEqual({ dueAt: t('2025-07-04T10:00:00Z'), pausedMinutes: 0 });
  });
  it('flags due soon within the warning window and overdue after', () => {
    const due = t('2025-07-04T10:00:00Z'); // Fri 17:00
    expect(deadlineState(cal, t('2025-07-01T02:00:00Z'), due, 480)).toBe('on_track');
    expect(deadlineState(cal, t('2025-07-04T02:00:00Z'), due, 480)).toBe('due_soon');
    expect(deadlineState(cal, t('2025-07-04T10:00:01Z'), due, 480)).toBe('overdue');
  });
  it('calls an appointment years ahead on track without counting the years between', () => {
    // An approved apology may set any later date; the calendar ends in 2100.
    expect(deadlineState(cal, t('2025-07-01T02:00:00Z'), t('2999-01-01T02:00:00Z'), 480)).toBe('on_track');
  });
  it('agrees with counting every working minute up to the appointment', () => {
    const instant = fc
      .integer({ min: Date.parse('2025-12-20T00:00:00Z'), max: Date.parse('2026-01-20T00:00:00Z') })
      .map((ms) => new Date(Math.floor(ms / 60_000) * 60_000));
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 0, max: 1500 }), (now, dueAt, warn) => {
        const counted =
          now.getTime() > dueAt.getTime()
            ? 'overdue'
            : workingMinutesBetween(cal, now, dueAt) <= warn
              ? 'due_soon'
              : 'on_track';
        expect(deadlineState(cal, now, dueAt, warn)).toBe(counted);
      }),
      { numRuns: 1000 },
    );
  });
});
