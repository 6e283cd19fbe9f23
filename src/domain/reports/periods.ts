import {
  addDays,
  isPlainDate,
  type PlainDate,
  toEpochDay,
  vnDateOf,
  vnInstant,
  vnMinutesOf,
} from '../calendar/vn-time.ts';

/**
 * A reporting period: inclusive Vietnamese calendar days (Kỳ báo cáo "từ ngày … đến ngày …").
 * Two conventions are in use (docs/domain-vn.md §6.1), so the period is always explicit:
 * - `calendar`: calendar months, quarters, half-years, years (what the provincial system uses);
 * - `cutoff`: Decree 09/2019/NĐ-CP data cut-off — from the 15th of the month before the period's
 *   first month to the 14th of its last month (month: 15/6–14/7; quarter 1: 15/12 of the previous
 *   year–14/3; half-year 1: 15/12–14/6; year: 15/12 of the previous year–14/12).
 */
export type ReportPeriod = { from: PlainDate; to: PlainDate };

export type PeriodConvention = 'calendar' | 'cutoff';
export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

/** Why a period is refused: a date that is not 'YYYY-MM-DD', `from` after `to`, or too many days. */
export type PeriodError = 'invalid_date' | 'inverted' | 'too_long';

export const PERIOD_ERROR_NAMES: Record<PeriodError, string> = {
  invalid_date: 'Ngày không hợp lệ',
  inverted: 'Từ ngày sau đến ngày',
  too_long: 'Kỳ báo cáo quá dài',
};

/** About ten years: longer periods are almost certainly a typing mistake. */
export const DEFAULT_MAX_PERIOD_DAYS = 3700;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function assertInt(name: string, n: number, min: number, max: number): void {
  if (!Number.isInteger(n) || n < min || n > max)
    throw new RangeError(`${name} must be an integer ${min}–${max}: ${n}`);
}

/** Months `first`..`last` of `year` under a convention (throws RangeError outside years 1–9999). */
function monthSpan(convention: PeriodConvention, year: number, first: number, last: number): ReportPeriod {
  assertInt('Year', year, convention === 'cutoff' ? 2 : 1, 9999);
  if (convention === 'calendar') {
    return {
      from: `${pad(year, 4)}-${pad(first, 2)}-01`,
      to: `${pad(year, 4)}-${pad(last, 2)}-${pad(daysInMonth(year, last), 2)}`,
    };
  }
  const fromYear = first === 1 ? year - 1 : year;
  const fromMonth = first === 1 ? 12 : first - 1;
  return { from: `${pad(fromYear, 4)}-${pad(fromMonth, 2)}-15`, to: `${pad(year, 4)}-${pad(last, 2)}-14` };
}

/** Calendar month `month` (1–12) of `year`: 1st to the last day. */
export function calendarMonth(year: number, month: number): ReportPeriod {
  assertInt('Month', month, 1, 12);
  return monthSpan('calendar', year, month, month);
}

/** Decree 09/2019 month `month` of `year`: 15th of the previous month to the 14th of `month`. */
export function cutoffMonth(year: number, month: number): ReportPeriod {
  assertInt('Month', month, 1, 12);
  return monthSpan('cutoff', year, month, month);
}

/** Calendar quarter `quarter` (1–4). */
export function calendarQuarter(year: number, quarter: number): ReportPeriod {
  assertInt('Quarter', quarter, 1, 4);
  return monthSpan('calendar', year, quarter * 3 - 2, quarter * 3);
}

/** Decree 09/2019 quarter `quarter` (1–4): quarter 1 = 15/12 of the previous year to 14/3. */
export function cutoffQuarter(year: number, quarter: number): ReportPeriod {
  assertInt('Quarter', quarter, 1, 4);
  return monthSpan('cutoff', year, quarter * 3 - 2, quarter * 3);
}

/** Calendar half-year `half` (1–2). */
export function calendarHalf(year: number, half: number): ReportPeriod {
  assertInt('Half', half, 1, 2);
  return monthSpan('calendar', year, half * 6 - 5, half * 6);
}

/** Decree 09/2019 half-year `half` (1–2): 15/12 of the previous year to 14/6, or 15/6 to 14/12. */
export function cutoffHalf(year: number, half: number): ReportPeriod {
  assertInt('Half', half, 1, 2);
  return monthSpan('cutoff', year, half * 6 - 5, half * 6);
}

/** Calendar year: 1/1 to 31/12. */
export function calendarYear(year: number): ReportPeriod {
  return monthSpan('calendar', year, 1, 12);
}

/** Decree 09/2019 year: 15/12 of the previous year to 14/12. */
export function cutoffYear(year: number): ReportPeriod {
  return monthSpan('cutoff', year, 1, 12);
}

/**
 * The period of a configured convention: `index` is the month (1–12), quarter (1–4) or half (1–2);
 * ignored for a year.
 */
