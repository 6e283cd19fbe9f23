import {
  type CalendarDay,
  DAY_KINDS,
  type DueResult,
  type OfficeHours,
  type SkippedDay,
  type TimeLimitUnit,
} from './types.ts';
import {
  addDays,
  fromEpochDay,
  isPlainDate,
  type PlainDate,
  parseHm,
  toEpochDay,
  vnDateOf,
  vnInstant,
  vnMinutesOf,
  weekdayOf,
} from './vn-time.ts';

const MINUTE_MS = 60_000;

/** One stretch of working time on one day, as epoch milliseconds [start, end). */
type Period = readonly [start: number, end: number];

function assertDate(date: PlainDate): void {
  if (!isPlainDate(date)) throw new RangeError(`Not a valid YYYY-MM-DD date: ${JSON.stringify(date)}`);
}

function assertInstant(instant: Date, what: string): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${what} must be a valid Date`);
  return ms;
}

/** The listed days (days off, make-up working days) of one year, asked once per year a calendar needs. */
export type YearDays = (year: number) => readonly CalendarDay[];

/** Years a working calendar answers for: the lunar calendar and the holiday rules are trusted within. */
export const CALENDAR_YEARS: Readonly<{ min: number; max: number }> = Object.freeze({ min: 2000, max: 2100 });

/** A date outside the years a calendar answers for: refused, never counted without its holidays. */
export class CalendarRangeError extends RangeError {
  constructor(
    readonly year: number,
    readonly years: { min: number; max: number },
  ) {
    super(`The working calendar covers ${years.min}–${years.max}, not ${year}`);
    this.name = 'CalendarRangeError';
  }
}

export interface CalendarOptions {
  /** Years the calendar answers for (default CALENDAR_YEARS). */
  years?: { min: number; max: number };
  /** The error to throw for a date outside `years` (default CalendarRangeError). */
  outOfRange?: (year: number) => Error;
}

/**
 * Which days are worked and when. Days not listed follow the Monday–Friday rule; a listed day
 * overrides it. A year's days are taken from `yearDays` the first time any date of that year is asked
 * about and kept, so a calendar never answers for a year it has not loaded: there is no range to
 * outgrow. When a year lists a date twice the later entry wins, so an administrator's overrides can
 * simply be appended to the official schedule.
 */
export class WorkCalendar {
  readonly hours: OfficeHours;
  /** Working minutes in a full working day (8 h with the default hours). */
  readonly workingMinutesPerDay: number;
  readonly #days = new Map<PlainDate, CalendarDay>();
  readonly #loaded = new Set<number>();
  readonly #yearDays: YearDays;
  readonly #years: { min: number; max: number };
  readonly #outOfRange: (year: number) => Error;
  readonly #periodMinutes: readonly (readonly [number, number])[];
  /** Per year: working days before each day of the year (index = day of year, 0-based), built on first use. */
  readonly #workingBefore = new Map<number, Int32Array>();

  constructor(yearDays: YearDays, hours: OfficeHours, options: CalendarOptions = {}) {
    const amStart = parseHm(hours.amStart);
    const amEnd = parseHm(hours.amEnd);
    const pmStart = parseHm(hours.pmStart);
    const pmEnd = parseHm(hours.pmEnd);
    // Overlapping or reversed periods would make the consumed time ambiguous, so refuse them early.
    if (!(amStart < amEnd && amEnd <= pmStart && pmStart < pmEnd)) {
      throw new RangeError(
        `Office hours must satisfy amStart < amEnd <= pmStart < pmEnd: ${JSON.stringify(hours)}`,
      );
    }
    // A cut-off after closing would make a same-day dossier due before it was received.
    if (parseHm(hours.sameDayCutoff) > pmEnd) {
      throw new RangeError(`sameDayCutoff must not be after pmEnd: ${JSON.stringify(hours)}`);
    }
    const years = options.years ?? CALENDAR_YEARS;
    if (!(Number.isInteger(years.min) && Number.isInteger(years.max) && years.min <= years.max)) {
      throw new RangeError(`Calendar years must be whole and in order: ${JSON.stringify(years)}`);
    }
    this.hours = Object.freeze({ ...hours });
    this.#periodMinutes = [
      [amStart, amEnd],
      [pmStart, pmEnd],
    ];
    this.workingMinutesPerDay = amEnd - amStart + (pmEnd - pmStart);
    this.#yearDays = yearDays;
    this.#years = Object.freeze({ ...years });
    this.#outOfRange = options.outOfRange ?? ((year) => new CalendarRangeError(year, this.#years));
  }

  /** The years loaded so far, in order. */
  get loadedYears(): number[] {
    return [...this.#loaded].sort((a, b) => a - b);
  }

  #load(year: number): void {
    if (year < this.#years.min || year > this.#years.max) throw this.#outOfRange(year);
    const prefix = `${String(year).padStart(4, '0')}-`;
    const days = new Map<PlainDate, CalendarDay>();
    for (const day of this.#yearDays(year)) {
      assertDate(day.date);
      // A day filed under another year would be silently ignored there, or override that year's own list.
      if (!day.date.startsWith(prefix)) throw new RangeError(`${day.date} listed among the days of ${year}`);
      if (!DAY_KINDS.includes(day.kind)) {
        throw new RangeError(`Unknown day kind ${JSON.stringify(day.kind)} on ${day.date}`);
      }
      days.set(day.date, day);
    }
    // Only a fully checked year is kept: a failed load is tried again, never half-applied.
    for (const [date, day] of days) this.#days.set(date, day);
    this.#loaded.add(year);
  }

  /** The entry listed for a valid `date`, loading its year first if needed. */
  #entry(date: PlainDate): CalendarDay | undefined {
    const year = Number(date.slice(0, 4));
    if (!this.#loaded.has(year)) this.#load(year);
    return this.#days.get(date);
  }

  /** True when `date` is worked: Monday–Friday unless listed as a day off, or a listed make-up workday. */
  isWorkingDay(date: PlainDate): boolean {
    assertDate(date);
    const info = this.#entry(date);
    if (info) return info.kind === 'makeup_workday';
    const weekday = weekdayOf(date);
    return weekday >= 1 && weekday <= 5;
  }

  /** Working days before each day of `year` (and the year's total at the end), counted once per year. */
  #prefix(year: number): Int32Array {
    const found = this.#workingBefore.get(year);
    if (found) return found;
    const first = toEpochDay(`${String(year).padStart(4, '0')}-01-01`);
    const days = toEpochDay(`${String(year + 1).padStart(4, '0')}-01-01`) - first;
    const before = new Int32Array(days + 1);
    for (let i = 0; i < days; i++) {
      before[i + 1] = before[i]! + (this.isWorkingDay(fromEpochDay(first + i)) ? 1 : 0);
    }
    this.#workingBefore.set(year, before);
    return before;
  }

  /**
   * Working days from `from` to `to`, both included (0 when `to` is before `from`). Counted from per-year
   * running totals, so a span of years costs a few lookups instead of a walk over every day.
   */
  workingDaysBetween(from: PlainDate, to: PlainDate): number {
    assertDate(from);
    assertDate(to);
    if (to < from) return 0;
    const countUpTo = (date: PlainDate, inclusive: boolean) => {
      const year = Number(date.slice(0, 4));
      const dayOfYear = toEpochDay(date) - toEpochDay(`${date.slice(0, 4)}-01-01`);
      return { year, n: this.#prefix(year)[dayOfYear + (inclusive ? 1 : 0)]! };
    };
    const a = countUpTo(from, false);
    const b = countUpTo(to, true);
    let total = b.n - a.n;
    for (let y = a.year; y < b.year; y++) total += this.#prefix(y).at(-1)!;
    return total;
  }

  /** The calendar entry listed for `date`, if any. */
  dayInfo(date: PlainDate): CalendarDay | undefined {
    assertDate(date);
    return this.#entry(date);
  }

  /** Why `date` is not worked, in Vietnamese ('Thứ Bảy', 'Chủ nhật' or its name); undefined if worked. */
  nonWorkingReason(date: PlainDate): string | undefined {
    if (this.isWorkingDay(date)) return undefined;
    const info = this.#entry(date);
    if (info) return info.name;
    return weekdayOf(date) === 6 ? 'Thứ Bảy' : 'Chủ nhật';
  }

  /** Working periods of `date` in time order as [start, end) instants; empty on a day off. */
  workingPeriods(date: PlainDate): { start: Date; end: Date }[] {
    if (!this.isWorkingDay(date)) return [];
    return this.#periodMinutes.map(([s, e]) => ({ start: vnInstant(date, s), end: vnInstant(date, e) }));
  }
}

function periodsOf(cal: WorkCalendar, date: PlainDate): Period[] {
  return cal.workingPeriods(date).map(({ start, end }) => [start.getTime(), end.getTime()]);
}

/** First instant at or after `from` that lies inside a working period (a period's end does not count). */
function startOfWork(cal: WorkCalendar, from: Date): Date {
  const t = assertInstant(from, 'from');
  // The calendar refuses a date past its last year, which bounds this loop even with no working days.
  for (let date = vnDateOf(from); ; date = addDays(date, 1)) {
    for (const [start, end] of periodsOf(cal, date)) {
      if (end > t) return new Date(Math.max(start, t));
    }
  }
}

function nextWorkingDayAfter(cal: WorkCalendar, date: PlainDate): PlainDate {
  let d = addDays(date, 1);
  while (!cal.isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** The earliest instant at or after `from` with exactly `minutes` of working time in between. */
export function addWorkingMinutes(cal: WorkCalendar, from: Date, minutes: number): Date {
  const t = assertInstant(from, 'from');
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`Working minutes must be a finite number >= 0: ${minutes}`);
  }
  let remaining = Math.round(minutes * MINUTE_MS);
  if (remaining === 0) return new Date(t);
  for (let date = vnDateOf(from); ; date = addDays(date, 1)) {
    for (const [start, end] of periodsOf(cal, date)) {
      if (end <= t) continue;
      const begin = Math.max(start, t);
      const available = end - begin;
      // `<=` keeps a deadline that ends exactly at closing time on that day instead of the next morning.
      if (remaining <= available) return new Date(begin + remaining);
      remaining -= available;
    }
  }
}

/** Working time in minutes between two instants; negative when `b` is before `a`. */
export function workingMinutesBetween(cal: WorkCalendar, a: Date, b: Date): number {
  const ta = assertInstant(a, 'a');
  const tb = assertInstant(b, 'b');
  if (tb < ta) {
    const forward = workingMinutesBetween(cal, b, a);
    return forward === 0 ? 0 : -forward;
  }
  const firstDate = vnDateOf(a);
  const lastDate = vnDateOf(b);
  const overlapOn = (date: PlainDate) => {
    let ms = 0;
    for (const [start, end] of periodsOf(cal, date)) {
      const overlap = Math.min(end, tb) - Math.max(start, ta);
      if (overlap > 0) ms += overlap;
    }
    return ms;
  };
  if (firstDate === lastDate) return overlapOn(firstDate) / MINUTE_MS;
  // The first and last days in part; every working day in between in full (the same hours every day).
  // Summed in whole milliseconds and divided once: a fraction of a minute plus whole minutes rounds
  // differently from the same total divided at once (42292.16623333334 against …33).
  const between = cal.workingDaysBetween(addDays(firstDate, 1), addDays(lastDate, -1));
  const fullMs = between * cal.workingMinutesPerDay * MINUTE_MS;
  return (overlapOn(firstDate) + overlapOn(lastDate) + fullMs) / MINUTE_MS;
}

function skippedDays(cal: WorkCalendar, fromDate: PlainDate, dueDate: PlainDate): SkippedDay[] {
  const skipped: SkippedDay[] = [];
  for (let date = fromDate; date <= dueDate; date = addDays(date, 1)) {
    const reason = cal.nonWorkingReason(date);
    if (reason !== undefined) skipped.push({ date, reason });
  }
  return skipped;
}

/** Appointment instant for a time limit counted from `from` under the rules of docs/domain-vn.md §7. */
export function computeDue(cal: WorkCalendar, from: Date, amount: number, unit: TimeLimitUnit): DueResult {
  assertInstant(from, 'from');
  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`Time-limit amount must be a finite number >= 0: ${amount}`);
  }
  const startAt = startOfWork(cal, from);
  let dueAt: Date;
  switch (unit) {
    case 'working_hours':
      dueAt = addWorkingMinutes(cal, startAt, Math.round(amount * 60));
      break;
    case 'working_days':
      // A working day is a quantity of working time, so a dossier received mid-morning is due mid-morning.
      dueAt = addWorkingMinutes(cal, startAt, Math.round(amount * cal.workingMinutesPerDay));
      break;
    case 'same_day': {
      const fromDate = vnDateOf(from);
      const beforeCutoff = cal.isWorkingDay(fromDate) && vnMinutesOf(from) < parseHm(cal.hours.sameDayCutoff);
      const dueDate = beforeCutoff ? fromDate : nextWorkingDayAfter(cal, fromDate);
      dueAt = vnInstant(dueDate, parseHm(cal.hours.pmEnd));
      break;
    }
    default: {
      // Units arrive from the database and the API; an unknown one must not silently mean "no deadline".
      const unknown: never = unit;
      throw new RangeError(`Unknown time-limit unit: ${JSON.stringify(unknown)}`);
    }
  }
  return { dueAt, startAt, skipped: skippedDays(cal, vnDateOf(from), vnDateOf(dueAt)) };
}
