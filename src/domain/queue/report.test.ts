import { describe, expect, it } from 'vitest';
import { percentile, queueReport, type Visit } from './report.ts';

const base = Date.parse('2026-12-08T01:00:00Z'); // 08:00 in Vietnam
const min = 60_000;

function visit(over: Partial<Visit> & { taken: number }): Visit {
  return {
    day: '2026-12-08',
    number: 1,
    field: null,
    counter: 1,
    status: 'served',
    outcome: 'none',
    dossierCode: null,
    takenMs: base + over.taken * min,
    firstCalledMs: null,
    calledMs: null,
    finishedMs: null,
    ...over,
  };
}

describe('the hall report figures', () => {
  it('takes nearest-rank percentiles: a real observed value, rank ⌈p·n⌉', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([40, 10, 30, 20], 50)).toBe(20);
    expect(percentile([40, 10, 30, 20], 90)).toBe(40);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
  });

  it('counts waits from the first call and service from the answered call; no-shows have no service time', () => {
    const r = queueReport([
      // Called at 08:05 (wait 300 s), recalled 08:07, finished 08:10 (service 180 s).
      visit({
        taken: 0,
        firstCalledMs: base + 5 * min,
        calledMs: base + 7 * min,
        finishedMs: base + 10 * min,
      }),
      // No-show: waited 120 s, no service time.
      visit({
        taken: 70,
        number: 2,
        status: 'no_show',
        outcome: null,
        firstCalledMs: base + 72 * min,
        calledMs: base + 72 * min,
        finishedMs: base + 73 * min,
      }),
      // Still waiting: counted as a ticket, no times.
      visit({ taken: 75, number: 3, status: 'waiting', outcome: null, counter: null }),
    ]);
    expect(r.totals).toMatchObject({ tickets: 3, served: 1, noShow: 1, waitP50: 120, waitP90: 300 });
    expect(r.totals.serviceP50).toBe(180);
    expect(r.byHour.map((h) => [h.hour, h.tickets])).toEqual([
      [8, 1],
      [9, 2],
    ]);
    expect(r.busiestHours).toEqual([
      { hour: 9, tickets: 2 },
      { hour: 8, tickets: 1 },
    ]);
    expect(r.byCounter.map((c) => c.counter)).toEqual([null, 1]);
  });
});
