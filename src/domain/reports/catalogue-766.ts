import { type IndicatorValue, percent } from './index-766.ts';

/*
 * The Decision 766 indicators computed from the procedure catalogue and the fees collected
 * (docs/domain-vn.md §1.4, §4.3): 1.1 procedures posted on time, 1.3 procedures published with every
 * mandatory part, 3.5 procedures with a fee that take payment online, 3.6 dossiers paid online.
 * The reports' repository reads the catalogue rows and the counts; the rules here are pure.
 */

/**
 * Rules we inferred ([I], docs/domain-vn.md §0), kept in one place so a province can change them:
 * the commune posts a procedure at its center or on its portal within `postingWorkingDays` working
 * days of the decision publishing it (Decree 63/2010 as amended by Decree 92/2017 Art. 15, Circular
 * 02/2017/TT-VPCP: "chậm nhất 05 ngày làm việc").
 */
export const PUBLICITY_RULES: Readonly<{ postingWorkingDays: number }> = Object.freeze({
  postingWorkingDays: 5,
});

/** One procedure of a commune's list, as the catalogue holds it at the report's cut-off. */
export interface CatalogueProcedure {
  code: string;
  /** Date of the publication decision (YYYY-MM-DD), null when not recorded. */
  decidedOn: string | null;
  /** Date the commune posted it publicly (YYYY-MM-DD), null when not posted. */
  postedOn: string | null;
  /** The parts the catalogue record holds (see `missingParts`). */
  record: {
    name?: string;
    steps?: readonly string[];
    channels?: readonly string[];
    documents?: ReadonlyArray<{
      name?: string;
      originals?: number;
      certifiedCopies?: number;
      photocopies?: number;
    }>;
    timeLimitText?: string;
    applicants?: readonly string[];
    agency?: string;
  };
}

/** The mandatory parts of Decree 63/2010 Art. 8.2, in the Decree's order, with their Vietnamese names. */
export const MANDATORY_PARTS: ReadonlyArray<{ key: string; name: string }> = [
  { key: 'name', name: 'Tên thủ tục' },
  { key: 'steps', name: 'Trình tự thực hiện' },
  { key: 'channels', name: 'Cách thức thực hiện' },
  { key: 'documents', name: 'Thành phần, số lượng hồ sơ' },
  { key: 'timeLimit', name: 'Thời hạn giải quyết' },
  { key: 'applicants', name: 'Đối tượng thực hiện' },
  { key: 'agency', name: 'Cơ quan thực hiện' },
];

const filled = (s: string | undefined) => typeof s === 'string' && s.trim().length > 0;
const someFilled = (a: readonly string[] | undefined) => Array.isArray(a) && a.some((x) => filled(x));

/**
 * The mandatory parts a catalogue record lacks (keys of MANDATORY_PARTS). Components count when the
 * list is not empty and every component names itself and a number of copies (the number of sets is
 * one per dossier in every record we hold, so it is not a separate field).
 */
export function missingParts(r: CatalogueProcedure['record']): string[] {
  const has: Record<string, boolean> = {
    name: filled(r.name),
    steps: someFilled(r.steps),
    channels: Array.isArray(r.channels) && r.channels.length > 0,
    documents:
      Array.isArray(r.documents) &&
      r.documents.length > 0 &&
      r.documents.every(
        (d) => filled(d.name) && (d.originals ?? 0) + (d.certifiedCopies ?? 0) + (d.photocopies ?? 0) > 0,
      ),
    timeLimit: filled(r.timeLimitText),
    applicants: someFilled(r.applicants),
    agency: filled(r.agency),
  };
  return MANDATORY_PARTS.filter((p) => !has[p.key]).map((p) => p.key);
}

/** `date` plus `n` working days (the day of the decision not counted), by the province's calendar. */
export function addWorkingDays(date: string, n: number, isWorkingDay: (d: string) => boolean): string {
  let d = new Date(`${date}T00:00:00Z`);
  let left = n;
  // A calendar with no working day at all would loop for ever: give up after ten years.
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    d = new Date(d.getTime() + 86_400_000);
    if (isWorkingDay(d.toISOString().slice(0, 10))) left--;
  }
  return d.toISOString().slice(0, 10);
}

