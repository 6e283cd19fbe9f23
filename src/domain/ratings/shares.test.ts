import { describe, expect, it } from 'vitest';
import { ratingFigures } from './shares.ts';

describe('rating figures', () => {
  it('gives totals and shares with one decimal', () => {
    const f = ratingFigures({ very_satisfied: 2, satisfied: 0, dissatisfied: 1 });
    expect(f.total).toBe(3);
    expect(f.shares).toEqual({ very_satisfied: 66.7, satisfied: 0, dissatisfied: 33.3 });
    expect(f.satisfiedShare).toBe(66.7);
  });
  it('has no shares when nothing was rated', () => {
    const f = ratingFigures({ very_satisfied: 0, satisfied: 0, dissatisfied: 0 });
    expect(f.total).toBe(0);
    expect(f.shares.dissatisfied).toBeNull();
    expect(f.satisfiedShare).toBeNull();
  });
});
