import { type IndicatorValue, percent } from './index-766.ts';

/*
 * Decision 766/QĐ-TTg: indicators 2.2 (average processing time) and 4.1 (electronic results), and the
 * index score communes are ranked by (docs/domain-vn.md §1.4). The Decision weighs its five groups
 * 18 / 20 / 22 / 22 / 18 points (100 in all) and ranks units by their total. The split of a group's
 * points among its indicators is not in the texts we could read: motcua splits them equally among
 * the indicators the Decision lists for the group, and gives an indicator its share in proportion to
 * its value up to the full-score threshold where the scoring description states one (3.3 ≥ 50 %,
 * 4.2 and 4.3 ≥ 80 %, 5.4 ≥ 90 %), 100 % otherwise. An indicator motcua does not collect earns no
 * point and is listed as such; since every commune misses the same ones, the ranking is unaffected.
 */

/** Dossiers settled in the period (status 9/10 ended in it), counted for 2.2 and 4.1. */
export interface ResultCounts {
  /** Settled in the period. */
  settled: number;
  /** Of those, with an electronic result file attached to the dossier (issued through motcua). */
  electronic: number;
  /** Σ (end of processing − receipt − paused time) over the settled ones, in minutes. */
  processingMinutes: number;
  /** The same two counts per procedure code (2.2's average per procedure). */
  byProcedure?: Record<string, { settled: number; minutes: number }>;
}

export const NO_RESULT_COUNTS: ResultCounts = { settled: 0, electronic: 0, processingMinutes: 0 };

export function indicator41(c: ResultCounts): IndicatorValue {
  return {
    id: '4.1',
    name: 'Tỷ lệ hồ sơ có kết quả điện tử',
    formula: 'settled in the period with an electronic result file / settled in the period × 100',
    formulaVi:
      'Số hồ sơ đã giải quyết trong kỳ có kết quả điện tử (tệp kết quả đính kèm hồ sơ) / Tổng số hồ sơ đã giải quyết trong kỳ × 100%',
    numerator: c.electronic,
    denominator: c.settled,
    value: percent(c.electronic, c.settled),
  };
}

/** Average days (24 h) of `minutes` over `n` dossiers, 2 decimals. */
const days = (minutes: number, n: number) => Math.round((minutes * 100) / 1440 / n) / 100;

/**
 * 2.2 — average processing time, in days (24 h) with 2 decimals: from receipt to the end of
 * processing, less the time the legal clock was paused (supplement, payment), over the dossiers
 * settled in the period. Null without a settled dossier. Not a percentage: `unit` says so.
 */
export function indicator22(c: ResultCounts): IndicatorValue & { unit: 'days' } {
  const minutes = Math.max(0, c.processingMinutes);
  return {
    id: '2.2',
    name: 'Thời gian giải quyết trung bình một hồ sơ TTHC',
    formula: 'Σ (end of processing − receipt − paused time) of settled dossiers / settled, in days',
    formulaVi:
      'Tổng thời gian giải quyết các hồ sơ đã giải quyết trong kỳ (từ khi tiếp nhận đến khi xử lý xong, trừ thời gian tạm dừng) / Số hồ sơ đã giải quyết trong kỳ (ngày)',
    numerator: Math.round(minutes),
    denominator: c.settled,
    value: c.settled === 0 ? null : days(minutes, c.settled),
    unit: 'days',
    ...(c.byProcedure && Object.keys(c.byProcedure).length > 0
      ? {
          byProcedure: Object.entries(c.byProcedure)
            .filter(([, p]) => p.settled > 0)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([code, p]) => ({
              code,
              settled: p.settled,
              days: days(Math.max(0, p.minutes), p.settled),
            })),
        }
      : {}),
  };
}

/** The full index with 2.2 and 4.1 computed from `c` in place of their "chưa thu thập" entries. */
export function withResultIndicators(index: readonly IndicatorValue[], c: ResultCounts): IndicatorValue[] {
  const computed = new Map<string, IndicatorValue>([
    ['2.2', indicator22(c)],
    ['4.1', indicator41(c)],
  ]);
  return index.map((i) => computed.get(i.id) ?? i);
}

/**
 * Said next to every score: the split of a group's points among its indicators is motcua's assumption,
 * not the Decision's text.
 */
