import { describe, expect, it } from 'vitest';
import { index766Full } from './index-766.ts';
import { indicator14, indicator45, withSyncIndicators } from './sync-766.ts';

const counts = { received: 8, synced: 6, populationData: 3, syncCollected: true, populationCollected: true };

describe('Decision 766 sync indicators', () => {
  it('1.4 = synced / received, 4.5 = population data / received, 2 decimals', () => {
    expect([
      indicator14(counts).numerator,
      indicator14(counts).denominator,
      indicator14(counts).value,
    ]).toEqual([6, 8, 75]);
    expect(indicator45(counts).value).toBe(37.5);
    expect(indicator14({ ...counts, received: 0, synced: 0 }).value).toBeNull();
  });

  it('says "chưa thu thập" instead of 0 when nothing is synchronised or looked up, and keeps the index order', () => {
    const none = { ...counts, syncCollected: false, populationCollected: false };
    expect(indicator14(none)).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(indicator14(none).missing).toMatch(/chưa/);
    expect(indicator45(none).missing).toMatch(/chưa/);
    const zero = {
      processed: 0,
      onTime: 0,
      receivedOnline: 0,
      receivedInPeriod: 0,
      settled: 0,
      digitised: 0,
      dissatisfied: 0,
    };
    const full = index766Full(
      zero,
      { offered: 0, offeredOnline: 0, onlineWithDossiers: 0 },
      { ratingsCollected: false },
    );
    const merged = withSyncIndicators(full, counts);
    expect(merged.map((i) => i.id)).toEqual(full.map((i) => i.id));
    expect(merged.find((i) => i.id === '1.4')?.value).toBe(75);
    expect(merged.find((i) => i.id === '4.5')?.missing).toBeUndefined();
  });
});
