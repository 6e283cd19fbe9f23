import { and, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { NationalStatus } from '../../../domain/lifecycle/statuses.ts';
import type { CatalogueProcedure, PaymentCounts } from '../../../domain/reports/catalogue-766.ts';
import type { DossierFacts } from '../../../domain/reports/facts.ts';
import type { IndicatorCounts } from '../../../domain/reports/index-766.ts';
import { type PeriodInstants, periodInstants, type ReportPeriod } from '../../../domain/reports/periods.ts';
import type { ResultCounts } from '../../../domain/reports/score-766.ts';
import type { SettlementRow } from '../../../domain/reports/settlement.ts';
import type { SyncCounts } from '../../../domain/reports/sync-766.ts';
import type { Executor } from '../../db/client.ts';
import { consultations, dossierFiles, dossiers, equipment, procedures, staff } from '../../db/schema.ts';

/*
 * All SQL of the reports: the settlement counts (from the maintained rollup, and live over the dossier
 * rows as the plain statement of the rules), the corrections a running period's cut-off needs, result
 * collection, staffing, consultations, equipment and the catalogue names the exports print.
 */

export type ReportGroup = 'field' | 'sector' | 'procedure' | 'unit';

const unitList = (unitCodes: string[]) =>
  sql.join(
    unitCodes.map((u) => sql`${u}`),
    sql`, `,
  );

/**
 * Facts of every dossier of the communes, whole rows read into Node. The pure domain functions over
 * these facts (`settlementReport`, `index766`) are the reference definition of the report;
 * `settlementCounts` below computes the same figures in SQL and is what the routes use. Kept for the
 * tests that hold the two together, and as the plain way to inspect one commune.
 */
export async function loadFacts(
  db: Executor,
  unitCodes: string[],
  group: ReportGroup,
): Promise<DossierFacts[]> {
  if (unitCodes.length === 0) return [];
  const rows = await db
    .select({
      d: dossiers,
      fieldName: procedures.fieldName,
      sectorCode: procedures.sectorCode,
      sectorName: procedures.sectorName,
      procedureName: procedures.name,
      attachments: sql<number>`(SELECT count(*) FROM ${dossierFiles} f WHERE f.unit_code = ${dossiers.unitCode} AND f.dossier_code = ${dossiers.code})::int`,
    })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.code, dossiers.procedureCode))
    .where(inArray(dossiers.unitCode, unitCodes));
  return rows.map(({ d, fieldName, sectorCode, sectorName, procedureName, attachments }) => ({
    code: d.code,
    unitCode: d.unitCode,
    fieldCode: group === 'sector' ? sectorCode : d.fieldCode,
    fieldName: group === 'sector' ? sectorName : fieldName,
    procedureCode: d.procedureCode,
    procedureName,
    channel: d.channel as 1 | 2 | 3,
    status: d.status as NationalStatus,
    receivedAt: d.status === 1 || d.status === 3 ? null : d.receivedAt,
    dueAt: d.dueAt,
    dueAtLegal: d.dueAtLegal ?? d.dueAt,
    processingEndedAt: d.processingEndedAt,
    returnedAt: d.returnedAt,
    supplementRequests: d.supplementRequests,
    pausedSince: d.pausedAt,
    hasAttachments: Number(attachments) > (d.result ? 1 : 0),
    hasResultFile: d.result !== null,
    rating: null,
  }));
}

/** One group's counts as the SQL returns them (numbers arrive as strings from `pg`). */
interface CountsRow {
  part: string;
  code: string;
  name: string;
  online: number | string;
  direct: number | string;
  carried: number | string;
  early: number | string;
  on_time: number | string;
  late: number | string;
  withdrawn: number | string;
  withdrawn_not_late: number | string;
  within: number | string;
  overdue: number | string;
  digitised: number | string;
}

const GROUP_KEY: Record<ReportGroup, { code: SQL; names: SQL }> = {
  field: {
    code: sql`d.field_code`,
    names: sql`SELECT field_code AS code, min(field_name) AS name FROM procedures GROUP BY field_code`,
  },
  sector: {
    code: sql`p.sector_code`,
    names: sql`SELECT sector_code AS code, min(sector_name) AS name FROM procedures GROUP BY sector_code`,
  },
  procedure: { code: sql`d.procedure_code`, names: sql`SELECT code, name FROM procedures` },
  unit: { code: sql`d.unit_code`, names: sql`SELECT NULL::text AS code, NULL::text AS name WHERE false` },
};

/** Vietnamese calendar day (UTC+7, no daylight saving) of an instant (date arithmetic, no numeric). */
const vnDay = (t: SQL) => sql`((${t} AT TIME ZONE 'UTC') + interval '7 hours')::date`;

/**
 * Biểu II.06a counts per group and the Index 766 counts, computed live over the dossier rows: one row
 * per group, the rules of `placeInPeriod` (src/domain/reports/placement.ts) written as SQL. The
 * reports read the maintained rollup instead (`settlementCounts`); this stays as the plain statement
 * of the rules the rollup's migration splits into events, and the tests hold the three together. Only the narrow
 * columns are read and only a few rows per group come back. The property test
 * settlement-sql.api.test.ts checks it against the domain functions over the same dossiers.
 */
export async function settlementCountsLive(
  db: Executor,
  unitCodes: string[],
  period: ReportPeriod,
  group: ReportGroup,
  cutoff?: Date,
): Promise<UnitCounts> {
  return (
    (await settlementCountsLiveByUnit(db, unitCodes, period, group, false, cutoff)).get('') ?? {
      rows: [],
      indicators: noIndicatorCounts(),
    }
  );
}

