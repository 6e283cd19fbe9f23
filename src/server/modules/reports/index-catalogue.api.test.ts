import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';

/*
 * Decision 766 indicators 1.1, 1.3, 3.5, 3.6, 4.1 and 2.2 (per procedure) against a hand-made fixture,
 * November 2026, report made on 7 December (cut-off: the end of 30 November). Tân Thới's list holds
 * the 20 procedures of data/procedures.json.
 *
 * 1.1 — decisions dated in November (deadline = decision + 5 working days):
 *   2.000815 decided Mon 02/11 (deadline 09/11), posted 05/11         → on time
 *   1.001193 decided 02/11, posted 20/11                              → late
 *   1.000894 decided 02/11, not posted                                → late (deadline passed)
 *   1.004873 decided Fri 27/11 (deadline 04/12), not posted by 30/11 → within time, counted on time
 *   the other 16 decided 30/06/2025 (not in the period)               → not counted
 *   1.1 = 2 / 4 = 50 %
 * 1.3 — posted by the cut-off: 20 − 1.000894, 1.004873 (not posted) − 1.004194 (posted 03/12) = 17;
 *   2.000884 and 2.001008 have no steps → 15 complete; 1.3 = 15 / 17 = 88.24 %
 * 3.5 — procedures with a fee (an amount above 0 or set by the province): 13 of the 20; online
 *   payment integrated for 2.000815, 1.001193, 1.004873 → 3 / 13 = 23.08 %
 * 3.6 — dossiers received in November for 2.000815 (a fee of 2,000 đồng):
 *   D1 paid online, D2 cash, D3 exempted (not counted), D4 no fee recorded (counted, not online)
 *   3.6 = 1 / 3 = 33.33 %
 * 4.1 and 2.2 — D1 settled on 12/11 with a result file, 2 days after receipt: 4.1 = 1 / 1 = 100 %,
 *   2.2 = 2 days, 2.000815 → 2 days.
 */

type Ind = {
  id: string;
  numerator: number;
  denominator: number;
  value: number | null;
  missing?: string;
  unit?: string;
  byProcedure?: Array<{ code: string; settled: number; days: number }>;
};

