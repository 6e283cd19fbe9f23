/**
 * Citus: when the `citus` extension is present in the database, the migrator ends with this step. Every
 * tenant table (one with a `unit_code` column) becomes a table distributed by `unit_code` co-located with
 * `dossiers`, so everything of one commune lives on one shard and a commune's statement is routed to one
 * node; sign-in's tables stay on the coordinator (COORDINATOR_ONLY); every other table is a reference
 * table (a copy on every node). Tables added by later migrations
 * are classified by the same rule the next time the migrator runs; the step is idempotent. On plain
 * PostgreSQL and PGlite nothing happens (docs/DATABASE.md, "Citus").
 */
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Executor } from './client.ts';

/** Tables with a `unit_code` column that are nevertheless global: reference tables. */
export const GLOBAL_WITH_UNIT_CODE: ReadonlySet<string> = new Set([
  // Staff accounts: a user belongs to at most one unit, but sign-in looks them up by name across all.
  'users',
  // Partner keys are found by their public prefix before the unit is known.
  'partner_api_keys',
  // A rating invitation is found by its token (the tablet's or the slip's QR) before the unit is known.
  'rating_invitations',
]);

/**
 * Tables only the servers read, by key, never joined with a tenant table: sign-in's. They stay on the
 * coordinator (Citus local tables). A reference table is written on every node, so with one worker down
 * nobody could sign in; these are written on the coordinator alone (docs/DATABASE.md, "A worker down").
 */
export const COORDINATOR_ONLY: ReadonlySet<string> = new Set([
  'sessions',
  'login_throttle',
  'login_devices',
  'citizen_sessions',
  'citizen_logins',
]);

/** The table the tenant tables are co-located with. */
export const COLOCATION_ANCHOR = 'dossiers';

export type CitusKind = 'distributed' | 'reference' | 'local';

/**
 * The rule: a `unit_code` column makes a tenant table, unless the table is listed as global; sign-in's
 * tables stay on the coordinator; every other table is a reference table.
 */
export function classifyTable(name: string, columns: readonly string[]): CitusKind {
  if (COORDINATOR_ONLY.has(name)) return 'local';
  if (GLOBAL_WITH_UNIT_CODE.has(name)) return 'reference';
  return columns.includes('unit_code') ? 'distributed' : 'reference';
}

/** Is this database a Citus coordinator (the extension created in it)? */
export async function hasCitus(client: pg.ClientBase): Promise<boolean> {
  const r = await client.query(`SELECT 1 FROM pg_extension WHERE extname = 'citus'`);
  return (r.rowCount ?? 0) > 0;
}

const distributed = new WeakMap<Executor, Promise<boolean>>();

/**
 * Does `db` (a database handle, not a transaction) run on a Citus coordinator? Asked once per handle.
 * The few statements Citus cannot route to one worker as written take another shape there
 * (dossiers/repository.ts writeIntake); everything else is the same SQL on every database.
 */
export function isDistributed(db: Executor): Promise<boolean> {
  let known = distributed.get(db);
  if (!known) {
    known = db
      .execute(sql`SELECT 1 FROM pg_extension WHERE extname = 'citus'`)
      .then((r) => (r as unknown as { rows: unknown[] }).rows.length > 0);
    known.catch(() => distributed.delete(db));
    distributed.set(db, known);
  }
  return known;
}

/**
 * Session settings the migrations need on Citus: DDL one shard after another (a function created in
 * the same transaction as a multi-shard ALTER would otherwise be refused: "cannot run function command
 * because there was a parallel operation on a distributed table"), and the settlement rollup's
 * triggers allowed on distributed tables (docs/DATABASE.md, "Citus": why they stay triggers).
 */
export async function prepareCitusSession(client: pg.ClientBase) {
  await client.query(`SET citus.multi_shard_modify_mode TO 'sequential'`);
  await client.query('SET citus.enable_unsafe_triggers TO on');
}

interface TableRow {
  name: string;
  columns: string[];
  citus: string | null;
  refs: string[];
}

