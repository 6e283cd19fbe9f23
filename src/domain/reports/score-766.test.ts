import { describe, expect, it } from 'vitest';
import { index766Full } from './index-766.ts';
import { indicator22, indicator41, rankByScore, score766, withResultIndicators } from './score-766.ts';
import { withSyncIndicators } from './sync-766.ts';

/*
 * A hand-computed fixture for the Decision 766 score (docs/domain-vn.md §1.4):
 *   10 dossiers processed, 8 on time                        → 2.1 = 80 %
 *   8 received in the period, 2 online                      → 3.3 = 25 %  (full score at 50 %)
 *   6 settled, 3 with attachments and a result file         → 4.2 = 50 %  (full at 80 %)
 *   6 settled, 4 with an electronic result                  → 4.1 = 66.67 %
 *   6 settled in 9 000 minutes of processing                → 2.2 = 1.04 days (not scored)
 *   10 procedures offered, 5 online, 4 of them with dossiers → 3.1 = 50 %, 3.2 = 80 %
 *   ratings: 1 dissatisfied                                   → 5.4 = (10 − 2 − 1) / 10 = 70 % (full at 90 %)
 *   8 received, 6 synchronised, 2 with population data     → 1.4 = 75 %, 4.5 = 25 %
 * Points (group points split equally among the group's indicators):
 *   group 1: 18/4 = 4.5 each; 1.4 → 4.5 × 0.75 = 3.375
 *   group 2: 20/2 = 10 each;  2.1 → 10 × 0.8 = 8
 *   group 3: 22/5 = 4.4 each; 3.1 → 2.2; 3.2 → 3.52; 3.3 → 4.4 × 25/50 = 2.2
 *   group 4: 22/5 = 4.4 each; 4.1 → 4.4 × 0.6667 = 2.9333; 4.2 → 4.4 × 50/80 = 2.75; 4.5 → 1.1
 *   group 5: 18/4 = 4.5 each; 5.4 → 4.5 × 70/90 = 3.5
 *   total = 3.375 + 8 + 7.92 + 6.7833 + 3.5 = 29.5783 → 29.58
 *   attainable = 4.5 + 10 + 3 × 4.4 + 3 × 4.4 + 4.5 = 45.4
 */
const counts = {
  processed: 10,
  onTime: 8,
  receivedOnline: 2,
  receivedInPeriod: 8,
  settled: 6,
  digitised: 3,
  dissatisfied: 1,
};
const catalogue = { offered: 10, offeredOnline: 5, onlineWithDossiers: 4 };
const sync = { received: 8, synced: 6, populationData: 2, syncCollected: true, populationCollected: true };
const results = { settled: 6, electronic: 4, processingMinutes: 9000 };

const fullIndex = () =>
  withResultIndicators(
    withSyncIndicators(index766Full(counts, catalogue, { ratingsCollected: true }), sync),
    results,
  );

describe('Decision 766 indicators 2.2 and 4.1', () => {
  it('computes them by hand, with the wording of the Decision', () => {
    expect(indicator41(results)).toMatchObject({ numerator: 4, denominator: 6, value: 66.67 });
    expect(indicator41(results).name).toBe('Tỷ lệ hồ sơ có kết quả điện tử');
    // 9 000 min / 6 = 1 500 min = 1.0417 days.
    expect(indicator22(results)).toMatchObject({ denominator: 6, value: 1.04, unit: 'days' });
    expect(indicator22(results).formulaVi).toMatch(/trừ thời gian tạm dừng/);
    expect(indicator22({ settled: 0, electronic: 0, processingMinutes: 0 }).value).toBeNull();
    expect(indicator41({ settled: 0, electronic: 0, processingMinutes: 0 }).value).toBeNull();
  });

  it('replaces their "chưa thu thập" entries and keeps the order of the index', () => {
    const before = index766Full(counts, catalogue, { ratingsCollected: true });
    expect(before.find((i) => i.id === '4.1')?.missing).toMatch(/chưa/);
    const after = fullIndex();
    expect(after.map((i) => i.id)).toEqual(before.map((i) => i.id));
    expect(after.find((i) => i.id === '4.1')?.missing).toBeUndefined();
    expect(after.find((i) => i.id === '2.2')?.value).toBe(1.04);
  });
});

describe('Decision 766 score and ranking', () => {
  it('scores the fixture by hand', () => {
    const s = score766(fullIndex());
    expect(s.score).toBe(29.58);
    expect(s.attainable).toBe(45.4);
    expect(s.groups.map((g) => [g.group, g.max, g.points])).toEqual([
      [1, 18, 3.38],
      [2, 20, 8],
      [3, 22, 7.92],
      [4, 22, 6.78],
      [5, 18, 3.5],
    ]);
    const c = Object.fromEntries(s.components.map((k) => [k.id, k]));
    expect(c['3.3']?.points).toBe(2.2);
    expect(c['4.2']?.points).toBe(2.75);
    expect(c['5.4']?.points).toBe(3.5);
    // Not collected or not scored: no points, and the reason.
    expect(c['1.1']).toMatchObject({ points: null, max: 4.5 });
    expect(c['1.1']?.reason).toMatch(/chưa/i);
    expect(c['2.2']?.points).toBeNull();
    expect(c['2.2']?.reason).toMatch(/quy đổi/);
    expect(s.components).toHaveLength(20);
  });

  it('caps an indicator at its full score and gives nothing for a value of 0', () => {
    const high = withResultIndicators(
      withSyncIndicators(
        index766Full({ ...counts, receivedOnline: 6 }, catalogue, { ratingsCollected: true }),
        sync,
      ),
      results,
    );
    // 3.3 = 75 % ≥ 50 %: the full 4.4.
    expect(score766(high).components.find((k) => k.id === '3.3')?.points).toBe(4.4);
    const none = withResultIndicators(
      withSyncIndicators(
        index766Full({ ...counts, receivedOnline: 0 }, catalogue, { ratingsCollected: true }),
        sync,
      ),
      results,
    );
    expect(score766(none).components.find((k) => k.id === '3.3')?.points).toBe(0);
  });

  it('ranks by score, equal scores share a rank and the next rank skips', () => {
    const ranked = rankByScore([
      { code: 'c', score: 40 },
      { code: 'a', score: 55.5 },
      { code: 'd', score: 40 },
      { code: 'b', score: 12 },
    ]);
    expect(ranked.map((r) => [r.code, r.rank])).toEqual([
      ['a', 1],
      ['c', 2],
      ['d', 2],
      ['b', 4],
    ]);
  });
});
