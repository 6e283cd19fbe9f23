import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { officialOrDerived } from '../../src/domain/calendar/derived-calendar.ts';
import type { CalendarDay } from '../../src/domain/calendar/types.ts';
import type { YearDays } from '../../src/domain/calendar/work-calendar.ts';
import { BIRTH_PROVINCE_NAMES } from '../../src/domain/identity/personal-id.ts';
import { openPostgres } from '../../src/server/db/client.ts';
import { hashPassword } from '../../src/server/modules/identity/passwords.ts';
import { loadReferenceData } from '../../src/server/seed/reference.ts';
import {
  allocate,
  dayPlan,
  FAMILY_NAMES,
  GIVEN_NAMES,
  historyPlans,
  MIDDLE_NAMES,
  PHONE_PREFIXES,
  type ProcedureRow,
  procedurePlans,
} from './plan.ts';
import {
  ACTIVATE_SQL,
  ALLOC_SQL,
  batchSql,
  LOAD_SQL,
  OFFICERS_SQL,
  SETUP_SQL,
  USERS_SQL,
  WRITTEN_TABLES,
} from './sql.ts';

/* Fills a migrated motcua PostgreSQL database with N generated dossiers. See bench/README.md. */

/** The demo's five communes (src/server/seed/demo.ts): hot by default, so the demo accounts have work. */
export const DEMO_HOT_COMMUNES = ['28696', '28693', '28261', '29869', '28723'];
/** The commune whose catalogue newly activated communes copy (Tân Thới). */
const TEMPLATE_UNIT = '28693';

export interface GenerateOptions {
  url: string;
  dossiers: number;
  /** Dossiers per statement (whole communes per batch, so a batch may be somewhat larger). */
  batchSize: number;
  /** Connections inserting batches at once. */
  jobs: number;
  /** Communes activated for the HTTP benchmarks, with extra specialists and a fixed share of the dossiers. */
  hot: readonly string[];
  hotShare: number;
  /** Generated specialists per hot commune (besides a demo specialist, when the demo has one there). */
  specialists: number;
  /** 'full': every lifecycle event, step row, pause and tracking-book row; 'intake': the intake event only. */
  history: 'full' | 'intake';
  months: number;
  seed: number;
  vacuum: boolean;
  /** Password of the generated officers when the database has no demo account to copy the hash from. */
  password: string;
  log: (line: string) => void;
}

