import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../server/app.ts';
import { type Config, loadConfig } from '../server/config.ts';
import { type Database, openPglite, openPostgres } from '../server/db/client.ts';
import { seedDemo } from '../server/seed/demo.ts';
import { loadReferenceData } from '../server/seed/reference.ts';
import type { DbKind } from '../server/test-support/harness.ts';
import { createPgDatabase, inheritedEnv, REPO_ROOT } from '../server/test-support/processes.ts';
import { DEMO_PASSWORD, TEST_ENV } from '../server/test-support/test-env.ts';
import { countRows, listTables } from './backup/tables.ts';

/*
 * The CLI under test is the real command, run as `node --import tsx src/cli/motcua.ts …` in a child
 * process, against a database of its own: a PGlite data folder loaded from the test template, or a
 * fresh PostgreSQL database (migrated and seeded like the API tests' harness does).
 */

export interface CliRun {
  code: number | null;
  /** The signal that ended the process, when one did (code is then null). */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `motcua <args>` with the test environment plus `env`; resolves when the process exits. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/motcua.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...inheritedEnv(), ...TEST_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString('utf8');
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** A database the CLI can be pointed at (through `env`), that the test can also open itself. */
export interface CliTarget {
  kind: DbKind;
  env: Record<string, string>;
  config: Config;
  /** Opens the database (for PGlite this takes the folder lock: close it before running the CLI). */
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

/**
 * A target database. `seeded`: migrated, with reference data and the demo (PGlite: a copy of the test
 * template in a real data folder); otherwise nothing at all (no PGlite folder, an empty PostgreSQL database).
 */
export async function createCliTarget(kind: DbKind, opts: { seeded: boolean }): Promise<CliTarget> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-cli-'));
  let url: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  if (kind === 'postgres') {
    const created = await createPgDatabase(process.env.TEST_DATABASE_URL!);
    url = created.url;
    drop = created.drop;
  }
  const env: Record<string, string> = { MOTCUA_DATA_DIR: dataDir, ...(url ? { DATABASE_URL: url } : {}) };
  const config = loadConfig({ ...TEST_ENV, ...env });
  const open = async () =>
    config.database.kind === 'pglite'
      ? openPglite(config.database.dataDir)
      : openPostgres(config.database.url, 2);
  if (opts.seeded && config.database.kind === 'pglite') {
    fs.mkdirSync(config.database.dataDir);
    const template = fs.readFileSync(inject('pgliteTemplate'));
    const client = await PGlite.create(config.database.dataDir, { loadDataDir: new Blob([template]) });
    await client.close();
  } else if (opts.seeded) {
    const database = await open();
    try {
      await database.migrate();
      await loadReferenceData(database.db);
      await seedDemo(database.db, config);
    } finally {
      await database.close();
    }
  }
  return {
    kind,
    env,
    config,
    open,
    async cleanup() {
      await drop?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` against the app built on the target's database, then closes both (and the folder lock). */
export async function withApp<T>(
  target: CliTarget,
  now: () => Date,
  fn: (app: FastifyInstance, login: (username: string) => Promise<string>) => Promise<T>,
): Promise<T> {
  const database = await target.open();
  try {
    const { app } = await buildApp(target.config, database, { now, logger: false });
    try {
      const login = async (username: string) => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username, password: DEMO_PASSWORD },
        });
        const cookie = res.cookies.find((c) => c.name === 'motcua_session');
        if (!cookie) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
        return `motcua_session=${cookie.value}`;
      };
      return await fn(app, login);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

/** Runs `fn` on the target's database, then closes it. */
export async function withDatabase<T>(target: CliTarget, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await target.open();
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Row count of every table of the target. */
export function tableCounts(target: CliTarget): Promise<Record<string, number>> {
  return withDatabase(target, async (d) => Object.fromEntries(await countRows(d.db, await listTables(d.db))));
}
