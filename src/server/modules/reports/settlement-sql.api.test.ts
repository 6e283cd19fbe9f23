import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vnInstant } from '../../../domain/calendar/vn-time.ts';
import { index766 } from '../../../domain/reports/index-766.ts';
import { periodInstants, type ReportPeriod, reportInstants } from '../../../domain/reports/periods.ts';
import { type SettlementRow, settlementReport } from '../../../domain/reports/settlement.ts';
import { createTestServer, databaseKinds, type TestServer } from '../../test-support/harness.ts';
import { loadFacts, type ReportGroup, settlementCounts, settlementCountsLive } from './repository.ts';
import { presentSettlement } from './service.ts';

/*
 * The settlement report as the product computes it — from the maintained rollup (`settlementCounts`,
 * kept by the triggers of migration 0001) — and counted live over the dossier rows
 * (`settlementCountsLive`), both against the reference: the pure domain functions `settlementReport`
 * and `index766` over the facts of the same dossiers (`loadFacts`).
 * Random dossiers — every status and channel, timestamps on and around the period's bounds and
 * Vietnamese midnights, ends before receipts, pauses on any status, attachments and result files —
 * are written into the database, and the two must agree exactly for every grouping.
 */

const UNITS = ['28693', '28696', '28261'];
const UNIT_NAMES: Record<string, string> = {
  '28693': 'Xã Tân Thới',
  '28696': 'Xã Tân Phú Đông',
  '28261': 'Xã thứ ba',
};
const GROUPS: ReportGroup[] = ['field', 'sector', 'procedure', 'unit'];
const PERIODS: ReportPeriod[] = [
  { from: '2025-03-01', to: '2025-03-31' },
  { from: '2025-03-15', to: '2025-03-15' },
  { from: '2025-01-01', to: '2025-12-31' },
  { from: '2025-02-15', to: '2025-03-14' },
  { from: '2024-12-15', to: '2025-01-14' },
];
const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

interface GenDossier {
  unit: number;
  procedure: number;
  channel: 1 | 2 | 3;
  status: number;
  receivedAt: Date;
  dueAt: Date;
  dueAtLegal: Date | null;
  processingEndedAt: Date | null;
  returnedAt: Date | null;
  pausedAt: Date | null;
  supplementRequests: number;
  files: number;
  result: boolean;
}

/** An instant near one of the bounds: exactly on it, a millisecond either side, or minutes/days away. */
function instantArb(bounds: Date[]): fc.Arbitrary<Date> {
  return fc
    .record({
      bound: fc.constantFrom(...bounds),
      // Mostly on a bound or a millisecond off, so ends meet appointments and receipts meet bounds.
      shift: fc.oneof(
        { arbitrary: fc.constantFrom(0, 0, -1, 1), weight: 4 },
        { arbitrary: fc.integer({ min: -3 * 1440, max: 3 * 1440 }).map((m) => m * MINUTE), weight: 1 },
        { arbitrary: fc.integer({ min: -40, max: 40 }).map((d) => d * DAY), weight: 1 },
      ),
    })
    .map(({ bound, shift }) => new Date(bound.getTime() + shift));
}