export interface GenerateResult {
  dossiers: number;
  events: number;
  steps: number;
  trackingBook: number;
  pauses: number;
  counters: number;
  users: number;
  communes: number;
  hot: Array<{ code: string; dossiers: number }>;
  seconds: { total: number; setup: number; insert: number; vacuum: number };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Migrates and loads reference data in-process when the database has no motcua schema yet. */
async function ensureSchema(url: string, log: (line: string) => void) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let units = 0;
  try {
    const found = await client.query<{ t: string | null }>(`SELECT to_regclass('public.units')::text AS t`);
    if (found.rows[0]?.t)
      units = Number((await client.query('SELECT count(*) AS n FROM units')).rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
  if (units > 0) return;
  log('empty database: migrating and loading reference data (units, procedures, holidays)');
  const database = openPostgres(url, 2);
  try {
    await database.migrate();
    await loadReferenceData(database.db);
  } finally {
    await database.close();
  }
}

async function passwordHash(client: pg.Client, password: string): Promise<string> {
  const demo = await client.query<{ password_hash: string }>(
    `SELECT password_hash FROM users WHERE is_demo AND role IN ('reception', 'specialist', 'leader')
     ORDER BY (username = 'reception.tan-thoi') DESC LIMIT 1`,
  );
  return demo.rows[0]?.password_hash ?? (await hashPassword(password));
}

async function holidays(client: pg.Client): Promise<YearDays> {
  const rows = await client.query<{
    day: string;
    kind: CalendarDay['kind'];
    name: string;
    source: CalendarDay['source'];
  }>(`SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, name, source FROM calendar_days`);
  const official = rows.rows.map((r) => ({ date: r.day, kind: r.kind, name: r.name, source: r.source }));
  return officialOrDerived(official);
}

export async function generate(opts: GenerateOptions): Promise<GenerateResult> {
  const { log } = opts;
  const t0 = performance.now();
  await ensureSchema(opts.url, log);
  const now = new Date();
  const main = new pg.Client({ connectionString: opts.url });
  await main.connect();
  const workers: pg.Client[] = [];
  try {
    const communes = (
      await main.query<{ code: string; kind: string | null }>(
        `SELECT code, kind FROM units WHERE level = 'commune'`,
      )
    ).rows;
    const known = new Set(communes.map((c) => c.code));
    const unknown = opts.hot.filter((c) => !known.has(c));
    if (unknown.length) throw new Error(`--hot: not commune codes: ${unknown.join(', ')}`);
    const allocation = allocate(communes, opts.dossiers, {
      hot: opts.hot,
      hotShare: opts.hotShare,
      batchSize: opts.batchSize,
      seed: opts.seed,
    });
    const batches = (allocation.at(-1)?.batch ?? -1) + 1;
    const codes = allocation.map((a) => a.unitCode);
    const provinces = new Set(
      (
        await main.query<{ p: string }>(
          `SELECT DISTINCT parent_code AS p FROM units WHERE code = ANY($1::text[])`,
          [codes],
        )
      ).rows,
    ).size;
    log(
      `${fmt(opts.dossiers)} dossiers over ${fmt(codes.length)} communes of ${provinces} provinces, ${batches} batches, ${opts.jobs} connections`,
    );

    const hash = await passwordHash(main, opts.password);
    const users = await main.query(USERS_SQL, [
      codes,
      opts.specialists,
      opts.hot,
      hash,
      FAMILY_NAMES,
      MIDDLE_NAMES,
      GIVEN_NAMES,
    ]);
    await main.query(ACTIVATE_SQL, [opts.hot, TEMPLATE_UNIT]);
    log(
      `officers: ${fmt(users.rowCount ?? 0)} generated accounts; hot communes active: ${opts.hot.join(', ')}`,
    );

    const days = dayPlan(await holidays(main), now, opts.months);
    const { procedures, slots } = procedurePlans(
      (
        await main.query<ProcedureRow>(
          `SELECT code, field_code, name, channels, record FROM procedures WHERE level = 'commune' ORDER BY code`,
        )
      ).rows,
    );
    const plans = historyPlans(opts.history === 'intake');
    const continueCounters = Boolean(
      (
        await main.query(
          `SELECT EXISTS (SELECT 1 FROM unit_counters WHERE unit_code = ANY($1::text[])) AS e`,
          [codes],
        )
      ).rows[0]?.e,
    );
    if (continueCounters) log('existing counters found: generated sequences continue after them');

    // Every connection gets its own copy of the small session tables.
    for (let i = 0; i < opts.jobs; i++) {
      const c = new pg.Client({ connectionString: opts.url });
      await c.connect();
      workers.push(c);
      // Row triggers off for the bulk insert (the settlement rollup's, once per row, would dominate);
      // the rollup is rebuilt set-based below. Needs a superuser, as the rest of the generator does.
      await c.query('SET session_replication_role = replica');
      await c.query(SETUP_SQL);
      const loads: Record<string, unknown[]> = {
        gen_sample: days.sample,
        gen_wdays: days.workdays,
        gen_days: days.days,
        gen_proc: procedures,
        gen_proc_slot: slots,
        gen_event_plan: plans.events,
        gen_step_plan: plans.steps,
      };
      for (const [table, rows] of Object.entries(loads))
        await c.query(LOAD_SQL[table] as string, [JSON.stringify(rows)]);
      await c.query(OFFICERS_SQL, [codes]);
      await c.query(ALLOC_SQL, [
        JSON.stringify(allocation.map((a) => ({ unit_code: a.unitCode, batch: a.batch, n: a.n }))),
      ]);
      await c.query(
        'ANALYZE gen_sample, gen_wdays, gen_days, gen_proc, gen_proc_slot, gen_event_plan, gen_step_plan, gen_officer, gen_alloc',
      );
    }
    const orphan = (
      await workers[0]?.query<{ n: string }>('SELECT count(*) AS n FROM gen_alloc WHERE reception_id IS NULL')
    )?.rows[0]?.n;
    if (Number(orphan ?? 0) > 0) throw new Error(`${orphan} communes have no reception officer`);
    const tSetup = performance.now();

    const sql = batchSql({ continueCounters, history: opts.history === 'full' });
    const params = (b: number) => [
      b,
      days.sampleMinutes,
      now,
      FAMILY_NAMES,
      MIDDLE_NAMES,
      GIVEN_NAMES,
      Object.keys(BIRTH_PROVINCE_NAMES),
      PHONE_PREFIXES,
    ];
    const totals = { dossiers: 0, events: 0, steps: 0, book: 0, pauses: 0, counters: 0 };
    let next = 0;
    const runWorker = async (c: pg.Client) => {
      while (next < batches) {
        const b = next++;
        const tb = performance.now();
        const r = (await c.query(sql, params(b))).rows[0] as Record<keyof typeof totals, string>;
        for (const k of Object.keys(totals) as Array<keyof typeof totals>) totals[k] += Number(r[k]);
        const elapsed = (performance.now() - tSetup) / 1000;
        log(
          `batch ${b + 1}/${batches}: ${fmt(Number(r.dossiers))} dossiers, ${fmt(Number(r.events))} events in ${((performance.now() - tb) / 1000).toFixed(1)} s` +
            ` · ${fmt(totals.dossiers)}/${fmt(opts.dossiers)} (${Math.round((100 * totals.dossiers) / opts.dossiers)} %)` +
            ` · ${fmt(totals.dossiers / elapsed)} dossiers/s`,
        );
      }
    };
    await Promise.all(workers.map(runWorker));
    if ((await main.query(`SELECT to_regproc('settlement_rollup_rebuild') IS NOT NULL AS ok`)).rows[0]?.ok) {
      const tr = performance.now();
      const rows = (await main.query<{ n: string }>('SELECT settlement_rollup_rebuild() AS n')).rows[0]?.n;
      log(
        `settlement rollup rebuilt: ${fmt(Number(rows))} rows in ${((performance.now() - tr) / 1000).toFixed(1)} s`,
      );
    }
    const tInsert = performance.now();

    if (opts.vacuum) {
      log(`VACUUM ANALYZE ${WRITTEN_TABLES.join(', ')}`);
      await main.query(`VACUUM (ANALYZE) ${WRITTEN_TABLES.join(', ')}`);
    } else {
      await main.query(`ANALYZE ${WRITTEN_TABLES.join(', ')}`);
    }
    const tEnd = performance.now();

    const hot = (
      await main.query<{ code: string; n: string }>(
        `SELECT a.code, (SELECT count(*) FROM dossiers d WHERE d.unit_code = a.code) AS n FROM unnest($1::text[]) AS a(code)`,
        [opts.hot],
      )
    ).rows.map((r) => ({ code: r.code, dossiers: Number(r.n) }));
    return {
      dossiers: totals.dossiers,
      events: totals.events,
      steps: totals.steps,
      trackingBook: totals.book,
      pauses: totals.pauses,
      counters: totals.counters,
      users: users.rowCount ?? 0,
      communes: codes.length,
      hot,
      seconds: {
        total: (tEnd - t0) / 1000,
        setup: (tSetup - t0) / 1000,
        insert: (tInsert - tSetup) / 1000,
        vacuum: (tEnd - tInsert) / 1000,
      },
    };
  } finally {
    for (const c of workers) await c.end().catch(() => undefined);
    await main.end().catch(() => undefined);
  }
}
