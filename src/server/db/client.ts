import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { distributeTables, hasCitus, prepareCitusSession } from './citus.ts';
import { type DirLock, lockDataDir } from './lock.ts';
import { drizzleClient } from './pglite-parsers.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /**
   * Runs the committed SQL migrations (idempotent). `folder` replaces the committed folder: restore
   * uses a copy whose journal stops at the backup's migration.
   */
  migrate(folder?: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Embedded database only: the whole data folder as a gzipped tarball. */
  dump?(): Promise<Buffer>;
  /**
   * Receives the NOTIFY payloads of `channel` (sent by any server process on commit); returns the
   * function that stops. PostgreSQL: one extra connection per process, opened on first use.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
}

/** The committed SQL migrations and their journal (meta/_journal.json). */
export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// pg returns int8/numeric as strings; counts in this product fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/** Opens PostgreSQL through `pg` (pool sized for one server process). */
export function openPostgres(url: string, poolSize = 20, onIdleError?: (err: Error) => void): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that the server closes (restart, failover, pg_terminate_backend, DROP DATABASE
  // … WITH (FORCE)) is reported here. Without a listener Node would crash the whole process; the pool
  // has already discarded the client and the next query opens a new connection.
  pool.on('error', (err) => onIdleError?.(err));
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  const listener = pgListener(url, onIdleError);
  return {
    kind: 'postgres',
    db,
    listen: listener.listen,
    async migrate(folder = migrationsFolder) {
      // Several server processes may start at once against one database: serialise migrations.
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock(727001)');
        const citus = await hasCitus(client);
        if (citus) await prepareCitusSession(client);
        await migratePg(drizzlePg({ client, schema }), { migrationsFolder: folder });
        // On a Citus coordinator: tables the migrations made (or a restore) distributed by unit (db/citus.ts).
        if (citus) await distributeTables(client);
      } finally {
        await client.query('SELECT pg_advisory_unlock(727001)').catch(() => undefined);
        // The session settings above must not leak into the pool.
        client.release(true);
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}

/**
 * LISTEN on one dedicated connection, opened when the first listener comes: lost connections are
 * opened again after a second (payloads sent meanwhile are missed; the boards reload on reconnect).
 */
function pgListener(url: string, onError?: (err: Error) => void) {
  const handlers = new Map<string, Set<(payload: string) => void>>();
  let client: Promise<pg.Client> | undefined;
  let closed = false;
  const connect = (): Promise<pg.Client> => {
    const c = new pg.Client({ connectionString: url });
    const reconnect = (err?: Error) => {
      if (err) onError?.(err);
      client = undefined;
      c.removeAllListeners();
      if (closed || handlers.size === 0) return;
      setTimeout(() => {
        if (!closed && !client && handlers.size > 0) client = connect();
      }, 1000).unref();
    };
    c.on('error', reconnect);
    c.on('end', () => reconnect());
    c.on('notification', (n) => {
      for (const h of handlers.get(n.channel) ?? []) h(n.payload ?? '');
    });
    return c
      .connect()
      .then(async () => {
        for (const channel of handlers.keys()) await c.query(`LISTEN "${channel}"`);
        return c;
      })
      .catch((err: Error) => {
        reconnect(err);
        throw err;
      });
  };
  return {
    async listen(channel: string, onPayload: (payload: string) => void) {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`channel name ${channel}`);
      const set = handlers.get(channel) ?? new Set();
      const fresh = !handlers.has(channel);
      handlers.set(channel, set);
      set.add(onPayload);
      try {
        if (!client) client = connect();
        else if (fresh) await (await client).query(`LISTEN "${channel}"`);
        // Resolved only once the channel is listened to: a notification sent after this is received.
        await client;
      } catch (err) {
        set.delete(onPayload);
        if (set.size === 0) handlers.delete(channel);
        throw err;
      }
      return async () => {
        set.delete(onPayload);
      };
    },
    async close() {
      closed = true;
      const c = client;
      client = undefined;
      if (c) await (await c.catch(() => undefined))?.end().catch(() => undefined);
    },
  };
}

/*
 * The embedded database serves one center, and its files sit in the operating system's page cache
 * anyway: PostgreSQL's default 128 MB of shared buffers would be resident WebAssembly memory for
 * little gain (measured: 290 MB resident after opening with the default, 176 MB with 16 MB).
 */
const PGLITE_CONF = ['shared_buffers = 16MB'];

/** Opens the embedded database in `dataDir`, holding an exclusive lock on the folder. */
export async function openPglite(
  dataDir: string | undefined,
  opts: { lockDir?: string; client?: PGlite } = {},
): Promise<Database> {
  let lock: DirLock | undefined;
  if (dataDir) lock = lockDataDir(opts.lockDir ?? path.dirname(dataDir));
  let client: PGlite;
  try {
    client = opts.client ?? (await PGlite.create(dataDir ?? 'memory://', { postgresqlconf: PGLITE_CONF }));
  } catch (err) {
    lock?.release();
    throw err;
  }
  const forDrizzle = drizzleClient(client);
  const db = drizzlePglite({ client: forDrizzle, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async migrate(folder = migrationsFolder) {
      await migratePglite(drizzlePglite({ client: forDrizzle, schema }), { migrationsFolder: folder });
    },
    async ping() {
      await db.execute(sql`SELECT 1`);
    },
    async listen(channel, onPayload) {
      return client.listen(channel, onPayload);
    },
    async dump() {
      const blob = await client.dumpDataDir('gzip');
      return Buffer.from(await blob.arrayBuffer());
    },
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