function dossierArb(period: ReportPeriod, procedures: number): fc.Arbitrary<GenDossier> {
  const { start, end } = periodInstants(period);
  const bounds = [start, end, vnInstant(addDays(period.from, 1), 0), vnInstant(period.to, 17 * 60)];
  const at = instantArb(bounds);
  const maybe = (a: fc.Arbitrary<Date>) => fc.option(a, { nil: null, freq: 3 });
  return fc
    .record({
      unit: fc.integer({ min: 0, max: UNITS.length - 1 }),
      procedure: fc.integer({ min: 0, max: procedures - 1 }),
      channel: fc.constantFrom<1 | 2 | 3>(1, 2, 3),
      status: fc.integer({ min: 1, max: 10 }),
      receivedAt: at,
      dueAt: at,
      dueAtLegal: maybe(at),
      processingEndedAt: maybe(at),
      returnedAt: maybe(at),
      pausedAt: maybe(at),
      supplementRequests: fc.integer({ min: 0, max: 3 }),
      files: fc.integer({ min: 0, max: 3 }),
      result: fc.boolean(),
      // Ties the rules turn on: an end exactly at the appointment or at the receipt, a pause begun at the appointment.
      tie: fc.constantFrom('none', 'none', 'end=due', 'return=due', 'end=received', 'pause=due'),
    })
    .map(({ tie, ...d }) => {
      const due = d.dueAtLegal ?? d.dueAt;
      if (tie === 'end=due') return { ...d, processingEndedAt: due };
      if (tie === 'return=due') return { ...d, processingEndedAt: null, returnedAt: due };
      if (tie === 'end=received') return { ...d, processingEndedAt: d.receivedAt };
      if (tie === 'pause=due') return { ...d, pausedAt: due };
      return d;
    });
}

/**
 * When the report is made: after the period (its figures are final), or while it runs — on and around
 * its bounds and inside it, so open dossiers are judged at a cut-off before the end (§1.4).
 */
function nowArb(period: ReportPeriod): fc.Arbitrary<Date> {
  const { start, end } = periodInstants(period);
  return fc.oneof(
    fc.constant(new Date(end.getTime() + 400 * DAY)),
    instantArb([start, end, vnInstant(period.to, 9 * 60), vnInstant(addDays(period.from, 1), 15 * 60)]),
  );
}

/** The API shape of the report, from the reference functions, for a report made at `now`. */
function reference(
  facts: Awaited<ReturnType<typeof loadFacts>>,
  period: ReportPeriod,
  group: ReportGroup,
  now: Date,
) {
  const report = settlementReport(facts, period, group === 'sector' ? 'field' : group, {
    unitNames: UNIT_NAMES,
    now,
  });
  const present = (r: SettlementRow) => ({
    field: r.key,
    received: r.received,
    settled: r.settled,
    inProcess: r.inProcess,
    withdrawnOrStopped: r.withdrawnOrStopped,
  });
  return {
    rows: report.rows.map(present),
    totalRow: present(report.total),
    indicators: index766(facts, reportInstants(period, now)),
  };
}

/** The official columns of a presented report (the results split is checked in the API tests). */
function official(r: ReturnType<typeof presentSettlement>) {
  const strip = ({ results: _, ...row }: (typeof r)['totalRow']) => row;
  return { rows: r.rows.map(strip), totalRow: strip(r.totalRow), indicators: r.indicators };
}

