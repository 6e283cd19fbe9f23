import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromEpochDay, toEpochDay, vnInstant } from '../calendar/vn-time.ts';
import type { NationalStatus } from '../lifecycle/statuses.ts';
import type { DossierFacts } from './facts.ts';
import { index766 } from './index-766.ts';
import { periodInstants, type ReportPeriod } from './periods.ts';
import {
  addCounts,
  emptyCounts,
  type SettlementCounts,
  settlementInconsistencies,
  settlementReport,
  settlementRow,
} from './settlement.ts';

const DAY0 = toEpochDay('2025-01-01');
const DAYS = 365;
const MINUTE = 60_000;

/** Instants over 2025: any minute, or exactly a Vietnamese midnight (the period bounds). */
const instantArb = fc.oneof(
  fc
    .integer({ min: 0, max: DAYS * 1440 })
    .map((m) => new Date(vnInstant('2025-01-01', 0).getTime() + m * MINUTE)),
  fc.integer({ min: 0, max: DAYS }).map((d) => vnInstant(fromEpochDay(DAY0 + d), 0)),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 3 });

const FIELDS = [
  ['CT', 'Chứng thực'],
  ['HT', 'Hộ tịch'],
  ['HKD', 'Hộ kinh doanh'],
] as const;

/**
 * Dossier facts with every status and independent, possibly inconsistent timestamps (ends before
 * receipt, missing ends, pauses on open dossiers): the arithmetic must hold for messy data too.
 */
const factArb: fc.Arbitrary<DossierFacts> = fc
  .record({
    n: fc.nat(),
    field: fc.integer({ min: 0, max: 2 }),
    proc: fc.integer({ min: 0, max: 3 }),
    unitCode: fc.constantFrom('28693', '28694'),
    channel: fc.constantFrom<1 | 2 | 3>(1, 2, 3),
    status: fc.integer({ min: 1, max: 10 }).map((s) => s as NationalStatus),
    receivedAt: maybe(instantArb),
    dueAtLegal: instantArb,
    processingEndedAt: maybe(instantArb),
    returnedAt: maybe(instantArb),
    withdrawnAt: maybe(instantArb),
    pausedSince: maybe(instantArb),
    supplementRequests: fc.integer({ min: 0, max: 3 }),
    hasAttachments: fc.boolean(),
    hasResultFile: fc.boolean(),
    rating: fc.constantFrom<DossierFacts['rating']>(null, 'very_satisfied', 'satisfied', 'dissatisfied'),
  })
  .map((r) => {
    const [fieldCode, fieldName] = FIELDS[r.field] ?? FIELDS[0];
    return {
      code: `H${r.n}`,
      unitCode: r.unitCode,
      fieldCode,
      fieldName,
      procedureCode: `${fieldCode}.${r.proc}`,
      procedureName: `${fieldName} ${r.proc}`,
      channel: r.channel,
      status: r.status,
      receivedAt: r.receivedAt,
      dueAt: r.dueAtLegal,
      dueAtLegal: r.dueAtLegal,
      processingEndedAt: r.processingEndedAt,
      returnedAt: r.returnedAt,
      withdrawnAt: r.withdrawnAt,
      supplementRequests: r.supplementRequests,
      pausedSince: r.pausedSince,
      hasAttachments: r.hasAttachments,
      hasResultFile: r.hasResultFile,
      rating: r.rating,
    };
  });
const factsArb = fc.array(factArb, { maxLength: 60 });

/** A period somewhere in (or slightly around) 2025, 1–120 days long. */
const periodArb: fc.Arbitrary<ReportPeriod> = fc
  .record({ start: fc.integer({ min: -20, max: DAYS }), len: fc.integer({ min: 1, max: 120 }) })
  .map(({ start, len }) => ({ from: fromEpochDay(DAY0 + start), to: fromEpochDay(DAY0 + start + len - 1) }));

function allCounts(c: SettlementCounts): number[] {
  return [
    ...Object.values(c.received),
    ...Object.values(c.settled),
    ...Object.values(c.inProcess),
    c.withdrawnOrStopped,
  ];
}

/** The column rules written out as flat filters, independently of placement.ts. */
function oracle(facts: DossierFacts[], p: ReportPeriod) {
  const s = periodInstants(p).start.getTime();
  const e = periodInstants(p).end.getTime();
  const counted = facts.filter((f) => f.status !== 1 && f.status !== 3 && f.receivedAt);
  const r = (f: DossierFacts) => f.receivedAt?.getTime() ?? Number.NaN;
  const endOf = (f: DossierFacts): number | null => {
    let t: number | null = null;
    if (f.status === 9 || f.status === 10) t = (f.processingEndedAt ?? f.returnedAt)?.getTime() ?? null;
    else if (f.status === 7 || f.status === 8) {
      const ts = [f.processingEndedAt, f.withdrawnAt].filter((d): d is Date => !!d).map((d) => d.getTime());
      t = ts.length ? Math.min(...ts) : null;
    }
    return t === null ? null : Math.max(t, r(f));
  };
  const inPeriod = (t: number | null) => t !== null && s <= t && t < e;
  return {
    online: counted.filter((f) => inPeriod(r(f)) && f.channel === 2).length,
    direct: counted.filter((f) => inPeriod(r(f)) && f.channel !== 2).length,
    carriedOver: counted.filter((f) => r(f) < s && (endOf(f) === null || (endOf(f) ?? 0) >= s)).length,
    settled: counted.filter((f) => (f.status === 9 || f.status === 10) && inPeriod(endOf(f))).length,
    withdrawnOrStopped: counted.filter((f) => (f.status === 7 || f.status === 8) && inPeriod(endOf(f)))
      .length,
    inProcess: counted.filter((f) => r(f) < e && (endOf(f) === null || (endOf(f) ?? 0) >= e)).length,
  };
}