export interface UnitCounts {
  rows: SettlementRow[];
  indicators: IndicatorCounts;
}

export function noIndicatorCounts(): IndicatorCounts {
  return {
    processed: 0,
    onTime: 0,
    receivedOnline: 0,
    receivedInPeriod: 0,
    settled: 0,
    digitised: 0,
    dissatisfied: 0,
  };
}

/**
 * `settlementCountsLive` of each commune separately (`split`), in one statement: the province dashboard
 * puts the communes side by side. Without `split` the only key is '' (all communes together).
 * Communes in which no dossier counts are absent from the map.
 */
export async function settlementCountsLiveByUnit(
  db: Executor,
  unitCodes: string[],
  period: ReportPeriod,
  group: ReportGroup,
  split = true,
  cutoff?: Date,
): Promise<Map<string, UnitCounts>> {
  const out = new Map<string, UnitCounts>();
  if (unitCodes.length === 0) return out;
  const b = periodInstants(period);
  const start = sql`${b.start.toISOString()}::timestamptz`;
  const end = sql`${b.end.toISOString()}::timestamptz`;
  // An open dossier is judged at the cut-off (the earlier of the end and now, docs/domain-vn.md §1.4),
  // any other still in process (a finished status without its end) at the end: `placeInPeriod`.
  const cut = sql`${(cutoff && cutoff < b.end ? cutoff : b.end).toISOString()}::timestamptz`;
  const key = GROUP_KEY[group];
  // The WHERE clause keeps every dossier that can count (an end before the receipt is taken as the
  // receipt time, and an open status ignores its end timestamp); the CASEs then place each one. The
  // main scan reads only columns of dossiers_report_idx, so PostgreSQL answers it from the index
  // alone; `result` (a jsonb) is looked up only for settled dossiers with two files or more.
  const units = unitList(unitCodes);
  // Digitised (Index 766 4.2): settled with a result and more files than the result file. The few
  // dossiers with two files or more and a result are found by a join, not a lookup per row: per-row
  // subqueries made the planner's estimate cross the JIT threshold (seconds of compilation).
  const result = await db.execute(sql`
    WITH f AS (
      SELECT ${split ? sql`d.unit_code` : sql`''`} AS part, ${key.code} AS code, d.channel, d.status,
             d.received_at, coalesce(d.due_at_legal, d.due_at) AS due, d.supplement_requests, d.paused_at,
             dig.dossier_code IS NOT NULL AS digitised,
             CASE WHEN d.status IN (9, 10) AND coalesce(d.processing_ended_at, d.returned_at) IS NOT NULL
                    THEN greatest(coalesce(d.processing_ended_at, d.returned_at), d.received_at)
                  WHEN d.status IN (7, 8) AND d.processing_ended_at IS NOT NULL
                    THEN greatest(d.processing_ended_at, d.received_at) END AS ended
      FROM dossiers d
      ${group === 'sector' ? sql`JOIN procedures p ON p.code = d.procedure_code` : sql``}
      LEFT JOIN (
        SELECT df.unit_code, df.dossier_code FROM dossier_files df
        JOIN dossiers r ON r.unit_code = df.unit_code AND r.code = df.dossier_code AND r.result IS NOT NULL
        WHERE df.unit_code IN (${units})
        GROUP BY df.unit_code, df.dossier_code HAVING count(*) > 1
      ) dig ON dig.unit_code = d.unit_code AND dig.dossier_code = d.code
      WHERE d.unit_code IN (${units})
        AND d.received_at < ${end} AND d.status NOT IN (1, 3)
        AND (d.processing_ended_at IS NULL OR d.processing_ended_at >= ${start} OR d.received_at >= ${start} OR d.status NOT IN (7, 8, 9, 10))
    ), placed AS (
      SELECT part, code, digitised,
             -- receipt: 0 carried over, 1 online, 2 direct; col: 0 in process, 1 settled, 2 withdrawn/stopped
             CASE WHEN received_at < ${start} THEN 0 WHEN channel = 2 THEN 1 ELSE 2 END AS receipt,
             CASE WHEN ended IS NULL OR ended >= ${end} THEN 0 WHEN status IN (9, 10) THEN 1 ELSE 2 END AS col,
             (supplement_requests > 1 OR ended > due) AS late,
             (ended < ${end} AND ${vnDay(sql`ended`)} < ${vnDay(sql`due`)}) AS early,
             (CASE WHEN status IN (2, 4, 5, 6) THEN due >= ${cut} OR (paused_at IS NOT NULL AND status IN (5, 6) AND paused_at < ${cut} AND paused_at <= due)
                   ELSE due >= ${end} END) AS within
      FROM f
      WHERE ended IS NULL OR ended >= ${start}
    ), counted AS (
      SELECT part, code,
             count(*) FILTER (WHERE receipt = 1) AS online,
             count(*) FILTER (WHERE receipt = 2) AS direct,
             count(*) FILTER (WHERE receipt = 0) AS carried,
             count(*) FILTER (WHERE col = 1 AND NOT late AND early) AS early,
             count(*) FILTER (WHERE col = 1 AND NOT late AND NOT early) AS on_time,
             count(*) FILTER (WHERE col = 1 AND late) AS late,
             count(*) FILTER (WHERE col = 2) AS withdrawn,
             count(*) FILTER (WHERE col = 2 AND NOT late) AS withdrawn_not_late,
             count(*) FILTER (WHERE col = 0 AND within) AS within,
             count(*) FILTER (WHERE col = 0 AND NOT within) AS overdue,
             count(*) FILTER (WHERE col = 1 AND digitised) AS digitised
      FROM placed
      GROUP BY part, code
    )
    SELECT counted.*, coalesce(n.name, counted.code) AS name
    FROM counted LEFT JOIN (${key.names}) n ON n.code = counted.code`);
  return collectCounts((result as unknown as { rows: CountsRow[] }).rows);
}

