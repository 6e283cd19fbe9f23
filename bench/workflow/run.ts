import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEMO_HOT_COMMUNES, generate } from '../generate/generate.ts';
import { DEMO_COMMUNES, DEMO_PASSWORD } from '../intake/fixtures.ts';
import { loginAll } from '../intake/http-load.ts';
import { printProfile, summarizeProfile } from '../intake/profile.ts';
import { type ServerProcess, ServerStartError, startServer } from '../intake/server.ts';
import { cpuWindow } from '../intake/stats.ts';
import { intOption, readOptions } from '../lib/args.ts';
import { cleanUp, cleanups, createScratchDatabase, withClient } from '../lib/run-support.ts';
import { type FloorDossier, transitionFloor } from './floor.ts';
import {
  type CommuneSessions,
  createDossiers,
  driveHttp,
  type Role,
  TransitionRecorder,
} from './lifecycle.ts';
import { explain, getLoad, LoadRecorder, queueFloor, queueStatements } from './queue.ts';
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
 *        [--rounds=5] [--cpu-prof] [--jobs=2] [--history=intake|full]
 *
 * Exit status: 0 when the bench ran (targets are reported, never fatal), 1 when it could not run, 2 for
 * bad arguments.
 */

const argv = readOptions({
  url: { type: 'string' },
  dossiers: { type: 'string', default: '1000000' },
  clients: { type: 'string', default: '8' },
  'per-client': { type: 'string', default: '25' },
  warmup: { type: 'string', default: '2' },
  'queue-seconds': { type: 'string', default: '10' },
  'queue-connections': { type: 'string', default: '8' },
  jobs: { type: 'string', default: '2' },
  history: { type: 'string', default: 'intake' },
  rounds: { type: 'string', default: '5' },
  keep: { type: 'boolean', default: false },
  'cpu-prof': { type: 'boolean', default: false },
});
if (argv.history !== 'intake' && argv.history !== 'full') {
  console.error('--history must be intake or full');
  process.exit(2);
}
const opts = {
  url: argv.url,
  dossiers: intOption('dossiers', argv.dossiers, 1),
  clients: intOption('clients', argv.clients, 1),
  perClient: intOption('per-client', argv['per-client'], 1),
  warmup: intOption('warmup', argv.warmup, 0),
  queueSeconds: intOption('queue-seconds', argv['queue-seconds'], 1),
  queueConnections: intOption('queue-connections', argv['queue-connections'], 1),
  jobs: intOption('jobs', argv.jobs, 1),
  history: argv.history as 'intake' | 'full',
  rounds: intOption('rounds', argv.rounds, 1),
  keep: argv.keep ?? false,
  cpuProf: argv['cpu-prof'] ?? false,
};

