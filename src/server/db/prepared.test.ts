import { DrizzleQueryError, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, type TestServer } from '../test-support/harness.ts';
import { executePrepared, runPrepared } from './prepared.ts';
import { units } from './schema.ts';

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

  it('runs a drizzle builder under a name with the same result, and unnamed when the text differs', async () => {
    const byCode = (code: string) =>
      s.ctx.db.select({ code: units.code, name: units.name }).from(units).where(eq(units.code, code));
    const name = `test_builder_${kind}`;
    expect(await runPrepared(byCode('28693'), name)).toEqual(await byCode('28693'));
    expect(await runPrepared(byCode('82'), name)).toEqual([
      { code: '82', name: expect.stringContaining('Đồng Tháp') },
    ]);
    // Another text under the same name: runs unnamed rather than failing.
    const other = s.ctx.db
      .select({ code: units.code })
      .from(units)
      .where(eq(units.parentCode, '82'))
      .limit(2);
    expect(await runPrepared(other, name)).toHaveLength(2);
    await expect(runPrepared(byCode('82'), 'x'.repeat(64))).rejects.toThrow(/63 bytes/);
  });
});