/** Report rows and indicator counts per part from one row of counts per group (groups that received nothing are left out). */
function collectCounts(counted: Iterable<CountsRow>): Map<string, UnitCounts> {
  const out = new Map<string, UnitCounts>();
  for (const r of counted) {
    let part = out.get(r.part);
    if (!part) {
      part = { rows: [], indicators: noIndicatorCounts() };
      out.set(r.part, part);
    }
    const { rows, indicators } = part;
    const n = (v: number | string) => Number(v);
    const online = n(r.online);
    const direct = n(r.direct);
    const carried = n(r.carried);
    const settled = { early: n(r.early), onTime: n(r.on_time), late: n(r.late) };
    const inProcess = { withinTime: n(r.within), overdue: n(r.overdue) };
    const withdrawn = n(r.withdrawn);
    const received = online + direct + carried;
    if (received === 0) continue;
    rows.push({
      key: { code: r.code, name: r.name },
      received: { total: received, online, direct, carriedOver: carried },
      settled: { total: settled.early + settled.onTime + settled.late, ...settled },
      inProcess: { total: inProcess.withinTime + inProcess.overdue, ...inProcess },
      withdrawnOrStopped: withdrawn,
    });
    indicators.processed += received;
    indicators.onTime += settled.early + settled.onTime + n(r.withdrawn_not_late) + inProcess.withinTime;
    indicators.receivedOnline += online;
    indicators.receivedInPeriod += online + direct;
    indicators.settled += settled.early + settled.onTime + settled.late;
    indicators.digitised += n(r.digitised);
  }
  for (const { rows } of out.values())
    rows.sort((a, c) => (a.key.code < c.key.code ? -1 : a.key.code > c.key.code ? 1 : 0));
  return out;
}

/** Sums of the rollup's columns over every day before a bound, for one part and group. */
interface RollupSums {
  bound: 's' | 't';
  part: string;
  code: string;
  name: string;
  online: string | number;
  direct: string | number;
  ended: string | number;
  early: string | number;
  on_time: string | number;
  late: string | number;
  withdrawn: string | number;
  withdrawn_not_late: string | number;
  digitised: string | number;
  due_passed: string | number;
  due_passed_ended: string | number;
  paused_in_time: string | number;
}

const ROLLUP_COLUMNS = [
  'online',
  'direct',
  'ended',
  'early',
  'on_time',
  'late',
  'withdrawn',
  'withdrawn_not_late',
  'digitised',
  'due_passed',
  'due_passed_ended',
  'paused_in_time',
] as const;

const ROLLUP_KEY: Record<ReportGroup, SQL> = {
  field: sql`r.field_code`,
  sector: sql`p.sector_code`,
  procedure: sql`r.procedure_code`,
  unit: sql`r.unit_code`,
};

/** The first day after a period, and the starts of its month and year: the bounds of a cumulative sum. */
function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Rows of the rollup that sum to "every day before `day`": whole years, then months, then days. */
function beforeDay(day: string): SQL {
  const year = `${day.slice(0, 4)}-01-01`;
  const month = `${day.slice(0, 7)}-01`;
  return sql`((r.grain = 'y' AND r.bucket < ${year}::date)
    OR (r.grain = 'm' AND r.bucket >= ${year}::date AND r.bucket < ${month}::date)
    OR (r.grain = 'd' AND r.bucket >= ${month}::date AND r.bucket < ${day}::date))`;
}

/**
 * Biểu II.06a counts per group and the Index 766 counts from the maintained rollup
 * (`settlement_rollup`, kept by triggers; migration 0001). Every column of a period [from, to] is a
 * difference of sums over all days before `from` and before the day after `to`, and each such sum
 * reads per commune and group at most a row per past year, per earlier month of that year and per
 * earlier day of that month:
 *   received online / direct = Σt − Σs;  settled early / on time / late, withdrawn, digitised = Σt − Σs;
 *   carried over = (online + direct − ended) before from;  in process = (online + direct − ended) before t;
 *   overdue = due_passed − due_passed_ended − paused_in_time before t;  within time = in process − overdue.
 * The property test settlement-sql.api.test.ts holds it equal to `settlementCountsLive` and to the pure
 * domain functions, through inserts, updates, deletes and file changes.
 */
export async function settlementCounts(
  db: Executor,
  unitCodes: string[],
  period: ReportPeriod,
  group: ReportGroup,
  cutoff?: Date,
): Promise<UnitCounts> {
  return (
    (await settlementCountsByUnit(db, unitCodes, period, group, false, cutoff)).get('') ?? {
      rows: [],
      indicators: noIndicatorCounts(),
    }
  );
}

/**
 * `settlementCounts` of each commune separately (`split`), in one statement: the province dashboard
 * puts the communes side by side. Without `split` the only key is '' (all communes together).
 * Communes in which no dossier counts are absent from the map.
 */