export const SCORING_ASSUMPTION =
  'Giả định của motcua: điểm mỗi nhóm (18/20/22/22/18) được chia đều cho các chỉ số Quyết định 766 liệt kê trong nhóm; chỉ số đạt điểm theo tỷ lệ giá trị đến ngưỡng tối đa (3.3 ≥ 50%, 4.2 và 4.3 ≥ 80%, 5.4 ≥ 90%, còn lại 100%). Cách chia điểm chính thức chưa được công bố.';

/** Group points of Decision 766 and the indicators the Decision lists in each group. */
export const GROUPS_766: ReadonlyArray<{ group: number; name: string; points: number; ids: string[] }> = [
  { group: 1, name: 'Công khai, minh bạch', points: 18, ids: ['1.1', '1.2', '1.3', '1.4'] },
  { group: 2, name: 'Tiến độ, kết quả giải quyết', points: 20, ids: ['2.1', '2.2'] },
  { group: 3, name: 'Cung cấp dịch vụ trực tuyến', points: 22, ids: ['3.1', '3.2', '3.3', '3.5', '3.6'] },
  { group: 4, name: 'Số hóa hồ sơ', points: 22, ids: ['4.1', '4.2', '4.3', '4.4', '4.5'] },
  { group: 5, name: 'Mức độ hài lòng', points: 18, ids: ['5.1', '5.2', '5.3', '5.4'] },
];

/** Value (percent) at which an indicator earns its full share (docs/domain-vn.md §1.4). */
export const FULL_SCORE_AT: Readonly<Record<string, number>> = { '3.3': 50, '4.2': 80, '4.3': 80, '5.4': 90 };

/** Indicators with a value that is not scored, and why. */
export const UNSCORED: Readonly<Record<string, string>> = {
  '2.2': 'Quyết định 766 chưa công bố cách quy đổi thời gian giải quyết trung bình ra điểm',
  '5.1': 'Chỉ số thống kê theo loại, không quy đổi ra điểm',
};

export interface IndicatorScore {
  id: string;
  group: number;
  /** The indicator's share of its group's points. */
  max: number;
  /** Points earned; null when the indicator is not collected, has no value or is not scored. */
  points: number | null;
  /** Why there are no points, when `points` is null. */
  reason?: string;
}

export interface Score766 {
  /** Σ points earned, 2 decimals. */
  score: number;
  /** Σ max of the indicators that were scored: the most a unit could earn on the data motcua holds. */
  attainable: number;
  /** Points per group. */
  groups: { group: number; name: string; max: number; points: number }[];
  components: IndicatorScore[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The Decision 766 score of one unit from its full index (`index766Full` with the computed ones merged). */
export function score766(index: readonly IndicatorValue[]): Score766 {
  const byId = new Map<string, IndicatorValue>(index.map((i) => [i.id, i]));
  const components: IndicatorScore[] = [];
  const groups: Score766['groups'] = [];
  let score = 0;
  let attainable = 0;
  for (const g of GROUPS_766) {
    const share = g.points / g.ids.length;
    let groupPoints = 0;
    for (const id of g.ids) {
      const i = byId.get(id);
      const max = round2(share);
      if (!i || i.missing) {
        components.push({ id, group: g.group, max, points: null, reason: i?.missing ?? 'Chưa thu thập' });
        continue;
      }
      if (UNSCORED[id]) {
        components.push({ id, group: g.group, max, points: null, reason: UNSCORED[id] });
        continue;
      }
      attainable += share;
      if (i.value === null) {
        // Nothing to judge (no dossier in the denominator): no points, as the unit has no result to show.
        components.push({ id, group: g.group, max, points: 0, reason: 'Không có hồ sơ trong kỳ' });
        continue;
      }
      const full = FULL_SCORE_AT[id] ?? 100;
      const points = share * Math.min(1, Math.max(0, i.value) / full);
      groupPoints += points;
      components.push({ id, group: g.group, max, points: round2(points) });
    }
    score += groupPoints;
    groups.push({ group: g.group, name: g.name, max: g.points, points: round2(groupPoints) });
  }
  return { score: round2(score), attainable: round2(attainable), groups, components };
}

/**
 * Rank units by score, highest first, as the Decision ranks them: equal scores share a rank and the
 * next rank skips (1, 1, 3). Units with equal scores are listed by code.
 */
export function rankByScore<T extends { code: string; score: number }>(
  units: readonly T[],
): (T & { rank: number })[] {
  const sorted = [...units].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  const out: (T & { rank: number })[] = [];
  sorted.forEach((u, k) => {
    const prev = out[k - 1];
    out.push({ ...u, rank: prev && prev.score === u.score ? prev.rank : k + 1 });
  });
  return out;
}
