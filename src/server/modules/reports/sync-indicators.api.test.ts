import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';

/*
 * Decision 766 indicators 1.4 (dossiers synchronised to DVCQG) and 4.5 (population data) against a
 * hand-made fixture. Tân Thới receives A, B, C in November 2026 and D in October:
 *   A: every portal message delivered in November; a lookup found its applicant   → synced, population
 *   B: only its first portal message delivered; the lookup found nobody          → —, —
 *   C: its last portal message delivered on 2 December (after the cut-off, 30/11); lookup unavailable → —, —
 *   D: received in October (outside the period), everything delivered, found     → not counted
 * By hand: 1.4 = 1 / 3 = 33.33 %, 4.5 = 1 / 3 = 33.33 %.
 */

type Ind = {
  id: string;
  name: string;
  formulaVi: string;
  numerator: number;
  denominator: number;
  value: number | null;
  missing?: string;
};

describe.each(databaseKinds())('Decision 766 sync indicators on %s', (kind) => {
  let s: TestServer;
  let now = new Date('2026-11-10T03:00:00Z');
  beforeAll(async () => {
    // A portal link is configured (so receipts queue portal messages); no worker runs here.
    s = await createTestServer(kind, { now: () => now, env: { MOTCUA_PORTAL_URL: 'http://127.0.0.1:9' } });
  });
  afterAll(async () => s?.close());

  const receive = async (at: string) => {
    now = new Date(at);
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: await s.login('reception.tan-thoi') },
      payload: intakeBody(),
    });
    expect(res.statusCode).toBe(201);
    return res.json().code as string;
  };
  const lookup = (code: string, outcome: string, at: string) =>
    s.query(
      `INSERT INTO population_lookups (unit_code, id, officer_id, officer_username, purpose, dossier_code, request_id, outcome, looked_up_at)
       VALUES ('28693', gen_random_uuid(), gen_random_uuid(), 'reception.tan-thoi', 'Tiếp nhận hồ sơ', $1, 'r', $2, $3)`,
      [code, outcome, at],
    );
  const index = async (unit: string) => {
    now = new Date('2026-12-07T03:00:00Z');
    const res = await s.request({
      method: 'GET',
      url: `/api/v1/reports/settlement?unit=${unit}&from=2026-11-01&to=2026-11-30`,
      headers: { cookie: await s.login('province.dong-thap') },
    });
    expect(res.statusCode).toBe(200);
    return Object.fromEntries((res.json().index766 as Ind[]).map((i) => [i.id, i]));
  };

  it('says "chưa thu thập" before any synchronisation or lookup, then computes 1.4 and 4.5 by hand', async () => {
    const before = await index('28693');
    expect(before['1.4']?.missing).toMatch(/chưa/);
    expect(before['4.5']?.missing).toMatch(/chưa/);

    const d = await receive('2026-10-20T03:00:00Z');
    const a = await receive('2026-11-10T03:00:00Z');
    const b = await receive('2026-11-11T03:00:00Z');
    const c = await receive('2026-11-12T03:00:00Z');
    const messages = await s.query<{ dossier_code: string; n: number }>(
      `SELECT dossier_code, count(*)::int AS n FROM outbox WHERE kind = 'portal' GROUP BY 1 ORDER BY 1`,
    );
    expect(messages.map((m) => m.dossier_code).sort()).toEqual([a, b, c, d].sort());
    expect(messages.every((m) => m.n >= 2)).toBe(true);
    // Delivery times are computed from rows read first, then set row by row: Citus refuses an UPDATE
    // of a distributed table calling a STABLE function (timestamptz + interval) on a column.
    type Pick = (seq: number, first: number, last: number) => 'a minute later' | 'on 2 December' | null;
    const deliver = async (code: string, onlyPortal: boolean, pick: Pick) => {
      const rows = await s.query<{ unit_code: string; id: string; seq: string; created_at: Date }>(
        `SELECT unit_code, id, seq::text AS seq, created_at FROM outbox
          WHERE dossier_code = $1 AND ($2::boolean IS FALSE OR kind = 'portal') ORDER BY seq`,
        [code, onlyPortal],
      );
      const seqs = rows.map((r) => Number(r.seq));
      for (const r of rows) {
        const when = pick(Number(r.seq), Math.min(...seqs), Math.max(...seqs));
        if (when === null) continue;
        const at =
          when === 'on 2 December'
            ? new Date('2026-12-02T00:00:00Z')
            : new Date(new Date(r.created_at).getTime() + 60_000);
        await s.query(`UPDATE outbox SET sent_at = $3::timestamptz WHERE unit_code = $1 AND id = $2`, [
          r.unit_code,
          r.id,
          at.toISOString(),
        ]);
      }
    };
    await deliver(a, false, () => 'a minute later');
    await deliver(d, false, () => 'a minute later');
    await deliver(b, true, (seq, first) => (seq === first ? 'a minute later' : null));
    await deliver(c, true, (seq, _first, last) => (seq === last ? 'on 2 December' : 'a minute later'));
    await lookup(a, 'found', '2026-11-10T02:55:00Z');
    await lookup(b, 'not_found', '2026-11-11T02:55:00Z');
    await lookup(c, 'unavailable', '2026-11-12T02:55:00Z');
    await lookup(d, 'found', '2026-10-20T02:55:00Z');

    const got = await index('28693');
    const figures = (id: string) => [
      got[id]?.numerator,
      got[id]?.denominator,
      got[id]?.value,
      got[id]?.missing,
    ];
    expect(figures('1.4')).toEqual([1, 3, 33.33, undefined]);
    expect(figures('4.5')).toEqual([1, 3, 33.33, undefined]);
    expect(got['1.4']?.name).toBe('Tỷ lệ hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia');
    expect(got['4.5']?.formulaVi).toMatch(/CSDL quốc gia về dân cư/);

    // C's last message delivered in November instead: C is synchronised at the cut-off too.
    await s.query(
      `UPDATE outbox SET sent_at = '2026-11-29T00:00:00Z' WHERE dossier_code = $1 AND sent_at = '2026-12-02T00:00:00Z'`,
      [c],
    );
    expect((await index('28693'))['1.4']?.value).toBe(66.67);
    // A commune that never synchronised nor looked anyone up still says "chưa thu thập".
    const other = await index('28696');
    expect(other['1.4']?.missing).toMatch(/chưa/);
    expect(other['4.5']?.missing).toMatch(/chưa/);
  });
});
