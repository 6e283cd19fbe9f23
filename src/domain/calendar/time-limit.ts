import type { DueResult, SkippedDay, TimeLimitUnit } from './types.ts';
import { addDays, parseHm, vnDateOf, vnInstant } from './vn-time.ts';
import { computeDue, type WorkCalendar } from './work-calendar.ts';

/** A procedure's time limit as published (docs/domain-vn.md §4.3: DVCQG DonViTinh). */
export interface TimeLimit {
  amount: number;
  unit: TimeLimitUnit | 'calendar_days';
}

/**
 * The appointment for a time limit. Working units use the office-hours arithmetic of computeDue.
 * Limits stated in calendar days (ngày) run from the day after receipt (Civil Code Art. 147) and, when
 * they end on a day off, move to the end of the next working day (Art. 148).
 */
export function dueForTimeLimit(cal: WorkCalendar, from: Date, limit: TimeLimit): DueResult {
  if (limit.unit !== 'calendar_days') return computeDue(cal, from, limit.amount, limit.unit);
  if (!Number.isInteger(limit.amount) || limit.amount < 0)
    throw new RangeError('calendar_days amount must be a whole number >= 0');
  let date = addDays(vnDateOf(from), limit.amount);
  const skipped: SkippedDay[] = [];
  while (!cal.isWorkingDay(date)) {
    skipped.push({ date, reason: cal.nonWorkingReason(date) ?? '' });
    date = addDays(date, 1);
  }
  return { dueAt: vnInstant(date, parseHm(cal.hours.pmEnd)), skipped, startAt: from };
}
