import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { PeriodError } from '../../../domain/reports/periods.ts';
import { todayInVietnam } from '../../lib/datetime';
import { readPreference, writePreference } from '../../lib/storage';
import { monthContaining, type PeriodChoice, parsePeriod, periodError } from './report-period';

/** The last period looked at, shared by the reports page, the dashboard and the inspection view. */
export const PERIOD_STORAGE_KEY = 'motcua.reports.period';

function storedPeriod(): PeriodChoice | null {
  const raw = readPreference(PERIOD_STORAGE_KEY);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<PeriodChoice>;
    return parsePeriod(value.kind, value.from, value.to);
  } catch {
    return null;
  }
}

export interface ReportPeriodState {
  choice: PeriodChoice;
  /** Null when the period can be reported on. */
  error: PeriodError | null;
  setChoice: (next: PeriodChoice) => void;
}

/**
 * The reporting period of the page: `?ky=&from=&to=` in the URL (shareable) wins over the remembered
 * one, which wins over the current calendar month. Only valid periods are remembered.
 */
export function useReportPeriod(): ReportPeriodState {
  const [params, setParams] = useSearchParams();
  const kind = params.get('ky');
  const from = params.get('from');
  const to = params.get('to');

  const choice = useMemo<PeriodChoice>(() => {
    if (from !== null && to !== null) {
      return { kind: kind === 'month' || kind === 'cutoff' ? kind : 'custom', from, to };
    }
    return storedPeriod() ?? monthContaining('month', todayInVietnam());
  }, [kind, from, to]);

  const setChoice = useCallback(
    (next: PeriodChoice) => {
      if (!periodError(next)) writePreference(PERIOD_STORAGE_KEY, JSON.stringify(next));
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          updated.set('ky', next.kind);
          updated.set('from', next.from);
          updated.set('to', next.to);
          return updated;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { choice, error: periodError(choice), setChoice };
}

/** `?ky=&from=&to=` for a link that keeps the period. */
export function periodSearch(choice: PeriodChoice): string {
  return new URLSearchParams({ ky: choice.kind, from: choice.from, to: choice.to }).toString();
}
