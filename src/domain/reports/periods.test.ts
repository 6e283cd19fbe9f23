import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromEpochDay, toEpochDay } from '../calendar/vn-time.ts';
import {
  calendarHalf,
  calendarMonth,
  calendarQuarter,
  calendarYear,
  cutoffHalf,
  cutoffMonth,
  cutoffQuarter,
  cutoffYear,
  formatCutoffVi,
  formatPeriodVi,
  type PeriodConvention,
  periodDays,
  periodInstants,
  reportInstants,
  reportPeriod,
  validatePeriod,
} from './periods.ts';

describe('report periods', () => {
  it('calendar month, quarter, half, year', () => {
    expect(calendarMonth(2025, 7)).toEqual({ from: '2025-07-01', to: '2025-07-31' });
    expect(calendarMonth(2024, 2)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(calendarMonth(2025, 2)).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(calendarQuarter(2025, 3)).toEqual({ from: '2025-07-01', to: '2025-09-30' });
    expect(calendarHalf(2025, 2)).toEqual({ from: '2025-07-01', to: '2025-12-31' });
    expect(calendarYear(2025)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
  it('Decree 09/2019 cut-off: 15th of the previous month to the 14th', () => {
    expect(cutoffMonth(2025, 7)).toEqual({ from: '2025-06-15', to: '2025-07-14' });
    expect(cutoffMonth(2026, 1)).toEqual({ from: '2025-12-15', to: '2026-01-14' });
    expect(cutoffQuarter(2026, 1)).toEqual({ from: '2025-12-15', to: '2026-03-14' });
    expect(cutoffQuarter(2025, 3)).toEqual({ from: '2025-06-15', to: '2025-09-14' });
    expect(cutoffHalf(2025, 1)).toEqual({ from: '2024-12-15', to: '2025-06-14' });
    expect(cutoffHalf(2025, 2)).toEqual({ from: '2025-06-15', to: '2025-12-14' });
    expect(cutoffYear(2025)).toEqual({ from: '2024-12-15', to: '2025-12-14' });
  });
  it('configurable convention', () => {
    expect(reportPeriod('cutoff', 'month', 2025, 7)).toEqual(cutoffMonth(2025, 7));
    expect(reportPeriod('calendar', 'quarter', 2025, 2)).toEqual(calendarQuarter(2025, 2));
    expect(reportPeriod('cutoff', 'half', 2025, 2)).toEqual(cutoffHalf(2025, 2));
    expect(reportPeriod('calendar', 'year', 2025)).toEqual(calendarYear(2025));
  });
  it('refuses impossible arguments', () => {
    expect(() => calendarMonth(2025, 13)).toThrow(RangeError);
    expect(() => cutoffQuarter(2025, 0)).toThrow(RangeError);
    expect(() => calendarHalf(2025, 1.5)).toThrow(RangeError);
    expect(() => cutoffYear(1)).toThrow(RangeError);
    expect(() => calendarYear(10_000)).toThrow(RangeError);
  });
  it('validates', () => {
    expect(validatePeriod({ from: '2025-07-01', to: '2025-07-01' })).toBeNull();
    expect(validatePeriod({ from: '2025-07-02', to: '2025-07-01' })).toBe('inverted');
    expect(validatePeriod({ from: '2025-02-29', to: '2025-03-01' })).toBe('invalid_date');
    expect(validatePeriod({ from: '2025-7-1', to: '2025-07-31' })).toBe('invalid_date');
    expect(validatePeriod({ from: '2015-01-01', to: '2025-12-31' })).toBe('too_long');
    expect(validatePeriod({ from: '2025-01-01', to: '2025-12-31' }, 365)).toBeNull();
    expect(validatePeriod({ from: '2025-01-01', to: '2026-01-01' }, 365)).toBe('too_long');
  });
  it('bounds in Vietnam time: 00:00 of from to 00:00 of the day after to', () => {
    const b = periodInstants({ from: '2025-07-01', to: '2025-07-02' });
    expect(b.start.toISOString()).toBe('2025-06-30T17:00:00.000Z');
    expect(b.end.toISOString()).toBe('2025-07-02T17:00:00.000Z');
    expect(() => periodInstants({ from: '2025-07-02', to: '2025-07-01' })).toThrow(RangeError);
  });
  it('formats the header line', () => {
    expect(formatPeriodVi(cutoffMonth(2025, 7))).toBe('Từ ngày 15/06/2025 đến ngày 14/07/2025');
  });
});

describe('report periods (properties)', () => {
  const convention = fc.constantFrom<PeriodConvention>('calendar', 'cutoff');
  const year = fc.integer({ min: 2, max: 9998 });

  it('consecutive months tile the timeline in both conventions', () => {
    fc.assert(
      fc.property(convention, year, fc.integer({ min: 1, max: 12 }), (c, y, m) => {
        const p = reportPeriod(c, 'month', y, m);
        const next = m === 12 ? reportPeriod(c, 'month', y + 1, 1) : reportPeriod(c, 'month', y, m + 1);
        expect(addDays(p.to, 1)).toBe(next.from);
        expect(validatePeriod(p)).toBeNull();
        expect(periodDays(p)).toBeGreaterThanOrEqual(28);
        expect(periodDays(p)).toBeLessThanOrEqual(31);
      }),
    );
  });
  it('quarters, halves and years are unions of their months', () => {
    fc.assert(
      fc.property(convention, year, (c, y) => {
        for (let q = 1; q <= 4; q++) {
          expect(reportPeriod(c, 'quarter', y, q)).toEqual({
            from: reportPeriod(c, 'month', y, 3 * q - 2).from,
            to: reportPeriod(c, 'month', y, 3 * q).to,
          });
        }
        for (let h = 1; h <= 2; h++) {
          expect(reportPeriod(c, 'half', y, h)).toEqual({
            from: reportPeriod(c, 'month', y, 6 * h - 5).from,
            to: reportPeriod(c, 'month', y, 6 * h).to,
          });
        }
        const yr = reportPeriod(c, 'year', y);
        expect(yr).toEqual({
          from: reportPeriod(c, 'month', y, 1).from,
          to: reportPeriod(c, 'month', y, 12).to,
        });
        expect(periodDays(yr)).toBe(periodDays(calendarYear(y)));
      }),
    );
  });
  it('bounds span exactly the days of the period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_900_000 }), fc.integer({ min: 0, max: 4000 }), (d, len) => {
        const p = { from: fromEpochDay(d - 700_000), to: fromEpochDay(d - 700_000 + len) };
        const b = periodInstants(p);
        expect(b.end.getTime() - b.start.getTime()).toBe((len + 1) * 86_400_000);
        expect(periodDays(p)).toBe(toEpochDay(p.to) - toEpochDay(p.from) + 1);
        expect(validatePeriod(p)).toBe(len + 1 > 3700 ? 'too_long' : null);
      }),
    );
  });
});

describe('report cut-off (docs/domain-vn.md §1.4)', () => {
  const july = { from: '2025-07-01', to: '2025-07-31' } as const;
  it('is the period end once the period has ended, and now while it runs', () => {
    const after = new Date('2025-08-05T03:00:00Z');
    const during = new Date('2025-07-10T03:00:00Z');
    expect(reportInstants(july, after).cutoff).toEqual(new Date('2025-07-31T17:00:00Z'));
    expect(reportInstants(july, during).cutoff).toEqual(during);
  });
  it('reads as the end of the last day, or as a time of day', () => {
    expect(formatCutoffVi(new Date('2025-07-31T17:00:00Z'))).toBe('Số liệu tính đến hết ngày 31/07/2025');
    expect(formatCutoffVi(new Date('2025-07-10T03:05:30Z'))).toBe('Số liệu tính đến 10:05 ngày 10/07/2025');
  });
});
