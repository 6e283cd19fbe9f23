import type { DayKind } from './types.ts';
import { isPlainDate, weekdayOf } from './vn-time.ts';

/** One day of an official schedule as an administrator imports it. */
export interface OfficialDayInput {
  date: string;
  kind: DayKind;
}

/** A make-up working day (ngày làm bù) replaces a weekend day: it falls on a Saturday or a Sunday (docs/domain-vn.md §7.3–7.4). */
export function isValidMakeupDay(date: string): boolean {
  if (!isPlainDate(date)) return false;
  const weekday = weekdayOf(date);
  return weekday === 6 || weekday === 0;
}

/**
 * What is wrong with one year's official days off and make-up working days (empty when nothing): a day
 * outside the year, a day listed twice, or a make-up working day that is not a weekend day. Paths name
 * the offending entry (`days.<i>.date` / `days.<i>.kind`).
 */
export function officialYearErrors(
  year: number,
  days: readonly OfficialDayInput[],
): Array<{ path: string; message: string }> {
  const errors: Array<{ path: string; message: string }> = [];
  const seen = new Set<string>();
  for (const [i, d] of days.entries()) {
    if (!d.date.startsWith(`${year}-`))
      errors.push({ path: `days.${i}.date`, message: `Ngày ${d.date} không thuộc năm ${year}` });
    if (seen.has(d.date)) errors.push({ path: `days.${i}.date`, message: `Ngày ${d.date} bị trùng` });
    if (d.kind === 'makeup_workday' && !isValidMakeupDay(d.date))
      errors.push({ path: `days.${i}.kind`, message: 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật' });
    seen.add(d.date);
  }
  return errors;
}
