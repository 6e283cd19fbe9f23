import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandInProcess, startStandInProcess } from '../../../standins/spawn.ts';
import { LinkError } from '../../lib/http-link.ts';
import { createTestServer, databaseKinds, type TestServer } from '../../test-support/harness.ts';
import { deliverDue } from '../integration/outbox.ts';
import { fetchInboundOnlineDossiers, startInboundScheduler } from './inbound.ts';
import { countInbound } from './repository.ts';

/*
 * The inbound fetch of online dossiers (status 1) from the portal stand-in process, on both databases:
 * into the same online queue the citizen portal feeds, once each under duplicate deliveries and
 * parallel fetches; then reception decides on them and the portal hears the statuses back.
 */

let portal: StandInProcess;
beforeAll(async () => {
  portal = await startStandInProcess('portal');
});
afterAll(async () => portal?.stop());

interface Received {
  call: string;
  MaHoSo: string;
  TrangThai?: number;
}

describe.each(databaseKinds())('inbound online dossiers on %s', (kind) => {
  let s: TestServer;
  let reception: string;
  const clock = new Date('2026-01-05T04:00:00Z');
  beforeAll(async () => {
    s = await createTestServer(kind, {
      now: () => clock,
      env: { MOTCUA_PORTAL_URL: portal.url, MOTCUA_LINK_TIMEOUT_MS: '20000' },
    });
    reception = await s.login('reception.tan-thoi');
  });
  afterAll(async () => s?.close());

  const onlineQueue = async () =>
    (await s.request({ url: '/api/v1/queues/online', headers: { cookie: reception } })).json()
      .items as Array<{
      code: string;
      applicantName: string;
      status: number;
    }>;
  const fromPortal = () =>
    s.query<{ code: string; portal_id: string; portal_code: string; status: number }>(
      `SELECT code, portal_id, portal_code, status FROM dossiers WHERE unit_code = '28693' AND portal_id IS NOT NULL ORDER BY portal_id`,
    );
  const drain = async () => {
    for (let i = 0; i < 10; i++) {
      const r = await deliverDue(s.database.db, { senders: {}, portal: s.ctx.links.portal, batch: 100 });
      if (r.sent === 0 && r.failed === 0) return;
    }
  };

  it('puts each portal dossier once into the online queue, through duplicate deliveries and parallel fetches', async () => {
    await portal.reset();
    await portal.setFaults({ mode: 'duplicate' });
    const both = await Promise.all([
      fetchInboundOnlineDossiers(s.ctx, '28693'),
      fetchInboundOnlineDossiers(s.ctx, '28693'),
      fetchInboundOnlineDossiers(s.ctx, '28693'),
    ]);
    expect(both.map((r) => r.received)).toEqual([4, 4, 4]);
    expect(both.reduce((n, r) => n + r.added, 0)).toBe(2);
    expect(both.reduce((n, r) => n + r.queued, 0)).toBe(2);
    const again = await fetchInboundOnlineDossiers(s.ctx, '28693');
    expect(again).toMatchObject({ received: 4, added: 0, duplicates: 4, invalid: 0, queued: 0 });
    await portal.clearFaults();

    expect(await countInbound(s.ctx.db, '28693')).toBe(2);
    const mine = await fromPortal();
    expect(mine.map((d) => [d.portal_id, d.portal_code, d.status])).toEqual([
      ['DVCQG-2026-000184532', 'G22.82-260105-000311', 1],
      ['DVCQG-2026-000184977', 'G22.82-260105-000318', 1],
    ]);
    // The same queue as the citizen portal's, numbered by the commune like any other dossier.
    const queue = await onlineQueue();
    for (const d of mine) expect(queue.map((q) => q.code)).toContain(d.code);
    expect(mine.every((d) => /^H82\.\S+-260105-\d{4}$/.test(d.code))).toBe(true);
    // Another commune's queue holds only its own.
    await fetchInboundOnlineDossiers(s.ctx, '28696');
    expect(await countInbound(s.ctx.db, '28696')).toBe(1);
    expect(await countInbound(s.ctx.db, '28693')).toBe(2);
  });

  it("follows motcua's lifecycle: reception accepts or refuses, and the portal hears it under its own code", async () => {
    const [first, second] = await fromPortal();
    const act = (code: string, payload: Record<string, unknown>) =>
      s.request({
        method: 'POST',
        url: `/api/v1/dossiers/${code}/actions`,
        headers: { cookie: reception },
        payload,
      });
    expect((await act(first!.code, { action: 'accept' })).statusCode).toBe(200);
    expect(
      (await act(second!.code, { action: 'refuse', reason: 'Không thuộc thẩm quyền của xã' })).statusCode,
    ).toBe(200);
    await drain();
    const state = await portal.state<{ received: Received[]; duplicates: unknown[]; online: number }>();
    const statuses = (code: string) =>
      state.received
        .filter((r) => r.MaHoSo === code && r.call !== 'progress')
        .map((r) => [r.call, r.TrangThai]);
    // The hand-over's copy (status 1), then the decision and the refreshed dossier.
    expect(statuses(first!.portal_code)).toEqual([
      ['dossier', 1],
      ['status', 2],
      ['dossier', 2],
    ]);
    expect(statuses(second!.portal_code)).toEqual([
      ['dossier', 1],
      ['status', 3],
      ['dossier', 3],
    ]);
    // Nothing went out under motcua's own code, and the portal no longer lists them as waiting.
    expect(state.received.filter((r) => r.MaHoSo === first!.code)).toEqual([]);
    expect(state.duplicates).toEqual([]);
    expect(state.online).toBe(1);
    expect((await onlineQueue()).map((q) => q.code)).not.toContain(first!.code);
    const view = await s.request({ url: `/api/v1/dossiers/${first!.code}`, headers: { cookie: reception } });
    expect(view.json().sync).toMatchObject({ state: 'synced' });
  });

  it('an administrator fetches now through the API; the scheduler fetches every commune by itself', async () => {
    const fetchNow = (cookie: string, payload: Record<string, unknown>) =>
      s.request({ method: 'POST', url: '/api/v1/integration/portal/fetch', headers: { cookie }, payload });
    const refused = await fetchNow(reception, { unitCode: '28693' });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    const admin = await s.login('admin');
    expect((await fetchNow(admin, { unitCode: '99999' })).statusCode).toBe(404);
    const now = await fetchNow(admin, { unitCode: '28693' });
    expect(now.statusCode, now.body).toBe(200);
    expect(now.json().results).toEqual([
      { unitCode: '28693', result: expect.objectContaining({ received: 0, queued: 0 }) },
    ]);

    await portal.reset();
    const results = await new Promise<Array<{ unitCode: string; result?: { queued: number } }>>(
      (resolve, reject) => {
        const scheduler = startInboundScheduler(s.ctx, {
          intervalMs: 50,
          onError: reject,
          onResult: (r) => {
            void scheduler.stop();
            resolve(r as Array<{ unitCode: string; result?: { queued: number } }>);
          },
        });
      },
    );
    // After a reset the portal lists the three again: those motcua has are not queued twice.
    expect(results.find((r) => r.unitCode === '28693')?.result?.queued).toBe(0);
    expect(results.find((r) => r.unitCode === '28696')?.result?.queued).toBe(0);
    expect(await countInbound(s.ctx.db, '28693')).toBe(2);
  });

  it('a failing portal stores nothing and says whether to retry', async () => {
    await portal.setFaults({ mode: 'status', status: 503 });
    await expect(fetchInboundOnlineDossiers(s.ctx, '28261')).rejects.toMatchObject({ retryable: true });
    await portal.setFaults({ mode: 'malformed' });
    const err = await fetchInboundOnlineDossiers(s.ctx, '28261').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LinkError);
    expect((err as LinkError).retryable).toBe(false);
    await portal.clearFaults();
    expect(await countInbound(s.ctx.db, '28261')).toBe(0);
  });

  it('lists the dossiers that wait because the catalogue lacks their procedure, with the reason, to their commune and the administrator', async () => {
    // A portal dossier of a procedure the commune's catalogue does not list (as a fetch stores it).
    const payload = {
      IdHoSoCong: 'DVCQG-2026-UNKNOWN-1',
      MaHoSo: 'G22.82-260105-000999',
      MaTTHC: '9.999999',
      TenTTHC: 'Thủ tục không có trong danh mục',
      MaDonVi: '28693',
      ChuHoSo: 'Người nộp',
      NgayNopHoSo: '20260105090000',
    };
    await s.query(
      `INSERT INTO inbound_online_dossiers (unit_code, portal_id, portal_code, procedure_code, applicant_name, payload, submitted_at, fetched_at)
       VALUES ('28693', $1, $2, $3, $4, $5::jsonb, '2026-01-05T02:00:00Z', '2026-01-05T03:00:00Z')`,
      [payload.IdHoSoCong, payload.MaHoSo, payload.MaTTHC, payload.ChuHoSo, JSON.stringify(payload)],
    );
    const url = '/api/v1/integration/portal/unmatched?unitCode=28693';
    const mine = await s.request({ url, headers: { cookie: reception } });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items).toEqual([
      {
        portalId: 'DVCQG-2026-UNKNOWN-1',
        portalCode: 'G22.82-260105-000999',
        procedureCode: '9.999999',
        procedureName: 'Thủ tục không có trong danh mục',
        portalUnitCode: '28693',
        // Not yet anybody's dossier: the name is masked.
        applicantName: 'Người n***',
        submittedAt: '2026-01-05T02:00:00.000Z',
        fetchedAt: '2026-01-05T03:00:00.000Z',
        reason: 'unknown_procedure',
      },
    ]);
    // The hand-over leaves it waiting (nothing in the online queue under its code).
    expect((await fromPortal()).map((d) => d.portal_id)).not.toContain('DVCQG-2026-UNKNOWN-1');
    const admin = await s.login('admin');
    expect((await s.request({ url, headers: { cookie: admin } })).json().items).toHaveLength(1);
    // Another commune's officer, and a specialist, may not see it.
    const other = await s.login('reception.tan-phu-dong');
    expect((await s.request({ url, headers: { cookie: other } })).statusCode).toBe(403);
    const specialist = await s.login('specialist.tan-thoi');
    expect((await s.request({ url, headers: { cookie: specialist } })).statusCode).toBe(403);
    const unknownUnit = await s.request({
      url: '/api/v1/integration/portal/unmatched?unitCode=99999',
      headers: { cookie: admin },
    });
    expect(unknownUnit.statusCode).toBe(404);
    expect(unknownUnit.json().code).toBe('NOT_FOUND');
    // Another commune's own list is empty.
    const theirs = await s.request({
      url: '/api/v1/integration/portal/unmatched?unitCode=28696',
      headers: { cookie: other },
    });
    expect(theirs.json().items).toEqual([]);
  });
});
