import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, type TestServer } from '../test-support/harness.ts';
import { isConcurrentWrite, SQLSTATE, sqlStateOf } from './errors.ts';
import { calendarDays } from './schema.ts';

async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  throw new Error('expected the statement to fail');
}

describe.each(databaseKinds())('SQLSTATE of database errors on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer(kind);
  });
  afterAll(async () => s?.close());

  it('reads the SQLSTATE through drizzle, for a unique violation and for other errors', async () => {
    const row = { day: '2099-12-31', kind: 'holiday' as const, name: 'Thử', source: 'official' as const };
    await s.ctx.db.insert(calendarDays).values(row);
    const duplicate = await errorOf(() => s.ctx.db.insert(calendarDays).values(row));
    expect(sqlStateOf(duplicate)).toBe(SQLSTATE.uniqueViolation);
    expect(isConcurrentWrite(duplicate)).toBe(true);
    const inTx = await errorOf(() => s.ctx.db.transaction((tx) => tx.insert(calendarDays).values(row)));
    expect(sqlStateOf(inTx)).toBe(SQLSTATE.uniqueViolation);
    const division = await errorOf(() => s.ctx.db.execute(sql`SELECT 1 / 0`));
    expect(sqlStateOf(division)).toBe('22012');
    expect(isConcurrentWrite(division)).toBe(false);
    expect(sqlStateOf(new Error('no database here'))).toBeUndefined();
    expect(sqlStateOf(Object.assign(new Error('socket'), { code: 'ECONNRESET' }))).toBeUndefined();
  });
});

describe.each(databaseKinds().filter((k) => k === 'postgres'))('concurrent transactions on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer(kind);
    await s.query(
      "INSERT INTO calendar_days (day, kind, name, source) VALUES ('2099-01-01', 'holiday', 'A', 'official'), ('2099-01-02', 'holiday', 'B', 'official')",
    );
  });
  afterAll(async () => s?.close());

  const touch = (day: string) => sql`UPDATE calendar_days SET name = name || '.' WHERE day = ${day}`;

  it('a serialization failure is a concurrent write', async () => {
    const err = await errorOf(() =>
      s.ctx.db.transaction(
        async (tx) => {
          await tx.execute(sql`SELECT * FROM calendar_days WHERE day = '2099-01-01'`); // takes the snapshot
          await s.ctx.db.execute(touch('2099-01-01')); // another connection commits meanwhile
          await tx.execute(touch('2099-01-01'));
        },
        { isolationLevel: 'repeatable read' },
      ),
    );
    expect(sqlStateOf(err)).toBe(SQLSTATE.serializationFailure);
    expect(isConcurrentWrite(err)).toBe(true);
  });

  it('a deadlock is a concurrent write', async () => {
    let lockedA!: () => void;
    let lockedB!: () => void;
    const a = new Promise<void>((r) => {
      lockedA = r;
    });
    const b = new Promise<void>((r) => {
      lockedB = r;
    });
    const results = await Promise.allSettled([
      s.ctx.db.transaction(async (tx) => {
        await tx.execute(touch('2099-01-01'));
        lockedA();
        await b;
        await tx.execute(touch('2099-01-02'));
      }),
      s.ctx.db.transaction(async (tx) => {
        await tx.execute(touch('2099-01-02'));
        lockedB();
        await a;
        await tx.execute(touch('2099-01-01'));
      }),
    ]);
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed).toHaveLength(1);
    const reason = (failed[0] as PromiseRejectedResult).reason;
    expect(sqlStateOf(reason)).toBe(SQLSTATE.deadlockDetected);
    expect(isConcurrentWrite(reason)).toBe(true);
  });
});
