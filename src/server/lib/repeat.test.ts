import { describe, expect, it } from 'vitest';
import { repeat } from './repeat.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('repeat (background loops)', () => {
  it('runs one pass at a time, each an interval after the previous one ended', async () => {
    let inFlight = 0;
    let most = 0;
    const ends: number[] = [];
    const starts: number[] = [];
    const loop = repeat(
      async () => {
        starts.push(performance.now());
        inFlight += 1;
        most = Math.max(most, inFlight);
        await sleep(30);
        inFlight -= 1;
        ends.push(performance.now());
      },
      { intervalMs: 20, firstAfterMs: 0 },
    );
    await sleep(250);
    await loop.stop();
    expect(most).toBe(1);
    expect(starts.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - ends[i - 1]!).toBeGreaterThanOrEqual(15);
  });

  it('goes on after a failing pass, reporting it, and a pass may ask for the next at once', async () => {
    const errors: unknown[] = [];
    let n = 0;
    const loop = repeat(
      async () => {
        n += 1;
        if (n === 1) throw new Error('boom');
        // While "busy" (passes 2–5): the next pass at once, not after the long interval.
        return n <= 5 ? 0 : undefined;
      },
      { intervalMs: 60_000, firstAfterMs: 0, onError: (err) => errors.push(err) },
    );
    await sleep(50);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe('boom');
    // Pass 1 failed → the interval (a minute) before pass 2; so only one pass ran.
    expect(n).toBe(1);
    await loop.stop();

    let m = 0;
    const busy = repeat(async () => (++m <= 5 ? 0 : undefined), { intervalMs: 60_000, firstAfterMs: 0 });
    await sleep(100);
    await busy.stop();
    expect(m).toBe(6);
  });

  it('stop() waits for the running pass and no pass starts after it', async () => {
    let finished = false;
    let passes = 0;
    const loop = repeat(
      async () => {
        passes += 1;
        await sleep(50);
        finished = true;
        return 0;
      },
      { intervalMs: 10, firstAfterMs: 0 },
    );
    await sleep(10);
    await loop.stop();
    expect(finished).toBe(true);
    const after = passes;
    await sleep(60);
    expect(passes).toBe(after);
  });
});