export interface PublicityCounts {
  /** Procedures whose publication decision is dated in the period (up to the cut-off): to be posted. */
  toPost: number;
  /** Of those, posted by their deadline, or not posted yet with the deadline still ahead at the cut-off. */
  postedOnTime: number;
  /** Procedures posted by the cut-off. */
  posted: number;
  /** Of those, with every mandatory part in the catalogue record. */
  complete: number;
  /** Some procedure of the list has a publication decision recorded (else 1.1 is "chưa thu thập"). */
  decisionsCollected: boolean;
  /** Some procedure of the list has a posting date (else 1.3 is "chưa thu thập"). */
  postingsCollected: boolean;
  /** Procedures posted or decided in the period: the period has catalogue activity. */
  activity: number;
}

/**
 * Counts 1.1 and 1.3 over the procedures of the communes' lists. `from`/`to` are the period's days,
 * `cutoffDay` the day of the cut-off (the earlier of the period's end and now), all YYYY-MM-DD.
 */
export function publicityCounts(
  procs: readonly CatalogueProcedure[],
  period: { from: string; to: string },
  cutoffDay: string,
  isWorkingDay: (d: string) => boolean,
  rules: { postingWorkingDays: number } = PUBLICITY_RULES,
): PublicityCounts {
  const c: PublicityCounts = {
    toPost: 0,
    postedOnTime: 0,
    posted: 0,
    complete: 0,
    decisionsCollected: false,
    postingsCollected: false,
    activity: 0,
  };
  const lastDay = period.to < cutoffDay ? period.to : cutoffDay;
  for (const p of procs) {
    if (p.decidedOn) c.decisionsCollected = true;
    if (p.postedOn) c.postingsCollected = true;
    const postedByCutoff = p.postedOn !== null && p.postedOn <= cutoffDay;
    if (
      (p.decidedOn && p.decidedOn >= period.from && p.decidedOn <= lastDay) ||
      (p.postedOn && p.postedOn >= period.from && p.postedOn <= lastDay)
    )
      c.activity++;
    if (p.decidedOn && p.decidedOn >= period.from && p.decidedOn <= lastDay) {
      c.toPost++;
      const deadline = addWorkingDays(p.decidedOn, rules.postingWorkingDays, isWorkingDay);
      if (postedByCutoff ? (p.postedOn as string) <= deadline : deadline >= cutoffDay) c.postedOnTime++;
    }
    if (postedByCutoff) {
      c.posted++;
      if (missingParts(p.record).length === 0) c.complete++;
    }
  }
  return c;
}

export function indicator11(c: PublicityCounts): IndicatorValue {
  const base = {
    id: '1.1' as const,
    name: 'Tỷ lệ TTHC được công khai đúng hạn',
    formula: `procedures decided in the period posted within ${PUBLICITY_RULES.postingWorkingDays} working days of the decision (or still within it at the cut-off) / procedures decided in the period × 100`,
    formulaVi: `Số TTHC có quyết định công bố trong kỳ được công khai tại Trung tâm hoặc trên Cổng trong ${PUBLICITY_RULES.postingWorkingDays} ngày làm việc kể từ ngày quyết định (hoặc chưa hết hạn tại thời điểm chốt số liệu) / Tổng số TTHC phải công khai trong kỳ × 100%`,
  };
  if (!c.decisionsCollected)
    return {
      ...base,
      numerator: 0,
      denominator: 0,
      value: null,
      missing: 'Quyết định công bố TTHC (số, ngày) chưa được ghi nhận trong danh mục',
    };
  return {
    ...base,
    numerator: c.postedOnTime,
    denominator: c.toPost,
    value: percent(c.postedOnTime, c.toPost),
  };
}

export function indicator13(c: PublicityCounts): IndicatorValue {
  const base = {
    id: '1.3' as const,
    name: 'Tỷ lệ TTHC được công khai đầy đủ các bộ phận',
    formula:
      'procedures posted by the cut-off whose record has every mandatory part (Decree 63/2010 Art. 8.2: name, steps, methods, components, time limit, applicants, agency) / procedures posted × 100',
    formulaVi:
      'Số TTHC đã công khai có đủ các bộ phận bắt buộc (tên, trình tự, cách thức, thành phần và số lượng hồ sơ, thời hạn giải quyết, đối tượng, cơ quan thực hiện — Nghị định 63/2010 Điều 8.2) / Tổng số TTHC đã công khai × 100%',
  };
  if (!c.postingsCollected)
    return {
      ...base,
      numerator: 0,
      denominator: 0,
      value: null,
      missing: 'Ngày công khai TTHC tại Trung tâm / trên Cổng chưa được ghi nhận',
    };
  return { ...base, numerator: c.complete, denominator: c.posted, value: percent(c.complete, c.posted) };
}

