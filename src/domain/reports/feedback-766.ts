import {
  endedAt,
  FEEDBACK_CATEGORIES,
  FEEDBACK_CATEGORY_NAMES,
  type FeedbackCategory,
  type FeedbackRating,
  type FeedbackTimes,
  lateClocks,
} from '../feedback/feedback.ts';
import type { IndicatorValue } from './index-766.ts';
import type { PeriodInstants } from './periods.ts';

/*
 * Decision 766 group 5, indicators 5.1–5.3: citizens' feedback and petitions (PAKN) about procedures
 * (docs/domain-vn.md §1.4, §6.3), from the feedback module's items. Pure; the figures of a commune and
 * period are counted here from its items, and a period without any gives "chưa thu thập" (no figure that
 * could read as a score).
 */

export interface FeedbackFact extends FeedbackTimes {
  category: FeedbackCategory;
  rating: FeedbackRating | null;
  ratedAt: Date | null;
}

export interface FeedbackCounts {
  /** 5.1: submitted in the period, by category. */
  byCategory: Record<FeedbackCategory, number>;
  /** 5.2 denominator: ended (refused or answer published) in the period, or still open at the cut-off. */
  processed: number;
  /** 5.2 numerator: of those, no clock missed (ended ones at their end, open ones at the cut-off). */
  onTime: number;
  /** 5.3: ratings given in the period, and of those "hài lòng". */
  rated: number;
  satisfied: number;
}

export const NO_FEEDBACK: FeedbackCounts = Object.freeze({
  byCategory: Object.fromEntries(FEEDBACK_CATEGORIES.map((c) => [c, 0])) as Record<FeedbackCategory, number>,
  processed: 0,
  onTime: 0,
  rated: 0,
  satisfied: 0,
});

const pct = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : Math.round((numerator * 10_000) / denominator) / 100;

/** The counts of a period [start, end) judged at `cutoff` (the period's end, or now if earlier). */
export function feedbackCounts(
  facts: readonly FeedbackFact[],
  period: PeriodInstants,
  cutoff: Date,
): FeedbackCounts {
  const start = period.start.getTime();
  const end = period.end.getTime();
  const c = Math.min(cutoff.getTime(), end);
  const counts: FeedbackCounts = { ...NO_FEEDBACK, byCategory: { ...NO_FEEDBACK.byCategory } };
  for (const f of facts) {
    const submitted = f.submittedAt.getTime();
    if (submitted >= start && submitted < end) counts.byCategory[f.category]++;
    if (f.ratedAt && f.rating && f.ratedAt.getTime() >= start && f.ratedAt.getTime() < end) {
      counts.rated++;
      if (f.rating === 'satisfied') counts.satisfied++;
    }
    if (submitted >= c) continue;
    const ended = endedAt(f)?.getTime();
    const endedInPeriod = ended !== undefined && ended >= start && ended < c;
    const openAtCutoff = ended === undefined || ended >= c;
    if (!endedInPeriod && !openAtCutoff) continue;
    counts.processed++;
    if (lateClocks(f, new Date(c)).length === 0) counts.onTime++;
  }
  return counts;
}

function total(c: FeedbackCounts): number {
  return FEEDBACK_CATEGORIES.reduce((s, k) => s + c.byCategory[k], 0);
}

export function indicator51(c: FeedbackCounts): IndicatorValue {
  const n = total(c);
  const base = {
    id: '5.1' as const,
    name: 'Phản ánh, kiến nghị về TTHC theo loại',
    formula: 'feedback and petitions about procedures received in the period, counted by category',
    formulaVi: `Số phản ánh, kiến nghị về TTHC tiếp nhận trong kỳ, theo loại (${FEEDBACK_CATEGORIES.map((k) => FEEDBACK_CATEGORY_NAMES[k]).join('; ')})`,
  };
  if (n === 0)
    return {
      ...base,
      numerator: 0,
      denominator: 0,
      value: null,
      missing: 'Trong kỳ chưa có phản ánh, kiến nghị nào được tiếp nhận',
    };
  return { ...base, numerator: n, denominator: n, value: n, unit: 'count', parts: { ...c.byCategory } };
}

export function indicator52(c: FeedbackCounts): IndicatorValue {
  const base = {
    id: '5.2' as const,
    name: 'Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn',
    formula:
      'feedback ended in the period or open at the cut-off with no clock missed (decision 2, first information request 5, handling 15 working days; publication 2 working days after approval) / feedback ended in the period or open at the cut-off × 100',
    formulaVi:
      'Số PAKN kết thúc xử lý trong kỳ hoặc đang xử lý tại thời điểm chốt số liệu mà không bước nào quá hạn (xem xét tiếp nhận, từ chối: 2 ngày làm việc; yêu cầu bổ sung lần đầu: 5 ngày làm việc; xử lý: 15 ngày làm việc; công khai: 2 ngày làm việc sau khi được duyệt) / Tổng số PAKN kết thúc xử lý trong kỳ hoặc đang xử lý × 100%',
  };
  if (c.processed === 0)
    return {
      ...base,
      numerator: 0,
      denominator: 0,
      value: null,
      missing: 'Trong kỳ chưa có phản ánh, kiến nghị nào được xử lý',
    };
  return { ...base, numerator: c.onTime, denominator: c.processed, value: pct(c.onTime, c.processed) };
}

export function indicator53(c: FeedbackCounts): IndicatorValue {
  const base = {
    id: '5.3' as const,
    name: 'Mức độ hài lòng về xử lý phản ánh, kiến nghị',
    formula: 'ratings "satisfied" given in the period / ratings given in the period × 100',
    formulaVi:
      'Số đánh giá "Hài lòng" về kết quả xử lý PAKN trong kỳ / Tổng số đánh giá về kết quả xử lý PAKN trong kỳ × 100%',
  };
  if (c.rated === 0)
    return {
      ...base,
      numerator: 0,
      denominator: 0,
      value: null,
      missing: 'Trong kỳ chưa có đánh giá nào về kết quả xử lý phản ánh, kiến nghị',
    };
  return { ...base, numerator: c.satisfied, denominator: c.rated, value: pct(c.satisfied, c.rated) };
}

/** 5.1, 5.2, 5.3 from the counts of a period. */
export function feedbackIndicators(c: FeedbackCounts): IndicatorValue[] {
  return [indicator51(c), indicator52(c), indicator53(c)];
}
