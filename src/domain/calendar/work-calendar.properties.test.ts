import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarDaysForYear } from './derived-calendar.ts';
import { DEFAULT_OFFICE_HOURS, type TimeLimitUnit } from './types.ts';
import { addDays, vnDateOf, vnInstant, vnMinutesOf } from './vn-time.ts';
import { addWorkingMinutes, computeDue, WorkCalendar, workingMinutesBetween } from './work-calendar.ts';

/** 2025 and 2026 official, 2027 derived, so deadlines late in 2026 still see the next year's holidays. */
const cal = new WorkCalendar(calendarDaysForYear, DEFAULT_OFFICE_HOURS);

/** Readable Vietnamese wall time of an instant: 'YYYY-MM-DD HH:MM'. */
function vn(d: Date): string {
  const m = vnMinutesOf(d);
  return `${vnDateOf(d)} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const RANGE_START = vnInstant('2025-01-01', 0).getTime();
const RANGE_END = vnInstant('2026-11-30', 0).getTime();
/** Receipt instants with whole minutes, across both official years. */
const minuteArb = fc
  .integer({ min: RANGE_START / 60_000, max: RANGE_END / 60_000 })
  .map((m) => new Date(m * 60_000));
/** Receipt instants with seconds and milliseconds. */
const instantArb = fc.integer({ min: RANGE_START, max: RANGE_END }).map((ms) => new Date(ms));
const unitArb = fc.constantFrom<TimeLimitUnit>('working_days', 'working_hours', 'same_day');
/** Amounts as used in procedure records: whole, halves, quarters, or arbitrary minutes of an hour. */
const amountArb = fc.oneof(
  fc.integer({ min: 0, max: 40 }),
  fc.integer({ min: 0, max: 160 }).map((q) => q / 4),
  fc.integer({ min: 0, max: 6000 }).map((m) => m / 60),
);

function insideOfficeHours(c: WorkCalendar, d: Date): boolean {
  return c.workingPeriods(vnDateOf(d)).some((p) => p.start <= d && d <= p.end);
}

/** Independent oracle: walk minute by minute, counting minutes inside the default office hours. */
function bruteForceAdd(c: WorkCalendar, from: Date, minutes: number): Date {
  if (minutes === 0) return from;
  let t = from.getTime();
  let left = minutes;
  for (;;) {
    const m = vnMinutesOf(new Date(t));
    const working =
      c.isWorkingDay(vnDateOf(new Date(t))) && ((m >= 420 && m < 690) || (m >= 810 && m < 1020));
    t += 60_000;
    if (working && --left === 0) return new Date(t);
  }
}

describe('computeDue properties', () => {
  it('due is never before the receipt and lies on a working day within office hours', () => {
    fc.assert(
      fc.property(instantArb, amountArb, unitArb, (from, amount, unit) => {
        const r = computeDue(cal, from, amount, unit);
        expect(r.startAt.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(r.dueAt.getTime()).toBeGreaterThanOrEqual(r.startAt.getTime());
        expect(cal.isWorkingDay(vnDateOf(r.dueAt))).toBe(true);
        expect(insideOfficeHours(cal, r.dueAt)).toBe(true);
        expect(workingMinutesBetween(cal, from, r.startAt)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('consumes exactly amount × 60 working minutes for working_hours', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 0, max: 6000 }), (from, minutes) => {
        const r = computeDue(cal, from, minutes / 60, 'working_hours');
        expect(workingMinutesBetween(cal, r.startAt, r.dueAt)).toBe(minutes);
        expect(workingMinutesBetween(cal, from, r.dueAt)).toBe(minutes);
      }),
      { numRuns: 300 },
    );
  });

  it('consumes amount × 480 working minutes for working_days', () => {
    fc.assert(
      fc.property(minuteArb, fc.integer({ min: 0, max: 120 }), (from, quarters) => {
        const r = computeDue(cal, from, quarters / 4, 'working_days');
        expect(workingMinutesBetween(cal, r.startAt, r.dueAt)).toBe(quarters * 120);
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with a minute-by-minute walk', () => {
    fc.assert(
      fc.property(minuteArb, fc.integer({ min: 0, max: 3 * 480 }), (from, minutes) => {
        const r = computeDue(cal, from, minutes / 60, 'working_hours');
        expect(vn(r.dueAt)).toBe(vn(bruteForceAdd(cal, r.startAt, minutes)));
      }),
      { numRuns: 150 },
    );
  });

  it('is monotonic in the amount', () => {
    fc.assert(
      fc.property(instantArb, amountArb, amountArb, unitArb, (from, a, b, unit) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const dueLo = computeDue(cal, from, lo, unit).dueAt.getTime();
        const dueHi = computeDue(cal, from, hi, unit).dueAt.getTime();
        expect(dueLo).toBeLessThanOrEqual(dueHi);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotonic in the receipt instant', () => {
    fc.assert(
      fc.property(instantArb, instantArb, amountArb, unitArb, (a, b, amount, unit) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const dueEarly = computeDue(cal, early, amount, unit).dueAt.getTime();
        expect(dueEarly).toBeLessThanOrEqual(computeDue(cal, late, amount, unit).dueAt.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('lists exactly the non-working days from the receipt day to the due day, in order', () => {
    fc.assert(
      fc.property(instantArb, amountArb, unitArb, (from, amount, unit) => {
        const r = computeDue(cal, from, amount, unit);
        const expected: string[] = [];
        for (let d = vnDateOf(from); d <= vnDateOf(r.dueAt); d = addDays(d, 1)) {
          if (!cal.isWorkingDay(d)) expected.push(d);
        }
        expect(r.skipped.map((s) => s.date)).toEqual(expected);
        for (const s of r.skipped) expect(s.reason).toBe(cal.nonWorkingReason(s.date));
      }),
      { numRuns: 200 },
    );
  });

  it('same_day is due at closing time of the receipt day or of the next working day', () => {
    fc.assert(
      fc.property(instantArb, (from) => {
        const r = computeDue(cal, from, 0, 'same_day');
        const day = vnDateOf(from);
        expect(vnMinutesOf(r.dueAt)).toBe(17 * 60);
        const sameDay = cal.isWorkingDay(day) && vnMinutesOf(from) < 15 * 60;
        if (sameDay) expect(vnDateOf(r.dueAt)).toBe(day);
        else {
          expect(vnDateOf(r.dueAt) > day).toBe(true);
          for (let d = addDays(day, 1); d < vnDateOf(r.dueAt); d = addDays(d, 1)) {
            expect(cal.isWorkingDay(d)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('addWorkingMinutes properties', () => {
  it('returns the earliest instant with that much working time', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 5000 }), (from, minutes) => {
        const end = addWorkingMinutes(cal, from, minutes);
        expect(workingMinutesBetween(cal, from, end)).toBe(minutes);
        expect(workingMinutesBetween(cal, from, new Date(end.getTime() - 1))).toBeLessThan(minutes);
      }),
      { numRuns: 300 },
    );
  });

  it('is additive', () => {
    fc.assert(
      fc.property(instantArb, fc.nat(3000), fc.nat(3000), (from, a, b) => {
        const stepwise = addWorkingMinutes(cal, addWorkingMinutes(cal, from, a), b);
        expect(stepwise.getTime()).toBe(addWorkingMinutes(cal, from, a + b).getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('workingMinutesBetween is additive over a middle point', () => {
    fc.assert(
      fc.property(instantArb, instantArb, instantArb, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        expect(workingMinutesBetween(cal, a, b) + workingMinutesBetween(cal, b, c)).toBeCloseTo(
          workingMinutesBetween(cal, a, c),
          9,
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('independence from the process time zone', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('counts working minutes over long spans as a walk over every day does (holidays, make-up days, year ends)', () => {
    /** Independent oracle: every day from a's to b's, each working period clipped to [a, b]. */
    const walk = (a: Date, b: Date) => {
      let ms = 0;
      for (let d = vnDateOf(a); d <= vnDateOf(b); d = addDays(d, 1)) {
        for (const p of cal.workingPeriods(d)) {
          const overlap = Math.min(p.end.getTime(), b.getTime()) - Math.max(p.start.getTime(), a.getTime());
          if (overlap > 0) ms += overlap;
        }
      }
      return ms / 60_000;
    };
    const wideArb = fc
      .integer({ min: vnInstant('2024-06-01', 0).getTime(), max: vnInstant('2027-12-31', 0).getTime() })
      .map((ms) => new Date(ms));
    fc.assert(
      fc.property(wideArb, wideArb, (x, y) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        expect(workingMinutesBetween(cal, a, b)).toBe(walk(a, b));
        expect(workingMinutesBetween(cal, b, a)).toBe(a.getTime() === b.getTime() ? 0 : -walk(a, b) || 0);
        let days = 0;
        for (let d = vnDateOf(a); d <= vnDateOf(b); d = addDays(d, 1)) if (cal.isWorkingDay(d)) days++;
        expect(cal.workingDaysBetween(vnDateOf(a), vnDateOf(b))).toBe(days);
        expect(cal.workingDaysBetween(vnDateOf(b), vnDateOf(a))).toBe(vnDateOf(a) === vnDateOf(b) ? days : 0);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same results under UTC, Los Angeles and Kiritimati (UTC+14)', () => {
    const cases = fc.sample(fc.tuple(instantArb, amountArb, unitArb), { numRuns: 60, seed: 42 });
    const run = () =>
      cases.map(([from, amount, unit]) => {
        const r = computeDue(cal, from, amount, unit);
        return [r.startAt.getTime(), r.dueAt.getTime(), r.skipped.map((s) => s.date).join(',')];
      });
    process.env.TZ = 'UTC';
    const utcOffset = new Date(Date.UTC(2025, 6, 1)).getTimezoneOffset();
    const inUtc = run();
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
      process.env.TZ = tz;
      // Guard: the zone change must really reach Date, or this test would prove nothing.
      expect(new Date(Date.UTC(2025, 6, 1)).getTimezoneOffset()).not.toBe(utcOffset);
      expect(run()).toEqual(inUtc);
    }
  });
});
