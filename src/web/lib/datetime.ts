import { vnDateOf } from '../../domain/calendar/vn-time.ts';
import { formatInstant } from './format-instant.ts';

/**
 * Dates on the staff pages. One formatter for instants (`format-instant.ts`, Intl in office time, also used
 * by the light public pages); calendar days never pass through a Date.
 */

/** An instant (ISO 8601) as dd/MM/yyyy HH:mm in office time; empty string for a missing value. */
export function formatDateTime(instant: string | null | undefined): string {
  return formatInstant(instant, 'vi');
}

/** Today's calendar day (YYYY-MM-DD) in Vietnam. */
export function todayInVietnam(now: Date = new Date()): string {
  return vnDateOf(now);
}

/** A calendar day (YYYY-MM-DD) as dd/MM/yyyy, without passing through a Date. */
export function formatPlainDate(day: string): string {
  const [y, m, d] = day.split('-');
  return y && m && d ? `${d}/${m}/${y}` : day;
}
