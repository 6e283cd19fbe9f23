/** The three levels of a citizen's rating (Decision 766 5.4; domain-vn.md §6.3). */
export const RATING_LEVELS = ['very_satisfied', 'satisfied', 'dissatisfied'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export interface RatingCounts {
  very_satisfied: number;
  satisfied: number;
  dissatisfied: number;
}

export interface RatingFigures extends RatingCounts {
  total: number;
  /** Per level, its share of the total in percent with one decimal; null when nothing was rated. */
  shares: Record<RatingLevel, number | null>;
  /** Rất hài lòng + Hài lòng as a share of the total (one decimal); null when nothing was rated. */
  satisfiedShare: number | null;
}

const pct = (n: number, total: number) => (total === 0 ? null : Math.round((n * 1000) / total) / 10);

/** Counts, total and shares of a set of ratings. */
export function ratingFigures(c: RatingCounts): RatingFigures {
  const total = c.very_satisfied + c.satisfied + c.dissatisfied;
  return {
    ...c,
    total,
    shares: {
      very_satisfied: pct(c.very_satisfied, total),
      satisfied: pct(c.satisfied, total),
      dissatisfied: pct(c.dissatisfied, total),
    },
    satisfiedShare: pct(c.very_satisfied + c.satisfied, total),
  };
}
