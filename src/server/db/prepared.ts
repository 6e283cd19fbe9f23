import { DrizzleQueryError, is, SQL } from 'drizzle-orm';
import { PgliteSession } from 'drizzle-orm/pglite';
import type { Executor } from './client.ts';
import { NAMED_QUERY, type NamedQuery } from './pglite-parsers.ts';

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
 * Checks a statement name and records the SQL text it stands for. False when the name was first
 * used with another text; an unknown text (PGlite) is not recorded. A name is an identifier: at most 63 bytes, or PostgreSQL truncates it and
 * two names may collide.
 */
function registerName(name: string, text: string | undefined): boolean {
  if (Buffer.byteLength(name) > 63) throw new Error(`prepared statement name longer than 63 bytes: ${name}`);
  if (text === undefined) return true;
  const known = textOfName.get(name);
  if (known === undefined) textOfName.set(name, text);
  return known === undefined || known === text;
}

/**
 * Runs a hot statement as a named prepared statement: on PostgreSQL, node-postgres parses and plans
 * it once per connection instead of on every call (the intake's CTE is ~1.5 kB of SQL with four
 * inserts). On PGlite, whose `query()` has no names, the client given to drizzle prepares it once
 * per instance over the wire protocol (pglite-statements.ts), skipping drizzle's per-call
 * prepared-query object too; a bare PGlite client gets the SQL unnamed. The result is the same as
 * `db.execute(query)`, and errors are wrapped in DrizzleQueryError as drizzle wraps them.
 *
 * A name stands for exactly one SQL text (node-postgres refuses a name reused with another text):
 * callers put every variant of the text into the name, and a mismatch throws here.
 */
export async function executePrepared(
  db: Executor,
  name: string,
  query: SQL | CompiledQuery,
): Promise<unknown> {
  const session = (db as unknown as { session: Session }).session;
  const compiled = is(query, SQL) ? session.dialect.sqlToQuery(query) : query;
  if (!registerName(name, compiled.sql))
    throw new Error(`prepared statement ${name} used with two different SQL texts`);
  const client = session.client;
  if (client && is(session as object, PgliteSession)) {
    try {
      const named = (client as { [NAMED_QUERY]?: NamedQuery })[NAMED_QUERY];
      if (named) return await named(name, compiled.sql, compiled.params);
      return await client.query(compiled.sql, compiled.params);
    } catch (err) {
      throw new DrizzleQueryError(compiled.sql, compiled.params, err as Error);
    }
  }
  return session.prepareQuery(compiled, undefined, name, false).execute();
}

/** SQL text with `$n` placeholders and its values, as drizzle compiles it. */
export interface CompiledQuery {
  sql: string;
  params: unknown[];
}

/**
 * Placeholders for a statement written as a template literal: `p(value)` records the value and
 * returns its `$n`. For a hot statement, this builds the text and values without drizzle's per-call
 * compilation of a large `sql` template (its chunk walk was ~8 % of the server's CPU at intake).
 */
export function placeholders(): { p: (value: unknown) => string; params: unknown[] } {
  const params: unknown[] = [];
  return {
    params,
    p(value: unknown) {
      params.push(value);
      return `$${params.length}`;
    },
  };
}

/** A drizzle query builder (select, insert, update, delete) that can be prepared under a name. */
interface Preparable<T> extends PromiseLike<T> {
  prepare(name: string): { execute(): Promise<T> };
}

/**
 * Runs a drizzle query builder as a named prepared statement on PostgreSQL (see executePrepared).
 * Use it for statements whose SQL text does not depend on the values (a fixed column list): should
 * the text ever differ from the first one prepared under `name`, the statement runs unnamed, as
 * drizzle would run it, rather than fail. On PGlite the name is ignored.
 */
export async function runPrepared<T>(query: Preparable<T>, name: string): Promise<T> {
  const prepared = query.prepare(name) as { execute(): Promise<T>; rawQueryConfig?: { text?: string } };
  // PGlite's prepared queries carry no text (nor a name): nothing to record there.
  if (!registerName(name, prepared.rawQueryConfig?.text)) return await query;
  return prepared.execute();
}
