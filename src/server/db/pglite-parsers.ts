import { type PGlite, type Results, type Transaction, types } from '@electric-sql/pglite';
import { queryNamed, queryNamedInTransaction } from './pglite-statements.ts';

/*
 * drizzle-orm's PGlite session passes `parsers` with every query so that timestamps, dates,
 * intervals and their arrays (and numeric[]) come back as text, which drizzle then maps itself.
 * PGlite merges per-query parsers by copying its whole parser table (≈320 entries, one per type
 * and array type) into a new object for every query: ≈0.1 ms of main-thread CPU per statement,
 * 10 % of the server's CPU under intake load (bench/intake --cpu-prof: parseResults).
 *
 * Instead the client given to drizzle reads those types as text from the instance's own table and
 * drops the per-query parsers: the same rows, without the copy. Other users of the same instance
 * (tests' raw SQL) that want PGlite's default parsing pass `defaultParsersForTextTypes`.
 */

/** The type OIDs drizzle reads as text (drizzle-orm/pglite/session.js). */
const TEXT_TYPES = {
  timestamp: types.TIMESTAMP,
  timestamptz: types.TIMESTAMPTZ,
  interval: types.INTERVAL,
  date: types.DATE,
  'numeric[]': 1231,
  'timestamp[]': 1115,
  'timestamptz[]': 1185,
  'interval[]': 1187,
  'date[]': 1182,
} as const;

const ARRAY_ELEMENT: Record<number, number> = {
  1231: types.NUMERIC,
  1115: types.TIMESTAMP,
  1185: types.TIMESTAMPTZ,
  1187: types.INTERVAL,
  1182: types.DATE,
};

const asText = (value: string) => value;

type Parser = (value: string, typeId?: number) => unknown;

/** PGlite's own parsing of the types drizzle reads as text, for queries outside drizzle. */
const defaults = types.parsers as Record<number, Parser | undefined>;
export const defaultParsersForTextTypes: Record<number, Parser> = Object.fromEntries(
  Object.values(TEXT_TYPES).map((oid) => {
    const element = ARRAY_ELEMENT[oid];
    const parser: Parser =
      element === undefined
        ? (defaults[oid] ?? asText)
        : (value) => types.arrayParser(value, defaults[element] ?? asText, oid);
    return [oid, parser];
  }),
);

type QueryOptions = Parameters<PGlite['query']>[2];

/**
 * The clients given to drizzle (the instance's and each transaction's) also run named prepared
 * statements (pglite-statements.ts) under this key; `executePrepared` uses it.
 */
export const NAMED_QUERY = Symbol('motcua.pglite.namedQuery');
export type NamedQuery = (
  name: string,
  text: string,
  params: readonly unknown[],
) => Promise<Results<Record<string, unknown>>>;

function stripParsers(options: QueryOptions): QueryOptions {
  if (!options?.parsers) return options;
  const { parsers: _dropped, ...rest } = options;
  return rest;
}

/**
 * Sets the instance to read drizzle's text types as text and returns the client to give drizzle:
 * its queries (and those of its transactions) go without per-query parsers.
 */
export function drizzleClient(client: PGlite): PGlite {
  const table = client.parsers as Record<number, Parser>;
  const oids = Object.values(TEXT_TYPES);
  // PGlite rebuilds its array parsers when asked to refresh array types: set them again then.
  const ensureText = () => {
    if (table[1115] !== asText || table[types.TIMESTAMPTZ] !== asText)
      for (const oid of oids) table[oid] = asText;
  };
  ensureText();
  const query =
    (target: Pick<PGlite, 'query'>) => (text: string, params?: unknown[], options?: QueryOptions) => {
      ensureText();
      return target.query(text, params, stripParsers(options));
    };
  const wrapTransaction = (tx: Transaction): Transaction => {
    const txQuery = query(tx);
    const txNamed: NamedQuery = (name, text, params) => {
      if (tx.closed) throw new Error('Transaction is closed');
      ensureText();
      return queryNamedInTransaction(client, name, text, params);
    };
    return new Proxy(tx, {
      get: (target, prop) =>
        prop === 'query' ? txQuery : prop === NAMED_QUERY ? txNamed : Reflect.get(target, prop, target),
    });
  };
  const clientQuery = query(client);
  const clientNamed: NamedQuery = (name, text, params) => {
    ensureText();
    return queryNamed(client, name, text, params);
  };
  const transaction = <T>(fn: (tx: Transaction) => Promise<T>) =>
    client.transaction((tx) => fn(wrapTransaction(tx)));
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'query') return clientQuery;
      if (prop === 'transaction') return transaction;
      if (prop === NAMED_QUERY) return clientNamed;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
