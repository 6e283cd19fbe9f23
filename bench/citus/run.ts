import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { vnDateOf } from '../../src/domain/calendar/vn-time.ts';
import { clusterNodes, createEmptyCitusDatabase } from '../../src/server/test-support/citus.ts';
import { activateCommunes, countIntakeRows, type RowCounts } from '../intake/database.ts';
import {
  DEMO_COMMUNES,
  DEMO_PROVINCE,
  INTAKE_BODY,
  loadCommunes,
  loadProcedure,
  spreadCommunes,
} from '../intake/fixtures.ts';
import { type FloorResult, floorUnits, postgresFloor } from '../intake/floor.ts';
import { loginAll } from '../intake/http-load.ts';
import { type ServerProcess, startServer } from '../intake/server.ts';
import { type CpuFigures, cpuWindow, LatencyRecorder, type LatencySummary } from '../intake/stats.ts';
import { intOption, positiveOption, readOptions, usageError } from '../lib/args.ts';
import { cleanUp, cleanups, runBench, withClient } from '../lib/run-support.ts';

/*
 * The counter intake and the province report on plain PostgreSQL and on the local Citus cluster
 * (scripts/citus-cluster.sh: a coordinator and two workers on this machine) in the same run, each next to
 * a floor through `pg` on the same database. The point is that the product works on Citus and how its cost
 * moves, not a speed-up: two workers on one machine share its CPUs. See bench/README.md.
 *
 *   node --import tsx bench/citus/run.ts [--duration=20] [--warmup=3] [--connections=16] [--communes=40]
 *        [--rounds=10] [--url=postgres://…/test] [--citus-url=postgres://postgres@127.0.0.1:9700/test]
 *
 * Exit status: 0 when the bench ran (figures are reported, never fatal; a lost or half-written intake is
 * reported as such), 1 when it could not run, 2 for bad arguments.
 */

const argv = readOptions({
  duration: { type: 'string', default: '20' },
  warmup: { type: 'string', default: '3' },
  connections: { type: 'string', default: '16' },
  communes: { type: 'string', default: '40' },
  rounds: { type: 'string', default: '10' },
  url: { type: 'string' },
  'citus-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:9700/test' },
});
const opts = {
  duration: positiveOption('duration', argv.duration),
  warmup: positiveOption('warmup', argv.warmup),
  connections: intOption('connections', argv.connections, 1),
  communes: intOption('communes', argv.communes, DEMO_COMMUNES.length),
  rounds: intOption('rounds', argv.rounds, 1),
  url:
    argv.url ||
    process.env.BENCH_DATABASE_URL ||
    process.env.TEST_DATABASE_URL ||
    'postgres://postgres@127.0.0.1:5432/test',
  citusUrl: argv['citus-url'] as string,
};
for (const [name, value] of [
  ['url', opts.url],
  ['citus-url', opts.citusUrl],
] as const) {
  if (!URL.canParse(value) || !value.startsWith('postgres'))
    usageError(`--${name} must be a postgres:// URL`);
}

type Kind = 'postgres' | 'citus';
const LABEL: Record<Kind, string> = { postgres: 'PostgreSQL', citus: 'Citus' };
const PROVINCE_OFFICER = 'province.dong-thap';
const log = (line: string) => console.log(`[bench] ${line}`);

