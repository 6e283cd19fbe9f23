import { describe, expect, it } from 'vitest';
import {
  INSPECTION_PERIOD,
  monthContaining,
  monthPeriod,
  parsePeriod,
  periodError,
  periodMonth,
  previousMonth,
} from './report-period';

describe('report periods of the web pickers', () => {
  it('a calendar month runs from the 1st to its last day; a 15–14 month is named after its end', () => {
    expect(monthPeriod('month', 2024, 2)).toEqual({ kind: 'month', from: '2024-02-01', to: '2024-02-29' });
    expect(monthPeriod('cutoff', 2025, 1)).toEqual({ kind: 'cutoff', from: '2024-12-15', to: '2025-01-14' });
    expect(periodMonth(monthPeriod('cutoff', 2025, 1))).toEqual({ year: 2025, month: 1 });
  });

  it('the 15–14 month containing a day moves on from the 15th, across the year end', () => {
    expect(monthContaining('cutoff', '2025-07-14')).toMatchObject({ from: '2025-06-15', to: '2025-07-14' });
    expect(monthContaining('cutoff', '2025-07-15')).toMatchObject({ from: '2025-07-15', to: '2025-08-14' });
    expect(monthContaining('cutoff', '2025-12-20')).toMatchObject({ from: '2025-12-15', to: '2026-01-14' });
    expect(monthContaining('month', '2025-12-20')).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('the previous month keeps the convention and crosses the year; a custom period steps back by calendar month', () => {
    expect(previousMonth(monthPeriod('month', 2025, 1))).toMatchObject({ kind: 'month', from: '2024-12-01' });
    expect(previousMonth(monthPeriod('cutoff', 2025, 1))).toMatchObject({
      kind: 'cutoff',
      from: '2024-11-15',
      to: '2024-12-14',
    });
    expect(previousMonth(INSPECTION_PERIOD)).toMatchObject({
      kind: 'month',
      from: '2025-06-01',
      to: '2025-06-30',
    });
  });

  it('only valid periods are accepted from the URL or storage', () => {
    expect(parsePeriod('custom', '2025-07-01', '2025-07-02')).toEqual(INSPECTION_PERIOD);
    expect(parsePeriod('weird', '2025-07-01', '2025-07-02')?.kind).toBe('custom');
    expect(parsePeriod('custom', '2025-07-02', '2025-07-01')).toBeNull();
    expect(parsePeriod('custom', '2025-13-01', '2025-07-01')).toBeNull();
    expect(parsePeriod('custom', 20250701, '2025-07-01')).toBeNull();
    expect(periodError({ kind: 'custom', from: '', to: '2025-07-01' })).toBe('invalid_date');
  });
});
