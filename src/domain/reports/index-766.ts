import type { DossierFacts } from './facts.ts';
import { type PeriodInstants, periodInstants, type ReportPeriod } from './periods.ts';
import { type Placement, placeInPeriod } from './placement.ts';

/*
 * The Decision 766/QĐ-TTg indicators our dossier facts can compute (domain-vn.md §1.4, §6.2), over the
 * same per-dossier placement as Biểu II.06a so the two never disagree. Values are percentages with two
 * decimals (half up); a zero denominator gives null (shown as "N/A").
 */

export type IndicatorId = '2.1' | '3.3' | '4.2' | '5.4';

export interface IndicatorValue {
  id: IndicatorId;
  /** Vietnamese name of the indicator. */
  name: string;
  /** Short formula over report columns, e.g. '(early + onTime + withinTime) / received × 100'. */
  formula: string;
  /** The formula in Vietnamese, as shown next to the figure. */
  formulaVi: string;
  numerator: number;
  denominator: number;
  /** Percentage, 2 decimals; null when the denominator is 0. */
  value: number | null;
  /** The counts the numerator is made of, where it is not a single count (5.4). */
  parts?: Record<string, number>;
}

/** 100 × numerator / denominator, rounded half up to 2 decimals; null when the denominator is 0. */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.round((numerator * 10_000) / denominator) / 100;
}

function placements(
  facts: readonly DossierFacts[],
  period: ReportPeriod | PeriodInstants,
): { f: DossierFacts; p: Placement }[] {
  const b = 'from' in period ? periodInstants(period) : period;
  return facts.map((f) => ({ f, p: placeInPeriod(f, b) }));
}

type Placed = { f: DossierFacts; p: Placement }[];

/** Counts 2.1 and 5.4 share: dossiers processed in the period, and those on time. */
function timeliness(placed: Placed): { processed: number; onTime: number; overdue: number } {
  let processed = 0;
  let onTime = 0;
  for (const { p } of placed) {
    if (p.column === 'none') continue;
    processed++;
    if (p.column === 'in_process' ? p.withinTime : p.timeliness !== 'late') onTime++;
  }
  return { processed, onTime, overdue: processed - onTime };
}

function indicator21(placed: Placed): IndicatorValue {
  const t = timeliness(placed);
  return {
    id: '2.1',
    name: 'Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn',
    formula:
      '(settled early + on time + withdrawn/stopped not late + in process within time) / received.total × 100',
    formulaVi:
      'Số hồ sơ đã giải quyết, đang giải quyết trước hạn, đúng hạn trong kỳ / Tổng số hồ sơ tiếp nhận, giải quyết trong kỳ (tiếp nhận trong kỳ và từ kỳ trước) × 100%',
    numerator: t.onTime,
    denominator: t.processed,
    value: percent(t.onTime, t.processed),
  };
}

function indicator33(placed: Placed): IndicatorValue {
  let online = 0;
  let all = 0;
  for (const { p } of placed) {
    if (p.column === 'none' || p.receipt === 'carried_over') continue;
    all++;
    if (p.receipt === 'online') online++;
  }
  return {
    id: '3.3',
    name: 'Tỷ lệ hồ sơ tiếp nhận trực tuyến',
    formula: 'received.online / (received.online + received.direct) × 100',
    formulaVi:
      'Số hồ sơ tiếp nhận trực tuyến trong kỳ / Tổng số hồ sơ tiếp nhận trong kỳ (trực tuyến, trực tiếp, bưu chính) × 100%',
    numerator: online,
    denominator: all,
    value: percent(online, all),
  };
}

function indicator42(placed: Placed): IndicatorValue {
  let digitised = 0;
  let settled = 0;
  for (const { f, p } of placed) {
    if (p.column !== 'settled') continue;
    settled++;
    if (f.hasAttachments && f.hasResultFile) digitised++;
  }
  return {
    id: '4.2',
    name: 'Tỷ lệ số hóa hồ sơ',
    formula: 'settled with attachments and a result file / settled.total × 100',
    formulaVi:
      'Số hồ sơ đã giải quyết trong kỳ có thành phần hồ sơ đính kèm và có tệp kết quả / Tổng số hồ sơ đã giải quyết trong kỳ × 100%',
    numerator: digitised,
    denominator: settled,
    value: percent(digitised, settled),
  };
}

function indicator54(placed: Placed): IndicatorValue {
  const t = timeliness(placed);
  let dissatisfied = 0;
  for (const { f, p } of placed) if (p.column === 'settled' && f.rating === 'dissatisfied') dissatisfied++;
  const numerator = Math.max(0, t.processed - t.overdue - dissatisfied);
  return {
    id: '5.4',
    name: 'Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính',
    formula: '100% − (overdue / received.total + dissatisfied / received.total), floored at 0',
    formulaVi:
      '100% − (Tỷ lệ hồ sơ quá hạn + Tỷ lệ hồ sơ được đánh giá không hài lòng), trên tổng số hồ sơ tiếp nhận, giải quyết trong kỳ',
    numerator,
    denominator: t.processed,
    value: percent(numerator, t.processed),
    parts: { processed: t.processed, overdue: t.overdue, dissatisfied },
  };
}

/**
 * 2.1 — on-time rate. Denominator: every dossier received and processed in the period, i.e. the
 * report's received.total (received in the period and carried over) = settled + in process +
 * withdrawn/stopped. Numerator: settled early or on time, in process within time at the period end,
 * and withdrawn/stopped no later than the appointment (Index 766 takes withdrawal and stop as ends of
 * processing; one Biểu II.06a template counts them "đúng hạn").
 */
export function onTimeRate(
  facts: readonly DossierFacts[],
  period: ReportPeriod | PeriodInstants,
): IndicatorValue {
  return indicator21(placements(facts, period));
}

/**
 * 3.3 — online share: dossiers received in the period on channel 2 over all received in the period
 * (carried-over dossiers were counted in their own period). The extra condition of §1.4 for procedures
 * with a paper result (an electronic result must be synchronised) is not applied: the facts do not say
 * which procedures have a paper result.
 */
export function onlineShare(
  facts: readonly DossierFacts[],
  period: ReportPeriod | PeriodInstants,
): IndicatorValue {
  return indicator33(placements(facts, period));
}

/** 4.2 — digitised share: of the dossiers settled in the period, those with attachments and a result file. */
export function digitisedShare(
  facts: readonly DossierFacts[],
  period: ReportPeriod | PeriodInstants,
): IndicatorValue {
  return indicator42(placements(facts, period));
}

/**
 * 5.4 — satisfaction = 100% − (overdue rate + dissatisfied rate), both over the 2.1 denominator.
 * Overdue = the complement of 2.1's numerator. Dissatisfied = dossiers settled in the period rated
 * "Không hài lòng" (ratings are given on receiving the result; facts carry no rating time, so
 * ratings of dossiers settled after the period are left out). A dossier both overdue and rated
 * dissatisfied counts in both rates, as the formula adds rates; the result is floored at 0.
 */
export function satisfaction(
  facts: readonly DossierFacts[],
  period: ReportPeriod | PeriodInstants,
): IndicatorValue {
  return indicator54(placements(facts, period));
}

/** All four indicators, computed from one pass of placements. */
export function index766(
  facts: readonly DossierFacts[],
  period: ReportPeriod | PeriodInstants,
): IndicatorValue[] {
  const placed = placements(facts, period);
  return [indicator21(placed), indicator33(placed), indicator42(placed), indicator54(placed)];
}
