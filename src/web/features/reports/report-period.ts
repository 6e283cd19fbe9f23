import {
  calendarMonth,
  cutoffMonth,
  type PeriodError,
  validatePeriod,
} from '../../../domain/reports/periods.ts';

/**
 * How the user picked the period: a calendar month, a Decree 09/2019 month (15th of the previous
 * month to the 14th), or any from/to (docs/domain-vn.md §6.1: both conventions are in use).
 */
export type PeriodKind = 'month' | 'cutoff' | 'custom';

export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'cutoff', 'custom'];

export interface PeriodChoice {
  kind: PeriodKind;
  /** First day, YYYY-MM-DD (inclusive). */
  from: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  to: string;
}

/** The provincial inspection of 1–2 July 2025 that the demo data tells. */
export const INSPECTION_PERIOD: PeriodChoice = { kind: 'custom', from: '2025-07-01', to: '2025-07-02' };

export function isPeriodKind(value: unknown): value is PeriodKind {
  return PERIOD_KINDS.includes(value as PeriodKind);
}

/** The period of `kind` for month `month` (1–12) of `year`; custom keeps the month's calendar bounds. */
export function monthPeriod(kind: PeriodKind, year: number, month: number): PeriodChoice {
  const p = kind === 'cutoff' ? cutoffMonth(year, month) : calendarMonth(year, month);
  return { kind, ...p };
}

/** The year and month a month-like period is named after (a 15–14 month is named after its end). */
export function periodMonth(choice: PeriodChoice): { year: number; month: number } {
  const day = choice.kind === 'cutoff' ? choice.to : choice.from;
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return {
    year: Number.isInteger(year) && year > 1 ? year : 2025,
    month: Number.isInteger(month) && month >= 1 && month <= 12 ? month : 1,
  };
}

/** The month of `kind` that contains `today` (for a 15–14 month: from the 15th on, the next one). */
export function monthContaining(kind: 'month' | 'cutoff', today: string): PeriodChoice {
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  if (kind === 'cutoff' && Number(today.slice(8, 10)) >= 15) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return monthPeriod(kind, year, month);
}

/** The same kind of period one month earlier. */
export function previousMonth(choice: PeriodChoice): PeriodChoice {
  const { year, month } = periodMonth(choice);
  const kind = choice.kind === 'custom' ? 'month' : choice.kind;
  return month === 1 ? monthPeriod(kind, year - 1, 12) : monthPeriod(kind, year, month - 1);
}

/** Why the choice cannot be reported on, or null. */
export function periodError(choice: PeriodChoice): PeriodError | null {
  return validatePeriod({ from: choice.from, to: choice.to });
}

/** Reads a remembered or linked period; null when it is not a valid one. */
export function parsePeriod(kind: unknown, from: unknown, to: unknown): PeriodChoice | null {
  if (typeof from !== 'string' || typeof to !== 'string') return null;
  const choice: PeriodChoice = { kind: isPeriodKind(kind) ? kind : 'custom', from, to };
  return periodError(choice) ? null : choice;
}

export function samePeriod(a: PeriodChoice, b: PeriodChoice): boolean {
  return a.from === b.from && a.to === b.to;
}
