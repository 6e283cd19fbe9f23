/*
 * Autovacuum's work, done by the server where nothing else does it.
 *
 * PGlite runs PostgreSQL in one process without its background workers, so nothing ever vacuums or
 * analyzes its tables: dead row versions pile up and the planner plans from no statistics at all. That
 * is not cosmetic. With 2,400 due outbox messages and no statistics, the outbox worker's claim was
 * planned as a nested loop re-running its LIMIT subquery for each row — 3.3 s per claim, during which
 * the one connection served nobody (a portal outage of two minutes stalled the counter's intake for
 * 111 s); analyzed, the same claim takes a few milliseconds.
 *
 * A PostgreSQL server may have autovacuum turned off too (`autovacuum = off`; this project's CI
 * machines ship so): there, during a 30-minute portal outage, the outbox's claims left 108,000 dead row
 * versions beside 18,000 live ones and every statement on it read them. The server then does the same
 * work and says so in its log (start.ts).
 *
 * So the server does what autovacuum would, with autovacuum's default thresholds: every `intervalMs`
 * it reads the tables' counters (`pg_stat_user_tables`, its own flushed first: in one process they are
 * only flushed when forced) and runs `VACUUM (ANALYZE)` on a table whose dead rows exceed 50 + 20 % of
 * its rows, `ANALYZE` on one whose modifications since its last analysis exceed 50 + 10 %.
 */
import { sql } from 'drizzle-orm';
import { repeat } from '../lib/repeat.ts';
import type { Db } from './client.ts';

/** autovacuum_vacuum_threshold / _scale_factor and autovacuum_analyze_threshold / _scale_factor. */
const VACUUM_BASE = 50;
const VACUUM_SCALE = 0.2;
const ANALYZE_BASE = 50;
const ANALYZE_SCALE = 0.1;

export interface MaintenancePass {
  vacuumed: string[];
  analyzed: string[];
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** One pass: the tables past a threshold vacuumed and analyzed (or analyzed), one statement each. */
export async function maintainTables(db: Db, yieldTo?: () => Promise<void>): Promise<MaintenancePass> {
  await yieldTo?.();
  await db.execute(sql`SELECT pg_stat_force_next_flush()`);
  const result = (await db.execute(sql`
    SELECT s.relname AS name,
      s.n_dead_tup > ${VACUUM_BASE} + ${VACUUM_SCALE} * greatest(c.reltuples, 0) AS vacuum,
      s.n_mod_since_analyze > ${ANALYZE_BASE} + ${ANALYZE_SCALE} * greatest(c.reltuples, 0) AS analyze
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
    WHERE s.schemaname = 'public'
    ORDER BY s.relname`)) as unknown as { rows: Array<{ name: string; vacuum: boolean; analyze: boolean }> };
  const pass: MaintenancePass = { vacuumed: [], analyzed: [] };
  for (const t of result.rows) {
    if (t.vacuum || t.analyze) await yieldTo?.();
    if (t.vacuum) {
      await db.execute(sql.raw(`VACUUM (ANALYZE) ${quoteIdent(t.name)}`));
      pass.vacuumed.push(t.name);
    } else if (t.analyze) {
      await db.execute(sql.raw(`ANALYZE ${quoteIdent(t.name)}`));
      pass.analyzed.push(t.name);
    }
  }
  return pass;
}

/**
 * Runs maintainTables every `intervalMs` (the first pass after `firstAfterMs`) until stopped; a pass
 * that fails is reported and the next one runs on time. `yieldTo` is awaited before each statement (on
 * the embedded database: a moment without requests, as the outbox worker does).
 */
export function startMaintenance(
  db: Db,
  opts: {
    intervalMs?: number;
    firstAfterMs?: number;
    onError?: (err: unknown) => void;
    yieldTo?: () => Promise<void>;
  } = {},
) {
  return repeat(
    async () => {
      await maintainTables(db, opts.yieldTo);
    },
    {
      intervalMs: opts.intervalMs ?? 30_000,
      firstAfterMs: opts.firstAfterMs ?? 5_000,
      onError: opts.onError,
    },
  );
}

/** Whether the database's own autovacuum is off (`SHOW autovacuum`). */
export async function autovacuumOff(db: Db): Promise<boolean> {
  const r = (await db.execute(sql`SELECT current_setting('autovacuum') AS on`)) as unknown as {
    rows: Array<{ on: string }>;
  };
  return r.rows[0]?.on === 'off';
}