describe.each(databaseKinds())('settlement report in SQL equals the domain functions, on %s', (kind) => {
  let s: TestServer;
  let procedures: Array<{ code: string; field_code: string }>;
  beforeAll(async () => {
    s = await createTestServer(kind);
    // Procedures of different fields and sectors, two of them sharing a field.
    procedures = await s.query<{ code: string; field_code: string }>(
      `SELECT code, field_code FROM (
         SELECT code, field_code, sector_code, row_number() OVER (PARTITION BY field_code ORDER BY code) AS k FROM procedures
       ) p WHERE k <= 2 ORDER BY sector_code, field_code, code LIMIT 6`,
    );
    expect(procedures.length).toBeGreaterThanOrEqual(4);
  });
  afterAll(async () => s?.close());

  /** Column values of a generated dossier, in the order of `DOSSIER_SET` below ($6 on). */
  function values(d: GenDossier) {
    const p = procedures[d.procedure] as { code: string; field_code: string };
    return [
      p.code,
      p.field_code,
      d.channel,
      d.status,
      d.receivedAt.toISOString(),
      d.dueAt.toISOString(),
      d.supplementRequests,
      d.pausedAt?.toISOString() ?? null,
      d.dueAtLegal?.toISOString() ?? null,
      d.processingEndedAt?.toISOString() ?? null,
      d.returnedAt?.toISOString() ?? null,
      d.result ? '{"fileId":"x"}' : null,
    ];
  }

  async function addFiles(unit: string, code: string, count: number) {
    for (let k = 0; k < count; k++) {
      await s.query(
        `INSERT INTO dossier_files (unit_code, dossier_code, id, file_name, content_type, size, sha256, storage_key)
         VALUES ($1, $2, gen_random_uuid(), 'f.pdf', 'application/pdf', 1, '', '')`,
        [unit, code],
      );
    }
  }

  async function store(dossiers: GenDossier[]) {
    await s.query('DELETE FROM dossier_files WHERE unit_code = ANY($1::text[])', [UNITS]);
    await s.query('DELETE FROM dossiers WHERE unit_code = ANY($1::text[])', [UNITS]);
    for (const [i, d] of dossiers.entries()) {
      const unit = UNITS[d.unit] as string;
      const code = `T-${i}`;
      await s.query(
        `INSERT INTO dossiers (unit_code, code, province_code, book_number, procedure_code, field_code, channel, status,
           received_at, due_at, supplement_requests, paused_at, due_at_legal, processing_ended_at, returned_at, result,
           applicant_name, applicant_id_number, applicant_phone, applicant_address, subject, return_method, documents,
           time_limit, due_at_original, received_by, book_volume)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
           'A', '082095001234', '0912345678', 'Đồng Tháp', 'S', 'counter', '[]', '{}', $10,
           '00000000-0000-0000-0000-000000000000', '2025')`,
        [unit, code, unit.slice(0, 2), i + 1, ...values(d)],
      );
      await addFiles(unit, code, d.files);
    }
  }

  /**
   * Rollup, live statement and reference agree for a report made at `now`: after the period (the
   * cut-off is its end) or inside it (the cut-off is `now`, docs/domain-vn.md §1.4).
   */
  async function expectReportsAgree(dossiers: number, period: ReportPeriod, now: Date) {
    const scope = { unit: { code: '82', name: 'Đồng Tháp' }, unitNames: UNIT_NAMES };
    const { cutoff } = reportInstants(period, now);
    for (const group of GROUPS) {
      const facts = await loadFacts(s.ctx.db, UNITS, group);
      expect(facts.length).toBe(dossiers);
      const want = reference(facts, period, group, now);
      const got = presentSettlement(
        await settlementCounts(s.ctx.db, UNITS, period, group, cutoff),
        scope,
        period,
        group,
        cutoff,
      );
      expect(official(got), `rollup, groupBy=${group}, cut-off ${cutoff.toISOString()}`).toEqual(want);
      const live = presentSettlement(
        await settlementCountsLive(s.ctx.db, UNITS, period, group, cutoff),
        scope,
        period,
        group,
        cutoff,
      );
      expect(official(live), `live, groupBy=${group}, cut-off ${cutoff.toISOString()}`).toEqual(want);
    }
  }

  /** The rollup's non-zero rows, in key order. */
  async function rollupRows() {
    return s.query(
      `SELECT * FROM settlement_rollup
       WHERE online <> 0 OR direct <> 0 OR ended <> 0 OR early <> 0 OR on_time <> 0 OR late <> 0 OR withdrawn <> 0
          OR withdrawn_not_late <> 0 OR digitised <> 0 OR due_passed <> 0 OR due_passed_ended <> 0 OR paused_in_time <> 0
       ORDER BY unit_code, grain, bucket, procedure_code, field_code`,
    );
  }

  it('for every grouping, random dossiers around the bounds of a month, a day and a year', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: PERIODS.length - 1 }).chain((k) =>
          fc.record({
            k: fc.constant(k),
            dossiers: fc.array(dossierArb(PERIODS[k] as ReportPeriod, procedures.length), {
              maxLength: 25,
            }),
            now: nowArb(PERIODS[k] as ReportPeriod),
          }),
        ),
        async ({ k, dossiers, now }) => {
          await store(dossiers);
          await expectReportsAgree(dossiers.length, PERIODS[k] as ReportPeriod, now);
        },
      ),
      { numRuns: kind === 'pglite' ? 30 : 40 },
    );
  }, 300_000);

  it('the rollup follows updates, deletions and file changes, and equals a rebuild from the dossiers', async () => {
    const mutation = (period: ReportPeriod) =>
      fc.oneof(
        fc.record({
          kind: fc.constant('update' as const),
          index: fc.nat(),
          to: dossierArb(period, procedures.length),
        }),
        // Only the status, as most lifecycle actions do (the trigger skips changes within a status class).
        fc.record({
          kind: fc.constant('status' as const),
          index: fc.nat(),
          status: fc.integer({ min: 1, max: 10 }),
        }),
        fc.record({ kind: fc.constant('delete' as const), index: fc.nat() }),
        fc.record({ kind: fc.constant('add_file' as const), index: fc.nat() }),
        fc.record({ kind: fc.constant('remove_file' as const), index: fc.nat() }),
      );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: PERIODS.length - 1 }).chain((k) =>
          fc.record({
            k: fc.constant(k),
            dossiers: fc.array(dossierArb(PERIODS[k] as ReportPeriod, procedures.length), {
              minLength: 1,
              maxLength: 15,
            }),
            mutations: fc.array(mutation(PERIODS[k] as ReportPeriod), { minLength: 1, maxLength: 12 }),
            now: nowArb(PERIODS[k] as ReportPeriod),
          }),
        ),
        async ({ k, dossiers, mutations, now }) => {
          await store(dossiers);
          const live = dossiers.map((d, i) => ({ unit: UNITS[d.unit] as string, code: `T-${i}` }));
          for (const m of mutations) {
            if (live.length === 0) break;
            const target = live[m.index % live.length] as { unit: string; code: string };
            if (m.kind === 'update') {
              // Every column the report reads changes at once, as a lifecycle action or a correction would.
              await s.query(
                `UPDATE dossiers SET procedure_code = $3, field_code = $4, channel = $5, status = $6, received_at = $7,
                   due_at = $8, supplement_requests = $9, paused_at = $10, due_at_legal = $11, processing_ended_at = $12,
                   returned_at = $13, result = $14, version = version + 1
                 WHERE unit_code = $1 AND code = $2`,
                [target.unit, target.code, ...values(m.to)],
              );
            } else if (m.kind === 'status') {
              await s.query(
                'UPDATE dossiers SET status = $3, version = version + 1 WHERE unit_code = $1 AND code = $2',
                [target.unit, target.code, m.status],
              );
            } else if (m.kind === 'delete') {
              await s.query('DELETE FROM dossier_files WHERE unit_code = $1 AND dossier_code = $2', [
                target.unit,
                target.code,
              ]);
              await s.query('DELETE FROM dossiers WHERE unit_code = $1 AND code = $2', [
                target.unit,
                target.code,
              ]);
              live.splice(live.indexOf(target), 1);
            } else if (m.kind === 'add_file') {
              await addFiles(target.unit, target.code, 1);
            } else {
              await s.query(
                `DELETE FROM dossier_files WHERE (unit_code, id) IN
                   (SELECT unit_code, id FROM dossier_files WHERE unit_code = $1 AND dossier_code = $2 LIMIT 1)`,
                [target.unit, target.code],
              );
            }
          }
          await expectReportsAgree(live.length, PERIODS[k] as ReportPeriod, now);
          const kept = await rollupRows();
          await s.query('SELECT settlement_rollup_rebuild()');
          expect(await rollupRows()).toEqual(kept);
        },
      ),
      { numRuns: kind === 'pglite' ? 25 : 40 },
    );
  }, 300_000);
});
