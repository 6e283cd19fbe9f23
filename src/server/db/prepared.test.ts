import { randomUUID } from 'node:crypto';
import { DrizzleQueryError, eq, sql, TransactionRollbackError } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, type TestServer } from '../test-support/harness.ts';
import { executePrepared, preparedStatement } from './prepared.ts';
import { outbox, units } from './schema.ts';

describe.each(databaseKinds())('named prepared statements on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer(kind);
  });
  afterAll(async () => s?.close());

  it('returns what execute returns, in and out of transactions, with new parameters each time', async () => {
    const query = (n: number) => sql`SELECT ${n}::int + 1 AS next, ${`x${n}`}::text AS label`;
    for (const n of [1, 2, 3]) {
      const prepared = (await executePrepared(s.ctx.db, `test_prepared_${kind}`, query(n))) as {
        rows: unknown[];
      };
      const plain = (await s.ctx.db.execute(query(n))) as unknown as { rows: unknown[] };
      expect(prepared.rows).toEqual(plain.rows);
      expect(prepared.rows).toEqual([{ next: n + 1, label: `x${n}` }]);
    }
    const inTx = await s.ctx.db.transaction(
      async (tx) => (await executePrepared(tx, `test_prepared_${kind}`, query(41))) as { rows: unknown[] },
    );
    expect(inTx.rows).toEqual([{ next: 42, label: 'x41' }]);
    {
      // Parsed once per connection (PostgreSQL) or per instance (PGlite): the backend keeps it under its name.
      const named = await s.ctx.db.transaction(async (tx) => {
        await executePrepared(tx, `test_prepared_${kind}`, query(7));
        return (await tx.execute(
          sql`SELECT name FROM pg_prepared_statements WHERE name = ${`test_prepared_${kind}`}`,
        )) as unknown as {
          rows: unknown[];
        };
      });
      expect(named.rows).toEqual([{ name: `test_prepared_${kind}` }]);
    }
  });

  it('reports a failing statement as drizzle does: DrizzleQueryError with the database error as cause', async () => {
    const failing = executePrepared(s.ctx.db, `test_division_${kind}`, sql`SELECT 1 / ${0}::int AS x`);
    await expect(failing).rejects.toBeInstanceOf(DrizzleQueryError);
    await expect(failing).rejects.toMatchObject({ cause: { code: '22012' } });
  });

  it('refuses one name for two SQL texts', async () => {
    await executePrepared(s.ctx.db, `test_two_texts_${kind}`, sql`SELECT 1 AS a`);
    await expect(executePrepared(s.ctx.db, `test_two_texts_${kind}`, sql`SELECT 2 AS a`)).rejects.toThrow(
      /two different SQL texts/,
    );
  });

  it('builds a statement once and runs it with new values each time, in and out of transactions', async () => {
    const name = `test_built_${kind}`;
    let builds = 0;
    const byCode = preparedStatement(name, (db) => {
      builds++;
      return db
        .select({ code: units.code, name: units.name })
        .from(units)
        .where(eq(units.code, sql.placeholder('code')));
    });
    const plain = (code: string) =>
      s.ctx.db.select({ code: units.code, name: units.name }).from(units).where(eq(units.code, code));
    expect(await byCode(s.ctx.db, { code: '28693' })).toEqual(await plain('28693'));
    expect(await byCode(s.ctx.db, { code: '82' })).toEqual([
      { code: '82', name: expect.stringContaining('Đồng Tháp') },
    ]);
    const inTx = await s.ctx.db.transaction(async (tx) => byCode(tx, { code: '28693' }));
    expect(inTx).toEqual(await plain('28693'));
    expect(builds).toBe(1);
    await expect(byCode(s.ctx.db, {})).rejects.toThrow(/no value for code/);
    // Another statement under a name already taken (PostgreSQL keeps one text per name).
    if (kind === 'postgres') {
      const other = preparedStatement(name, (db) => db.select({ code: units.code }).from(units).limit(1));
      await expect(other(s.ctx.db, {})).rejects.toThrow(/two different SQL texts/);
    }
    expect(() => preparedStatement('x'.repeat(64), (db) => db.select().from(units))).toThrow(/63 bytes/);
  });

  it('encodes values for their columns as drizzle does, and NULL as NULL', async () => {
    const add = preparedStatement(`test_encode_${kind}`, (db) =>
      db
        .insert(outbox)
        .values({
          unitCode: '28693',
          id: sql.placeholder('id'),
          kind: 'test-prepared',
          payload: sql.placeholder('payload'),
          createdAt: sql.placeholder('at'),
          nextAttemptAt: sql.placeholder('at'),
          sentAt: sql.placeholder('sentAt'),
        })
        .returning({ payload: outbox.payload, createdAt: outbox.createdAt, sentAt: outbox.sentAt }),
    );
    const at = new Date('2026-01-02T03:04:05.678Z');
    const rolledBack = s.ctx.db.transaction(async (tx) => {
      // A JSON array stays a JSON array (not a PostgreSQL array), a Date a timestamp, NULL a NULL.
      expect(await add(tx, { id: randomUUID(), payload: [1, 'hai'], at, sentAt: null })).toEqual([
        { payload: [1, 'hai'], createdAt: at, sentAt: null },
      ]);
      expect(await add(tx, { id: randomUUID(), payload: { a: 'ă' }, at, sentAt: at })).toEqual([
        { payload: { a: 'ă' }, createdAt: at, sentAt: at },
      ]);
      tx.rollback();
    });
    await expect(rolledBack).rejects.toBeInstanceOf(TransactionRollbackError);
  });
});
