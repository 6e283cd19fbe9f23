import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEMO_HOT_COMMUNES, generate } from '../generate/generate.ts';
import { adminUrl } from '../intake/database.ts';
import { DEMO_COMMUNES, DEMO_PASSWORD } from '../intake/fixtures.ts';
import { loginAll } from '../intake/http-load.ts';
import { printProfile, summarizeProfile } from '../intake/profile.ts';
import { type ServerProcess, ServerStartError, startServer } from '../intake/server.ts';
import { cpuWindow } from '../intake/stats.ts';
import { type FloorDossier, transitionFloor } from './floor.ts';
import {
  type BenchDossier,
  type CommuneSessions,
  createDossiers,
  driveHttp,
  type Role,
} from './lifecycle.ts';
import { explain, getLoad, type LoadResult, queueFloor, queueStatements } from './queue.ts';
import {
  type Dataset,
  printReport,
  type QueueReport,
  suggestions,
  targetsOf,
  type WorkflowReport,
} from './report.ts';
import { stepCheck } from './step-check.ts';

/*
 * Lifecycle transitions and work queues on PostgreSQL with ≥ 1M dossiers, end to end against the real
 * server, each compared with a floor of the same SQL through `pg` measured in the same run. See
 * bench/README.md.
 *
 *   node --import tsx bench/workflow/run.ts [--url=postgres://…/generated-db] [--dossiers=1000000]
 *        [--clients=8] [--per-client=25] [--warmup=2] [--queue-seconds=10] [--queue-connections=8] [--keep]
 *        [--cpu-prof] [--jobs=2] [--history=intake|full]
 *
 * Exit status: 0 when the bench ran (targets are reported, never fatal), 1 when it could not run, 2 for
 * bad arguments.
 */

