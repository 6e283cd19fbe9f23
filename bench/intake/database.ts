import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Commune, TEMPLATE_UNIT, TEMPLATE_USER } from './fixtures.ts';

/* The bench's own PostgreSQL database, the communes it activates, and the row checks after a run. */

export function adminUrl(): string {
  return (
    process.env.BENCH_DATABASE_URL ||
    process.env.TEST_DATABASE_URL ||
    'postgres://postgres@127.0.0.1:5432/test'
  );
}

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Creates `motcua_bench_<random>` on the server of `admin`; `drop()` removes it (closing stray sessions). */
export async function createBenchDatabase(admin: string): Promise<BenchDatabase> {
  const name = `motcua_bench_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * Activates `communes` the way an administrator would: the center is active, offers the demo commune's
 * catalogue, and has one reception account (the demo password). Returns the new usernames.
 * Must run while no server is up: servers cache units and catalogues for a minute.
 */
export async function activateCommunes(url: string, communes: readonly Commune[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const codes = communes.map((c) => c.code);
  try {
    await client.query('BEGIN');
    const activated = await client.query(
      `UPDATE units SET is_active = true WHERE code = ANY($1::text[]) AND level = 'commune'`,
      [codes],
    );
    if (activated.rowCount !== codes.length)
      throw new Error(`activated ${activated.rowCount} of ${codes.length} communes`);
    await client.query(
      `INSERT INTO unit_procedures (unit_code, procedure_code, position)
       SELECT c.code, up.procedure_code, up.position FROM unit_procedures up CROSS JOIN unnest($1::text[]) AS c(code)
       WHERE up.unit_code = $2 ON CONFLICT DO NOTHING`,
      [codes, TEMPLATE_UNIT],
    );
    const users = await client.query<{ username: string }>(
      `INSERT INTO users (id, username, full_name, password_hash, role, unit_code, is_demo)
       SELECT gen_random_uuid(), 'reception.bench-' || u.code, 'Cán bộ tiếp nhận ' || u.name,
         (SELECT password_hash FROM users WHERE username = $2), 'reception', u.code, true
       FROM units u WHERE u.code = ANY($1::text[])
       ON CONFLICT (username) DO NOTHING RETURNING username`,
      [codes, TEMPLATE_USER],
    );
    await client.query('COMMIT');
    return users.rows.map((r) => r.username).sort();
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}

export interface RowCounts {
  dossiers: number;
  trackingBook: number;
  auditIntakes: number;
  /** Units whose tracking-book numbers are not exactly 1..n (a gap or a duplicate). */
  unitsNotGapless: number;
}

/**
 * Counts what intakes wrote in `unitCodes` since `since` (the demo seeds dossiers of its own, dated in
 * the past); `query` runs one SQL text on either driver.
 */
export async function countIntakeRows(
  query: (text: string) => Promise<{ rows: Array<Record<string, unknown>> }>,
  unitCodes: readonly string[],
  since: Date,
): Promise<RowCounts> {
  // Unit codes are five digits (checked here) and the instant is ours, so both can be inlined.
  if (!unitCodes.every((c) => /^\d{2,5}$/.test(c))) throw new Error('unexpected unit code');
  const inList = unitCodes.map((c) => `'${c}'`).join(', ');
  const after = `'${since.toISOString()}'::timestamptz`;
  const result = await query(`
    SELECT
      (SELECT count(*) FROM dossiers WHERE unit_code IN (${inList}) AND received_at >= ${after}) AS dossiers,
      (SELECT count(*) FROM tracking_book WHERE unit_code IN (${inList}) AND received_at >= ${after}) AS book,
      (SELECT count(*) FROM audit_events
        WHERE unit_code IN (${inList}) AND action = 'intake' AND at >= ${after}) AS audit,
      (SELECT count(*) FROM (
         SELECT unit_code FROM tracking_book WHERE unit_code IN (${inList}) AND received_at >= ${after}
         GROUP BY unit_code, volume
         HAVING count(DISTINCT number) <> count(*) OR max(number) - min(number) + 1 <> count(*)) g) AS gapped`);
  const row = result.rows[0] ?? {};
  return {
    dossiers: Number(row.dossiers),
    trackingBook: Number(row.book),
    auditIntakes: Number(row.audit),
    unitsNotGapless: Number(row.gapped),
  };
}
