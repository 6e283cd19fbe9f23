import { PGlite, type Transaction } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { date, interval, numeric, pgTable, serial, timestamp } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultParsersForTextTypes, drizzleClient } from './pglite-parsers.ts';

const samples = pgTable('samples', {
  id: serial('id').primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  atText: timestamp('at_text', { withTimezone: true, mode: 'string' }).notNull(),
  local: timestamp('local').notNull(),
  day: date('day').notNull(),
  dayDate: date('day_date', { mode: 'date' }).notNull(),
  span: interval('span').notNull(),
  amount: numeric('amount').notNull(),
  amounts: numeric('amounts').array().notNull(),
  moments: timestamp('moments', { withTimezone: true }).array().notNull(),
});

const CREATE = `CREATE TABLE samples (id serial PRIMARY KEY, at timestamptz NOT NULL, at_text timestamptz NOT NULL,
  local timestamp NOT NULL, day date NOT NULL, day_date date NOT NULL, span interval NOT NULL, amount numeric NOT NULL,
  amounts numeric[] NOT NULL, moments timestamptz[] NOT NULL)`;

const row = {
  at: new Date('2026-02-16T01:30:00.123Z'),
  atText: '2026-02-16 08:30:00+07',
  local: new Date('2026-04-27T07:00:00Z'),
  day: '2026-09-02',
  dayDate: new Date('2025-04-30T00:00:00Z'),
  span: '3 days 04:00:00',
  amount: '12345678901234567890.25',
  amounts: ['1.5', '20000'],
  moments: [new Date('2026-01-01T00:00:00Z'), new Date('2026-12-31T16:59:59Z')],
};

describe('PGlite client given to drizzle (no per-query parsers)', () => {
  let plain: PGlite;
  let wrapped: PGlite;
  const seen: unknown[] = [];
  const seenInTransactions: unknown[] = [];
  beforeAll(async () => {
    plain = await PGlite.create();
    await plain.exec(`SET TIME ZONE 'Asia/Ho_Chi_Minh'; ${CREATE}`);
    wrapped = await PGlite.create();
    await wrapped.exec(`SET TIME ZONE 'Asia/Ho_Chi_Minh'; ${CREATE}`);
    const query = wrapped.query.bind(wrapped);
    // Records what reaches PGlite: the options must carry no parsers.
    wrapped.query = (async (text: string, params?: unknown[], options?: Record<string, unknown>) => {
      seen.push(options);
      return query(text, params, options);
    }) as typeof wrapped.query;
    const transaction = wrapped.transaction.bind(wrapped);
    wrapped.transaction = ((fn: (tx: Transaction) => Promise<unknown>) =>
      transaction((tx) =>
        fn(
          new Proxy(tx, {
            get: (target, prop) =>
              prop === 'query'
                ? (text: string, params?: unknown[], options?: Record<string, unknown>) => {
                    seenInTransactions.push(options);
                    return target.query(text, params, options);
                  }
                : Reflect.get(target, prop, target),
          }),
        ),
      )) as typeof wrapped.transaction;
  });
  afterAll(async () => {
    await plain?.close();
    await wrapped?.close();
  });

  it('returns exactly what drizzle returns with its own per-query parsers, in and out of transactions', async () => {
    const reference = drizzle({ client: plain });
    const db = drizzle({ client: drizzleClient(wrapped) });
    await reference.insert(samples).values(row);
    await db.insert(samples).values(row);
    const expected = await reference.select().from(samples);
    expect(await db.select().from(samples)).toEqual(expected);
    expect(expected[0]).toMatchObject({
      at: row.at,
      day: '2026-09-02',
      amount: row.amount,
      amounts: row.amounts,
      moments: row.moments,
    });
    const inTx = await db.transaction(async (tx) => tx.select().from(samples));
    expect(inTx).toEqual(expected);
    const rawSql = sql`SELECT at, local, day, span, moments FROM samples`;
    expect((await db.execute(rawSql)).rows).toEqual((await reference.execute(rawSql)).rows);
    expect(seen).toHaveLength(3);
    expect(seenInTransactions).toHaveLength(1);
    for (const options of [...seen, ...seenInTransactions])
      expect((options as { parsers?: unknown } | undefined)?.parsers).toBeUndefined();
  });

  it('leaves PGlite default parsing available to raw queries outside drizzle', async () => {
    const [viaDefaults] = (
      await wrapped.query<Record<string, unknown>>('SELECT at, local, day, moments FROM samples', [], {
        parsers: defaultParsersForTextTypes,
      })
    ).rows;
    const [reference] = (
      await plain.query<Record<string, unknown>>('SELECT at, local, day, moments FROM samples')
    ).rows;
    expect(viaDefaults).toEqual(reference);
    expect(viaDefaults!.at).toEqual(row.at);
    expect(viaDefaults!.moments).toEqual(row.moments);
  });

  it('reads the text types as text again after PGlite rebuilds its array parsers', async () => {
    const db = drizzle({ client: drizzleClient(wrapped) });
    await wrapped.refreshArrayTypes();
    const [first] = await db.select({ moments: samples.moments }).from(samples);
    expect(first!.moments).toEqual(row.moments);
  });
});