export async function settlementCountsByUnit(
  db: Executor,
  unitCodes: string[],
  period: ReportPeriod,
  group: ReportGroup,
  split = true,
  cutoff?: Date,
): Promise<Map<string, UnitCounts>> {
  if (unitCodes.length === 0) return new Map();
  const bounds = periodInstants(period); // validates the period
  const s = period.from;
  const t = dayAfter(period.to);
  const key = ROLLUP_KEY[group];
  const units = unitList(unitCodes);
  const part = split ? sql`r.unit_code` : sql`''`;
  const sums = sql.join(
    ROLLUP_COLUMNS.map((c) => sql`sum(${sql.identifier(c)})::bigint AS ${sql.identifier(c)}`),
    sql`, `,
  );
  const side = (bound: 's' | 't', day: string) => sql`
    SELECT ${bound}::text AS bound, ${part} AS part, ${key} AS code, ${sums}
    FROM settlement_rollup r
    ${group === 'sector' ? sql`JOIN procedures p ON p.code = r.procedure_code` : sql``}
    WHERE r.unit_code IN (${units}) AND ${beforeDay(day)}
    GROUP BY 2, 3`;
  const running = cutoff !== undefined && cutoff < bounds.end;
  const [result, judged] = await Promise.all([
    // The sums in a CTE of their own: on Citus a UNION ALL of distributed subqueries joined to the
    // names is a "complex join" it refuses; a materialized CTE is computed first (routed to one shard
    // for one commune, distributed across shards for many) and the names joined to its result.
    db.execute(sql`
    WITH c AS MATERIALIZED (${side('s', s)} UNION ALL ${side('t', t)})
    SELECT c.*, coalesce(n.name, c.code) AS name
    FROM c
    LEFT JOIN (${GROUP_KEY[group].names}) n ON n.code = c.code`),
    running ? openOverdue(db, unitCodes, group, split, bounds, cutoff) : undefined,
  ]);
  const zero = {
    online: 0,
    direct: 0,
    ended: 0,
    early: 0,
    on_time: 0,
    late: 0,
    withdrawn: 0,
    withdrawn_not_late: 0,
    digitised: 0,
    due_passed: 0,
    due_passed_ended: 0,
    paused_in_time: 0,
  };
  type Sums = typeof zero;
  const groups = new Map<string, { part: string; code: string; name: string; s: Sums; t: Sums }>();
  for (const r of (result as unknown as { rows: RollupSums[] }).rows) {
    const id = `${r.part}\u0000${r.code}`;
    let g = groups.get(id);
    if (!g) {
      g = { part: r.part, code: r.code, name: r.name, s: { ...zero }, t: { ...zero } };
      groups.set(id, g);
    }
    const into = g[r.bound];
    for (const c of ROLLUP_COLUMNS) into[c] = Number(r[c]);
  }
  const rows: CountsRow[] = [];
  for (const { part, code, name, s: a, t: b } of groups.values()) {
    const inProcess = b.online + b.direct - b.ended;
    // For a running period the open dossiers are judged at the cut-off instead of the end (§1.4).
    const fix = judged?.get(`${part}\u0000${code}`);
    const overdue =
      b.due_passed - b.due_passed_ended - b.paused_in_time - (fix ? fix.atEnd - fix.atCutoff : 0);
    rows.push({
      part,
      code,
      name,
      online: b.online - a.online,
      direct: b.direct - a.direct,
      carried: a.online + a.direct - a.ended,
      early: b.early - a.early,
      on_time: b.on_time - a.on_time,
      late: b.late - a.late,
      withdrawn: b.withdrawn - a.withdrawn,
      withdrawn_not_late: b.withdrawn_not_late - a.withdrawn_not_late,
      within: inProcess - overdue,
      overdue,
      digitised: b.digitised - a.digitised,
    });
  }
  return collectCounts(rows);
}

/**
 * Open dossiers (status 2, 4, 5, 6) received before the period's end that are overdue judged at the
 * end and judged at the cut-off, per part and group: the rollup judges at the end of the period's
 * last day, and a running period's report takes the difference back for the open ones (docs/domain-vn.md
 * §1.4). Read through `dossiers_open_due_idx` (unit, status): only dossiers open now.
 */
async function openOverdue(
  db: Executor,
  unitCodes: string[],
  group: ReportGroup,
  split: boolean,
  b: PeriodInstants,
  cutoff: Date,
): Promise<Map<string, { atEnd: number; atCutoff: number }>> {
  const end = sql`${b.end.toISOString()}::timestamptz`;
  const cut = sql`${cutoff.toISOString()}::timestamptz`;
  const overdueAt = (at: SQL) =>
    sql`due < ${at} AND NOT (status IN (5, 6) AND paused_at IS NOT NULL AND paused_at < ${at} AND paused_at <= due)`;
  const result = await db.execute(sql`
    SELECT part, code,
           count(*) FILTER (WHERE ${overdueAt(end)}) AS at_end,
           count(*) FILTER (WHERE ${overdueAt(cut)}) AS at_cutoff
    FROM (
      SELECT ${split ? sql`d.unit_code` : sql`''`} AS part, ${GROUP_KEY[group].code} AS code, d.status, d.paused_at,
             coalesce(d.due_at_legal, d.due_at) AS due
      FROM dossiers d
      ${group === 'sector' ? sql`JOIN procedures p ON p.code = d.procedure_code` : sql``}
      WHERE d.unit_code IN (${unitList(unitCodes)}) AND d.status IN (2, 4, 5, 6) AND d.received_at < ${end}
    ) o
    WHERE due < ${end}
    GROUP BY part, code`);
  const out = new Map<string, { atEnd: number; atCutoff: number }>();
  for (const r of (
    result as unknown as { rows: Array<{ part: string; code: string; at_end: string; at_cutoff: string }> }
  ).rows)
    out.set(`${r.part}\u0000${r.code}`, { atEnd: Number(r.at_end), atCutoff: Number(r.at_cutoff) });
  return out;
}

