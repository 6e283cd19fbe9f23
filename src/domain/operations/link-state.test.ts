import { describe, expect, it } from 'vitest';
import { denseBuckets, linkState, worstState } from './link-state.ts';

const ok = { ok: true };
const ko = { ok: false };

describe('link state', () => {
  it('reads down, degraded, up, idle and off from attempts, probe and lag', () => {
    const base = { configured: true, overdue: 0 };
    expect(linkState({ ...base, recent: [ko, ko, ko, ok] })).toEqual({ state: 'down', reasons: ['failing'] });
    expect(linkState({ ...base, probe: { ok: false, latencyMs: 5 }, recent: [ok] })).toEqual({
      state: 'down',
      reasons: ['probe_failed'],
    });
    expect(linkState({ ...base, recent: [ko, ko, ok] })).toEqual({
      state: 'degraded',
      reasons: ['last_failed'],
    });
    expect(linkState({ ...base, probe: { ok: true, latencyMs: 2500 }, recent: [ok] }).reasons).toEqual([
      'slow',
    ]);
    expect(linkState({ ...base, overdue: 2, recent: [ok] }).reasons).toEqual(['lagging']);
    // A recovered link is up again at its first success, whatever failed before it.
    expect(linkState({ ...base, probe: { ok: true, latencyMs: 20 }, recent: [ok, ko, ko, ko] }).state).toBe(
      'up',
    );
    expect(linkState({ ...base, recent: [] }).state).toBe('idle');
    expect(linkState({ ...base, configured: false, recent: [ko] }).state).toBe('off');
    expect(worstState(['up', 'idle', 'degraded', 'off'])).toBe('degraded');
    expect(worstState([])).toBe('off');
  });

  it('fills dense buckets ending with the current one, with a null rate where nothing was tried', () => {
    const now = new Date('2026-12-07T10:07:00Z');
    const bucketMs = 300_000;
    const current = Math.floor(now.getTime() / bucketMs);
    const b = denseBuckets(
      new Map([
        [current, { attempts: 3, failures: 1 }],
        [current - 2, { attempts: 4, failures: 4 }],
        [current - 9, { attempts: 1, failures: 0 }],
      ]),
      now,
      bucketMs,
      3,
    );
    expect(b).toEqual([
      { at: '2026-12-07T09:55:00.000Z', attempts: 4, failures: 4, errorRate: 100 },
      { at: '2026-12-07T10:00:00.000Z', attempts: 0, failures: 0, errorRate: null },
      { at: '2026-12-07T10:05:00.000Z', attempts: 3, failures: 1, errorRate: 33.33 },
    ]);
  });
});
