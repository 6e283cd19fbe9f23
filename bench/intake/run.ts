import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openPglite } from '../../src/server/db/client.ts';
import { positiveOption, readOptions } from '../lib/args.ts';
import {
  activateCommunes,
  adminUrl,
  type BenchDatabase,
  countIntakeRows,
  createBenchDatabase,
} from './database.ts';
import { DEMO_COMMUNES, loadCommunes, loadProcedure, spreadCommunes } from './fixtures.ts';
import { floorOutOfStep, floorUnits, pgliteFloor, postgresFloor } from './floor.ts';
import { type HttpResult, loginAll, runLoad } from './http-load.ts';
import { printProfile, summarizeProfile } from './profile.ts';
import { checkRows, type DbKind, type DbReport, jsonOf, printReport, targetsFor } from './report.ts';
import { type ServerProcess, ServerStartError, startServer } from './server.ts';
import { type CpuFigures, cpuWindow } from './stats.ts';

/*
 * Counter intake, end to end: the real server (child process) under autocannon, compared with a floor
 * of the same writes issued straight through the driver in the same run. See bench/README.md.
 *
 *   node --import tsx bench/intake/run.ts [--db=postgres|pglite|both] [--duration=20] [--connections=32]
 *        [--communes=200] [--warmup=3] [--cpu-prof]
 *
 * Exit status: 0 when the bench ran (targets met or not: they are reported, never fatal), 1 when it
 * could not run (the server did not start, the database could not be created, login failed).
 */

const argv = readOptions({
  db: { type: 'string', default: 'both' },
  duration: { type: 'string', default: '20' },
  connections: { type: 'string', default: '32' },
  communes: { type: 'string', default: '200' },
  warmup: { type: 'string', default: '3' },
  'cpu-prof': { type: 'boolean', default: false },
});

const opts = {
  dbs: (argv.db === 'both' ? ['postgres', 'pglite'] : [argv.db]) as DbKind[],
  duration: positiveOption('duration', argv.duration),
  warmup: positiveOption('warmup', argv.warmup),
  connections: Math.round(positiveOption('connections', argv.connections)),
  communes: Math.max(DEMO_COMMUNES.length, Math.round(positiveOption('communes', argv.communes))),
  cpuProf: argv['cpu-prof'] ?? false,
};
if (!opts.dbs.every((d) => d === 'postgres' || d === 'pglite')) {
  console.error('--db must be postgres, pglite or both');
  process.exit(2);
}

