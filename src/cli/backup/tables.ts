import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../server/db/client.ts';

/** A table of the application schema as the backup sees it. */
export interface TableInfo {
  name: string;
  /** Stored columns in order (generated columns are recomputed on restore). */
  columns: Array<{ name: string; type: string }>;
  /** Has triggers of its own (the settlement rollup's), switched off while a backup is loaded. */
  hasTriggers: boolean;
}

export async function rowsOf<T>(db: Executor, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The tables of the `public` schema, parents before the tables whose foreign keys point at them, so
 * that loading them in this order satisfies every foreign key.
 */
export async function listTables(db: Executor): Promise<TableInfo[]> {
  const tables = await rowsOf<{ name: string; has_triggers: boolean }>(
    db,
    sql`SELECT c.relname AS name,
          EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal) AS has_triggers
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        ORDER BY c.relname`,
  );
  const columns = await rowsOf<{ table: string; name: string; type: string }>(
    db,
    sql`SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
        ORDER BY c.relname, a.attnum`,
  );
  const keys = await rowsOf<{ child: string; parent: string }>(
    db,
    sql`SELECT ch.relname AS child, pa.relname AS parent
        FROM pg_constraint k
        JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
        WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace AND k.conrelid <> k.confrelid`,
  );
  const byName = new Map<string, TableInfo>(
    tables.map((t) => [t.name, { name: t.name, columns: [], hasTriggers: t.has_triggers }]),
  );
  for (const c of columns) byName.get(c.table)?.columns.push({ name: c.name, type: c.type });
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`foreign keys form a cycle through ${name}`);
    state.set(name, 'visiting');
    for (const k of keys) if (k.child === name && byName.has(k.parent)) visit(k.parent);
    state.set(name, 'done');
    ordered.push(byName.get(name)!);
  };
  for (const name of byName.keys()) visit(name);
  return ordered;
}

/** Rows of every table (exact counts). */
export async function countRows(db: Executor, tables: TableInfo[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const t of tables) {
    const [row] = await rowsOf<{ n: string | number }>(
      db,
      sql.raw(`SELECT count(*)::text AS n FROM public.${quoteIdent(t.name)}`),
    );
    counts.set(t.name, Number(row?.n ?? 0));
  }
  return counts;
}
