import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { vnDateOf } from '../../domain/calendar/vn-time.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Office time of every center: instants are always shown in Vietnam's zone, whatever the browser's. */
export const OFFICE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** An instant (ISO 8601) as dd/MM/yyyy HH:mm in office time; empty string for a missing value. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const value = dayjs(instant);
  return value.isValid() ? value.tz(OFFICE_TIME_ZONE).format('DD/MM/YYYY HH:mm') : '';
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
