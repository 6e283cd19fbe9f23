import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryNamed, queryNamedInTransaction } from './pglite-statements.ts';

const CREATE = `CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL, meta jsonb, at timestamptz, done boolean,
  big bigint, tags text[])`;

const INSERT = `INSERT INTO notes (id, body, meta, at, done, big, tags) VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7)
  RETURNING id, body, meta, at, done, big, tags`;

/** The values of INSERT for a note with only an id and a body. */
const bare = (id: number, body: string) => [id, body, null, null, null, null, null];

describe('named prepared statements on PGlite (wire protocol)', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = await PGlite.create();
    await pg.exec(CREATE);
  });
  afterAll(async () => pg?.close());

  it('returns what query() returns for the same statement and values, with values of many types', async () => {
    const values = (id: number) => [
      id,
      `Ghi chú số ${id} — Đồng Tháp`,
      { procedure: '2.000815', reasons: ['thiếu bản sao'] },
      new Date('2026-02-16T01:30:00.123Z'),
      id % 2 === 0,
      9_007_199_254_740 + id,
      ['một', 'hai'],
    ];
    const named = await queryNamed(pg, 'notes_insert', INSERT, values(1));
    const plain = await pg.query(INSERT, values(2));
    expect(named.rows).toEqual([
      {
        ...(plain.rows[0] as object),
        id: 1,
        body: 'Ghi chú số 1 — Đồng Tháp',
        done: false,
        big: 9_007_199_254_741,
      },
    ]);
    expect(named.fields).toEqual(plain.fields);
    expect(named.affectedRows).toBe(1);
    const withNulls = await queryNamed(pg, 'notes_insert', INSERT, [
      3,
      'x',
      null,
      undefined,
      null,
      null,
      null,
    ]);
    expect(withNulls.rows).toEqual([
      { id: 3, body: 'x', meta: null, at: null, done: null, big: null, tags: null },
    ]);
    // Parsed once: the backend keeps it under its name.
    const kept = await pg.query(`SELECT name FROM pg_prepared_statements WHERE name = 'notes_insert'`);
    expect(kept.rows).toEqual([{ name: 'notes_insert' }]);
  });

  it('reports a database error and leaves the instance usable, inside and outside a transaction', async () => {
    await expect(queryNamed(pg, 'notes_insert', INSERT, bare(1, 'dup'))).rejects.toMatchObject({
      code: '23505',
    });
    // A statement that cannot be parsed is not remembered: the same error again, not "does not exist".
    for (let i = 0; i < 2; i++)
      await expect(queryNamed(pg, 'notes_broken', 'SELEC 1', [])).rejects.toMatchObject({ code: '42601' });
    const inTx = pg.transaction(async () => {
      await queryNamedInTransaction(pg, 'notes_insert', INSERT, bare(10, 'rolled back'));
      await queryNamedInTransaction(pg, 'notes_insert', INSERT, bare(10, 'dup'));
    });
    await expect(inTx).rejects.toMatchObject({ code: '23505' });
    expect((await pg.query('SELECT count(*)::int AS n FROM notes WHERE id = 10')).rows).toEqual([{ n: 0 }]);
    expect((await queryNamed(pg, 'notes_count', 'SELECT count(*)::int AS n FROM notes', [])).rows).toEqual([
      { n: 3 },
    ]);
  });

  it('refuses a second SQL text under one name and a wrong number of values, sending nothing', async () => {
    await expect(queryNamed(pg, 'notes_count', 'SELECT 2 AS n', [])).rejects.toThrow(
      /two different SQL texts/,
    );
    await expect(queryNamed(pg, 'notes_insert', INSERT, [11, 'short'])).rejects.toThrow(
      /2 values for 7 parameters/,
    );
    expect((await pg.query('SELECT count(*)::int AS n FROM notes WHERE id = 11')).rows).toEqual([{ n: 0 }]);
  });

  it('outside a transaction waits for an open transaction instead of running inside it', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let ended = false;
    const tx = pg.transaction(async () => {
      await queryNamedInTransaction(pg, 'notes_insert', INSERT, bare(20, 'rolled back'));
      await held;
      throw new Error('roll back');
    });
    await new Promise((r) => setTimeout(r, 20));
    // Run inside the open transaction, it would count the uncommitted row (4) before the rollback.
    const outside = queryNamed(pg, 'notes_count', 'SELECT count(*)::int AS n FROM notes', []).then((r) => ({
      ended,
      rows: r.rows,
    }));
    await new Promise((r) => setTimeout(r, 20));
    ended = true;
    release();
    await expect(tx).rejects.toThrow('roll back');
    expect(await outside).toEqual({ ended: true, rows: [{ n: 3 }] });
  });
});