const log = (line: string) => console.log(`[bench] ${line}`);
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
const OFFICER = 'specialist.tan-thoi';
const OFFICER_UNIT = '28693';

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
  const url = opts.url ?? (await createScratchDatabase('motcua_bench_wf', opts.keep));
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

  log('step check: the product’s statements per action, in-process, against the floor’s');
  const check = await stepCheck(url);

  // Fresh dossiers for both runs: client i works in demo commune i mod 5, HTTP ones first, then the floor's.
  const perClient = opts.warmup + opts.perClient;
  const slots = Array.from(
    { length: 2 * opts.clients * perClient },
    (_, k) => sessions[(Math.floor(k / perClient) % opts.clients) % sessions.length] as CommuneSessions,
  );
  log(`receiving ${slots.length} fresh dossiers through POST /api/v1/dossiers`);
  const created = await createDossiers(server.url, slots, opts.clients);
  const perClientLists = (from: number) =>
    Array.from({ length: opts.clients }, (_, i) =>
      created.dossiers.slice(from + i * perClient, from + (i + 1) * perClient),
    );
  const httpDossiers = perClientLists(0);
  const actorsOf = (s: CommuneSessions) => ({
    reception: ids.get(`reception.${s.slug}`) ?? '',
    specialist: ids.get(`specialist.${s.slug}`) ?? '',
    leader: ids.get(`leader.${s.slug}`) ?? '',
  });
  const floorDossiers = perClientLists(opts.clients * perClient).map((list) =>
    list.map((d): FloorDossier => ({ unitCode: d.commune.code, code: d.code, actors: actorsOf(d.commune) })),
  );
  // Round r takes the r-th slice of every client's dossiers; the warm-up slice comes first, unrecorded.
  const sliceOf = <T>(lists: T[][], r: number): T[][] => {
    if (r < 0) return lists.map((l) => l.slice(0, opts.warmup));
    const size = opts.perClient / opts.rounds;
    return lists.map((l) =>
      l.slice(opts.warmup + Math.round(r * size), opts.warmup + Math.round((r + 1) * size)),
    );
  };

  log(
    `transitions: ${opts.clients} clients × ${opts.perClient} dossiers × 5 actions in ${opts.rounds} rounds, ` +
      `HTTP and floor (pg.Pool(${opts.clients})) alternating; ${opts.warmup} dossiers per client to warm up`,
  );
  const floorPool = new pg.Pool({ connectionString: url, max: opts.clients });
  cleanups.push(() => floorPool.end());
  const httpRec = new TransitionRecorder();
  const floorRec = new TransitionRecorder();
  const cpuTotals = { server: 0, postgres: 0, bench: 0, ops: 0, busy: 0, rounds: 0, cpus: 0 };
  const transitionsWindows: Array<{ fromUs: number; toUs: number }> = [];
  await driveHttp(server.url, sliceOf(httpDossiers, -1), undefined, httpRec);
  await transitionFloor(floorPool, sliceOf(floorDossiers, -1), undefined, floorRec);
  for (let r = 0; r < opts.rounds; r++) {
    const before = httpRec.all.count;
    const cpu = cpuWindow({ serverPid: server.pid, database: dbName });
    const fromUs = monotonicUs();
    await driveHttp(server.url, sliceOf(httpDossiers, r), httpRec, httpRec);
    transitionsWindows.push({ fromUs, toUs: monotonicUs() });
    const ops = httpRec.all.count - before;
    const f = cpu.stop(ops);
    cpuTotals.server += (f.serverMsPerOp ?? 0) * ops;
    cpuTotals.postgres += (f.postgresMsPerOp ?? 0) * ops;
    cpuTotals.bench += f.benchMsPerOp * ops;
    cpuTotals.busy += f.machineBusyPct ?? 0;
    cpuTotals.ops += ops;
    cpuTotals.rounds++;
    cpuTotals.cpus = f.cpus;
    await transitionFloor(floorPool, sliceOf(floorDossiers, r), floorRec, floorRec);
  }
  const http = httpRec.result();
  // What the server said about failed requests (it logs errors even at LOG_LEVEL=warn).
  const serverErrors = http.errors
    ? server
        .output()
        .split('\n')
        .filter((l) => /"level":(50|60)|error/i.test(l))
        .slice(-3)
    : [];
  const floor = floorRec.result();
  const httpCpu = {
    serverMsPerOp: cpuTotals.server / cpuTotals.ops,
    postgresMsPerOp: cpuTotals.postgres / cpuTotals.ops,
    benchMsPerOp: cpuTotals.bench / cpuTotals.ops,
    machineBusyPct: cpuTotals.busy / cpuTotals.rounds,
    cpus: cpuTotals.cpus,
  };

  const officerCookie = sessions.find((s) => s.code === OFFICER_UNIT)?.cookies.specialist ?? '';
  const statements = queueStatements(OFFICER_UNIT, officerId);
  const queues: QueueReport[] = [];
  const queuesFrom = monotonicUs();
  const roundSeconds = Math.max(1, Math.round(opts.queueSeconds / opts.rounds));
  for (const queue of ['mine', 'overdue'] as const) {
    const pathOf = `/api/v1/queues/${queue}`;
    const res = await fetch(`${server.url}${pathOf}`, { headers: { cookie: officerCookie } });
    const body = (await res.json()) as { items?: unknown[] };
    if (res.status !== 200) throw new Error(`${pathOf}: HTTP ${res.status}`);
    log(
      `queue ${queue}: ${body.items?.length ?? 0} items; at 1 and ${opts.queueConnections} connections, ` +
        `${opts.rounds} rounds of ${roundSeconds} s autocannon then ${roundSeconds} s floor`,
    );
    const report: QueueReport = {
      queue,
      items: body.items?.length ?? 0,
      http: [],
      floor: [],
      plans: [],
    };
    for (const connections of [1, opts.queueConnections]) {
      const pool = new pg.Pool({ connectionString: url, max: connections });
      try {
        const load = {
          url: server.url,
          path: pathOf,
          cookie: officerCookie,
          connections,
          seconds: roundSeconds,
        };
        const httpLoad = new LoadRecorder(connections);
        const floorLoad = new LoadRecorder(connections);
        await getLoad({ ...load, seconds: 2 });
        await queueFloor(pool, statements[queue], connections, 2);
        for (let r = 0; r < opts.rounds; r++) {
          await getLoad(load, httpLoad);
          await queueFloor(pool, statements[queue], connections, roundSeconds, floorLoad);
        }
        report.http.push(httpLoad.result());
        report.floor.push(floorLoad.result());
      } finally {
        await pool.end();
      }
    }
    report.plans = await explain(url, statements[queue]);
    queues.push(report);
  }
  const queuesWindow = { fromUs: queuesFrom, toUs: monotonicUs() };
  await server.stop();

  const done = await withClient(url, async (c) => {
    const codes = [...httpDossiers.flat(), ...floorDossiers.flat()].map((d) => d.code);
    const q = `SELECT count(*) FILTER (WHERE status = 10) AS returned, count(*) AS n FROM dossiers WHERE code = ANY($1::text[])`;
    return (await c.query(q, [codes])).rows[0] as { returned: string; n: string };
  });

  const settings = await withClient(url, async (c) => {
    const s = async (name: string) => (await c.query(`SHOW ${name}`)).rows[0]?.[name] as string;
    return {
      version: await s('server_version'),
      sync: await s('synchronous_commit'),
      sb: await s('shared_buffers'),
    };
  });
  const notes = [
    ...serverErrors.map((l) => `server log: ${l.slice(0, 400)}`),
    `bench dossiers (HTTP and floor) returned, status 10: ${done.returned} of ${done.n}`,
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
      [
        'transitions (HTTP rounds and the floor rounds between them)',
        { fromUs: transitionsWindows[0]?.fromUs ?? 0, toUs: transitionsWindows.at(-1)?.toUs ?? 0 },
      ],
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
