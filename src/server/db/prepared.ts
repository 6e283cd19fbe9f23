import type { SQL } from 'drizzle-orm';
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
}

const textOfName = new Map<string, string>();

/**
 * Runs a hot statement as a named prepared statement: on PostgreSQL, node-postgres parses and plans
 * it once per connection instead of on every call (the intake's CTE is ~1.5 kB of SQL with four
 * inserts). PGlite has no named statements through drizzle and runs it as usual. The result is the
 * same as `db.execute(query)`.
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
  return session.prepareQuery(compiled, undefined, name, false).execute();
}