export function reportPeriod(
  convention: PeriodConvention,
  kind: PeriodKind,
  year: number,
  index = 1,
): ReportPeriod {
  const cutoff = convention === 'cutoff';
  switch (kind) {
    case 'month':
      return cutoff ? cutoffMonth(year, index) : calendarMonth(year, index);
    case 'quarter':
      return cutoff ? cutoffQuarter(year, index) : calendarQuarter(year, index);
    case 'half':
      return cutoff ? cutoffHalf(year, index) : calendarHalf(year, index);
    case 'year':
      return cutoff ? cutoffYear(year) : calendarYear(year);
  }
}

/** Number of days in the period, both ends included (0 or less when inverted). */
export function periodDays(p: ReportPeriod): number {
  return toEpochDay(p.to) - toEpochDay(p.from) + 1;
}

/**
 * Null when the period can be reported on; otherwise why not. `maxDays` bounds the inclusive length.
 * A one-day period (`from` = `to`) is valid.
 */
export function validatePeriod(
  p: ReportPeriod,
  maxDays: number = DEFAULT_MAX_PERIOD_DAYS,
): PeriodError | null {
  if (!isPlainDate(p?.from) || !isPlainDate(p?.to)) return 'invalid_date';
  if (p.from > p.to) return 'inverted';
  if (periodDays(p) > maxDays) return 'too_long';
  return null;
}

/** Bounds of a period as instants: `start` = 00:00 Vietnam time on `from`; `end` = 00:00 on the day after `to` (exclusive). */
export interface PeriodInstants {
  start: Date;
  end: Date;
  /**
   * The report's cut-off (thời điểm chốt số liệu): the earlier of `end` and the moment the report is
   * made. Dossiers still in process are judged "within time" or "overdue" at the cut-off, not at a
   * period end still in the future (docs/domain-vn.md §1.4: an unfinished dossier is judged at the end
   * of the reporting period; for a period still running, that end is now). Absent means `end`.
   */
  cutoff?: Date;
}

/**
 * The instants bounding the period in Vietnam time. An instant `t` is inside the period when
 * `start ≤ t < end`. Throws RangeError for a period `validatePeriod` refuses (without a length limit).
 */
export function periodInstants(p: ReportPeriod): PeriodInstants {
  const err = validatePeriod(p, Number.POSITIVE_INFINITY);
  if (err) throw new RangeError(`Invalid report period (${err}): ${JSON.stringify(p)}`);
  return { start: vnInstant(p.from, 0), end: vnInstant(p.to, 24 * 60) };
}

/**
 * The bounds of `p` as a report made at `now` sees them: `cutoff` is the earlier of the period's end
 * and `now` (docs/domain-vn.md §1.4). A period that has ended keeps its end as cut-off, so its figures
 * do not move with the clock.
 */
export function reportInstants(p: ReportPeriod, now: Date): Required<PeriodInstants> {
  const b = periodInstants(p);
  return { ...b, cutoff: reportCutoff(b, now) };
}

/** The earlier of a period's end and `now`. */
export function reportCutoff(b: PeriodInstants, now: Date): Date {
  return now.getTime() < b.end.getTime() ? now : b.end;
}

/** 'dd/mm/yyyy' of a PlainDate, as printed on forms. */
export function formatDateVi(d: PlainDate): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/** The report header line: 'Từ ngày 15/06/2025 đến ngày 14/07/2025'. */
export function formatPeriodVi(p: ReportPeriod): string {
  return `Từ ngày ${formatDateVi(p.from)} đến ngày ${formatDateVi(p.to)}`;
}

/**
 * How a report's cut-off reads: a cut-off at a Vietnamese midnight is "the end of" the day before it
 * (a period that has ended); any other is a time of day on its date (a period still running).
 */
export type CutoffReading =
  | { kind: 'end_of_day'; day: PlainDate }
  | { kind: 'at'; day: PlainDate; time: string };

export function readCutoff(cutoff: Date): CutoffReading {
  const minutes = vnMinutesOf(cutoff);
  const day = vnDateOf(cutoff);
  if (minutes === 0 && cutoff.getTime() % 60_000 === 0) return { kind: 'end_of_day', day: addDays(day, -1) };
  const hm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { kind: 'at', day, time: hm };
}

/** 'Số liệu tính đến hết ngày 02/07/2025' or 'Số liệu tính đến 10:00 ngày 10/07/2025' (docs/domain-vn.md §1.4). */
export function formatCutoffVi(cutoff: Date): string {
  const r = readCutoff(cutoff);
  return r.kind === 'end_of_day'
    ? `Số liệu tính đến hết ngày ${formatDateVi(r.day)}`
    : `Số liệu tính đến ${r.time} ngày ${formatDateVi(r.day)}`;
}
