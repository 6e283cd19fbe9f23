import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDueStatement } from '../modules/integration/repository.ts';
import { createTestServer, databaseKinds, type TestServer } from '../test-support/harness.ts';
import { type Database, openPglite } from './client.ts';
import { autovacuumOff, maintainTables } from './maintenance.ts';

/*
 * The embedded database's autovacuum (PGlite has none): tables past autovacuum's thresholds are
 * analyzed or vacuumed, the others left alone, and with statistics the outbox worker's claim finds its
 * batch once instead of once per pending message (the plan PGlite chose without them).
 */
describe('embedded database maintenance', () => {
  let database: Database;
  const now = new Date('2026-12-07T03:00:00Z');
  const lease = new Date(now.getTime() + 60_000);

  beforeAll(async () => {
    database = await openPglite(undefined);
    await database.migrate();
    await database.db.execute(sql`
      INSERT INTO outbox (unit_code, id, kind, payload, created_at, next_attempt_at, dossier_code)
      SELECT CASE WHEN g % 2 = 0 THEN '28693' ELSE '28696' END, gen_random_uuid(), 'portal', '{}'::jsonb,
        ${now}, ${now}, 'D' || (g / 2)::text
      FROM generate_series(0, 2399) AS g`);
  });
  afterAll(async () => database?.close());

  /** How many times the claim's LIMIT (its batch) runs in the plan PGlite executes now (rolled back). */
  async function batchRuns(): Promise<number> {
    const q = claimDueStatement(database.db, now, lease, 400).toSQL();
    let loops = 0;
    await database.db
      .transaction(async (tx) => {
        const r = (await tx.execute(
          sql.raw(
            `EXPLAIN (ANALYZE, FORMAT JSON) ${q.sql.replace(/\$(\d+)/g, (_, n: string) => literal(q.params[Number(n) - 1]))}`,
          ),
        )) as unknown as { rows: Array<{ 'QUERY PLAN': unknown }> };
        loops = limitLoops(r.rows[0]!['QUERY PLAN']);
        throw new RollBack();
      })
      .catch((err) => {
        if (!(err instanceof RollBack)) throw err;
      });
    return loops;
  }

  it('analyzes the tables written since their last analysis, then vacuums those with dead rows', async () => {
    const before = await batchRuns();
    const first = await maintainTables(database.db);
    expect(first.analyzed.concat(first.vacuumed)).toContain('outbox');
    expect(first.analyzed.concat(first.vacuumed)).not.toContain('dossiers');
    // Analyzed: the claim's batch is found once (without statistics: once per pending message).
    expect(before).toBeGreaterThan(1);
    expect(await batchRuns()).toBe(1);
    // Nothing written since: nothing to do.
    const idle = await maintainTables(database.db);
    expect(idle.analyzed.concat(idle.vacuumed)).not.toContain('outbox');
    // Half the messages changed: their old versions are dead rows, vacuumed.
    await database.db.execute(sql`UPDATE outbox SET attempts = attempts + 1 WHERE seq % 2 = 0`);
    const after = await maintainTables(database.db);
    expect(after.vacuumed).toContain('outbox');
    const [stats] = (
      (await database.db.execute(
        sql`SELECT n_dead_tup::int AS dead FROM pg_stat_user_tables WHERE relname = 'outbox'`,
      )) as unknown as { rows: Array<{ dead: number }> }
    ).rows;
    expect(stats!.dead).toBe(0);
  });
});

/*
 * On every database the tests use: a table whose rows changed is vacuumed by the pass (PostgreSQL's
 * counters come from other connections, flushed within a second: read until they show the changes),
 * and `autovacuumOff` reads the server's setting (start.ts then maintains a PostgreSQL whose autovacuum
 * is off).
 */
describe.each(databaseKinds().filter((k) => k !== 'citus'))('table maintenance on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer(kind);
  });
  afterAll(async () => s?.close());

  it('vacuums a table past the dead-row threshold and reads whether autovacuum is off', async () => {
    const [setting] = await s.query<{ on: string }>(`SELECT current_setting('autovacuum') AS on`);
    expect(await autovacuumOff(s.database.db)).toBe(setting!.on === 'off');
    await s.query(`
      INSERT INTO outbox (unit_code, id, kind, payload, created_at, next_attempt_at)
      SELECT '28693', gen_random_uuid(), 'sms', '{}'::jsonb, now(), now() FROM generate_series(1, 600)`);
    await maintainTables(s.database.db);
    await s.query(`UPDATE outbox SET attempts = attempts + 1 WHERE kind = 'sms'`);
    const dead = async () =>
      (
        await s.query<{ dead: number }>(
          `SELECT pg_stat_force_next_flush(), n_dead_tup::int AS dead FROM pg_stat_user_tables WHERE relname = 'outbox'`,
        )
      )[0]!.dead;
    for (let i = 0; i < 50 && (await dead()) < 600; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await dead()).toBeGreaterThanOrEqual(600);
    const pass = await maintainTables(s.database.db);
    expect(pass.vacuumed).toContain('outbox');
    expect(await dead()).toBe(0);
  });
});

class RollBack extends Error {}

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (v instanceof Date) return `'${v.toISOString()}'`;
  if (typeof v === 'number') return String(v);
  return `'${String(v).replaceAll("'", "''")}'`;
}

/** The largest "Actual Loops" of a Limit node in an EXPLAIN (ANALYZE, FORMAT JSON) plan. */
function limitLoops(plan: unknown): number {
  let most = 0;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const n of node) walk(n);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o['Node Type'] === 'Limit' && typeof o['Actual Loops'] === 'number')
        most = Math.max(most, o['Actual Loops']);
      for (const v of Object.values(o)) walk(v);
    }
  };
  walk(plan);
  return most;
}
