import type { DossierFacts } from './facts.ts';
import { type FeedbackCounts, feedbackIndicators, NO_FEEDBACK } from './feedback-766.ts';
import { type PeriodInstants, periodInstants, type ReportPeriod } from './periods.ts';
import { type Placement, placeInPeriod } from './placement.ts';

/*
 * The Decision 766/QĐ-TTg indicators our dossier facts can compute (docs/domain-vn.md §1.4, §6.2), over the
 * same per-dossier placement as Biểu II.06a so the two never disagree. Values are percentages with two
 * decimals (half up); a zero denominator gives null (shown as "N/A").
 */

export type IndicatorId =
  | '1.1'
  | '1.2'
  | '1.3'
  | '1.4'
  | '2.1'
  | '2.2'
  | '3.1'
  | '3.2'
  | '3.3'
  | '3.5'
  | '3.6'
  | '4.1'
  | '4.2'
  | '4.3'
  | '4.4'
  | '4.5'
  | '5.1'
  | '5.2'
  | '5.3'
  | '5.4';

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
  /** What `value` is in when it is not a percentage (2.2: average days; 5.1: a number of items). */
  unit?: 'days' | 'count';
  /** The counts the numerator is made of, where it is not a single count (5.4). */
  parts?: Record<string, number>;
  /** 2.2: the average per procedure (days), for the procedures with a dossier settled in the period. */
  byProcedure?: Array<{ code: string; settled: number; days: number }>;
  /**
   * Present when motcua does not hold the data the indicator is computed from ("chưa thu thập"): what
   * is missing. The value is then null, never 0, and the counts are 0.
   */
  missing?: string;
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

/** The catalogue figures of group 3: procedures the communes offer, online, and online with dossiers. */
export interface CatalogueCounts {
  /** Procedures offered by the communes (one per commune and procedure in their published lists). */
  offered: number;
  /** Of those, offered as an online public service (fully or partly online). */
  offeredOnline: number;
  /** Of those offered online, the ones that received at least one online dossier in the period. */
  onlineWithDossiers: number;
}

function indicator31(c: CatalogueCounts): IndicatorValue {
  return {
    id: '3.1',
    name: 'Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến',
    formula: 'procedures offered online (fully or partly) / procedures offered × 100',
    formulaVi:
      'Số TTHC được cung cấp dịch vụ công trực tuyến (toàn trình hoặc một phần) / Tổng số TTHC thuộc thẩm quyền tiếp nhận × 100%',
    numerator: c.offeredOnline,
    denominator: c.offered,
    value: percent(c.offeredOnline, c.offered),
  };
}

function indicator32(c: CatalogueCounts): IndicatorValue {
  return {
    id: '3.2',
    name: 'Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ',
    formula:
      'online services with at least one online dossier received in the period / online services × 100',
    formulaVi:
      'Số dịch vụ công trực tuyến có phát sinh hồ sơ trực tuyến trong kỳ / Tổng số dịch vụ công trực tuyến × 100%',
    numerator: c.onlineWithDossiers,
    denominator: c.offeredOnline,
    value: percent(c.onlineWithDossiers, c.offeredOnline),
  };
}

/**
 * The indicators of Decision 766 whose data motcua does not hold yet (docs/domain-vn.md §1.4, §1.5):
 * each with its wording and what is missing, shown as "chưa thu thập" instead of a 0 that would read
 * as a failing score.
 */