/** Results issued and not yet handed to the applicant (status 9), per part and group. */
export interface Uncollected {
  /** Settled in the period (processing ended in it) and still at status 9. */
  settledInPeriod: number;
  /** Every result issued before the period's end and still at status 9: the backlog at the desk. */
  backlog: number;
}

/**
 * Results issued but not collected (status 9, docs/domain-vn.md §2.1), per part and group: those of
 * dossiers settled in the period and all of them issued before the period's end. Status 9 is a
 * dossier's status now, so for a period that has ended a result collected since counts as returned.
 * Read through `dossiers_open_due_idx` (unit, status): only dossiers waiting at the desk now.
 */
export async function uncollectedResults(
  db: Executor,
  unitCodes: string[],
  period: ReportPeriod,
  group: ReportGroup,
  split = true,
): Promise<Map<string, Uncollected>> {
  const out = new Map<string, Uncollected>();
  if (unitCodes.length === 0) return out;
  const b = periodInstants(period);
  const start = sql`${b.start.toISOString()}::timestamptz`;
  const end = sql`${b.end.toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    SELECT part, code,
           count(*) FILTER (WHERE ended >= ${start}) AS settled_in_period,
           count(*) AS backlog
    FROM (
      SELECT ${split ? sql`d.unit_code` : sql`''`} AS part, ${GROUP_KEY[group].code} AS code,
             greatest(coalesce(d.processing_ended_at, d.returned_at), d.received_at) AS ended
      FROM dossiers d
      ${group === 'sector' ? sql`JOIN procedures p ON p.code = d.procedure_code` : sql``}
      WHERE d.unit_code IN (${unitList(unitCodes)}) AND d.status = 9 AND d.received_at < ${end}
        AND coalesce(d.processing_ended_at, d.returned_at) IS NOT NULL
    ) i
    WHERE ended < ${end}
    GROUP BY part, code`);
  for (const r of (
    result as unknown as {
      rows: Array<{ part: string; code: string; settled_in_period: string; backlog: string }>;
    }
  ).rows)
    out.set(`${r.part}\u0000${r.code}`, {
      settledInPeriod: Number(r.settled_in_period),
      backlog: Number(r.backlog),
    });
  return out;
}

/**
 * Citizens' ratings (dossier_ratings) counted by Decision 766 indicator 5.4 (docs/domain-vn.md §6): how
 * many were rated and how many "Không hài lòng". Portal ratings of the dossiers settled in the period
 * (status 9/10 ended — NgayKetThucXuLy, else the return — within it); ratings given at the counter
 * (tablet, slip QR; issue 16) in the period they were given: the visit is what they rate.
 */
export async function ratingCounts(
  db: Executor,
  unitCodes: string[],
  period: ReportPeriod,
): Promise<{ rated: number; dissatisfied: number }> {
  if (unitCodes.length === 0) return { rated: 0, dissatisfied: 0 };
  const b = periodInstants(period);
  const result = await db.execute(sql`
    SELECT count(*) AS rated, count(*) FILTER (WHERE r.rating = 'dissatisfied') AS dissatisfied
    FROM dossier_ratings r
    LEFT JOIN dossiers d ON d.unit_code = r.unit_code AND d.code = r.dossier_code
    WHERE r.unit_code IN (${unitList(unitCodes)}) AND (
      (r.channel = 'online' AND d.status IN (9, 10)
        AND greatest(coalesce(d.processing_ended_at, d.returned_at), d.received_at) >= ${b.start.toISOString()}::timestamptz
        AND greatest(coalesce(d.processing_ended_at, d.returned_at), d.received_at) < ${b.end.toISOString()}::timestamptz)
      OR (r.channel = 'counter'
        AND r.rated_at >= ${b.start.toISOString()}::timestamptz AND r.rated_at < ${b.end.toISOString()}::timestamptz))`);
  const row = (result as unknown as { rows: Array<{ rated: string; dissatisfied: string }> }).rows[0];
  return { rated: Number(row?.rated ?? 0), dissatisfied: Number(row?.dissatisfied ?? 0) };
}