export interface PaymentCounts {
  /** Procedures of the lists that carry a fee. */
  feeProcedures: number;
  /** Of those, with online payment integrated. */
  feeProceduresOnline: number;
  /** Some fee procedure of the lists says whether it takes payment online (else 3.5 is "chưa thu thập"). */
  catalogueCollected: boolean;
  /** Dossiers received in the period for a procedure with a fee, not exempted at intake. */
  feeDossiers: number;
  /** Of those, paid online. */
  paidOnline: number;
  /** The communes record how fees are paid at all (else 3.6 is "chưa thu thập"). */
  paymentsCollected: boolean;
}

export function indicator35(c: PaymentCounts): IndicatorValue {
  const base = {
    id: '3.5' as const,
    name: 'Tỷ lệ TTHC có yêu cầu nghĩa vụ tài chính được tích hợp thanh toán trực tuyến',
    formula: 'procedures with a fee whose payment is integrated online / procedures with a fee × 100',
    formulaVi:
      'Số TTHC có yêu cầu nghĩa vụ tài chính đã tích hợp thanh toán trực tuyến / Tổng số TTHC có yêu cầu nghĩa vụ tài chính × 100%',
  };
  if (!c.catalogueCollected)
    return {
      ...base,
      numerator: 0,
      denominator: 0,
      value: null,
      missing: 'Thông tin tích hợp thanh toán trực tuyến của TTHC chưa được ghi nhận trong danh mục',
    };
  return {
    ...base,
    numerator: c.feeProceduresOnline,
    denominator: c.feeProcedures,
    value: percent(c.feeProceduresOnline, c.feeProcedures),
  };
}

export function indicator36(c: PaymentCounts): IndicatorValue {
  const base = {
    id: '3.6' as const,
    name: 'Tỷ lệ hồ sơ thanh toán trực tuyến',
    formula:
      'dossiers received in the period, for a procedure with a fee, paid online / those dossiers (exempted ones left out) × 100',
    formulaVi:
      'Số hồ sơ tiếp nhận trong kỳ có yêu cầu nghĩa vụ tài chính được thanh toán trực tuyến / Tổng số hồ sơ tiếp nhận trong kỳ có yêu cầu nghĩa vụ tài chính (trừ hồ sơ được miễn) × 100%',
  };
  if (!c.paymentsCollected)
    return {
      ...base,
      numerator: 0,
      denominator: 0,
      value: null,
      missing: 'Hình thức nộp phí, lệ phí của hồ sơ chưa được ghi nhận',
    };
  return {
    ...base,
    numerator: c.paidOnline,
    denominator: c.feeDossiers,
    value: percent(c.paidOnline, c.feeDossiers),
  };
}

/** The full index with 1.1, 1.3, 3.5 and 3.6 computed in place of their "chưa thu thập" entries. */
export function withCatalogueIndicators(
  index: readonly IndicatorValue[],
  publicity: PublicityCounts,
  payments: PaymentCounts,
): IndicatorValue[] {
  const computed = new Map<string, IndicatorValue>([
    ['1.1', indicator11(publicity)],
    ['1.3', indicator13(publicity)],
    ['3.5', indicator35(payments)],
    ['3.6', indicator36(payments)],
  ]);
  return index.map((i) => computed.get(i.id) ?? i);
}

export const NO_DATA_REASON = 'Không có dữ liệu trong kỳ';

/**
 * A period in which the communes received, processed and settled no dossier and neither decided nor
 * posted a procedure has nothing to judge: every indicator says "không có dữ liệu" (value null),
 * including the ones read from the catalogue as it stands (3.1, 3.5), which would otherwise score
 * a year the commune did nothing in.
 */
export function withoutData(index: readonly IndicatorValue[]): IndicatorValue[] {
  return index.map(({ parts: _parts, byProcedure: _by, ...i }) => ({
    ...i,
    numerator: 0,
    denominator: 0,
    value: null,
    missing: i.missing ?? NO_DATA_REASON,
  }));
}
