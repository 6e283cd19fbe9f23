import { DrizzleQueryError, is, type SQL } from 'drizzle-orm';
import { PgliteSession } from 'drizzle-orm/pglite';
import type { Executor } from './client.ts';

/** The part of drizzle's session used here (PgSession: `dialect`, `prepareQuery`). */
interface Session {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  prepareQuery(
    query: { sql: string; params: unknown[] },
    fields: undefined,
    name: string | undefined,
    isResponseInArrayMode: boolean,
  ): { execute(): Promise<unknown> };
  /** PgliteSession: the PGlite client (or transaction) it runs on. */
  client?: { query(text: string, params: unknown[]): Promise<unknown> };
}

const textOfName = new Map<string, string>();

/**
 * Runs a hot statement as a named prepared statement: on PostgreSQL, node-postgres parses and plans
 * it once per connection instead of on every call (the intake's CTE is ~1.5 kB of SQL with four
 * inserts). PGlite has no named statements; there the statement goes straight to the PGlite client,
 * skipping drizzle's per-call prepared-query object (its construction and result wrapping cost
 * main-thread CPU that PGlite shares with HTTP). The result is the same as `db.execute(query)`, and
 * errors are wrapped in DrizzleQueryError as drizzle wraps them.
 *
 * A name stands for exactly one SQL text (node-postgres refuses a name reused with another text):
 * callers put every variant of the text into the name, and a mismatch throws here.
 */
export async function executePrepared(db: Executor, name: string, query: SQL): Promise<unknown> {
  const session = (db as unknown as { session: Session }).session;
  const compiled = session.dialect.sqlToQuery(query);
  const known = textOfName.get(name);
  if (known === undefined) textOfName.set(name, compiled.sql);
  else if (known !== compiled.sql)
    throw new Error(`prepared statement ${name} used with two different SQL texts`);
  const client = session.client;
  if (client && is(session as object, PgliteSession)) {
    try {
      return await client.query(compiled.sql, compiled.params);
    } catch (err) {
      throw new DrizzleQueryError(compiled.sql, compiled.params, err as Error);
    }
  }
  return session.prepareQuery(compiled, undefined, name, false).execute();
}