/** Active staff of the communes counted by category, bloc and organisational unit. */
export async function staffCounts(db: Executor, unitCodes: string[]) {
  const rows = await db
    .select({
      category: staff.category,
      bloc: staff.bloc,
      orgUnit: staff.orgUnit,
      orgUnitKind: staff.orgUnitKind,
      n: sql<number>`count(*)::int`,
    })
    .from(staff)
    .where(and(inArray(staff.unitCode, unitCodes), eq(staff.isActive, true)))
    .groupBy(staff.category, staff.bloc, staff.orgUnit, staff.orgUnitKind);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/**
 * Center staff and those trained in one-stop work, per commune (`split`, communes without center staff
 * absent) or all together under the key ''.
 */
export async function centerTrainingByUnit(db: Executor, unitCodes: string[], split = true) {
  const out = new Map<string, { staff: number; trained: number }>();
  if (unitCodes.length === 0) return out;
  const result = await db.execute(sql`
    SELECT ${split ? sql`s.unit_code` : sql`''`} AS unit_code, count(*)::int AS total,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM trainings t WHERE t.unit_code = s.unit_code AND t.staff_id = s.id AND t.covers_one_stop))::int AS trained
    FROM staff s WHERE s.unit_code IN (${unitList(unitCodes)}) AND s.is_active AND s.org_unit_kind = 'center'
    GROUP BY 1`);
  for (const r of (
    result as unknown as { rows: Array<{ unit_code: string; total: number; trained: number }> }
  ).rows)
    out.set(r.unit_code, { staff: Number(r.total), trained: Number(r.trained) });
  return out;
}

/** Consultations given in [from, to) counted by field and channel. */
export async function consultationCounts(db: Executor, unitCodes: string[], from: Date, to: Date) {
  const rows = await db
    .select({
      fieldCode: consultations.fieldCode,
      channel: consultations.channel,
      n: sql<number>`count(*)::int`,
    })
    .from(consultations)
    .where(
      and(inArray(consultations.unitCode, unitCodes), gte(consultations.at, from), lt(consultations.at, to)),
    )
    .groupBy(consultations.fieldCode, consultations.channel);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Consultations given in [from, to), per commune (communes without any are absent). */
export async function consultationsByUnit(db: Executor, unitCodes: string[], from: Date, to: Date) {
  const out = new Map<string, number>();
  if (unitCodes.length === 0) return out;
  const rows = await db
    .select({ unitCode: consultations.unitCode, n: sql<number>`count(*)::int` })
    .from(consultations)
    .where(
      and(inArray(consultations.unitCode, unitCodes), gte(consultations.at, from), lt(consultations.at, to)),
    )
    .groupBy(consultations.unitCode);
  for (const r of rows) out.set(r.unitCode, Number(r.n));
  return out;
}

/** Equipment of the communes' centers. */
export function listEquipment(db: Executor, unitCodes: string[]) {
  return db.select().from(equipment).where(inArray(equipment.unitCode, unitCodes));
}

/** Names of the fields (lĩnh vực) with the given codes, from the procedure catalogue. */
export async function fieldNames(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectDistinct({ code: procedures.fieldCode, name: procedures.fieldName })
    .from(procedures)
    .where(inArray(procedures.fieldCode, codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/**
 * Decision 766 group 3 catalogue figures of the communes (docs/domain-vn.md §1.4): procedures in their
 * published lists, those offered online (fully or partly), and of those the ones that received an
 * online dossier in the period — read from the rollup's `online` column per commune and procedure
 * (a difference of the sums before `from` and before the day after `to`), not from the dossiers.
 */
export async function catalogueCounts(db: Executor, unitCodes: string[], period: ReportPeriod) {
  if (unitCodes.length === 0) return { offered: 0, offeredOnline: 0, onlineWithDossiers: 0 };
  periodInstants(period); // validates the period
  const units = unitList(unitCodes);
  const side = (day: string) => sql`
    SELECT r.unit_code, r.procedure_code, sum(r.online) AS n FROM settlement_rollup r
    WHERE r.unit_code IN (${units}) AND ${beforeDay(day)} GROUP BY 1, 2`;
  const result = await db.execute(sql`
    WITH t AS (${side(dayAfter(period.to))}), s AS (${side(period.from)}),
    o AS (
      SELECT t.unit_code, t.procedure_code FROM t
      LEFT JOIN s ON s.unit_code = t.unit_code AND s.procedure_code = t.procedure_code
      WHERE t.n - coalesce(s.n, 0) > 0
    )
    SELECT count(*) AS offered,
           count(*) FILTER (WHERE p.online_level <> 'none') AS offered_online,
           count(*) FILTER (WHERE p.online_level <> 'none' AND o.procedure_code IS NOT NULL) AS online_with_dossiers
    FROM unit_procedures up
    JOIN procedures p ON p.code = up.procedure_code
    LEFT JOIN o ON o.unit_code = up.unit_code AND o.procedure_code = up.procedure_code
    WHERE up.unit_code IN (${units})`);
  const r = (result as unknown as { rows: Array<Record<string, string | number>> }).rows[0] ?? {};
  return {
    offered: Number(r.offered ?? 0),
    offeredOnline: Number(r.offered_online ?? 0),
    onlineWithDossiers: Number(r.online_with_dossiers ?? 0),
  };
}

/**
 * The counts of the Decision 766 sync indicators 1.4 and 4.5 (src/domain/reports/sync-766.ts) for the
 * communes: dossiers received in the period; of them those whose portal messages created by the
 * cut-off were all delivered by it (and there was one); those filed by a citizen signed in with an
 * e-identity or whose applicant a lookup logged against the dossier found in the population database
 * by the cut-off. Whether the communes synchronise / use population data at all decides "chưa thu thập".
 */
export async function syncCounts(
  db: Executor,
  unitCodes: string[],
  period: ReportPeriod,
  cutoff: Date,
): Promise<SyncCounts> {
  if (unitCodes.length === 0)
    return { received: 0, synced: 0, populationData: 0, syncCollected: false, populationCollected: false };
  const { start, end } = periodInstants(period);
  const units = unitList(unitCodes);
  // Joins on (unit_code, code) to per-dossier groups, and each "collected" flag in a CTE of its own:
  // Citus refuses correlated EXISTS over a CTE and subqueries in the target list of a distributed join
  // ("complex joins"); this form runs routed for one commune and distributed for a province.
  const result = await db.execute(sql`
    WITH c AS MATERIALIZED (
      SELECT count(*)::int AS received,
        count(*) FILTER (WHERE o.dossier_code IS NOT NULL AND NOT o.pending)::int AS synced,
        count(*) FILTER (WHERE d.citizen_subject IS NOT NULL OR l.dossier_code IS NOT NULL)::int AS population
      FROM dossiers d
      LEFT JOIN (
        SELECT unit_code, dossier_code, bool_or(sent_at IS NULL OR sent_at > ${cutoff}) AS pending FROM outbox
        WHERE unit_code IN (${units}) AND kind = 'portal' AND created_at <= ${cutoff} GROUP BY 1, 2
      ) o ON o.unit_code = d.unit_code AND o.dossier_code = d.code
      LEFT JOIN (
        SELECT unit_code, dossier_code FROM population_lookups
        WHERE unit_code IN (${units}) AND outcome = 'found' AND looked_up_at <= ${cutoff} GROUP BY 1, 2
      ) l ON l.unit_code = d.unit_code AND l.dossier_code = d.code
      WHERE d.unit_code IN (${units}) AND d.status NOT IN (1, 3)
        AND d.received_at >= ${start} AND d.received_at < ${end}),
    s AS MATERIALIZED (SELECT EXISTS (SELECT 1 FROM outbox o WHERE o.unit_code IN (${units}) AND o.kind = 'portal'
      AND o.created_at <= ${cutoff}) AS sync_collected),
    pl AS MATERIALIZED (SELECT EXISTS (SELECT 1 FROM population_lookups l WHERE l.unit_code IN (${units})
      AND l.looked_up_at <= ${cutoff}) AS a),
    px AS MATERIALIZED (SELECT EXISTS (SELECT 1 FROM dossiers x WHERE x.unit_code IN (${units})
      AND x.citizen_subject IS NOT NULL AND x.received_at <= ${cutoff}) AS b)
    SELECT c.*, s.sync_collected, (pl.a OR px.b) AS population_collected FROM c, s, pl, px`);
  const r = (result as unknown as { rows: Array<Record<string, unknown>> }).rows[0] ?? {};
  return {
    received: Number(r.received ?? 0),
    synced: Number(r.synced ?? 0),
    populationData: Number(r.population ?? 0),
    syncCollected: r.sync_collected === true || r.sync_collected === 't',
    populationCollected: r.population_collected === true || r.population_collected === 't',
  };
}

/**
 * Dossiers filed online in the period (channel 2, by the time they were filed), and how many of them a
 * reception officer filled in at the counter for the citizen (assisted filing, issue 14 item 5).
 */
export async function onlineFilingCounts(
  db: Executor,
  unitCodes: string[],
  period: ReportPeriod,
): Promise<{ total: number; assisted: number }> {
  if (unitCodes.length === 0) return { total: 0, assisted: 0 };
  const b = periodInstants(period);
  const result = await db.execute(sql`
    SELECT count(*) AS total, count(*) FILTER (WHERE assisted) AS assisted
    FROM dossiers
    WHERE unit_code IN (${unitList(unitCodes)}) AND channel = 2
      AND received_at >= ${b.start.toISOString()}::timestamptz AND received_at < ${b.end.toISOString()}::timestamptz`);
  const row = (result as unknown as { rows: Array<{ total: string; assisted: string }> }).rows[0];
  return { total: Number(row?.total ?? 0), assisted: Number(row?.assisted ?? 0) };
}

/**
 * The counts of Decision 766 indicators 2.2 and 4.1 (src/domain/reports/score-766.ts) per commune:
 * dossiers settled in the period (status 9/10 whose processing ended in it, placed as `ratingCounts`
 * places them), those with an electronic result file, and their processing time in minutes (receipt
 * to end of processing, less paused minutes).
 */
export async function resultCountsByUnit(
  db: Executor,
  unitCodes: string[],
  period: ReportPeriod,
): Promise<Map<string, ResultCounts>> {
  const out = new Map<string, ResultCounts>();
  if (unitCodes.length === 0) return out;
  const b = periodInstants(period);
  const ended = sql`greatest(coalesce(d.processing_ended_at, d.returned_at), d.received_at)`;
  const result = await db.execute(sql`
    SELECT d.unit_code AS unit, d.procedure_code AS procedure, count(*)::int AS settled,
      count(*) FILTER (WHERE d.result IS NOT NULL AND d.result ->> 'fileId' IS NOT NULL)::int AS electronic,
      coalesce(sum(greatest(0, extract(epoch FROM (${ended} - d.received_at)) / 60 - d.paused_minutes)), 0)::float8 AS minutes
    FROM dossiers d
    WHERE d.unit_code IN (${unitList(unitCodes)}) AND d.status IN (9, 10)
      AND ${ended} >= ${b.start.toISOString()}::timestamptz AND ${ended} < ${b.end.toISOString()}::timestamptz
    GROUP BY d.unit_code, d.procedure_code`);
  for (const r of (result as unknown as { rows: Array<Record<string, unknown>> }).rows) {
    const unit = String(r.unit);
    const c = out.get(unit) ?? { settled: 0, electronic: 0, processingMinutes: 0, byProcedure: {} };
    const settled = Number(r.settled);
    const minutes = Number(r.minutes);
    c.settled += settled;
    c.electronic += Number(r.electronic);
    c.processingMinutes += minutes;
    const byProcedure = c.byProcedure ?? {};
    const p = byProcedure[String(r.procedure)] ?? { settled: 0, minutes: 0 };
    byProcedure[String(r.procedure)] = { settled: p.settled + settled, minutes: p.minutes + minutes };
    c.byProcedure = byProcedure;
    out.set(unit, c);
  }
  return out;
}

/** The same counts summed over the communes. */
export async function resultCounts(db: Executor, unitCodes: string[], period: ReportPeriod) {
  const total: ResultCounts & { byProcedure: NonNullable<ResultCounts['byProcedure']> } = {
    settled: 0,
    electronic: 0,
    processingMinutes: 0,
    byProcedure: {},
  };
  for (const c of (await resultCountsByUnit(db, unitCodes, period)).values()) {
    total.settled += c.settled;
    total.electronic += c.electronic;
    total.processingMinutes += c.processingMinutes;
    for (const [code, p] of Object.entries(c.byProcedure ?? {})) {
      const t = total.byProcedure[code] ?? { settled: 0, minutes: 0 };
      total.byProcedure[code] = { settled: t.settled + p.settled, minutes: t.minutes + p.minutes };
    }
  }
  return total;
}

/**
 * The procedures of the communes' lists as the catalogue holds them, for Decision 766 1.1 and 1.3
 * (src/domain/reports/catalogue-766.ts): the publication decision's date, the commune's posting date
 * and the parts of the record Decree 63/2010 Art. 8.2 asks to publish. Keyed by commune.
 */
export async function catalogueProcedures(
  db: Executor,
  unitCodes: string[],
): Promise<Map<string, CatalogueProcedure[]>> {
  const out = new Map<string, CatalogueProcedure[]>();
  if (unitCodes.length === 0) return out;
  const result = await db.execute(sql`
    SELECT up.unit_code AS unit, p.code, p.publication_decided_on::text AS decided_on,
      up.posted_on::text AS posted_on, p.name, p.steps, p.channels, p.agency, p.time_limit_text,
      p.record -> 'documents' AS documents, p.record -> 'applicants' AS applicants
    FROM unit_procedures up JOIN procedures p ON p.code = up.procedure_code
    WHERE up.unit_code IN (${unitList(unitCodes)})
    ORDER BY up.unit_code, up.position`);
  for (const r of (result as unknown as { rows: Array<Record<string, unknown>> }).rows) {
    const unit = String(r.unit);
    const list = out.get(unit) ?? [];
    list.push({
      code: String(r.code),
      decidedOn: r.decided_on ? String(r.decided_on).slice(0, 10) : null,
      postedOn: r.posted_on ? String(r.posted_on).slice(0, 10) : null,
      record: {
        name: String(r.name ?? ''),
        steps: jsonArray(r.steps) as string[],
        channels: jsonArray(r.channels) as string[],
        documents: jsonArray(r.documents) as CatalogueProcedure['record']['documents'],
        timeLimitText: String(r.time_limit_text ?? ''),
        applicants: jsonArray(r.applicants) as string[],
        agency: String(r.agency ?? ''),
      },
    });
    out.set(unit, list);
  }
  return out;
}

/** A jsonb value as pg or PGlite hands it back (parsed, or text on some paths). */
function jsonArray(v: unknown): unknown[] {
  const parsed = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  return Array.isArray(parsed) ? parsed : [];
}

/**
 * The counts of Decision 766 3.5 and 3.6 for the communes: procedures of their lists with a fee and
 * those taking payment online; dossiers received (accepted) in the period for a procedure with a
 * fee and not exempted at intake, and those paid online. Whether the catalogue says anything about
 * online payment, and whether the communes record payments at all (by the cut-off), decide "chưa thu thập".
 */
export async function paymentCounts(
  db: Executor,
  unitCodes: string[],
  period: ReportPeriod,
  cutoff: Date,
): Promise<PaymentCounts> {
  const none: PaymentCounts = {
    feeProcedures: 0,
    feeProceduresOnline: 0,
    catalogueCollected: false,
    feeDossiers: 0,
    paidOnline: 0,
    paymentsCollected: false,
  };
  if (unitCodes.length === 0) return none;
  const { start, end } = periodInstants(period);
  const units = unitList(unitCodes);
  const result = await db.execute(sql`
    WITH c AS MATERIALIZED (
      SELECT count(*) FILTER (WHERE p.has_fee)::int AS fee_procedures,
        count(*) FILTER (WHERE p.has_fee AND p.online_payment)::int AS fee_procedures_online,
        count(*) FILTER (WHERE p.has_fee AND p.online_payment IS NOT NULL)::int AS fee_procedures_known
      FROM unit_procedures up JOIN procedures p ON p.code = up.procedure_code
      WHERE up.unit_code IN (${units})),
    d AS MATERIALIZED (
      SELECT count(*)::int AS fee_dossiers, count(*) FILTER (WHERE x.fee_payment = 'online')::int AS paid_online
      FROM dossiers x JOIN procedures p ON p.code = x.procedure_code
      WHERE x.unit_code IN (${units}) AND x.status NOT IN (1, 3) AND p.has_fee
        AND x.fee_payment IS DISTINCT FROM 'not_required'
        AND x.received_at >= ${start} AND x.received_at < ${end}),
    k AS MATERIALIZED (SELECT EXISTS (SELECT 1 FROM dossiers y WHERE y.unit_code IN (${units})
      AND y.fee_payment IS NOT NULL AND y.received_at <= ${cutoff}) AS collected)
    SELECT c.*, d.*, k.collected FROM c, d, k`);
  const r = (result as unknown as { rows: Array<Record<string, unknown>> }).rows[0] ?? {};
  return {
    feeProcedures: Number(r.fee_procedures ?? 0),
    feeProceduresOnline: Number(r.fee_procedures_online ?? 0),
    catalogueCollected: Number(r.fee_procedures_known ?? 0) > 0,
    feeDossiers: Number(r.fee_dossiers ?? 0),
    paidOnline: Number(r.paid_online ?? 0),
    paymentsCollected: r.collected === true || r.collected === 't',
  };
}