describe('Biểu II.06a arithmetic (properties)', () => {
  it('received = settled + in process + withdrawn/stopped for every row and the total; total = sum of rows', () => {
    fc.assert(
      fc.property(
        factsArb,
        periodArb,
        fc.constantFrom('field', 'procedure', 'unit' as const),
        (facts, p, groupBy) => {
          const r = settlementReport(facts, p, groupBy);
          for (const row of [...r.rows, r.total]) {
            expect(settlementInconsistencies(row)).toEqual([]);
            expect(row.received.total).toBe(row.settled.total + row.inProcess.total + row.withdrawnOrStopped);
            for (const n of allCounts(row)) expect(n).toBeGreaterThanOrEqual(0);
          }
          for (const row of r.rows) expect(row.received.total).toBeGreaterThan(0);
          const { key: _k, ...total } = r.total;
          expect(total).toEqual(r.rows.reduce<SettlementCounts>(addCounts, emptyCounts()));
          expect(total).toEqual(settlementRow(facts, p));
          expect(new Set(r.rows.map((x) => x.key.code)).size).toBe(r.rows.length);
        },
      ),
    );
  });

  it('matches the column rules written as flat filters', () => {
    fc.assert(
      fc.property(factsArb, periodArb, (facts, p) => {
        const c = settlementRow(facts, p);
        const o = oracle(facts, p);
        expect({
          online: c.received.online,
          direct: c.received.direct,
          carriedOver: c.received.carriedOver,
          settled: c.settled.total,
          withdrawnOrStopped: c.withdrawnOrStopped,
          inProcess: c.inProcess.total,
        }).toEqual(o);
      }),
    );
  });

  it('adjacent periods chain: carried over = previous in process; flows add up over the union', () => {
    fc.assert(
      fc.property(factsArb, periodArb, fc.integer({ min: 1, max: 60 }), (facts, p1, len2) => {
        const p2 = { from: addDays(p1.to, 1), to: addDays(p1.to, len2) };
        const union = { from: p1.from, to: p2.to };
        const a = settlementRow(facts, p1);
        const b = settlementRow(facts, p2);
        const u = settlementRow(facts, union);
        expect(b.received.carriedOver).toBe(a.inProcess.total);
        expect(u.received.carriedOver).toBe(a.received.carriedOver);
        expect(u.received.online).toBe(a.received.online + b.received.online);
        expect(u.received.direct).toBe(a.received.direct + b.received.direct);
        expect(u.settled).toEqual(addCounts(a, b).settled);
        expect(u.withdrawnOrStopped).toBe(a.withdrawnOrStopped + b.withdrawnOrStopped);
        expect(u.inProcess).toEqual(b.inProcess);
      }),
    );
  });

  it('does not depend on the order of the facts', () => {
    fc.assert(
      fc.property(factsArb, periodArb, fc.integer(), (facts, p, seed) => {
        const shuffled = facts
          .map((f, i) => ({ f, k: Math.imul(i + 1, seed | 1) ^ seed }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.f);
        expect(settlementRow(shuffled, p)).toEqual(settlementRow(facts, p));
      }),
    );
  });

  it('Index 766 values agree with the report columns and stay within 0–100', () => {
    fc.assert(
      fc.property(factsArb, periodArb, (facts, p) => {
        const c = settlementRow(facts, p);
        const [i21, i33, i42, i54] = index766(facts, p);
        for (const i of [i21, i33, i42, i54]) {
          if (!i) throw new Error('missing indicator');
          expect(i.numerator).toBeGreaterThanOrEqual(0);
          expect(i.numerator).toBeLessThanOrEqual(i.denominator);
          if (i.denominator === 0) expect(i.value).toBeNull();
          else {
            expect(i.value).toBeGreaterThanOrEqual(0);
            expect(i.value).toBeLessThanOrEqual(100);
            expect(Number((i.value ?? 0).toFixed(2))).toBe(i.value);
          }
        }
        expect(i21?.denominator).toBe(c.received.total);
        expect(i21?.numerator).toBeGreaterThanOrEqual(
          c.settled.early + c.settled.onTime + c.inProcess.withinTime,
        );
        expect(i21?.numerator).toBeLessThanOrEqual(
          c.settled.early + c.settled.onTime + c.inProcess.withinTime + c.withdrawnOrStopped,
        );
        expect(i33?.numerator).toBe(c.received.online);
        expect(i33?.denominator).toBe(c.received.online + c.received.direct);
        expect(i42?.denominator).toBe(c.settled.total);
        expect(i54?.denominator).toBe(c.received.total);
        expect(i54?.numerator).toBeLessThanOrEqual(i21?.numerator ?? 0);
      }),
    );
  });
});
