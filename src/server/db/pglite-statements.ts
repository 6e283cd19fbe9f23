import { type PGlite, parse, protocol, type Results } from '@electric-sql/pglite';

/*
 * Named prepared statements on PGlite.
 *
 * `PGlite.query()` has no statement names: every call sends Parse, Describe, Bind, Describe, Execute
 * and Sync as six separate calls into the WebAssembly backend, and the backend parses, analyses and
 * plans the statement again each time. For the intake's 1.5 kB CTE with three inserts that is most of
 * its cost (EXPLAIN: planning 0.29 ms of 1.16 ms; bench/intake: PGlite CPU per intake 1.9 → 1.15 ms
 * with the two intake statements prepared).
 *
 * Here a statement is parsed once per PGlite instance under its name (Parse + Describe, which also
 * gives the parameter types), and each call is one batch of Bind, Describe, Execute and Sync: one
 * call into the backend, which reuses the statement (and, after five runs, PostgreSQL's generic
 * plan). Parameters are serialised and rows parsed exactly as `PGlite.query()` does (the instance's
 * serializers by parameter type, then `parseResults` with the instance's parsers).
 *
 * The wire-protocol calls take no lock of their own: inside a transaction the caller already holds
 * the instance (PGlite's transaction lock); outside, the call takes the same locks `query()` takes.
 */

const { serialize } = protocol;

interface Statement {
  text: string;
  paramTypes: number[];
}

const statements = new WeakMap<PGlite, Map<string, Statement>>();

function concat(parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

type Serializer = (value: unknown) => string;

async function prepare(pg: PGlite, name: string, text: string): Promise<Statement> {
  let known = statements.get(pg);
  if (!known) {
    known = new Map();
    statements.set(pg, known);
  }
  const found = known.get(name);
  if (found) {
    if (found.text !== text) throw new Error(`prepared statement ${name} used with two different SQL texts`);
    return found;
  }
  const described = await pg.execProtocol(
    concat([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]),
    { syncToFs: false },
  );
  const statement = { text, paramTypes: parse.parseDescribeStatementResults(described.messages) };
  known.set(name, statement);
  return statement;
}

async function run<T>(pg: PGlite, name: string, text: string, params: readonly unknown[], syncToFs: boolean) {
  const statement = await prepare(pg, name, text);
  if (params.length !== statement.paramTypes.length)
    throw new Error(
      `prepared statement ${name}: ${params.length} values for ${statement.paramTypes.length} parameters`,
    );
  const serializers = pg.serializers as Record<number, Serializer | undefined>;
  const values = params.map((value, i) => {
    if (value === null || value === undefined) return null;
    const serializer = serializers[statement.paramTypes[i] as number];
    return serializer ? serializer(value) : String(value);
  });
  const result = await pg.execProtocol(
    concat([
      serialize.bind({ statement: name, values }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    ]),
    { syncToFs },
  );
  return parse.parseResults(result.messages, pg.parsers)[0] as Results<T>;
}

/** Inside `pg.transaction()`: the caller holds the instance. */
export function queryNamedInTransaction<T = Record<string, unknown>>(
  pg: PGlite,
  name: string,
  text: string,
  params: readonly unknown[],
) {
  return run<T>(pg, name, text, params, false);
}

/** Outside a transaction: takes the instance's locks as `query()` does, then writes through to disk. */
export async function queryNamed<T = Record<string, unknown>>(
  pg: PGlite,
  name: string,
  text: string,
  params: readonly unknown[],
) {
  await pg._checkReady();
  return pg._runExclusiveTransaction(() => pg._runExclusiveQuery(() => run<T>(pg, name, text, params, true)));
}
