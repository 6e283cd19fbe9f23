import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { score766 } from '../../../domain/reports/score-766.ts';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';

/*
 * Decision 766 indicators 2.2 and 4.1 and the ranking of communes by the index, against a hand-made
 * fixture. November 2026, report made on 7 December:
 *   Tân Thới   A received 10/11 03:00, result file attached, processing ended 2 days later  → settled, electronic
 *              B received 11/11 03:00, result without a file, ended 3 days 12 h later, paused 1 day → settled
 *              C received 12/11 03:00, still in process
 *   Tân Phú Đông  D received 10/11 03:00, still in process
 * By hand, Tân Thới: 4.1 = 1 / 2 = 50 %, 2.2 = (2 + 2.5) / 2 = 2.25 days; Tân Phú Đông: 4.1 and 2.2
 * have no settled dossier (null). Tân Thới ranks above Tân Phú Đông (it has settled dossiers, the
 * other has none), and every rank follows the score.
 */

type Component = { id: string; value: number | null; points: number | null; max: number; unit?: string };
type Commune = {
  unit: { code: string; name: string };
  rank: number;
  index766: { score: number; attainable: number; components: Component[]; groups: { points: number }[] };
};

describe.each(databaseKinds())('Decision 766 ranking on the province dashboard, on %s', (kind) => {
  let s: TestServer;
  let now = new Date('2026-11-10T03:00:00Z');
  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => now });
  });
  afterAll(async () => s?.close());

  const receive = async (user: string, at: string) => {
    now = new Date(at);
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: await s.login(user) },
      payload: intakeBody(),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().code as string;
  };
  const settle = (code: string, status: number, ended: string, paused: number, result: object) =>
    s.query(
      `UPDATE dossiers SET status = $2::smallint, processing_ended_at = $3::timestamptz,
         returned_at = CASE WHEN $2::smallint = 10 THEN $3::timestamptz END, paused_minutes = $4, result = $5::jsonb,
         timeliness = 'on_time', version = version + 1
       WHERE unit_code = '28693' AND code = $1`,
      [code, status, ended, paused, JSON.stringify(result)],
    );
  const dashboard = async () => {
    now = new Date('2026-12-07T03:00:00Z');
    const res = await s.request({
      url: '/api/v1/reports/dashboard?province=82&from=2026-11-01&to=2026-11-30',
      headers: { cookie: await s.login('province.dong-thap') },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json().communes as Commune[];
  };

  it('computes 2.2 and 4.1 by hand and ranks the communes by their index score', async () => {
    const a = await receive('reception.tan-thoi', '2026-11-10T03:00:00Z');
    const b = await receive('reception.tan-thoi', '2026-11-11T03:00:00Z');
    await receive('reception.tan-thoi', '2026-11-12T03:00:00Z');
    await receive('reception.tan-phu-dong', '2026-11-10T03:00:00Z');
    await settle(a, 10, '2026-11-12T03:00:00Z', 0, { fileId: crypto.randomUUID(), name: 'Giấy xác nhận' });
    await settle(b, 9, '2026-11-14T15:00:00Z', 1440, { name: 'Giấy xác nhận' });

    const communes = await dashboard();
    const tanThoi = communes.find((c) => c.unit.code === '28693');
    const tanPhuDong = communes.find((c) => c.unit.name.includes('Tân Phú Đông'));
    if (!tanThoi || !tanPhuDong) throw new Error('communes missing from the dashboard');
    const comp = (c: Commune, id: string) => c.index766.components.find((k) => k.id === id);
    expect(comp(tanThoi, '4.1')).toMatchObject({ value: 50 });
    expect(comp(tanThoi, '2.2')).toMatchObject({ value: 2.25, unit: 'days', points: null });
    expect(comp(tanPhuDong, '4.1')?.value).toBeNull();
    expect(comp(tanPhuDong, '2.2')?.value).toBeNull();
    // 4.1 earns half its share (4.4 points × 50 %).
    expect(comp(tanThoi, '4.1')?.points).toBe(2.2);

    // The ranking: listed by rank, rank 1 first, each rank follows the score (equal scores, equal rank).
    expect(communes.map((c) => c.rank)).toEqual([...communes.map((c) => c.rank)].sort((x, y) => x - y));
    expect(communes[0]?.rank).toBe(1);
    for (const [k, c] of communes.entries()) {
      const prev = communes[k - 1];
      if (prev) {
        expect(prev.index766.score).toBeGreaterThanOrEqual(c.index766.score);
        expect(c.rank).toBe(prev.index766.score === c.index766.score ? prev.rank : k + 1);
      }
      const sum = c.index766.groups.reduce((n, g) => n + g.points, 0);
      expect(Math.abs(sum - c.index766.score)).toBeLessThan(0.03);
    }
    expect(tanThoi.rank).toBeLessThan(tanPhuDong.rank);
    expect(tanThoi.index766.score).toBeGreaterThan(tanPhuDong.index766.score);
    // The score is the Decision's score of the commune's own index (II.06a's index766).
    const res = await s.request({
      url: '/api/v1/reports/settlement?unit=28693&from=2026-11-01&to=2026-11-30',
      headers: { cookie: await s.login('province.dong-thap') },
    });
    expect(score766(res.json().index766).score).toBe(tanThoi.index766.score);
  });

  it('refuses a period ending before it starts and a province outside the caller’s scope, in Vietnamese', async () => {
    const reversed = await s.request({
      url: '/api/v1/reports/dashboard?province=82&from=2026-11-30&to=2026-11-01',
      headers: { cookie: await s.login('province.dong-thap') },
    });
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().code).toBe('VALIDATION_FAILED');
    expect(reversed.json().detail ?? reversed.json().title).toMatch(
      /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i,
    );
    const outside = await s.request({
      url: '/api/v1/reports/settlement?unit=28696&from=2026-11-01&to=2026-11-30',
      headers: { cookie: await s.login('reception.tan-thoi') },
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('FORBIDDEN');
  });
});