/** A fresh database: `motcua_bench_cit_<random>` on PostgreSQL, a cluster database on Citus; dropped at the end. */
async function freshDatabase(kind: Kind): Promise<{ url: string; name: string }> {
  if (kind === 'citus') {
    const created = await createEmptyCitusDatabase(opts.citusUrl);
    cleanups.push(async () => {
      await created.drop();
      log(`dropped cluster database ${created.name}`);
    });
    return { url: created.url, name: created.name };
  }
  const name = `motcua_bench_cit_${Math.random().toString(16).slice(2, 10)}`;
  await withClient(opts.url, (c) => c.query(`CREATE DATABASE ${name}`));
  cleanups.push(async () => {
    await withClient(opts.url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    log(`dropped database ${name}`);
  });
  const u = new URL(opts.url);
  u.pathname = `/${name}`;
  return { url: u.toString(), name };
}

async function startTracked(env: Record<string, string>, label: string): Promise<ServerProcess> {
  const server = await startServer({ env, label, readyTimeoutMs: 300_000 });
  cleanups.push(() => server.stop());
  return server;
}

interface IntakeLoad {
  seconds: number;
  created: number;
  statuses: Record<string, number>;
  /** Requests that failed without an HTTP answer (connection refused, reset). */
  failed: number;
  firstProblem?: string;
  throughput: number;
  latency: LatencySummary;
}

/**
 * A closed loop per connection: each sends the next intake when the previous one was answered, under the
 * cookie of the next commune in round robin, until the time is up. Every request is awaited, so the rows
 * written afterwards must equal the 201s seen exactly (autocannon abandons the requests in flight when it
 * stops, which allows only a bound).
 */
async function intakeLoad(baseUrl: string, cookies: string[], seconds: number): Promise<IntakeLoad> {
  const recorder = new LatencyRecorder();
  const statuses: Record<string, number> = {};
  let created = 0;
  let failed = 0;
  let firstProblem: string | undefined;
  let next = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const cookie = cookies[next++ % cookies.length] as string;
      const t0 = performance.now();
      try {
        const res = await fetch(`${baseUrl}/api/v1/dossiers`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: INTAKE_BODY,
        });
        const text = await res.text();
        recorder.record(performance.now() - t0);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.status === 201) created++;
        else firstProblem ??= `${res.status} ${text.slice(0, 300)}`;
      } catch (err) {
        failed++;
        firstProblem ??= (err as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, loop));
  const took = (performance.now() - start) / 1000;
  return {
    seconds: took,
    created,
    statuses,
    failed,
    firstProblem,
    throughput: created / took,
    latency: recorder.summary(),
  };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function getJson(url: string, cookie: string) {
  const res = await fetch(url, { headers: { cookie } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

interface Pair {
  product: LatencySummary;
  floor: LatencySummary;
}

interface DbRun {
  kind: Kind;
  database: string;
  version: string;
  communes: number;
  dataset: { dossiers: number; province: number; size: string; sizeBytes: number; nodes: number };
  warm: IntakeLoad;
  intake: IntakeLoad & { cpu: CpuFigures };
  intakeFloor: FloorResult & { cpu: CpuFigures };
  rows: { counts: RowCounts; confirmed: number; ok: boolean };
  floorRows: { counts: RowCounts; confirmed: number; ok: boolean };
  report: Pair & { received: number };
  dashboard: Pair & { communes: number };
}

const rowsOk = (counts: RowCounts, confirmed: number) =>
  counts.dossiers === confirmed &&
  counts.trackingBook === confirmed &&
  counts.auditIntakes === confirmed &&
  counts.unitsNotGapless === 0;

/** Whole-database size: the coordinator's database plus every worker's on Citus. */
async function datasetOf(c: pg.Client, kind: Kind): Promise<DbRun['dataset']> {
  const r = (
    await c.query<{ total: string; province: string }>(
      `SELECT (SELECT count(*) FROM dossiers) AS total,
         (SELECT count(*) FROM dossiers WHERE province_code = $1) AS province`,
      [DEMO_PROVINCE],
    )
  ).rows[0]!;
  let sizeBytes = Number(
    (await c.query<{ s: string }>('SELECT pg_database_size(current_database()) AS s')).rows[0]!.s,
  );
  let nodes = 1;
  if (kind === 'citus') {
    const workers = await c.query<{ result: string; success: boolean }>(
      `SELECT success, result FROM run_command_on_workers($$SELECT pg_database_size(current_database())$$)`,
    );
    for (const w of workers.rows) {
      if (!w.success) throw new Error(`worker database size: ${w.result}`);
      sizeBytes += Number(w.result);
    }
    nodes += workers.rows.length;
  }
  return {
    dossiers: Number(r.total),
    province: Number(r.province),
    sizeBytes,
    size: `${(sizeBytes / 1024 / 1024).toFixed(0)} MB`,
    nodes,
  };
}

async function benchOne(kind: Kind): Promise<DbRun> {
  log(`--- ${LABEL[kind]} ---`);
  const db = await freshDatabase(kind);
  log(`database ${db.name}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-citus-'));
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env = { DATABASE_URL: db.url, MOTCUA_DATA_DIR: dataDir };

  log(`first start: migrate${kind === 'citus' ? ', distribute' : ''} and seed the demo`);
  let t0 = performance.now();
  const first = await startTracked(env, `${LABEL[kind]} (first start)`);
  await first.stop();
  log(`  ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // More communes than the demo's five, activated while no server caches units (bench/intake does the same).
  const all = loadCommunes();
  const demoCodes = DEMO_COMMUNES.map((c) => c.code);
  const added = spreadCommunes(all, opts.communes - demoCodes.length, new Set(demoCodes));
  const addedUsers = await activateCommunes(db.url, added);
  const codes = [...demoCodes, ...added.map((c) => c.code)];
  const usernames = [...DEMO_COMMUNES.map((c) => `reception.${c.slug}`), ...addedUsers];
  const floorCommunes = spreadCommunes(all, opts.communes, new Set(codes));

  const facts = new pg.Client({ connectionString: db.url });
  await facts.connect();
  cleanups.push(() => facts.end());
  const version = (await facts.query<{ server_version: string }>('SHOW server_version')).rows[0]!
    .server_version;
  const citusVersion =
    kind === 'citus'
      ? (await facts.query<{ v: string }>(`SELECT extversion AS v FROM pg_extension WHERE extname = 'citus'`))
          .rows[0]?.v
      : undefined;
  const provinceCommunes = (
    await facts.query<{ code: string }>(
      `SELECT code FROM units WHERE level = 'commune' AND parent_code = $1 ORDER BY code`,
      [DEMO_PROVINCE],
    )
  ).rows.map((x) => x.code);

  t0 = performance.now();
  const server = await startTracked(env, LABEL[kind]);
  log(
    `second start (${codes.length} active communes): ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const since = new Date(Date.now() - 1_000);
  const cookies = await loginAll(server.url, usernames);
  const [provinceCookie] = await loginAll(server.url, [PROVINCE_OFFICER]);
  if (!provinceCookie) throw new Error('province officer: no session');

  log(`intake: warm-up ${opts.warmup} s, then ${opts.duration} s with ${opts.connections} connections`);
  const warm = await intakeLoad(server.url, cookies, opts.warmup);
  const cpu = cpuWindow({ serverPid: server.pid, database: db.name });
  const load = await intakeLoad(server.url, cookies, opts.duration);
  const intake = { ...load, cpu: cpu.stop(load.created) };
  const confirmed = warm.created + load.created;
  const counts = await countIntakeRows((text) => facts.query(text), codes, since);

  // The province report and dashboard of the current month (the bench's intakes are in it), alternating
  // with their floors: plain GROUP BYs over the dossier table for the same communes and period.
  const today = vnDateOf(new Date());
  const from = `${today.slice(0, 8)}01`;
  const start = new Date(`${from}T00:00:00+07:00`);
  const end = new Date(new Date(`${today}T00:00:00+07:00`).getTime() + 86_400_000);
  const reportUrl = `${server.url}/api/v1/reports/settlement?unit=${DEMO_PROVINCE}&from=${from}&to=${today}`;
  const dashboardUrl = `${server.url}/api/v1/reports/dashboard?province=${DEMO_PROVINCE}&from=${from}&to=${today}&active=false`;
  const reportFloor = (c: pg.Client) =>
    c.query(
      'SELECT field_code, count(*) FROM dossiers WHERE unit_code = ANY($1::text[]) AND received_at >= $2 AND received_at < $3 GROUP BY field_code',
      [provinceCommunes, start, end],
    );
  const dashboardFloor = (c: pg.Client) =>
    c.query(
      'SELECT unit_code, field_code, count(*) FROM dossiers WHERE unit_code = ANY($1::text[]) AND received_at >= $2 AND received_at < $3 GROUP BY unit_code, field_code',
      [provinceCommunes, start, end],
    );
  // One request of each outside the figures (first plans, caches).
  const firstReport = await getJson(reportUrl, provinceCookie);
  const received = Number((firstReport.total as { received?: number } | undefined)?.received ?? Number.NaN);
  const dash = await getJson(dashboardUrl, provinceCookie);
  const dashCommunes = Array.isArray(dash.communes) ? dash.communes.length : 0;
  await reportFloor(facts);
  await dashboardFloor(facts);
  log(`province report and dashboard: ${opts.rounds} rounds each, alternating with their floors`);
  const rec = () => ({ product: new LatencyRecorder(), floor: new LatencyRecorder() });
  const r = rec();
  const d = rec();
  for (let i = 0; i < opts.rounds; i++) {
    r.product.record(await timed(() => getJson(reportUrl, provinceCookie)));
    r.floor.record(await timed(() => reportFloor(facts)));
    d.product.record(await timed(() => getJson(dashboardUrl, provinceCookie)));
    d.floor.record(await timed(() => dashboardFloor(facts)));
  }
  await server.stop();
  // What the load and the reports saw (the floor's rows below come on top).
  const dataset = await datasetOf(facts, kind);

  log(
    `intake floor: the intake statement through pg.Pool(${opts.connections}), ${floorCommunes.length} other communes`,
  );
  let floorCpu: ReturnType<typeof cpuWindow> | undefined;
  let floorCpuFigures: CpuFigures | undefined;
  const floorSince = new Date(Date.now() - 1_000);
  const { measured, committed } = await postgresFloor(db.url, floorUnits(floorCommunes), loadProcedure(), {
    warmupMs: opts.warmup * 1000,
    durationMs: opts.duration * 1000,
    workers: opts.connections,
    onMeasureStart: () => {
      floorCpu = cpuWindow({ database: db.name });
    },
    onMeasureEnd: (ops) => {
      floorCpuFigures = floorCpu?.stop(ops);
    },
  });
  const floorCounts = await countIntakeRows(
    (text) => facts.query(text),
    floorCommunes.map((c) => c.code),
    floorSince,
  );
  return {
    kind,
    database: db.name,
    version: citusVersion ? `PostgreSQL ${version}, Citus ${citusVersion}` : `PostgreSQL ${version}`,
    communes: codes.length,
    dataset,
    warm,
    intake,
    intakeFloor: { ...measured, cpu: floorCpuFigures as CpuFigures },
    rows: { counts, confirmed, ok: rowsOk(counts, confirmed) },
    floorRows: { counts: floorCounts, confirmed: committed, ok: rowsOk(floorCounts, committed) },
    report: { product: r.product.summary(), floor: r.floor.summary(), received },
    dashboard: { product: d.product.summary(), floor: d.floor.summary(), communes: dashCommunes },
  };
}

const f1 = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(1));
const f2 = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(2));

function table(title: string, rows: Array<[string, number | undefined, number | undefined, string?]>) {
  console.log('');
  console.log(title);
  const head = ['', 'PostgreSQL', 'Citus', 'Citus/PostgreSQL'];
  const body = rows.map(([name, a, b, unit]) => [
    name,
    `${f1(a)}${unit ?? ''}`,
    `${f1(b)}${unit ?? ''}`,
    a && b !== undefined ? f2(b / a) : '—',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`;
  console.log(line(head));
  for (const r of body) console.log(line(r));
}

function print(pg: DbRun, ct: DbRun) {
  console.log('');
  for (const r of [pg, ct]) {
    log(
      `${LABEL[r.kind]}: ${r.version}, ${r.dataset.nodes} node(s); dataset ${r.dataset.dossiers.toLocaleString('en-US')} dossiers ` +
        `(${r.dataset.province.toLocaleString('en-US')} in province ${DEMO_PROVINCE}), ${r.dataset.size} on disk over all nodes`,
    );
    log(
      `  intake: ${r.communes} communes, ${opts.connections} connections, ${opts.duration} s; statuses ${JSON.stringify(r.intake.statuses)}` +
        `${r.intake.failed ? `, ${r.intake.failed} without an answer` : ''}${r.intake.firstProblem ? `; first problem: ${r.intake.firstProblem}` : ''}`,
    );
    const c = r.rows.counts;
    log(
      `  rows after the load: ${c.dossiers} dossiers, ${c.trackingBook} book rows, ${c.auditIntakes} intake events for ${r.rows.confirmed} 201s` +
        ` (warm-up included), ${c.unitsNotGapless} communes with a gap: ${r.rows.ok ? 'nothing lost' : 'NOT AS EXPECTED'}`,
    );
    const fc = r.floorRows.counts;
    log(
      `  floor rows: ${fc.dossiers} dossiers, ${fc.trackingBook} book rows, ${fc.auditIntakes} events for ${r.floorRows.confirmed} committed: ${r.floorRows.ok ? 'as expected' : 'NOT AS EXPECTED'}` +
        `${r.intakeFloor.errors ? `; ${r.intakeFloor.errors} floor errors (${r.intakeFloor.firstError})` : ''}`,
    );
  }
  table('Counter intake (POST /api/v1/dossiers over HTTP; floor: the intake statement through pg)', [
    ['HTTP intakes/s', pg.intake.throughput, ct.intake.throughput],
    ['HTTP p50', pg.intake.latency.p50, ct.intake.latency.p50, ' ms'],
    ['HTTP p95', pg.intake.latency.p95, ct.intake.latency.p95, ' ms'],
    ['HTTP p99', pg.intake.latency.p99, ct.intake.latency.p99, ' ms'],
    ['floor intakes/s', pg.intakeFloor.throughput, ct.intakeFloor.throughput],
    ['floor p50', pg.intakeFloor.latency.p50, ct.intakeFloor.latency.p50, ' ms'],
    ['floor p95', pg.intakeFloor.latency.p95, ct.intakeFloor.latency.p95, ' ms'],
    [
      'HTTP ÷ floor (throughput)',
      pg.intake.throughput / pg.intakeFloor.throughput,
      ct.intake.throughput / ct.intakeFloor.throughput,
    ],
    ['server CPU per intake', pg.intake.cpu.serverMsPerOp, ct.intake.cpu.serverMsPerOp, ' ms'],
    [
      'PostgreSQL CPU per intake (all nodes)',
      pg.intake.cpu.postgresMsPerOp,
      ct.intake.cpu.postgresMsPerOp,
      ' ms',
    ],
    [
      'floor: PostgreSQL CPU per intake',
      pg.intakeFloor.cpu.postgresMsPerOp,
      ct.intakeFloor.cpu.postgresMsPerOp,
      ' ms',
    ],
    ['machine busy', pg.intake.cpu.machineBusyPct, ct.intake.cpu.machineBusyPct, ' %'],
  ]);
  const pair = (name: string, a: Pair, b: Pair): Array<[string, number, number, string?]> => [
    [`${name} p50`, a.product.p50, b.product.p50, ' ms'],
    [`${name} p95`, a.product.p95, b.product.p95, ' ms'],
    ['floor p50', a.floor.p50, b.floor.p50, ' ms'],
    ['floor p95', a.floor.p95, b.floor.p95, ' ms'],
    [`${name} ÷ floor (p50)`, a.product.p50 / a.floor.p50, b.product.p50 / b.floor.p50],
    [`${name} ÷ floor (p95)`, a.product.p95 / a.floor.p95, b.product.p95 / b.floor.p95],
  ];
  table(
    `Province report (GET /api/v1/reports/settlement?unit=${DEMO_PROVINCE}, this month, ${opts.rounds} rounds; floor: GROUP BY field over the dossiers)`,
    pair('report', pg.report, ct.report),
  );
  table(
    `Province dashboard (GET /api/v1/reports/dashboard?province=${DEMO_PROVINCE}, this month, ${opts.rounds} rounds; floor: GROUP BY commune, field)`,
    pair('dashboard', pg.dashboard, ct.dashboard),
  );
  table('Dataset', [
    ['dossiers', pg.dataset.dossiers, ct.dataset.dossiers],
    [`dossiers of province ${DEMO_PROVINCE}`, pg.dataset.province, ct.dataset.province],
    ['received this month (report)', pg.report.received, ct.report.received],
    ['size on disk, all nodes', pg.dataset.sizeBytes / 1048576, ct.dataset.sizeBytes / 1048576, ' MB'],
  ]);
}

async function main(): Promise<number> {
  // Both servers answer before anything is created: the cluster first (its workers listed by the coordinator).
  try {
    const nodes = await clusterNodes(opts.citusUrl);
    if (nodes.length < 2) throw new Error('the coordinator lists no worker');
    log(`Citus: coordinator and ${nodes.length - 1} worker(s)`);
    await withClient(opts.url, (c) => c.query('SELECT 1'));
  } catch (err) {
    console.error(
      `[bench] cannot use the databases (${(err as Error).message}); is the cluster running (scripts/citus-cluster.sh)?`,
    );
    return 1;
  }
  const runs: DbRun[] = [];
  for (const kind of ['postgres', 'citus'] as const) {
    runs.push(await benchOne(kind));
    await cleanUp();
  }
  const [p, c] = runs as [DbRun, DbRun];
  print(p, c);
  const json = (r: DbRun) => ({
    version: r.version,
    dataset: r.dataset,
    intake: {
      perSecond: r.intake.throughput,
      latencyMs: r.intake.latency,
      statuses: r.intake.statuses,
      failed: r.intake.failed,
      cpu: r.intake.cpu,
    },
    intakeFloor: {
      perSecond: r.intakeFloor.throughput,
      latencyMs: r.intakeFloor.latency,
      errors: r.intakeFloor.errors,
    },
    rows: r.rows,
    floorRows: r.floorRows,
    report: r.report,
    dashboard: r.dashboard,
  });
  console.log('');
  console.log(
    JSON.stringify({
      bench: 'citus',
      at: new Date().toISOString(),
      args: {
        duration: opts.duration,
        warmup: opts.warmup,
        connections: opts.connections,
        communes: opts.communes,
        rounds: opts.rounds,
      },
      postgres: json(p),
      citus: json(c),
      ratio: {
        intakePerSecond: c.intake.throughput / p.intake.throughput,
        reportP50: c.report.product.p50 / p.report.product.p50,
        dashboardP50: c.dashboard.product.p50 / p.dashboard.product.p50,
      },
      nothingLost: runs.every((r) => r.rows.ok && r.floorRows.ok),
    }),
  );
  return 0;
}

runBench(main);