export const NOT_COLLECTED: ReadonlyArray<Pick<IndicatorValue, 'id' | 'name' | 'formulaVi' | 'missing'>> = [
  {
    id: '1.1',
    name: 'Tỷ lệ TTHC được công khai đúng hạn',
    formulaVi: 'Số TTHC được công khai đúng hạn / Tổng số TTHC phải công khai × 100%',
    missing: 'Thời điểm công bố và công khai TTHC chưa được thu thập',
  },
  {
    id: '1.2',
    name: 'Tỷ lệ TTHC được cập nhật, công khai đúng hạn trên CSDL quốc gia về TTHC',
    formulaVi: 'Số TTHC được cập nhật, công khai đúng hạn trên CSDLQG / Tổng số TTHC phải cập nhật × 100%',
    missing: 'Thời điểm cập nhật TTHC trên CSDL quốc gia chưa được thu thập',
  },
  {
    id: '1.3',
    name: 'Tỷ lệ TTHC được công khai đầy đủ các bộ phận',
    formulaVi: 'Số TTHC được công khai đầy đủ các bộ phận bắt buộc / Tổng số TTHC được công khai × 100%',
    missing: 'Danh mục bộ phận bắt buộc phải công khai của TTHC chưa được thu thập',
  },
  {
    id: '1.4',
    name: 'Tỷ lệ hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia',
    formulaVi:
      'Số hồ sơ đồng bộ có ngày tiếp nhận trong kỳ / max(Số hồ sơ trên hệ thống báo cáo quốc gia, Số hồ sơ trên Cổng DVCQG) × 100%',
    missing: 'Trạng thái đồng bộ hồ sơ với Cổng DVCQG chưa được ghi nhận',
  },
  {
    id: '2.2',
    name: 'Thời gian giải quyết trung bình một TTHC',
    formulaVi:
      'Tổng thời gian giải quyết các hồ sơ của TTHC (trừ thời gian tạm dừng) / Số hồ sơ đã giải quyết',
    missing: 'Cách quy điểm thời gian giải quyết trung bình chưa được xác định',
  },
  {
    id: '3.5',
    name: 'Tỷ lệ TTHC có yêu cầu nghĩa vụ tài chính được tích hợp thanh toán trực tuyến',
    formulaVi:
      'Số TTHC có tích hợp thanh toán trực tuyến / Tổng số TTHC có yêu cầu nghĩa vụ tài chính × 100%',
    missing: 'Thông tin tích hợp thanh toán trực tuyến của TTHC chưa được thu thập',
  },
  {
    id: '3.6',
    name: 'Tỷ lệ hồ sơ thanh toán trực tuyến',
    formulaVi: 'Số hồ sơ thanh toán trực tuyến / Tổng số hồ sơ có yêu cầu nghĩa vụ tài chính × 100%',
    missing: 'Hình thức thanh toán phí, lệ phí của hồ sơ chưa được thu thập',
  },
  {
    id: '4.1',
    name: 'Tỷ lệ hồ sơ có kết quả điện tử',
    formulaVi: 'Số hồ sơ đã giải quyết có kết quả điện tử / Tổng số hồ sơ đã giải quyết × 100%',
    missing: 'Kết quả điện tử đồng bộ lên Cổng DVCQG chưa được ghi nhận',
  },
  {
    id: '4.3',
    name: 'Tỷ lệ khai thác, sử dụng lại dữ liệu số hóa',
    formulaVi: 'Số hồ sơ có thành phần được sử dụng lại từ dữ liệu số hóa / Tổng số hồ sơ × 100%',
    missing:
      'Thành phần hồ sơ sử dụng lại từ dữ liệu số hóa chưa được thu thập: motcua chưa có kho thành phần hồ sơ số hóa và không đánh dấu thành phần nào được lấy từ đó (tra cứu CSDL dân cư chỉ điền thông tin người nộp, đã tính ở chỉ số 4.5)',
  },
  {
    id: '4.4',
    name: 'Tỷ lệ hồ sơ số hóa được liên kết kho dữ liệu cá nhân trên Cổng DVCQG',
    formulaVi: 'Số hồ sơ số hóa được liên kết kho dữ liệu của công dân / Tổng số hồ sơ số hóa × 100%',
    missing: 'Liên kết kho dữ liệu cá nhân trên Cổng DVCQG chưa được ghi nhận',
  },
  {
    id: '4.5',
    name: 'Tỷ lệ khai thác dữ liệu dân cư (CSDL dân cư, VNeID)',
    formulaVi: 'Số hồ sơ xác thực VNeID hoặc khai thác CSDL quốc gia về dân cư / Tổng số hồ sơ × 100%',
    missing: 'Xác thực VNeID và khai thác CSDL dân cư chưa được thu thập',
  },
];

/** An indicator motcua cannot compute yet, as the report shows it: no value, and why. */
function notCollected(i: (typeof NOT_COLLECTED)[number]): IndicatorValue {
  return { ...i, formula: i.formulaVi, numerator: 0, denominator: 0, value: null };
}

/**
 * Every Decision 766 indicator for a report, ordered by id: computed where motcua holds the data
 * (2.1, 3.1, 3.2, 3.3, 4.2; 5.4 only when ratings are collected), "chưa thu thập" with the reason
 * otherwise. Without ratings 5.4 would read as 100% − overdue rate, a score nobody gave.
 */
export function index766Full(
  c: IndicatorCounts,
  catalogue: CatalogueCounts,
  options: { ratingsCollected: boolean; feedback?: FeedbackCounts },
): IndicatorValue[] {
  const s54 = options.ratingsCollected
    ? indicator54(c)
    : {
        ...indicator54(c),
        numerator: 0,
        denominator: 0,
        value: null,
        parts: undefined,
        missing: 'Đánh giá mức độ hài lòng của người dân đối với hồ sơ chưa được thu thập',
      };
  const all = [
    indicator21(c),
    indicator31(catalogue),
    indicator32(catalogue),
    indicator33(c),
    indicator42(c),
    s54,
    ...feedbackIndicators(options.feedback ?? NO_FEEDBACK),
    ...NOT_COLLECTED.map(notCollected),
  ];
  const order = (id: string) => id.split('.').map(Number) as [number, number];
  return all
    .map(({ parts, ...rest }) => (parts ? { ...rest, parts } : rest))
    .sort((a, b) => {
      const [a1, a2] = order(a.id);
      const [b1, b2] = order(b.id);
      return a1 - b1 || a2 - b2;
    });
}
