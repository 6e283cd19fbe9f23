import { DrizzleQueryError, is, Param, Placeholder, SQL } from 'drizzle-orm';
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
  prepare(name: string): unknown;
}

/** The part of drizzle's prepared query (NodePgPreparedQuery, PglitePreparedQuery) used here. */
interface PreparedQuery {
  client: unknown;
  params: unknown[];
  rawQueryConfig?: { text?: string };
  execute(values?: Record<string, unknown>): Promise<unknown>;
}

/** Where each parameter of a compiled statement comes from: a constant, or a named value (encoded for its column). */
type Slot = { constant: unknown } | { key: string; encode: ((value: unknown) => unknown) | undefined };

function slotsOf(params: readonly unknown[]): Slot[] {
  return params.map((p) => {
    if (is(p, Placeholder)) return { key: p.name, encode: undefined };
    if (is(p, Param) && is(p.value, Placeholder)) {
      const encoder = p.encoder as { mapToDriverValue(v: unknown): unknown } | undefined;
      return { key: p.value.name, encode: encoder ? (v: unknown) => encoder.mapToDriverValue(v) : undefined };
    }
    return { constant: p };
  });
}

function bind(slots: readonly Slot[], values: Record<string, unknown>, name: string): unknown[] {
  return slots.map((slot) => {
    if ('constant' in slot) return slot.constant;
    if (!(slot.key in values)) throw new Error(`prepared statement ${name}: no value for ${slot.key}`);
    const value = values[slot.key];
    // NULL is NULL for every column: drizzle's own binding skips the column's encoder for it too.
    return value === null || value === undefined || !slot.encode ? (value ?? null) : slot.encode(value);
  });
}

/**
 * A statement compiled from a drizzle builder written with placeholders, and a binder of its values by
 * name (encoded as the product binds them): for a driver the product does not run on, as the bench's
 * floor sends the product's statements straight through `pg`.
 */
export function compileStatement(query: { toSQL(): CompiledQuery }) {
  const { sql: text, params } = query.toSQL();
  const slots = slotsOf(params);
  return { text, bind: (values: Record<string, unknown>) => bind(slots, values, text.slice(0, 40)) };
}

/**
 * A hot statement built once. `build` writes it with drizzle's query builder, `sql.placeholder(key)`
 * standing for every value; the first call per driver compiles it (SQL text, parameters, how rows
 * map to fields), later calls only bind the values (encoded for their columns as drizzle encodes
 * them) and run it on the executor given — the pool, or a transaction. On PostgreSQL it runs as the
 * named prepared statement `name` (parsed and planned once per connection); on PGlite unnamed, as
 * drizzle runs it. Rebuilding and recompiling the builder on every call was a sixth of the server's
 * CPU in a lifecycle action (bench/workflow).
 */
export function preparedStatement<T>(
  name: string,
  build: (db: Executor) => Preparable<T>,
): (db: Executor, values: Record<string, unknown>) => Promise<T> {
  if (Buffer.byteLength(name) > 63) throw new Error(`prepared statement name longer than 63 bytes: ${name}`);
  // One compiled statement per session class (node-postgres, PGlite): the text is the same, the driver's
  // prepared-query class and its row parsing differ.
  const compiled = new Map<unknown, { query: PreparedQuery; slots: Slot[] }>();
  return async (db, values) => {
    const session = (db as unknown as { session: { client: unknown; constructor: unknown } }).session;
    let c = compiled.get(session.constructor);
    if (!c) {
      const query = build(db).prepare(name) as PreparedQuery;
      if (!registerName(name, query.rawQueryConfig?.text))
        throw new Error(`prepared statement ${name} used with two different SQL texts`);
      c = { query, slots: slotsOf(query.params) };
      compiled.set(session.constructor, c);
    }
    // The compiled query runs on this executor's client with these values; nothing else is copied.
    const bound = Object.create(c.query) as PreparedQuery;
    bound.client = session.client;
    bound.params = bind(c.slots, values, name);
    return (await bound.execute()) as T;
  };
}
