import { describe, expect, it } from 'vitest';
import { byRole } from '../../test-support/roles.ts';
import { assistedFiling, canDownloadResult, canRate, canWithdraw, supplementKind } from './policy.ts';

const STATUSES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** What a policy answers for a dossier in each national status (1–10). */
function byStatus<T>(answer: (status: number) => T): Record<number, T> {
  return Object.fromEntries(STATUSES.map((s) => [s, answer(s)]));
}

describe('citizen policy (what a citizen may do with their own dossier, by status)', () => {
  it('withdraws where the lifecycle lets a withdrawal start', () => {
    expect(byStatus((status) => canWithdraw({ status, subState: 'none' }))).toEqual({
      1: true,
      2: true,
      3: false,
      4: true,
      5: true,
      6: true,
      7: false,
      8: false,
      9: false,
      10: false,
    });
  });

  it('supplements what reception asked before receipt, or while processing is paused for it', () => {
    const asked = byStatus((status) => supplementKind({ status, subState: 'pre_supplement' }));
    expect(asked[1]).toBe('pre_receipt');
    expect(asked[5]).toBe('processing');
    expect(STATUSES.filter((s) => asked[s] !== undefined)).toEqual([1, 5]);
    expect(supplementKind({ status: 1, subState: 'none' })).toBeUndefined();
  });

  it('rates once the result was returned, downloads it once issued', () => {
    expect(STATUSES.filter((status) => canRate({ status, subState: 'none' }))).toEqual([10]);
    expect(
      STATUSES.filter((status) => canDownloadResult({ status, subState: 'none', hasResult: true })),
    ).toEqual([9, 10]);
    expect(canDownloadResult({ status: 10, subState: 'none', hasResult: false })).toBe(false);
  });
});

describe('assisted filing (an officer files an online dossier for a citizen at the counter)', () => {
  it('lets only a reception officer file, into their own commune', () => {
    expect(byRole((u) => [assistedFiling(u, '28693'), assistedFiling(u, '28696')])).toEqual({
      reception: ['allowed', 'other_commune'],
      specialist: ['not_receiving', 'not_receiving'],
      leader: ['not_receiving', 'not_receiving'],
      province: ['not_receiving', 'not_receiving'],
      admin: ['not_receiving', 'not_receiving'],
    });
  });
});
