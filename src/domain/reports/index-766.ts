import type { DossierFacts } from './facts.ts';
import { type PeriodInstants, periodInstants, type ReportPeriod } from './periods.ts';
import { type Placement, placeInPeriod } from './placement.ts';

/*
 * The Decision 766/QĐ-TTg indicators our dossier facts can compute (docs/domain-vn.md §1.4, §6.2), over the
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

/**
 * The counts the four indicators are made of. `index766` derives them from per-dossier placements;
 * a caller that has already counted (the SQL report) passes them to `index766FromCounts`.
 */
export interface IndicatorCounts {
  /** Dossiers received and processed in the period (received.total). */
  processed: number;
  /** Settled early or on time, withdrawn/stopped not late, in process within time. */
  onTime: number;
  /** Received in the period on channel 2. */
  receivedOnline: number;
  /** Received in the period on any channel (carried-over ones excluded). */
  receivedInPeriod: number;
  /** Settled in the period. */
  settled: number;
  /** Settled in the period with attachments and a result file. */
  digitised: number;
  /** Settled in the period and rated "Không hài lòng". */
  dissatisfied: number;
}

function countsOf(placed: Placed): IndicatorCounts {
  const c: IndicatorCounts = {
    processed: 0,
    onTime: 0,
    receivedOnline: 0,
    receivedInPeriod: 0,
    settled: 0,
    digitised: 0,
    dissatisfied: 0,
  };
  for (const { f, p } of placed) {
    if (p.column === 'none') continue;
    c.processed++;
    if (p.column === 'in_process' ? p.withinTime : p.timeliness !== 'late') c.onTime++;
    if (p.receipt !== 'carried_over') {
      c.receivedInPeriod++;
      if (p.receipt === 'online') c.receivedOnline++;
    }
    if (p.column === 'settled') {
      c.settled++;
      if (f.hasAttachments && f.hasResultFile) c.digitised++;
      if (f.rating === 'dissatisfied') c.dissatisfied++;
    }
  }
  return c;
}

function indicator21(c: IndicatorCounts): IndicatorValue {
  return {
    id: '2.1',
    name: 'Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn',
    formula:
      '(settled early + on time + withdrawn/stopped not late + in process within time) / received.total × 100',
    formulaVi:
      'Số hồ sơ đã giải quyết, đang giải quyết trước hạn, đúng hạn trong kỳ / Tổng số hồ sơ tiếp nhận, giải quyết trong kỳ (tiếp nhận trong kỳ và từ kỳ trước) × 100%',
    numerator: c.onTime,
    denominator: c.processed,
    value: percent(c.onTime, c.processed),
  };
}

function indicator33(c: IndicatorCounts): IndicatorValue {
  return {
    id: '3.3',
    name: 'Tỷ lệ hồ sơ tiếp nhận trực tuyến',
    formula: 'received.online / (received.online + received.direct) × 100',
    formulaVi:
      'Số hồ sơ tiếp nhận trực tuyến trong kỳ / Tổng số hồ sơ tiếp nhận trong kỳ (trực tuyến, trực tiếp, bưu chính) × 100%',
    numerator: c.receivedOnline,
    denominator: c.receivedInPeriod,
    value: percent(c.receivedOnline, c.receivedInPeriod),
  };
}

function indicator42(c: IndicatorCounts): IndicatorValue {
  return {
    id: '4.2',
    name: 'Tỷ lệ số hóa hồ sơ',
    formula: 'settled with attachments and a result file / settled.total × 100',
    formulaVi:
      'Số hồ sơ đã giải quyết trong kỳ có thành phần hồ sơ đính kèm và có tệp kết quả / Tổng số hồ sơ đã giải quyết trong kỳ × 100%',
    numerator: c.digitised,
    denominator: c.settled,
    value: percent(c.digitised, c.settled),
  };
}

function indicator54(c: IndicatorCounts): IndicatorValue {
  const overdue = c.processed - c.onTime;
  const numerator = Math.max(0, c.processed - overdue - c.dissatisfied);
  return {
    id: '5.4',
    name: 'Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính',
    formula: '100% − (overdue / received.total + dissatisfied / received.total), floored at 0',
    formulaVi:
      '100% − (Tỷ lệ hồ sơ quá hạn + Tỷ lệ hồ sơ được đánh giá không hài lòng), trên tổng số hồ sơ tiếp nhận, giải quyết trong kỳ',
    numerator,
    denominator: c.processed,
    value: percent(numerator, c.processed),
    parts: { processed: c.processed, overdue, dissatisfied: c.dissatisfied },
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
  return indicator21(countsOf(placements(facts, period)));
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
  return indicator33(countsOf(placements(facts, period)));
}

/** 4.2 — digitised share: of the dossiers settled in the period, those with attachments and a result file. */
export function digitisedShare(
  facts: readonly DossierFacts[],
  period: ReportPeriod | PeriodInstants,
): IndicatorValue {
  return indicator42(countsOf(placements(facts, period)));
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
  return indicator54(countsOf(placements(facts, period)));
}

/** All four indicators, computed from one pass of placements. */
export function index766(
  facts: readonly DossierFacts[],
  period: ReportPeriod | PeriodInstants,
): IndicatorValue[] {
  return index766FromCounts(countsOf(placements(facts, period)));
}

/** All four indicators from counts already made (same definitions as `index766`). */
export function index766FromCounts(c: IndicatorCounts): IndicatorValue[] {
  return [indicator21(c), indicator33(c), indicator42(c), indicator54(c)];
}
