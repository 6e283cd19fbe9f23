/**
 * Vietnam keeps one fixed offset (UTC+7, no daylight saving), so every conversion here is plain
 * arithmetic on epoch milliseconds. Nothing reads the process time zone: the server may run in UTC
 * and the browser anywhere, and both must agree on which day an instant belongs to.
 */

/** A calendar day written 'YYYY-MM-DD' (years 0001–9999); never an instant. */
export type PlainDate = string;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 60 * MINUTE_MS;
const PLAIN_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True when `s` is a real proleptic-Gregorian day written 'YYYY-MM-DD' (rejects 2025-02-30). */
export function isPlainDate(s: unknown): s is PlainDate {
  if (typeof s !== 'string') return false;
  const m = PLAIN_DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function assertPlainDate(date: string): void {
  if (!isPlainDate(date)) throw new RangeError(`Not a valid YYYY-MM-DD date: ${JSON.stringify(date)}`);
}

/**
 * Days since 1970-01-01 for a civil date. Written out (shifting the year to start in March so the
 * leap day is last) because Date.UTC maps years 0–99 onto 1900–1999.
 */
function epochDayOf(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yearOfEra = yy - era * 400;
  const monthFromMarch = (m + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilOfEpochDay(epochDay: number): [number, number, number] {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const m = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return [y, m, d];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Days since 1970-01-01 of a PlainDate (throws RangeError on an invalid date). */
export function toEpochDay(date: PlainDate): number {
  assertPlainDate(date);
  return epochDayOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** The PlainDate that is `epochDay` days after 1970-01-01 (throws RangeError outside years 1–9999). */
export function fromEpochDay(epochDay: number): PlainDate {
  if (!Number.isSafeInteger(epochDay)) throw new RangeError(`Epoch day must be an integer: ${epochDay}`);
  const [y, m, d] = civilOfEpochDay(epochDay);
  if (y < 1 || y > 9999) throw new RangeError(`Date out of the supported range (years 1–9999): year ${y}`);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function assertValidInstant(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return ms;
}

/** The calendar date in Vietnam (UTC+7) at the given instant. */
export function vnDateOf(instant: Date): PlainDate {
  const ms = assertValidInstant(instant);
  return fromEpochDay(Math.floor((ms + VN_OFFSET_MS) / DAY_MS));
}

/** Office time of every center, as an IANA zone name for Intl and date libraries (UTC+7, no DST). */
export const OFFICE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Wall-clock fields of an instant in Vietnam. */
export interface VnWallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Wall-clock fields of an instant in Vietnam, whatever the process or browser time zone. */
export function vnWallClockOf(instant: Date): VnWallClock {
  const shifted = new Date(assertValidInstant(instant) + VN_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** Year, month and day of an instant (read in Vietnam time) or of a PlainDate (RangeError when not a real day). */
export function vnCalendarDayOf(date: Date | PlainDate): { year: number; month: number; day: number } {
  if (date instanceof Date) return vnWallClockOf(date);
  if (!isPlainDate(date)) throw new RangeError(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** Two digits, zero-padded: 7 → "07". */
export function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * A `datetime-local` value ("2025-07-08T09:30") read as Vietnam office time, as ISO 8601 with +07:00;
 * undefined when the value is not a complete, real date and time.
 */
export function vnLocalToIso(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [, day, h, mi] = match as unknown as [string, string, string, string];
  if (!isPlainDate(day) || Number(h) > 23 || Number(mi) > 59) return undefined;
  return `${day}T${h}:${mi}:00+07:00`;
}

/** An instant as the `datetime-local` value it has in Vietnam office time; empty when not an instant. */
export function isoToVnLocal(instant: string): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return '';
  return new Date(time + VN_OFFSET_MS).toISOString().slice(0, 16);
}

/** Whole minutes elapsed since Vietnamese midnight at the given instant (0..1439, seconds floored). */
export function vnMinutesOf(instant: Date): number {
  const ms = assertValidInstant(instant);
  const intoDay = (((ms + VN_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return Math.floor(intoDay / MINUTE_MS);
}

/** The instant at Vietnamese wall time `minutes` after midnight of `date` (minutes may exceed a day). */
export function vnInstant(date: PlainDate, minutes: number): Date {
  if (!Number.isFinite(minutes)) throw new RangeError(`Minutes must be finite: ${minutes}`);
  return new Date(toEpochDay(date) * DAY_MS - VN_OFFSET_MS + Math.round(minutes * MINUTE_MS));
}

/** The date `n` calendar days after (or before, when negative) `date`. */
export function addDays(date: PlainDate, n: number): PlainDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Day count must be an integer: ${n}`);
  return fromEpochDay(toEpochDay(date) + n);
}

/** Day of the week of `date`: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: PlainDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

/** Minutes after midnight of a 24-hour 'HH:MM' string (00:00–23:59; throws RangeError otherwise). */
export function parseHm(s: string): number {
  const m = HM_RE.exec(s);
  if (!m) throw new RangeError(`Not a valid HH:MM time: ${JSON.stringify(s)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}
