/*
 * The hall's figures for the center director (issue 16 item 2): per citizen visit (one ticket), the
 * waiting time — taken at the kiosk → first called — and the service time — the call the citizen
 * answered → finished (dossier received, consultation logged, or served with nothing) —, their p50
 * and p90 by hour of day, field and counter, tickets per day, no-shows and the busiest hours. Pure.
 *
 * Percentiles are nearest-rank: the p-th percentile of n sorted values is the value at rank
 * ⌈p/100 · n⌉ (1-based); a real observed time, never an interpolation, so a hand count gives it.
 */
import { vnWallClockOf } from '../calendar/vn-time.ts';

export type VisitOutcome = 'dossier' | 'consultation' | 'none';

/** One ticket as the report reads it; instants in epoch milliseconds. */
export interface Visit {
  day: string;
  number: number;
  field: string | null;
  counter: number | null;
  status: 'waiting' | 'called' | 'served' | 'no_show';
  outcome: VisitOutcome | null;
  dossierCode: string | null;
  takenMs: number;
  firstCalledMs: number | null;
  calledMs: number | null;
  finishedMs: number | null;
}

/** Nearest-rank percentile of `values` (any order); null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Waiting time in seconds (taken → first called); null when never called. */
export function waitingSeconds(v: Visit): number | null {
  return v.firstCalledMs === null ? null : Math.round((v.firstCalledMs - v.takenMs) / 1000);
}

/** Service time in seconds (the answered call → finished); only for a served ticket. */
export function serviceSeconds(v: Visit): number | null {
  if (v.status !== 'served' || v.calledMs === null || v.finishedMs === null) return null;
  return Math.round((v.finishedMs - v.calledMs) / 1000);
}

export interface TimeFigures {
  /** Tickets in the group. */
  tickets: number;
  served: number;
  noShow: number;
  waitP50: number | null;
  waitP90: number | null;
  serviceP50: number | null;
  serviceP90: number | null;
}

function figures(visits: readonly Visit[]): TimeFigures {
  const waits = visits.map(waitingSeconds).filter((s): s is number => s !== null);
  const services = visits.map(serviceSeconds).filter((s): s is number => s !== null);
  return {
    tickets: visits.length,
    served: visits.filter((v) => v.status === 'served').length,
    noShow: visits.filter((v) => v.status === 'no_show').length,
    waitP50: percentile(waits, 50),
    waitP90: percentile(waits, 90),
    serviceP50: percentile(services, 50),
    serviceP90: percentile(services, 90),
  };
}

function groupBy<K>(visits: readonly Visit[], key: (v: Visit) => K): Map<K, Visit[]> {
  const groups = new Map<K, Visit[]>();
  for (const v of visits) {
    const k = key(v);
    const list = groups.get(k);
    if (list) list.push(v);
    else groups.set(k, [v]);
  }
  return groups;
}

/** Hour of day (0–23, Vietnam time) a ticket was taken: the hour a visit counts in. */
export const hourOf = (v: Visit) => vnWallClockOf(new Date(v.takenMs)).hour;

export interface QueueReport {
  totals: TimeFigures & { outcomes: Record<VisitOutcome, number> };
  /** Every hour of day with at least one ticket, ascending. */
  byHour: Array<TimeFigures & { hour: number }>;
  /** By the field chosen at the kiosk (null: the general line). */
  byField: Array<TimeFigures & { field: string | null }>;
  /** By the counter that called the ticket last (null: never called). */
  byCounter: Array<TimeFigures & { counter: number | null }>;
  perDay: Array<{ day: string; tickets: number; served: number; noShow: number }>;
  /** The hours with the most tickets taken, most first (ties: earlier hour first), at most 3. */
  busiestHours: Array<{ hour: number; tickets: number }>;
}

export function queueReport(visits: readonly Visit[]): QueueReport {
  const outcomes: Record<VisitOutcome, number> = { dossier: 0, consultation: 0, none: 0 };
  for (const v of visits) if (v.status === 'served') outcomes[v.outcome ?? 'none']++;
  const byHour = [...groupBy(visits, hourOf)]
    .sort(([a], [b]) => a - b)
    .map(([hour, list]) => ({ hour, ...figures(list) }));
  const byField = [...groupBy(visits, (v) => v.field)]
    .sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''))
    .map(([field, list]) => ({ field, ...figures(list) }));
  const byCounter = [...groupBy(visits, (v) => v.counter)]
    .sort(([a], [b]) => (a ?? 0) - (b ?? 0))
    .map(([counter, list]) => ({ counter, ...figures(list) }));
  const perDay = [...groupBy(visits, (v) => v.day)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, list]) => {
      const f = figures(list);
      return { day, tickets: f.tickets, served: f.served, noShow: f.noShow };
    });
  const busiestHours = byHour
    .map((h) => ({ hour: h.hour, tickets: h.tickets }))
    .sort((a, b) => b.tickets - a.tickets || a.hour - b.hour)
    .slice(0, 3);
  return { totals: { ...figures(visits), outcomes }, byHour, byField, byCounter, perDay, busiestHours };
}
