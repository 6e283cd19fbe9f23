import { describe, expect, it } from 'vitest';
import { MIN_SAMPLES, quantile, stepDuration, workingTimeWords } from './prediction.ts';
import type { WorkflowStep } from './workflow.ts';

const step: WorkflowStep = {
  key: 'appraise',
  name: 'Thẩm định',
  role: 'specialist',
  allowance: { amount: 20, unit: 'working_hours' },
};

describe('finish prediction', () => {
  it('takes quantiles by interpolation', () => {
    expect(quantile([4, 1, 3, 2, 5], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4, 5], 0.8)).toBeCloseTo(4.2);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('uses the commune, then the province, then the allowance', () => {
    const many = Array.from({ length: MIN_SAMPLES }, (_, i) => 480 * (i + 1));
    expect(stepDuration(step, many, undefined).source).toBe('commune');
    expect(stepDuration(step, many.slice(1), many).source).toBe('province');
    const fallback = stepDuration(step, many.slice(1), many.slice(2));
    expect(fallback).toEqual({ p50: 1200, p80: 1200, samples: 0, source: 'allowance' });
  });

  it('words working time', () => {
    expect(workingTimeWords(1440)).toBe('3 ngày làm việc');
    expect(workingTimeWords(720)).toBe('1,5 ngày làm việc');
    expect(workingTimeWords(120)).toBe('2 giờ làm việc');
    expect(workingTimeWords(30)).toBe('30 phút làm việc');
  });
});