function readArgs() {
  try {
    return parseArgs({
      options: {
        url: { type: 'string' },
        dossiers: { type: 'string', default: '1000000' },
        clients: { type: 'string', default: '8' },
        'per-client': { type: 'string', default: '25' },
        warmup: { type: 'string', default: '2' },
        'queue-seconds': { type: 'string', default: '10' },
        'queue-connections': { type: 'string', default: '8' },
        jobs: { type: 'string', default: '2' },
        history: { type: 'string', default: 'intake' },
        keep: { type: 'boolean', default: false },
        'cpu-prof': { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
}
const argv = readArgs();
const int = (name: string, v: string | undefined, min: number) => {
  const x = Number(v);
  if (!Number.isInteger(x) || x < min) {
    console.error(`--${name} must be an integer >= ${min}`);
    process.exit(2);
  }
  return x;
};
if (argv.history !== 'intake' && argv.history !== 'full') {
  console.error('--history must be intake or full');
  process.exit(2);
}
const opts = {
  url: argv.url,
  dossiers: int('dossiers', argv.dossiers, 1),
  clients: int('clients', argv.clients, 1),
  perClient: int('per-client', argv['per-client'], 1),
  warmup: int('warmup', argv.warmup, 0),
  queueSeconds: int('queue-seconds', argv['queue-seconds'], 1),
  queueConnections: int('queue-connections', argv['queue-connections'], 1),
  jobs: int('jobs', argv.jobs, 1),
  history: argv.history as 'intake' | 'full',
  keep: argv.keep ?? false,
  cpuProf: argv['cpu-prof'] ?? false,
};

const log = (line: string) => console.log(`[bench] ${line}`);
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
const OFFICER = 'specialist.tan-thoi';
const OFFICER_UNIT = '28693';

const cleanups: Array<() => Promise<unknown>> = [];
async function cleanUp() {
  while (cleanups.length)
    await cleanups
      .pop()?.()
      .catch((err: unknown) => log(`cleanup: ${(err as Error).message}`));
}
process.once('SIGINT', () => {
  log('interrupted: cleaning up');
  void cleanUp().then(() => process.exit(130));
});

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fresh `motcua_bench_wf_<random>` on the admin URL's server, dropped at the end unless --keep. */
async function createDatabase(): Promise<string> {
  const admin = adminUrl();
  const name = `motcua_bench_wf_${randomBytes(4).toString('hex')}`;
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  cleanups.push(async () => {
    if (opts.keep) return log(`kept database ${url.toString()}`);
    await withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    log(`dropped database ${name}`);
  });
  return url.toString();
}

async function startTracked(
  env: Record<string, string>,
  label: string,
  cpuProfDir?: string,
): Promise<ServerProcess> {
  const server = await startServer({ env, label, cpuProfDir });
  cleanups.push(() => server.stop());
  return server;
}

async function datasetFacts(url: string, officerId: string): Promise<Dataset> {
  return withClient(url, async (c) => {
    const r = (
      await c.query(
        `SELECT (SELECT count(*) FROM dossiers) AS total,
           pg_size_pretty(pg_database_size(current_database())) AS size,
           (SELECT reltuples::bigint FROM pg_class WHERE relname = 'audit_events') AS events,
           (SELECT count(*) FROM dossiers WHERE unit_code = $1) AS unit_total,
           (SELECT count(*) FROM dossiers WHERE unit_code = $1 AND status = 4) AS processing,
           (SELECT count(*) FROM dossiers WHERE unit_code = $1 AND status = 4 AND assignee_id = $2) AS assigned,
           (SELECT count(*) FROM dossiers WHERE unit_code = $1 AND status = 4 AND assignee_id IS NULL
              AND workflow -> step_index ->> 'role' = 'specialist') AS unassigned,
           (SELECT count(*) FROM dossiers WHERE unit_code = $1 AND status = 4 AND due_at <= now()) AS overdue`,
        [OFFICER_UNIT, officerId],
      )
    ).rows[0] as Record<string, string>;
    return {
      dossiers: Number(r.total),
      sizePretty: String(r.size),
      auditEventsEstimate: Number(r.events),
      unitCode: OFFICER_UNIT,
      unitDossiers: Number(r.unit_total),
      unitProcessing: Number(r.processing),
      assignedToOfficer: Number(r.assigned),
      unassignedAtSpecialistStep: Number(r.unassigned),
      overdue: Number(r.overdue),
    };
  });
}

async function main(): Promise<number> {
  const url = opts.url ?? (await createDatabase());
  const dbName = new URL(url).pathname.slice(1);
  log(`database ${dbName}${opts.url ? ' (given: not generated, not dropped)' : ''}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-wf-'));
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env = { DATABASE_URL: url, MOTCUA_DATA_DIR: dataDir };

  let generatedSeconds: number | undefined;
  if (!opts.url) {
    log('first start: migrate and seed the demo accounts');
    const first = await startTracked(env, 'PostgreSQL (first start)');
    await first.stop();
    log(`generating ${opts.dossiers.toLocaleString('en-US')} dossiers`);
    const g = await generate({
      url,
      dossiers: opts.dossiers,
      batchSize: 200_000,
      jobs: opts.jobs,
      hot: DEMO_HOT_COMMUNES,
      hotShare: 0.1,
      specialists: 4,
      history: opts.history,
      months: 24,
      seed: 1,
      vacuum: true,
      password: DEMO_PASSWORD,
      log: (line) => log(`generate: ${line}`),
    });
    generatedSeconds = g.seconds.total;
  }

  log('starting the server');
  const profDir = opts.cpuProf ? fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-wf-prof-')) : undefined;
  const server = await startTracked(env, 'PostgreSQL', profDir);
  const roles: Role[] = ['reception', 'specialist', 'leader'];
  const usernames = DEMO_COMMUNES.flatMap((c) => roles.map((r) => `${r}.${c.slug}`));
  const cookies = await loginAll(server.url, usernames);
  const sessions: CommuneSessions[] = DEMO_COMMUNES.map((c, i) => ({
    code: c.code,
    slug: c.slug,
    cookies: {
      reception: cookies[3 * i] ?? '',
      specialist: cookies[3 * i + 1] ?? '',
      leader: cookies[3 * i + 2] ?? '',
    },
  }));
  const ids = await withClient(url, async (c) => {
    const rows = (
      await c.query<{ username: string; id: string }>(
        `SELECT username, id FROM users WHERE username = ANY($1::text[])`,
        [usernames],
      )
    ).rows;
    return new Map(rows.map((r) => [r.username, r.id]));
  });
  const officerId = ids.get(OFFICER);
  if (!officerId) throw new Error(`${OFFICER} missing`);
  const dataset = { ...(await datasetFacts(url, officerId)), generatedSeconds };
  log(`${dataset.dossiers.toLocaleString('en-US')} dossiers in the database`);

  // Fresh dossiers for both runs: client i works in demo commune i mod 5, HTTP ones first, then the floor's.
  const perClient = opts.warmup + opts.perClient;
  const slots = Array.from(
    { length: 2 * opts.clients * perClient },
    (_, k) => sessions[(Math.floor(k / perClient) % opts.clients) % sessions.length] as CommuneSessions,
  );
  log(`receiving ${slots.length} fresh dossiers through POST /api/v1/dossiers`);
  const created = await createDossiers(server.url, slots, opts.clients);
  const split = (from: number) =>
    Array.from({ length: opts.clients }, (_, i) =>
      created.dossiers.slice(from + i * perClient, from + (i + 1) * perClient),
    );
  const httpDossiers = split(0);
  const floorDossiers = split(opts.clients * perClient);

  log(
    `transitions: ${opts.clients} clients × ${perClient} dossiers × 5 actions (first ${opts.warmup} per client unrecorded)`,
  );
  const cpu = cpuWindow({ serverPid: server.pid, database: dbName });
  const transitionsFrom = monotonicUs();
  const http = await driveHttp(server.url, httpDossiers, opts.warmup);
  const transitionsWindow = { fromUs: transitionsFrom, toUs: monotonicUs() };
  const httpCpu = cpu.stop(http.transitions);

  const officerCookie = sessions.find((s) => s.code === OFFICER_UNIT)?.cookies.specialist ?? '';
  const queues: QueueReport[] = [];
  const queuesFrom = monotonicUs();
  for (const queue of ['mine', 'overdue'] as const) {
    const pathOf = `/api/v1/queues/${queue}`;
    const res = await fetch(`${server.url}${pathOf}`, { headers: { cookie: officerCookie } });
    const body = (await res.json()) as { items?: unknown[] };
    if (res.status !== 200) throw new Error(`${pathOf}: HTTP ${res.status}`);
    log(
      `queue ${queue}: ${body.items?.length ?? 0} items; autocannon ${opts.queueSeconds} s at 1 and ${opts.queueConnections} connections`,
    );
    await getLoad({ url: server.url, path: pathOf, cookie: officerCookie, connections: 2, seconds: 2 });
    const loads: LoadResult[] = [];
    for (const connections of [1, opts.queueConnections]) {
      loads.push(
        await getLoad({
          url: server.url,
          path: pathOf,
          cookie: officerCookie,
          connections,
          seconds: opts.queueSeconds,
        }),
      );
    }
    queues.push({ queue, items: body.items?.length ?? 0, http: loads, floor: [], plans: [] });
  }
  const queuesWindow = { fromUs: queuesFrom, toUs: monotonicUs() };
  await server.stop();

  const done = await withClient(url, async (c) => {
    const codes = (list: BenchDossier[][]) => list.flat().map((d) => d.code);
    const q = `SELECT count(*) FILTER (WHERE status = 10) AS returned, count(*) AS n FROM dossiers WHERE code = ANY($1::text[])`;
    return (await c.query(q, [codes(httpDossiers)])).rows[0] as { returned: string; n: string };
  });

  log('step check: the product’s statements per action, in-process, against the floor’s');
  const check = await stepCheck(url);

  log(`floor: the same transactions through pg.Pool(${opts.clients})`);
  const actorsOf = (s: CommuneSessions) => ({
    reception: ids.get(`reception.${s.slug}`) ?? '',
    specialist: ids.get(`specialist.${s.slug}`) ?? '',
    leader: ids.get(`leader.${s.slug}`) ?? '',
  });
  const floor = await transitionFloor(
    url,
    floorDossiers.map((list) =>
      list.map(
        (d): FloorDossier => ({ unitCode: d.commune.code, code: d.code, actors: actorsOf(d.commune) }),
      ),
    ),
    opts.warmup,
  );

  const statements = queueStatements(OFFICER_UNIT, officerId);
  for (const q of queues) {
    log(
      `floor: queue ${q.queue} SELECTs, ${opts.queueSeconds} s at 1 and ${opts.queueConnections} connections; EXPLAIN ANALYZE`,
    );
    for (const connections of [1, opts.queueConnections])
      q.floor.push(await queueFloor(url, statements[q.queue], connections, opts.queueSeconds));
    q.plans = await explain(url, statements[q.queue]);
  }

  const settings = await withClient(url, async (c) => {
    const s = async (name: string) => (await c.query(`SHOW ${name}`)).rows[0]?.[name] as string;
    return {
      version: await s('server_version'),
      sync: await s('synchronous_commit'),
      sb: await s('shared_buffers'),
    };
  });
  const notes = [
    `HTTP dossiers returned (status 10): ${done.returned} of ${done.n}`,
    'the machine is shared (2 CPUs; server, PostgreSQL and the load generator compete with each other and with other jobs): figures are noisy, compare ratios',
    'generated rows carry no valid audit hash chain; the dossiers driven here are fresh (intake through the API) and keep valid chains',
  ];
  const report: WorkflowReport = {
    environment: `PostgreSQL ${settings.version} (synchronous_commit=${settings.sync}, shared_buffers=${settings.sb}) · ${os.cpus().length} CPUs · load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} · Node ${process.version}`,
    dataset,
    transitions: {
      http: { ...http, cpu: httpCpu },
      floor,
      clients: opts.clients,
      dossiers: opts.clients * opts.perClient,
    },
    queues,
    stepCheck: check,
    notes,
  };
  printReport(report);
  const profile = profDir ? fs.readdirSync(profDir).find((f) => f.endsWith('.cpuprofile')) : undefined;
  if (profDir && profile) {
    const kept = path.join(os.tmpdir(), `motcua-bench-wf-${Date.now()}.cpuprofile`);
    fs.copyFileSync(path.join(profDir, profile), kept);
    fs.rmSync(profDir, { recursive: true, force: true });
    for (const [label, window] of [
      ['transitions', transitionsWindow],
      ['work queues', queuesWindow],
    ] as const) {
      console.log('');
      console.log(`Server CPU profile — ${label} window`);
      printProfile(summarizeProfile(kept, window));
    }
    console.log(`  (profile kept at ${kept})`);
  }
  const advice = suggestions(report);
  if (advice.length) {
    console.log('');
    console.log('Suggestions');
    for (const a of advice) console.log(`  - ${a}`);
  }
  console.log('');
  console.log(
    JSON.stringify({
      bench: 'workflow',
      at: new Date().toISOString(),
      dataset,
      transitions: {
        http: {
          throughput: http.throughput,
          latency: http.latency,
          byAction: http.byAction,
          errors: http.errors,
        },
        floor: {
          throughput: floor.throughput,
          latency: floor.latency,
          byAction: floor.byAction,
          errors: floor.errors,
        },
        ratio: http.throughput / floor.throughput,
      },
      queues: queues.map((q) => ({
        queue: q.queue,
        items: q.items,
        http: q.http.map((h) => ({
          connections: h.connections,
          throughput: h.throughput,
          latency: h.latency,
        })),
        floor: q.floor.map((f) => ({
          connections: f.connections,
          throughput: f.throughput,
          latency: f.latency,
        })),
        plans: q.plans.map((p) => ({
          label: p.label,
          indexes: p.indexes,
          seqScan: p.seqScan,
          rows: p.rows,
          ms: p.executionMs,
        })),
      })),
      floorOutOfStep: check.outOfStep.map((o) => o.action),
      targets: targetsOf(report),
    }),
  );
  return 0;
}

main().then(
  async (code) => {
    await cleanUp();
    process.exit(code);
  },
  async (err: unknown) => {
    console.error(`[bench] ${err instanceof Error ? err.message : String(err)}`);
    if (!(err instanceof ServerStartError)) console.error(err);
    await cleanUp();
    process.exit(1);
  },
);
