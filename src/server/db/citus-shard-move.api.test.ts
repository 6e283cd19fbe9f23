import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../test-support/harness.ts';

/*
 * A commune moved to another shard during load (issue 17, "Bad input"). Intakes of Tân Thới run from
 * several concurrent loops; on Citus the test moves Tân Thới's shard group (its dossiers shard and every
 * co-located shard: book, audit events, counters, rollup…) to the other worker with
 * `citus_move_shard_placement(…, 'block_writes')` while they run (the cluster runs with wal_level =
 * replica, so the logical modes are not available). Every intake is answered 201 or a clear problem
 * (Vietnamese title, stable code), nothing is lost (one dossier, one book row, one intake event per 201
 * and nothing else), the numbering has no gap, and the commune is read from its new node afterwards.
 * On PostgreSQL and PGlite nothing moves: the same concurrent intakes must all land, gapless.
 */
describe.each(databaseKinds())('a commune moved to another shard during intake on %s', (kind) => {
  let s: TestServer;
  let cookie: string;
  const clock = new Date('2025-08-04T02:00:00Z');
  const unit = '28693';
  const placement = async () =>
    (
      await s.query<{ shardid: string; nodename: string; nodeport: number }>(
        `SELECT p.shardid::text, n.nodename, n.nodeport FROM pg_dist_placement p JOIN pg_dist_node n ON n.groupid = p.groupid
         WHERE p.shardid = get_shard_id_for_distribution_column('dossiers', $1::text)`,
        [unit],
      )
    )[0]!;

  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => clock });
    cookie = await s.login('reception.tan-thoi');
  });
  afterAll(async () => s?.close());

  it('answers every intake 201 or a clear problem, loses nothing, keeps the numbering and reads from the new node', async () => {
    const answers: Array<{ status: number; body: Record<string, unknown>; sent: number; answered: number }> =
      [];
    let moveStart = Number.POSITIVE_INFINITY;
    let moveEnd = Number.POSITIVE_INFINITY;
    let moved = kind !== 'citus';
    let moveError: unknown;
    const intakeLoop = async (afterMove: number) => {
      let left = afterMove;
      while (left > 0) {
        const sent = performance.now();
        const res = await s.request({
          method: 'POST',
          url: '/api/v1/dossiers',
          payload: intakeBody(),
          headers: { cookie },
        });
        answers.push({ status: res.statusCode, body: res.json(), sent, answered: performance.now() });
        if (moved) left--;
      }
    };
    // The commune's day list, read over and over until the move is done (once at least).
    const reads: Array<{ status: number; sent: number; answered: number }> = [];
    const readLoop = async () => {
      do {
        const sent = performance.now();
        const res = await s.request({ url: '/api/v1/dossiers?date=2025-08-04', headers: { cookie } });
        reads.push({ status: res.statusCode, sent, answered: performance.now() });
      } while (!moved);
    };
    const loops = [...Array.from({ length: 4 }, () => intakeLoop(kind === 'citus' ? 3 : 8)), readLoop()];
    let before: Awaited<ReturnType<typeof placement>> | undefined;
    let after: Awaited<ReturnType<typeof placement>> | undefined;
    if (kind === 'citus') {
      before = await placement();
      const [target] = await s.query<{ nodename: string; nodeport: number }>(
        `SELECT nodename, nodeport FROM pg_dist_node
         WHERE noderole = 'primary' AND shouldhaveshards AND groupid > 0 AND nodeport <> $1 ORDER BY nodeport LIMIT 1`,
        [before.nodeport],
      );
      expect(target, 'a second worker to move to').toBeDefined();
      // Let some intakes land on the old node first.
      while (answers.length < 6) await new Promise((r) => setTimeout(r, 20));
      try {
        moveStart = performance.now();
        await s.query(
          `SELECT citus_move_shard_placement($1::bigint, $2, $3, $4, $5, shard_transfer_mode := 'block_writes')`,
          [before.shardid, before.nodename, before.nodeport, target!.nodename, target!.nodeport],
        );
        moveEnd = performance.now();
        after = await placement();
      } catch (err) {
        moveError = err;
      } finally {
        moved = true;
      }
    }
    await Promise.all(loops);
    expect(reads.map((r) => r.status).filter((st) => st !== 200)).toEqual([]);
    expect(moveError).toBeUndefined();
    if (kind === 'citus') {
      expect(after!.shardid, 'the same shard').toBe(before!.shardid);
      expect(after!.nodeport, 'now on the other worker').not.toBe(before!.nodeport);
      // The co-located shards moved with it: every shard of the group is on the new node.
      const [group] = await s.query<{ shards: number; elsewhere: number }>(
        `SELECT count(*)::int AS shards, count(*) FILTER (WHERE n.nodeport <> $2)::int AS elsewhere
         FROM pg_dist_partition dp
         CROSS JOIN LATERAL get_shard_id_for_distribution_column(dp.logicalrelid, $1::text) AS s(shardid)
         JOIN pg_dist_placement p ON p.shardid = s.shardid JOIN pg_dist_node n ON n.groupid = p.groupid
         WHERE dp.colocationid = (SELECT colocationid FROM pg_dist_partition WHERE logicalrelid = 'dossiers'::regclass)`,
        [unit, after!.nodeport],
      );
      expect(group!.shards).toBeGreaterThan(5);
      expect(group!.elsewhere).toBe(0);
      // Intakes were under way while the shard moved: sent before it was done, answered after it began.
      const during = answers.filter((a) => a.sent < moveEnd && a.answered > moveStart);
      expect(during.length).toBeGreaterThan(0);
      // Reads are not blocked by the copy.
      const readsDuring = reads.filter((r) => r.sent > moveStart && r.answered < moveEnd).length;
      expect(readsDuring).toBeGreaterThan(0);
      console.log(
        `move ${(moveEnd - moveStart).toFixed(0)} ms; ${answers.length} intakes, ${during.length} in flight during the move; ${reads.length} reads, ${readsDuring} of them sent and answered during the move; statuses ${answers.map((a) => a.status).join(' ')}`,
      );
    }

    // Every answer is a 201 or a problem that says what happened.
    const created = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status !== 201);
    // Writes to the moving group wait for the switch-over (block_writes) and then go to the new node; were
    // one refused, it must be a retryable 503 naming what happened, never a 500.
    for (const r of refused) {
      expect(r.status, JSON.stringify(r.body)).toBe(503);
      expect(['DATABASE_NODE_UNAVAILABLE', 'INTAKE_BUSY']).toContain(r.body.code);
      expect(String(r.body.title)).toMatch(/[ạảãáàăằắẳẵặâầấẩẫậđêềếểễệôồốổỗộơờớởỡợưừứửữự]/);
    }
    if (kind !== 'citus') expect(refused).toEqual([]);
    expect(created.length).toBeGreaterThan(10);

    // Nothing lost, nothing half-written: one dossier, one book row, one intake event per 201, no more.
    const codes = created.map((a) => String(a.body.code)).sort();
    const [rows] = await s.query<{ dossiers: number; book: number; audit: number }>(
      `SELECT
         (SELECT count(*)::int FROM dossiers WHERE unit_code = $1 AND received_at = $2) AS dossiers,
         (SELECT count(*)::int FROM tracking_book WHERE unit_code = $1 AND received_at = $2) AS book,
         (SELECT count(*)::int FROM audit_events WHERE unit_code = $1 AND action = 'intake' AND at = $2) AS audit`,
      [unit, clock],
    );
    expect(rows).toEqual({ dossiers: codes.length, book: codes.length, audit: codes.length });
    const stored = await s.query<{
      code: string;
      book_number: number;
      book_code: string | null;
      events: number;
    }>(
      `SELECT d.code, d.book_number, b.dossier_code AS book_code,
         (SELECT count(*)::int FROM audit_events a WHERE a.unit_code = d.unit_code AND a.dossier_code = d.code) AS events
       FROM dossiers d LEFT JOIN tracking_book b
         ON b.unit_code = d.unit_code AND b.volume = d.book_volume AND b.number = d.book_number
       WHERE d.unit_code = $1 AND d.received_at = $2 ORDER BY d.code`,
      [unit, clock],
    );
    expect(stored.map((r) => r.code)).toEqual(codes);
    for (const r of stored) {
      expect(r.book_code, `${r.code}: its tracking-book line`).toBe(r.code);
      expect(r.events, `${r.code}: its intake event`).toBe(1);
    }
    // The day's numbering and the book's numbering have no gap and no duplicate.
    const seqs = codes.map((c) => Number(c.split('-').at(-1))).sort((a, b) => a - b);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    expect(seqs[0]).toBe(1);
    const books = stored.map((r) => Number(r.book_number)).sort((a, b) => a - b);
    expect(books).toEqual(books.map((_, i) => books[0]! + i));

    // The commune is read (from its new node on Citus) and receives the next number.
    const list = await s.request({ url: '/api/v1/dossiers?date=2025-08-04', headers: { cookie } });
    expect(list.statusCode, list.body).toBe(200);
    expect((list.json().items as Array<{ code: string }>).map((d) => d.code).sort()).toEqual(codes);
    const one = await s.request({ url: `/api/v1/dossiers/${codes[0]}`, headers: { cookie } });
    expect(one.statusCode, one.body).toBe(200);
    const next = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: intakeBody(),
      headers: { cookie },
    });
    expect(next.statusCode, next.body).toBe(201);
    expect(Number(String(next.json().code).split('-').at(-1))).toBe(seqs.at(-1)! + 1);
  });
});
