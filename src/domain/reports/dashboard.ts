import type { IndicatorValue } from './index-766.ts';
import { percent } from './index-766.ts';
import type { SettlementCounts } from './settlement.ts';

/** The figures the province dashboard shows for one commune, from its Biểu II.06a total row. */
export interface CommuneFigures {
  received: number;
  settled: number;
  inProcess: number;
  /** Settled late plus in process past the appointment at the cut-off. */
  overdue: number;
  /** Index 766 indicator 2.1 (percent), null without dossiers. */
  onTimeRate: number | null;
  /** Index 766 indicator 3.3 (percent), null without dossiers received in the period. */
  onlineShare: number | null;
}

export function communeFigures(
  total: SettlementCounts,
  indicators: readonly IndicatorValue[],
): CommuneFigures {
  return {
    received: total.received.total,
    settled: total.settled.total,
    inProcess: total.inProcess.total,
    overdue: total.inProcess.overdue + total.settled.late,
    onTimeRate: indicators.find((i) => i.id === '2.1')?.value ?? null,
    onlineShare: indicators.find((i) => i.id === '3.3')?.value ?? null,
  };
}

/**
 * Results of the dossiers settled in a period split by where they are (docs/domain-vn.md §2.1:
 * status 9 "Đã xử lý xong" is a result issued and handed to the one-stop desk, status 10 "Đã trả
 * kết quả" a result delivered): `awaiting` are still at the desk, `returned` were delivered.
 */
export function resultSplit(settled: number, awaiting: number): { returned: number; awaiting: number } {
  const a = Math.min(Math.max(awaiting, 0), settled);
  return { returned: settled - a, awaiting: a };
}

/** Staff counted by category, bloc and organisational unit (one row per combination). */
export interface StaffCount {
  category: string;
  bloc: string | null;
  orgUnit: string;
  orgUnitKind: string;
  n: number;
}

/**
 * Staffing composition of communes: totals by category, by bloc (cán bộ and công chức only,
 * docs/domain-vn.md §9), by organisational unit (largest first), and the training rate of center staff.
 */
export function staffingComposition(
  rows: readonly StaffCount[],
  categoryNames: Readonly<Record<string, string>>,
  blocNames: Readonly<Record<string, string>>,
  center: { staff: number; trained: number },
) {
  const sum = (f: (r: StaffCount) => boolean) => rows.filter(f).reduce((n, r) => n + r.n, 0);
  const officials = (r: StaffCount) => r.category === 'can_bo' || r.category === 'cong_chuc';
  const units = new Map<string, { name: string; kind: string; count: number }>();
  for (const r of rows) {
    const u = units.get(r.orgUnit) ?? { name: r.orgUnit, kind: r.orgUnitKind, count: 0 };
    u.count += r.n;
    units.set(r.orgUnit, u);
  }
  return {
    total: sum(() => true),
    officials: sum(officials),
    byCategory: Object.entries(categoryNames).map(([code, name]) => ({
      code,
      name,
      count: sum((r) => r.category === code),
    })),
    byBloc: Object.entries(blocNames).map(([code, name]) => ({
      code,
      name,
      count: sum((r) => officials(r) && r.bloc === code),
    })),
    byUnit: [...units.values()].sort((a, b) => b.count - a.count),
    centerTraining: { ...center, rate: percent(center.trained, center.staff) },
  };
}

/** Consultations counted by field and by channel, from counts per (field, channel). */
export function consultationTotals(rows: readonly { fieldCode: string; channel: string; n: number }[]) {
  const byField = new Map<string, number>();
  const byChannel = new Map<string, number>();
  for (const r of rows) {
    byField.set(r.fieldCode, (byField.get(r.fieldCode) ?? 0) + r.n);
    byChannel.set(r.channel, (byChannel.get(r.channel) ?? 0) + r.n);
  }
  return {
    total: rows.reduce((n, r) => n + r.n, 0),
    byField: [...byField].map(([code, count]) => ({ code, count })),
    byChannel: [...byChannel].map(([channel, count]) => ({ channel, count })),
  };
}