/** Distributes what is not yet distributed; returns the tables it changed. */
export async function distributeTables(client: pg.ClientBase) {
  const { rows } = await client.query<TableRow>(`
    SELECT c.relname AS name,
           array(SELECT a.attname::text FROM pg_attribute a
                 WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS columns,
           -- A local table pointing at a reference table may have become a Citus local table
           -- (partmethod n, repmodel s) on its own: what it is, not yet what it should be.
           (SELECT CASE WHEN p.partmethod = 'h' THEN 'distributed' WHEN p.repmodel = 't' THEN 'reference'
                        ELSE 'local' END
            FROM pg_dist_partition p WHERE p.logicalrelid = c.oid) AS citus,
           array(SELECT DISTINCT f.confrelid::regclass::text FROM pg_constraint f
                 WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid) AS refs
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname`);
  const settled = (r: TableRow) => r.citus === classifyTable(r.name, r.columns);
  const done = new Set(rows.filter(settled).map((r) => r.name));
  const pending = rows.filter((r) => !settled(r));
  const changed: Array<{ table: string; kind: CitusKind }> = [];
  // Reference tables first (a distributed table may point at them, never the reverse), then the anchor,
  // then the other tenant tables; within each, a referenced table before those that point at it.
  const order = (t: TableRow) => {
    const kind = classifyTable(t.name, t.columns);
    return kind === 'reference' ? 0 : kind === 'local' ? 1 : t.name === COLOCATION_ANCHOR ? 2 : 3;
  };
  pending.sort((a, b) => order(a) - order(b));
  while (pending.length) {
    const first = order(pending[0]!);
    const i = pending.findIndex(
      (t) => order(t) === first && t.refs.every((r) => done.has(r) || !pending.some((p) => p.name === r)),
    );
    if (i < 0)
      throw new Error(`citus: foreign keys form a cycle among ${pending.map((p) => p.name).join(', ')}`);
    const t = pending.splice(i, 1)[0]!;
    const kind = classifyTable(t.name, t.columns);
    if (kind === 'local') {
      await keepOnCoordinator(client, t);
    } else if (kind === 'reference') {
      await client.query('SELECT create_reference_table($1::regclass)', [t.name]);
    } else if (t.name === COLOCATION_ANCHOR) {
      await client.query(`SELECT create_distributed_table($1::regclass, 'unit_code')`, [t.name]);
    } else {
      if (!done.has(COLOCATION_ANCHOR))
        throw new Error(`citus: ${COLOCATION_ANCHOR} must be distributed first`);
      await client.query(`SELECT create_distributed_table($1::regclass, 'unit_code', colocate_with => $2)`, [
        t.name,
        COLOCATION_ANCHOR,
      ]);
    }
    done.add(t.name);
    changed.push({ table: t.name, kind });
  }
  // Our functions (triggers' and reports') must exist on the workers too: the triggers run on shards.
  await client.query(`
    SELECT create_distributed_function(p.oid::regprocedure)
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND p.prokind = 'f'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_object o WHERE o.classid = 'pg_proc'::regclass AND o.objid = p.oid)`);
  return changed;
}

/**
 * Makes `t` a Citus local table (on the coordinator alone). One made a reference table by an earlier
 * release is first brought back: Citus undistributes a table only without its foreign keys, so they
 * are dropped and made again around it.
 */
async function keepOnCoordinator(client: pg.ClientBase, t: TableRow) {
  if (t.citus === 'reference') {
    const { rows: fks } = await client.query<{ name: string; def: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE conrelid = $1::regclass AND contype = 'f'`,
      [t.name],
    );
    for (const fk of fks) await client.query(`ALTER TABLE "${t.name}" DROP CONSTRAINT "${fk.name}"`);
    await client.query('SELECT undistribute_table($1::regclass)', [t.name]);
    await client.query('SELECT citus_add_local_table_to_metadata($1::regclass)', [t.name]);
    for (const fk of fks) await client.query(`ALTER TABLE "${t.name}" ADD CONSTRAINT "${fk.name}" ${fk.def}`);
  } else if (t.citus === null) {
    await client.query('SELECT citus_add_local_table_to_metadata($1::regclass)', [t.name]);
  }
}
