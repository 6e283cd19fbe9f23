import type { DossierFacts } from './facts.ts';
import { type PeriodInstants, periodInstants, type ReportPeriod, reportInstants } from './periods.ts';
import { type Placement, placeInPeriod } from './placement.ts';

/**
 * Biểu II.06a/VPCP/KSTT — "Tình hình, kết quả giải quyết thủ tục hành chính" (docs/domain-vn.md §6.1).
 * The per-dossier rules live in `placeInPeriod` (placement.ts); this module only counts.
 *
 * Column rules (period = Vietnamese days `from`..`to`; instant `t` is in it when
 * 00:00 of `from` ≤ t < 00:00 of the day after `to`, Vietnam time):
 * - Số hồ sơ nhận giải quyết — `received.total` = `online` + `direct` + `carriedOver`:
 *   - Trực tuyến (`online`): NgayTiepNhan in the period, channel 2;
 *   - Trực tiếp, dịch vụ bưu chính (`direct`): NgayTiepNhan in the period, channel 1 or 3;
 *   - Từ kỳ trước (`carriedOver`): NgayTiepNhan before the period and not settled, withdrawn or stopped
 *     before the period.
 * - Số hồ sơ đã giải quyết — `settled`: status 9/10 with NgayKetThucXuLy (`processingEndedAt`) in the
 *   period; Trước hạn / Đúng hạn / Quá hạn by `classifySettlement({ dueAt: dueAtLegal, endedAt,
 *   supplementRequests })`. Unlike the provincial rule quoted in §6.1 (NgayTra), the end of processing
 *   is used, as Index 766 does, so one dossier has one timeliness everywhere; `returnedAt` stands in
 *   only when `processingEndedAt` is missing.
 * - Số hồ sơ đang giải quyết — `inProcess`: received before the period end and not finished before it,
 *   judged from the timestamps (a dossier settled after the period end is in process for the period);
 *   Trong hạn when `dueAtLegal` ≥ the period end instant, or when it was waiting for the applicant
 *   (supplement or payment) at the end and that wait began no later than `dueAtLegal`; else Quá hạn.
 * - `withdrawnOrStopped` (rút hồ sơ / dừng xử lý, reported in its own column rather than folded into
 *   "Đúng hạn" as one template variant does): status 7/8 whose end — the earlier of `withdrawnAt` and
 *   `processingEndedAt` — is in the period.
 * - Dossiers never accepted (status 1, 3, or no `receivedAt`) are never counted.
 *
 * Invariant: received.total = settled.total + inProcess.total + withdrawnOrStopped, per row and for
 * the total; the total row is the sum of the rows; and for adjacent periods, carriedOver of the later
 * equals inProcess.total of the earlier.
 */
export interface SettlementCounts {
  received: { total: number; online: number; direct: number; carriedOver: number };
  settled: { total: number; early: number; onTime: number; late: number };
  inProcess: { total: number; withinTime: number; overdue: number };
  withdrawnOrStopped: number;
}

export type SettlementGroupBy = 'field' | 'procedure' | 'unit';

export interface SettlementRow extends SettlementCounts {
  key: { code: string; name: string };
}

export interface SettlementReport {
  period: ReportPeriod;
  groupBy: SettlementGroupBy;
  /** One row per group with at least one non-zero count, ordered by code (code-point order). */
  rows: SettlementRow[];
  /** Sum of the rows (key code '', name 'Tổng cộng'). */
  total: SettlementRow;
}

export interface SettlementReportOptions {
  /** Display names of units by code (DossierFacts carries only the unit code); the code when absent. */
  unitNames?: Readonly<Record<string, string>>;
  /** When the report is made: dossiers in process are judged at the earlier of the period's end and this (§1.4). */
  now?: Date;
}

export const TOTAL_ROW_NAME = 'Tổng cộng';

/** All-zero counts. */
export function emptyCounts(): SettlementCounts {
  return {
    received: { total: 0, online: 0, direct: 0, carriedOver: 0 },
    settled: { total: 0, early: 0, onTime: 0, late: 0 },
    inProcess: { total: 0, withinTime: 0, overdue: 0 },
    withdrawnOrStopped: 0,
  };
}

/** Adds one placed dossier to `c` (mutates `c`). */
function tally(c: SettlementCounts, p: Placement): void {
  if (p.column === 'none') return;
  c.received.total++;
  if (p.receipt === 'online') c.received.online++;
  else if (p.receipt === 'direct') c.received.direct++;
  else c.received.carriedOver++;
  switch (p.column) {
    case 'settled':
      c.settled.total++;
      if (p.timeliness === 'early') c.settled.early++;
      else if (p.timeliness === 'on_time') c.settled.onTime++;
      else c.settled.late++;
      break;
    case 'withdrawn_or_stopped':
      c.withdrawnOrStopped++;
      break;
    case 'in_process':
      c.inProcess.total++;
      if (p.withinTime) c.inProcess.withinTime++;
      else c.inProcess.overdue++;
      break;
  }
}

