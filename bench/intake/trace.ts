import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { type Database, openPglite, openPostgres } from '../../src/server/db/client.ts';
import { seedDemo } from '../../src/server/seed/demo.ts';
import { loadReferenceData } from '../../src/server/seed/reference.ts';
import { adminUrl, createBenchDatabase } from './database.ts';
import { DEMO_PASSWORD, INTAKE_BODY } from './fixtures.ts';
import { printProfile, summarizeProfile } from './profile.ts';

/*
 * What one counter intake costs inside the server, without HTTP sockets or load: the app is built
 * in-process (app.inject), the driver is wrapped to record every statement and its time, and a few
 * hundred intakes are run one after the other. Prints statements per intake, time in the driver
 * (database + driver work) and the rest (handler: routing, validation, session, domain, serialising).
 *
 *   node --import tsx bench/intake/trace.ts [--db=pglite|postgres] [--n=300] [--memory] [--cpu-prof]
 */

interface Stat {
  count: number;
  ms: number;
}
const stats = new Map<string, Stat>();
let inDriverMs = 0;
let recording = false;

function note(text: string, ms: number) {
  if (!recording) return;
  inDriverMs += ms;
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 90);
  const s = stats.get(key) ?? { count: 0, ms: 0 };
  s.count++;
  s.ms += ms;
  stats.set(key, s);
}

function textOf(q: unknown): string {
  if (typeof q === 'string') return q;
  if (q && typeof q === 'object' && 'text' in q) return String((q as { text: unknown }).text);
  return String(q);
}

/** Wraps a `query` method so every call is timed (promise-returning calls only). */
function wrapQuery<T extends { query: (...a: never[]) => unknown }>(target: T) {
  const original = target.query;
  (target as { query: unknown }).query = function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      // pg.Pool#query calls Client#query with a callback.
      args[last] = (...r: unknown[]) => {
        note(textOf(args[0]), performance.now() - t0);
        return (callback as (...a: unknown[]) => unknown)(...r);
      };
    }
    const result = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      return (result as Promise<unknown>).finally(() => note(textOf(args[0]), performance.now() - t0));
    }
    return result;
  };
}

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const kind = arg('db', 'pglite');
const n = Number(arg('n', '300'));

async function open(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'postgres') {
    const db = await createBenchDatabase(adminUrl());
    wrapQuery(pg.Client.prototype);
    const database = openPostgres(db.url);
    return { database, drop: () => db.drop() };
  }
  // On disk like the server (NodeFS), unless --memory.
  const dir = process.argv.includes('--memory')
    ? 'memory://'
    : fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-trace-pg-'));
  const client = await PGlite.create(dir);
  wrapQuery(client);
  const originalTx = client.transaction.bind(client);
  client.transaction = ((cb: (tx: { query: (...a: never[]) => unknown }) => Promise<unknown>) =>
    originalTx(async (tx) => {
      wrapQuery(tx);
      return cb(tx);
    })) as typeof client.transaction;
  const drop = async () => {
    if (dir !== 'memory://') fs.rmSync(dir, { recursive: true, force: true });
  };
  return { database: await openPglite(undefined, { client }), drop };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-trace-'));
  const config = loadConfig({
    MOTCUA_DATA_DIR: dataDir,
    MOTCUA_DEMO_PASSWORD: DEMO_PASSWORD,
    LOG_LEVEL: 'warn',
  });
  const { database, drop } = await open();
  try {
    await database.migrate();
    await loadReferenceData(database.db);
    await seedDemo(database.db, config);
    const { app } = await buildApp(config, database, { logger: false });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'reception.tan-thoi', password: DEMO_PASSWORD },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    const intake = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: { cookie, 'content-type': 'application/json' },
        payload: INTAKE_BODY,
      });
    for (let i = 0; i < 50; i++) await intake(); // warm caches and the JIT
    const profiling = process.argv.includes('--cpu-prof');
    const session = new Session();
    if (profiling) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    recording = true;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const res = await intake();
      if (res.statusCode !== 201) throw new Error(`HTTP ${res.statusCode}: ${res.body.slice(0, 200)}`);
    }
    const total = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    recording = false;
    console.log(`${kind}: ${n} intakes one after another, ${(total / n).toFixed(2)} ms each`);
    console.log(
      `  CPU of this process: ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms per intake (PGlite: includes the database)`,
    );
    console.log(`  in the driver (database + driver): ${(inDriverMs / n).toFixed(2)} ms per intake`);
    console.log(
      `  elsewhere (HTTP inject, routing, validation, handler, serialisation): ${((total - inDriverMs) / n).toFixed(2)} ms`,
    );
    console.log('  statements per intake:');
    for (const [text, s] of [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms)) {
      console.log(`    ${(s.count / n).toFixed(2)} x  ${(s.ms / s.count).toFixed(3)} ms  ${text}`);
    }
    if (profiling) {
      const { profile } = await session.post('Profiler.stop');
      const file = path.join(os.tmpdir(), `motcua-trace-${kind}-${Date.now()}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(profile));
      printProfile(summarizeProfile(file, undefined, 25));
      console.log(`  (profile kept at ${file})`);
      session.disconnect();
    }
    await app.close();
  } finally {
    await database.close();
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
