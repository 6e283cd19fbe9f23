import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import { type Database, openPglite, openPostgres } from '../db/client.ts';
import { defaultParsersForTextTypes } from '../db/pglite-parsers.ts';
import { setPracticeTemplate } from '../modules/practice/center.ts';
import { seedDemo } from '../seed/demo.ts';
import { loadReferenceData } from '../seed/reference.ts';
import { seedInspectionStory } from '../seed/story.ts';
import { createCitusDatabase } from './citus.ts';
import { DEMO_PASSWORD, TEST_ENV } from './test-env.ts';

export type DbKind = 'pglite' | 'postgres' | 'citus';

/**
 * The databases API tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set (required in
 * CI). `npm test` runs the API tests once more with TEST_DB_KINDS=citus: then only on the Citus cluster
 * at TEST_CITUS_URL (scripts/citus-cluster.sh), which may not be missing then.
 */
export function databaseKinds(): DbKind[] {
  if (process.env.TEST_DB_KINDS === 'citus') {
    if (!process.env.TEST_CITUS_URL) throw new Error('TEST_DB_KINDS=citus requires TEST_CITUS_URL');
    return ['citus'];
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url && (process.env.CI === 'true' || process.env.CI === '1')) {
    throw new Error('CI requires TEST_DATABASE_URL: PostgreSQL tests may not be skipped');
  }
  return url ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestServer {
  kind: DbKind;
  app: FastifyInstance;
  ctx: AppContext;
  config: Config;
  database: Database;
  /** Signs in and returns the Cookie header value. */
  login(username: string, password?: string): Promise<string>;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  /** Runs SQL directly (for assertions). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

async function createPostgresDatabase(baseUrl: string) {
  const name = `motcua_t_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A migrated, seeded server on a fresh database, called in-process through inject(). */
export async function createTestServer(
  kind: DbKind,
  opts: {
    now?: () => Date;
    env?: Record<string, string>;
    story?: boolean;
    /** Log lines go here (the server logs nothing otherwise). */
    logStream?: NodeJS.WritableStream;
    /** Extra routes for one test, registered before the app is ready. */
    routes?: (app: FastifyInstance, ctx: AppContext) => void;
  } = {},
): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-test-data-'));
  const config = loadConfig({ ...TEST_ENV, MOTCUA_DATA_DIR: dataDir, ...opts.env });
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  let rawQuery: (text: string, params?: unknown[]) => Promise<unknown[]>;
  if (kind === 'pglite') {
    const template = fs.readFileSync(inject('pgliteTemplate'));
    const client = await PGlite.create({ loadDataDir: new Blob([template]) });
    database = await openPglite(undefined, { client });
    rawQuery = async (text, params) =>
      (await client.query(text, params, { parsers: defaultParsersForTextTypes })).rows;
  } else {
    // Citus: a copy of the migrated, seeded template on every node (test-support/citus.ts).
    const created =
      kind === 'citus'
        ? await createCitusDatabase(process.env.TEST_CITUS_URL!, inject('citusTemplate'))
        : await createPostgresDatabase(process.env.TEST_DATABASE_URL!);
    drop = created.drop;
    database = openPostgres(created.url, 20);
    if (kind === 'postgres') {
      await database.migrate();
      await loadReferenceData(database.db);
      await seedDemo(database.db, config);
    }
    const pool = new pg.Pool({ connectionString: created.url, max: 2 });
    pool.on('error', () => undefined); // idle connections cut by the DROP below
    rawQuery = async (text, params) => (await pool.query(text, params)).rows;
    const previous = drop;
    drop = async () => {
      await pool.end();
      await previous();
    };
  }
  if (opts.story) await seedInspectionStory(database, config);
  // The training center opens on its own PGlite; in tests it starts from the same seeded template.
  setPracticeTemplate(async () => new Blob([fs.readFileSync(inject('pgliteTemplate'))]));
  const { app, ctx } = await buildApp(config, database, {
    now: opts.now,
    logger: Boolean(opts.logStream),
    logStream: opts.logStream,
  });
  opts.routes?.(app, ctx);
  await app.ready();
  return {
    kind,
    app,
    ctx,
    config,
    database,
    request: (o) => app.inject(o),
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'motcua_session');
      if (!cookie) throw new Error('no session cookie');
      return `motcua_session=${cookie.value}`;
    },
    query: async <T>(text: string, params?: unknown[]) => (await rawQuery(text, params)) as T[],
    async close() {
      await app.close();
      await database.close();
      await drop?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The required documents of a procedure at a commune, one original each at least: enough to receive it. */
export async function requiredDocuments(s: TestServer, procedureCode: string, unitCode: string) {
  const detail = (await s.request({ url: `/api/v1/procedures/${procedureCode}?unit=${unitCode}` })).json();
  return (
    detail.documents as Array<{
      id: string;
      required: boolean;
      originals: number;
      certifiedCopies: number;
      photocopies: number;
    }>
  )
    .filter((d) => d.required)
    .map((d) => ({
      id: d.id,
      originals: Math.max(d.originals, 1),
      certifiedCopies: d.certifiedCopies,
      photocopies: d.photocopies,
    }));
}

/** A valid counter intake for a certified copy, with overrides. */
export function intakeBody(over: Record<string, unknown> = {}) {
  return {
    procedureCode: '2.000815',
    applicant: {
      fullName: 'Nguyễn Thị Hồng Nhung',
      idNumber: '082195001234',
      phone: '0912345678',
      address: 'Ấp Tân Phú, xã Tân Thới, tỉnh Đồng Tháp',
    },
    documents: [{ id: 'ban-chinh', originals: 1, certifiedCopies: 0, photocopies: 0 }],
    ...over,
  };
}