describe.each(databaseKinds())('Decision 766 catalogue and payment indicators on %s', (kind) => {
  let s: TestServer;
  let now = new Date('2026-11-10T03:00:00Z');
  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => now });
  });
  afterAll(async () => s?.close());

  const receive = async (at: string, fee?: object) => {
    now = new Date(at);
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: await s.login('reception.tan-thoi') },
      payload: intakeBody(fee ? { fee } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().code as string;
  };
  const settlement = async (from: string, to: string, user = 'province.dong-thap', unit = '28693') => {
    now = new Date('2026-12-07T03:00:00Z');
    return s.request({
      url: `/api/v1/reports/settlement?unit=${unit}&from=${from}&to=${to}`,
      headers: { cookie: await s.login(user) },
    });
  };
  const index = async (from: string, to: string) => {
    const res = await settlement(from, to);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return Object.fromEntries((res.json().index766 as Ind[]).map((i) => [i.id, i]));
  };

  it('computes 1.1, 1.3, 3.5, 3.6, 4.1 and 2.2 by hand', async () => {
    // The catalogue as the province published it, and Tân Thới's posting days.
    await s.query(`UPDATE procedures SET publication_decision = '1025/QĐ-UBND', publication_decided_on = '2025-06-30',
      steps = '["Bước 1: Nộp hồ sơ", "Bước 2: Nhận kết quả"]'::jsonb, online_payment = false`);
    await s.query(`UPDATE procedures SET publication_decided_on = '2026-11-02'
      WHERE code IN ('2.000815', '1.001193', '1.000894')`);
    await s.query(`UPDATE procedures SET publication_decided_on = '2026-11-27' WHERE code = '1.004873'`);
    await s.query(`UPDATE procedures SET steps = '[]'::jsonb WHERE code IN ('2.000884', '2.001008')`);
    await s.query(
      `UPDATE procedures SET online_payment = true WHERE code IN ('2.000815', '1.001193', '1.004873')`,
    );
    await s.query(
      `UPDATE unit_procedures SET posted_on = '2025-07-03', posted_where = 'both' WHERE unit_code = '28693'`,
    );
    const post = (code: string, day: string | null) =>
      s.query(
        `UPDATE unit_procedures SET posted_on = $2::date WHERE unit_code = '28693' AND procedure_code = $1`,
        [code, day],
      );
    await post('2.000815', '2026-11-05');
    await post('1.001193', '2026-11-20');
    await post('1.000894', null);
    await post('1.004873', null);
    await post('1.004194', '2026-12-03');
    const fees = await s.query<{ n: number }>(`SELECT count(*)::int AS n FROM procedures WHERE has_fee`);
    expect(Number(fees[0]?.n)).toBe(13);

    const d1 = await receive('2026-11-10T03:00:00Z', { payment: 'online', amount: 2000 });
    await receive('2026-11-11T03:00:00Z', { payment: 'cash', amount: 2000 });
    await receive('2026-11-12T03:00:00Z', { payment: 'not_required' });
    await receive('2026-11-13T03:00:00Z');
    const stored = await s.query<{ fee_payment: string; fee_amount: number }>(
      `SELECT fee_payment, fee_amount FROM dossiers WHERE unit_code = '28693' AND code = $1`,
      [d1],
    );
    expect(stored[0]).toMatchObject({ fee_payment: 'online', fee_amount: 2000 });
    await s.query(
      `UPDATE dossiers SET status = 10, processing_ended_at = '2026-11-12T03:00:00Z', returned_at = '2026-11-12T03:00:00Z',
         result = $2::jsonb, timeliness = 'on_time', version = version + 1
       WHERE unit_code = '28693' AND code = $1`,
      [d1, JSON.stringify({ fileId: crypto.randomUUID(), name: 'Bản sao chứng thực' })],
    );

    const got = await index('2026-11-01', '2026-11-30');
    const pick = (id: string) => {
      const i = got[id];
      return i && [i.numerator, i.denominator, i.value, i.missing];
    };
    expect(pick('1.1')).toEqual([2, 4, 50, undefined]);
    expect(pick('1.3')).toEqual([15, 17, 88.24, undefined]);
    expect(pick('3.5')).toEqual([3, 13, 23.08, undefined]);
    expect(pick('3.6')).toEqual([1, 3, 33.33, undefined]);
    expect(pick('4.1')).toEqual([1, 1, 100, undefined]);
    expect(got['2.2']).toMatchObject({ value: 2, unit: 'days' });
    expect(got['2.2']?.byProcedure).toEqual([{ code: '2.000815', settled: 1, days: 2 }]);
    expect(got['1.2']?.missing).toMatch(/chưa/);
    expect(got['4.3']?.missing).toMatch(/chưa/);

    // The dashboard scores the same index: 3.6's share of group 3 (22 / 5 = 4.4 points) × 33.33 %.
    const dash = await s.request({
      url: '/api/v1/reports/dashboard?province=82&from=2026-11-01&to=2026-11-30',
      headers: { cookie: await s.login('province.dong-thap') },
    });
    expect(dash.statusCode).toBe(200);
    const tanThoi = (
      dash.json().communes as Array<{
        unit: { code: string };
        index766: {
          assumption: string;
          components: Array<{ id: string; value: number | null; points: number | null }>;
        };
      }>
    ).find((c) => c.unit.code === '28693');
    const comp = (id: string) => tanThoi?.index766.components.find((k) => k.id === id);
    expect(comp('3.6')).toMatchObject({ value: 33.33, points: 1.47 });
    expect(comp('1.1')).toMatchObject({ value: 50, points: 2.25 });
    expect(comp('2.2')).toMatchObject({ value: 2, points: null });
    expect(tanThoi?.index766.assumption).toMatch(/Giả định/);
  });

  it('refuses an unsound fee at intake with a stable code and writes nothing', async () => {
    now = new Date('2026-11-20T03:00:00Z');
    const count = async () =>
      Number(
        (await s.query<{ n: number }>(`SELECT count(*)::int AS n FROM dossiers WHERE unit_code = '28693'`))[0]
          ?.n,
      );
    const before = await count();
    for (const payload of [
      intakeBody({ fee: { payment: 'cash' } }),
      intakeBody({ fee: { payment: 'not_required', amount: 2000 } }),
      intakeBody({
        fee: { payment: 'online', amount: 2000 },
        decision: 'refuse',
        reasons: ['Không đúng thẩm quyền'],
      }),
    ]) {
      const res = await s.request({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: { cookie: await s.login('reception.tan-thoi') },
        payload,
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().detail).toMatch(/phí/);
    }
    const bad = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: await s.login('reception.tan-thoi') },
      payload: intakeBody({ fee: { payment: 'card', amount: 2000 } }),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect(await count()).toBe(before);
  });

  it('says "no data" for every indicator of a year with no data, never 0 and never a 500', async () => {
    const year = await index('2019-01-01', '2019-12-31');
    expect(Object.keys(year)).toHaveLength(20);
    for (const i of Object.values(year)) {
      expect(i.value, i.id).toBeNull();
      expect(i.missing, i.id).toBeTruthy();
      expect([i.numerator, i.denominator], i.id).toEqual([0, 0]);
    }
    expect(year['3.1']?.missing).toBe('Không có dữ liệu trong kỳ');
    const dash = await s.request({
      url: '/api/v1/reports/dashboard?province=82&from=2019-01-01&to=2019-12-31',
      headers: { cookie: await s.login('province.dong-thap') },
    });
    expect(dash.statusCode).toBe(200);
    for (const c of dash.json().communes as Array<{
      rank: number;
      index766: {
        score: number;
        components: Array<{ id: string; value: number | null; points: number | null }>;
      };
    }>) {
      expect(c.index766.score).toBe(0);
      expect(c.rank).toBe(1);
      for (const k of c.index766.components) expect([k.id, k.value, k.points]).toEqual([k.id, null, null]);
    }
  });

  it('refuses a period ending before it starts and a commune outside the caller’s scope', async () => {
    const reversed = await settlement('2026-11-30', '2026-11-01');
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().code).toBe('VALIDATION_FAILED');
    expect(reversed.json().detail ?? reversed.json().title).toMatch(/ngày/i);
    const outside = await settlement('2026-11-01', '2026-11-30', 'reception.tan-thoi', '28696');
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('FORBIDDEN');
    expect(outside.json().detail).toMatch(/quyền/);
  });

  it('records a publication (administrator) and a posting (the commune’s leader) through the API, refusing bad input', async () => {
    now = new Date('2026-12-07T03:00:00Z');
    const put = async (user: string, url: string, payload: object) =>
      s.request({ method: 'PUT', url, headers: { cookie: await s.login(user) }, payload });
    const publication = {
      decision: '1388/QĐ-UBND',
      decidedOn: '2026-11-02',
      steps: ['Bước 1: Nộp hồ sơ', 'Bước 2: Nhận kết quả'],
      onlinePayment: true,
    };
    // 2.000884 had no steps and no online payment: now it has both.
    const saved = await put('admin', '/api/v1/procedures/2.000884/publication', publication);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      code: '2.000884',
      hasFee: true,
      onlinePayment: true,
      missingParts: [],
    });
    const refused = await put('leader.tan-thoi', '/api/v1/procedures/2.000884/publication', publication);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    const future = await put('admin', '/api/v1/procedures/2.000884/publication', {
      ...publication,
      decidedOn: '2027-01-05',
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().code).toBe('VALIDATION_FAILED');
    const unknown = await put('admin', '/api/v1/procedures/9.999999/publication', publication);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('PROCEDURE_NOT_FOUND');

    // The leader posts it for Tân Thới on 04/11 (within 5 working days of 02/11); not before the decision,
    // not for a neighbouring commune.
    const posting = { postedOn: '2026-11-04', postedWhere: 'both' };
    const early = await put('leader.tan-thoi', '/api/v1/procedures/2.000884/posting?unit=28693', {
      ...posting,
      postedOn: '2026-10-30',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().detail).toMatch(/trước ngày quyết định/);
    const neighbour = await put('leader.tan-thoi', '/api/v1/procedures/2.000884/posting?unit=28696', posting);
    expect(neighbour.statusCode).toBe(403);
    expect(neighbour.json().code).toBe('FORBIDDEN');
    const posted = await put('leader.tan-thoi', '/api/v1/procedures/2.000884/posting?unit=28693', posting);
    expect(posted.statusCode, posted.body).toBe(200);
    const rows = await s.query<{ posted_on: string; posted_where: string }>(
      `SELECT posted_on::text AS posted_on, posted_where FROM unit_procedures WHERE unit_code = '28693' AND procedure_code = '2.000884'`,
    );
    expect(rows[0]).toEqual({ posted_on: '2026-11-04', posted_where: 'both' });

    // By hand after the change: 1.1 = (2 + 2.000884) / 5 = 60 %; 1.3 = 16 / 17 = 94.12 %; 3.5 = 4 / 13 = 30.77 %.
    const got = await index('2026-11-01', '2026-11-30');
    expect([got['1.1']?.numerator, got['1.1']?.denominator, got['1.1']?.value]).toEqual([3, 5, 60]);
    expect([got['1.3']?.numerator, got['1.3']?.denominator, got['1.3']?.value]).toEqual([16, 17, 94.12]);
    expect([got['3.5']?.numerator, got['3.5']?.denominator, got['3.5']?.value]).toEqual([4, 13, 30.77]);
  });
});