const log = (line: string) => console.log(`[bench] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

// Everything to undo if the run is interrupted or fails half-way, most recent first.
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

function tempDir(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function startTracked(...args: Parameters<typeof startServer>): Promise<ServerProcess> {
  const server = await startServer(...args);
  cleanups.push(() => server.stop());
  return server;
}

interface HttpPhase {
  http: HttpResult & { cpu: CpuFigures };
  /** Rows received since this instant are the bench's. */
  since: Date;
  /** Requests the client gave up on (in flight at the end of a run, timed out) that the server may still write. */
  abandoned: number;
  confirmed: number;
  window: { fromUs: number; toUs: number };
}

/** Logs the users in, warms up, measures; the server keeps running. */
async function measureHttp(
  server: ServerProcess,
  usernames: string[],
  database?: string,
): Promise<HttpPhase> {
  const since = new Date(Date.now() - 1_000);
  log(`logging ${usernames.length} reception officers in`);
  const cookies = await loginAll(server.url, usernames);
  log(`warm-up ${opts.warmup} s, then ${opts.duration} s with ${opts.connections} connections`);
  const load = { url: server.url, cookies, connections: opts.connections };
  const warm = await runLoad({ ...load, durationSeconds: opts.warmup });
  // The warm-up's abandoned requests are still being served: let them finish outside the window.
  await sleep(1_000);
  const cpu = cpuWindow({ serverPid: server.pid, database });
  const fromUs = monotonicUs();
  const http = await runLoad({ ...load, durationSeconds: opts.duration });
  const toUs = monotonicUs();
  const figures = cpu.stop(http.created);
  // Requests abandoned when autocannon stopped are still being written: let them land.
  await sleep(1_500);
  return {
    http: { ...http, cpu: figures },
    since,
    abandoned: 2 * opts.connections + warm.errors + http.errors,
    confirmed: warm.created + http.created,
    window: { fromUs, toUs },
  };
}

function profileOf(dir: string | undefined, window: { fromUs: number; toUs: number }) {
  if (!dir) return undefined;
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return undefined;
  const kept = path.join(os.tmpdir(), `motcua-bench-${Date.now()}-${file}`);
  fs.copyFileSync(path.join(dir, file), kept);
  return { ...summarizeProfile(kept, window), file: kept };
}

async function benchPostgres(): Promise<DbReport> {
  let db: BenchDatabase;
  try {
    db = await createBenchDatabase(adminUrl());
  } catch (err) {
    throw new ServerStartError(
      `cannot create the bench database on ${adminUrl().replace(/:[^:@/]*@/, ':***@')}: ${(err as Error).message}`,
    );
  }
  cleanups.push(() => db.drop());
  log(`database ${db.name}`);
  const dataDir = tempDir('motcua-bench-pg-');
  const env = { DATABASE_URL: db.url, MOTCUA_DATA_DIR: dataDir };

  log('first start: migrate and seed the demo');
  const first = await startTracked({ env, label: 'PostgreSQL (first start)' });
  await first.stop();

  // Spread the load: activate more communes while no server caches reference data.
  const all = loadCommunes();
  const demoCodes = DEMO_COMMUNES.map((c) => c.code);
  const added = spreadCommunes(all, opts.communes - demoCodes.length, new Set(demoCodes));
  const addedUsers = await activateCommunes(db.url, added);
  const httpCodes = [...demoCodes, ...added.map((c) => c.code)];
  const usernames = [...DEMO_COMMUNES.map((c) => `reception.${c.slug}`), ...addedUsers];
  const floorCommunes = spreadCommunes(all, opts.communes, new Set(httpCodes));
  const provinces = new Set([...added, ...floorCommunes].map((c) => c.provinceCode)).size;

  const facts = new pg.Client({ connectionString: db.url });
  await facts.connect();
  let factsOpen = true;
  const closeFacts = async () => {
    if (factsOpen) await facts.end();
    factsOpen = false;
  };
  cleanups.push(closeFacts);
  const setting = async (name: string) => (await facts.query(`SHOW ${name}`)).rows[0]?.[name] as string;
  const version = await setting('server_version');
  const syncCommit = await setting('synchronous_commit');
  const fsync = await setting('fsync');

  const profDir = opts.cpuProf ? tempDir('motcua-bench-prof-') : undefined;
  log(`second start: ${httpCodes.length} active communes`);
  const server = await startTracked({ env, label: 'PostgreSQL', cpuProfDir: profDir });
  const phase = await measureHttp(server, usernames, db.name);
  await server.stop();
  const profile = profileOf(profDir, phase.window);

  const query = (text: string) => facts.query(text);
  const httpRows = await countIntakeRows(query, httpCodes, phase.since);

  log(`floor: pg.Pool(${opts.connections}), ${floorCommunes.length} other communes`);
  let floorCpu: ReturnType<typeof cpuWindow> | undefined;
  const floorSince = new Date(Date.now() - 1_000);
  const { measured, committed } = await postgresFloor(db.url, floorUnits(floorCommunes), loadProcedure(), {
    warmupMs: opts.warmup * 1000,
    durationMs: opts.duration * 1000,
    workers: opts.connections,
    onMeasureStart: () => {
      floorCpu = cpuWindow({ database: db.name });
    },
  });
  const floorCpuFigures = floorCpu?.stop(measured.ops) as CpuFigures;
  const floorRows = await countIntakeRows(
    query,
    floorCommunes.map((c) => c.code),
    floorSince,
  );
  await closeFacts();

  const rows = {
    http: checkRows(phase.confirmed, httpRows, phase.abandoned),
    // The floor abandons nothing: every committed intake and nothing else.
    floor: checkRows(committed, floorRows, 0),
  };
  return {
    db: 'postgres',
    description: `PostgreSQL ${version} (synchronous_commit=${syncCommit}, fsync=${fsync}): ${httpCodes.length} communes in ${provinces} provinces, ${opts.connections} connections, ${opts.duration} s`,
    communes: httpCodes.length,
    connections: opts.connections,
    http: phase.http,
    floor: {
      ...measured,
      cpu: floorCpuFigures,
      description: `pg.Pool(${opts.connections}), one named statement per intake (counters + dossier + book + audit)`,
    },
    ratio: phase.http.throughput / measured.throughput,
    rows,
    targets: targetsFor('postgres', phase.http, measured, rows.http.ok && rows.floor.ok),
    profile,
    notes: [
      'the server opens a pool of 20 PostgreSQL connections (openPostgres default); the floor uses one per worker',
      'the HTTP path reads each signed-in session from the database at most once per 10 s (session cache)',
    ],
  };
}

async function benchPglite(): Promise<DbReport> {
  const dataDir = tempDir('motcua-bench-pglite-');
  const profDir = opts.cpuProf ? tempDir('motcua-bench-prof-') : undefined;
  log('starting the server on a fresh embedded database (first creation takes 10–20 s)');
  const server = await startTracked({
    env: { MOTCUA_DATA_DIR: dataDir },
    label: 'PGlite',
    cpuProfDir: profDir,
    readyTimeoutMs: 300_000,
  });
  const phase = await measureHttp(
    server,
    DEMO_COMMUNES.map((c) => `reception.${c.slug}`),
  );
  await server.stop();
  const profile = profileOf(profDir, phase.window);

  // The server has released the folder lock: read what it wrote.
  const httpCodes = DEMO_COMMUNES.map((c) => c.code);
  const served = await PGlite.create(path.join(dataDir, 'pgdata'));
  const servedDb = await openPglite(path.join(dataDir, 'pgdata'), { client: served });
  const httpRows = await countIntakeRows((text) => served.query(text), httpCodes, phase.since);
  await servedDb.close();

  log('floor: one PGlite instance on a separate fresh folder (initdb takes 10–20 s)');
  const floorDir = tempDir('motcua-bench-pglite-floor-');
  const client = await PGlite.create(path.join(floorDir, 'pgdata'));
  const floorDb = await openPglite(undefined, { client });
  cleanups.push(() => floorDb.close());
  await floorDb.migrate();
  const all = loadCommunes();
  // A database of its own: the same five communes cannot collide with the server's rows.
  const floorCommunes = httpCodes
    .map((code) => all.find((c) => c.code === code))
    .filter((c) => c !== undefined);
  let floorCpu: ReturnType<typeof cpuWindow> | undefined;
  const floorSince = new Date(Date.now() - 1_000);
  const { measured, committed } = await pgliteFloor(client, floorUnits(floorCommunes), loadProcedure(), {
    warmupMs: opts.warmup * 1000,
    durationMs: opts.duration * 1000,
    workers: opts.connections,
    onMeasureStart: () => {
      floorCpu = cpuWindow({});
    },
  });
  const floorCpuFigures = floorCpu?.stop(measured.ops) as CpuFigures;
  const floorRows = await countIntakeRows((text) => client.query(text), httpCodes, floorSince);
  await floorDb.close();

  const rows = {
    http: checkRows(phase.confirmed, httpRows, phase.abandoned),
    floor: checkRows(committed, floorRows, 0),
  };
  return {
    db: 'pglite',
    description: `PGlite (embedded, one connection): ${httpCodes.length} demo communes, ${opts.connections} connections, ${opts.duration} s`,
    communes: httpCodes.length,
    connections: opts.connections,
    http: phase.http,
    floor: {
      ...measured,
      cpu: floorCpuFigures,
      description: `one PGlite in the bench process, ${opts.connections} promise workers, one named statement per intake (counters + dossier + book + audit)`,
    },
    ratio: phase.http.throughput / measured.throughput,
    rows,
    targets: targetsFor('pglite', phase.http, measured, rows.http.ok && rows.floor.ok),
    profile,
    notes: ['PGlite runs on the server’s main thread: every query is CPU the HTTP handlers cannot use'],
  };
}

/** A warning when the floor's statements no longer insert the columns the product inserts. */
function stepNotes(): string[] {
  const tables = floorOutOfStep();
  return tables.length
    ? [
        `FLOOR OUT OF STEP with src/server/modules/dossiers/repository.ts (columns of ${tables.join(', ')}): update bench/intake/floor.ts`,
      ]
    : [];
}

async function main(): Promise<number> {
  const results: Partial<Record<DbKind, ReturnType<typeof jsonOf> | { error: string }>> = {};
  const reports: DbReport[] = [];
  let failed = false;
  for (const db of opts.dbs) {
    log(`--- ${db} ---`);
    try {
      const report = db === 'postgres' ? await benchPostgres() : await benchPglite();
      report.notes.push(...stepNotes());
      reports.push(report);
      printReport(report);
      if (report.profile) {
        printProfile(report.profile);
        console.log(`  (profile kept at ${report.profile.file})`);
      }
      results[db] = jsonOf(report);
    } catch (err) {
      failed = true;
      console.error(`[bench] ${db}: ${err instanceof Error ? err.message : String(err)}`);
      if (!(err instanceof ServerStartError)) console.error(err);
      results[db] = { error: err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err) };
    } finally {
      await cleanUp();
    }
  }
  console.log('');
  console.log(
    JSON.stringify({
      bench: 'intake',
      at: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      args: {
        duration: opts.duration,
        warmup: opts.warmup,
        connections: opts.connections,
        communes: opts.communes,
      },
      results,
      targetsMet: reports.length === opts.dbs.length && reports.every((r) => r.targets.every((t) => t.ok)),
    }),
  );
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  async (err: unknown) => {
    console.error(err);
    await cleanUp();
    process.exit(1);
  },
);