/** `a + b`, column by column (new object). */
export function addCounts(a: SettlementCounts, b: SettlementCounts): SettlementCounts {
  return {
    received: {
      total: a.received.total + b.received.total,
      online: a.received.online + b.received.online,
      direct: a.received.direct + b.received.direct,
      carriedOver: a.received.carriedOver + b.received.carriedOver,
    },
    settled: {
      total: a.settled.total + b.settled.total,
      early: a.settled.early + b.settled.early,
      onTime: a.settled.onTime + b.settled.onTime,
      late: a.settled.late + b.settled.late,
    },
    inProcess: {
      total: a.inProcess.total + b.inProcess.total,
      withinTime: a.inProcess.withinTime + b.inProcess.withinTime,
      overdue: a.inProcess.overdue + b.inProcess.overdue,
    },
    withdrawnOrStopped: a.withdrawnOrStopped + b.withdrawnOrStopped,
  };
}

function boundsOf(period: ReportPeriod | PeriodInstants): PeriodInstants {
  return 'from' in period ? periodInstants(period) : period;
}

/**
 * The Biểu II.06a counts of all `facts` for `period` (one row, no grouping). Throws RangeError for an
 * invalid period or a dossier with an Invalid Date. Callers enforce a maximum length with `validatePeriod`.
 */
export function settlementRow(
  facts: readonly DossierFacts[],
  period: ReportPeriod | PeriodInstants,
): SettlementCounts {
  const b = boundsOf(period);
  const c = emptyCounts();
  for (const f of facts) tally(c, placeInPeriod(f, b));
  return c;
}

function keyOf(
  f: DossierFacts,
  groupBy: SettlementGroupBy,
  options: SettlementReportOptions,
): { code: string; name: string } {
  switch (groupBy) {
    case 'field':
      return { code: f.fieldCode, name: f.fieldName };
    case 'procedure':
      return { code: f.procedureCode, name: f.procedureName };
    case 'unit':
      return { code: f.unitCode, name: options.unitNames?.[f.unitCode] ?? f.unitCode };
  }
}

function isZero(c: SettlementCounts): boolean {
  // Every counted dossier is in received.total, so this is zero exactly when every column is.
  return c.received.total === 0;
}

/**
 * Biểu II.06a grouped by field (lĩnh vực), procedure or unit, with a total row. Groups in which no
 * dossier counts are left out; a group's name is the one on its first dossier in input order.
 */
export function settlementReport(
  facts: readonly DossierFacts[],
  period: ReportPeriod,
  groupBy: SettlementGroupBy,
  options: SettlementReportOptions = {},
): SettlementReport {
  const b = options.now ? reportInstants(period, options.now) : periodInstants(period);
  const groups = new Map<string, SettlementRow>();
  for (const f of facts) {
    const placement = placeInPeriod(f, b);
    const key = keyOf(f, groupBy, options);
    let row = groups.get(key.code);
    if (!row) {
      row = { key, ...emptyCounts() };
      groups.set(key.code, row);
    }
    tally(row, placement);
  }
  const rows = [...groups.values()]
    .filter((r) => !isZero(r))
    .sort((a, b2) => (a.key.code < b2.key.code ? -1 : a.key.code > b2.key.code ? 1 : 0));
  const total: SettlementRow = {
    key: { code: '', name: TOTAL_ROW_NAME },
    ...rows.reduce(addCounts, emptyCounts()),
  };
  return { period: { from: period.from, to: period.to }, groupBy, rows, total };
}

/** Counts that break the report's own arithmetic (empty when consistent); used by tests and as a guard. */
export function settlementInconsistencies(c: SettlementCounts): string[] {
  const out: string[] = [];
  const r = c.received;
  if (r.total !== r.online + r.direct + r.carriedOver)
    out.push('received.total ≠ online + direct + carriedOver');
  if (c.settled.total !== c.settled.early + c.settled.onTime + c.settled.late)
    out.push('settled.total ≠ early + onTime + late');
  if (c.inProcess.total !== c.inProcess.withinTime + c.inProcess.overdue)
    out.push('inProcess.total ≠ withinTime + overdue');
  if (r.total !== c.settled.total + c.inProcess.total + c.withdrawnOrStopped) {
    out.push('received.total ≠ settled.total + inProcess.total + withdrawnOrStopped');
  }
  const all = [
    ...Object.values(r),
    ...Object.values(c.settled),
    ...Object.values(c.inProcess),
    c.withdrawnOrStopped,
  ];
  if (all.some((n) => !Number.isInteger(n) || n < 0)) out.push('negative or fractional count');
  return out;
}
