import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandInProcess, startStandInProcess } from '../../../standins/spawn.ts';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';
import { deliverDue } from './outbox.ts';

/* Outbound synchronisation with the portal stand-in process: order per dossier, exactly once, dead letters. */

let portal: StandInProcess;
beforeAll(async () => {
  portal = await startStandInProcess('portal');
});
afterAll(async () => portal?.stop());

interface Received {
  call: string;
  MaHoSo: string;
  MaSuKien: string;
  TrangThai?: number;
}

describe.each(databaseKinds())('portal synchronisation on %s', (kind) => {
  let s: TestServer;
  let clock = new Date('2026-01-05T02:00:00Z');
  beforeAll(async () => {
    s = await createTestServer(kind, {
      now: () => clock,
      env: { MOTCUA_PORTAL_URL: portal.url, MOTCUA_LINK_TIMEOUT_MS: '1500' },
    });
  });
  afterAll(async () => s?.close());

  const opts = () => ({
    senders: {},
    portal: s.ctx.links.portal,
    now: () => clock,
    random: () => 0,
    maxAttempts: 3,
  });
  const drain = async () => {
    for (let i = 0; i < 10; i++) {
      clock = new Date(clock.getTime() + 3_600_000);
      await deliverDue(s.database.db, opts());
    }
  };
  const sync = async (code: string) => {
    const officer = await s.login('reception.tan-thoi');
    return (
      await s.request({ method: 'GET', url: `/api/v1/dossiers/${code}`, headers: { cookie: officer } })
    ).json().sync;
  };

  it("delivers a dossier's events in order and exactly once through 5xx and connection resets", async () => {
    await portal.reset();
    const reception = await s.login('reception.tan-thoi');
    const code = (
      await s.request({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: { cookie: reception },
        payload: intakeBody(),
      })
    ).json().code as string;
    await s.request({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions`,
      headers: { cookie: reception },
      payload: { action: 'transfer' },
    });
    const ids = await s.query<{ id: string; payload: { eventId: string; call: string } }>(
      `SELECT id, payload FROM outbox WHERE kind = 'portal' AND dossier_code = $1 ORDER BY seq`,
      [code],
    );
    expect(ids.map((r) => r.payload.call)).toEqual(['dossier', 'progress', 'progress', 'status']);
    expect((await sync(code)).state).toBe('pending');

    // The first create fails (503), the next request is cut: nothing later of the dossier goes first.
    await portal.setFaults({ mode: 'status', status: 503, times: 1 });
    expect(await deliverDue(s.database.db, opts())).toEqual({ sent: 0, failed: 1 });
    // The rest of the run waits with the failed message: due when it is, waiting for the retry too
    // (brought forward with it), their try not counted.
    const waiting = await s.query<{ attempts: number; next: string; waiting: boolean }>(
      `SELECT attempts, next_attempt_at::text AS next, waiting_retry AS waiting FROM outbox
       WHERE kind = 'portal' AND dossier_code = $1 ORDER BY seq`,
      [code],
    );
    expect(waiting.map((r) => r.attempts)).toEqual([1, 0, 0, 0]);
    expect(new Set(waiting.map((r) => r.next)).size).toBe(1);
    expect(new Date(waiting[0]!.next).getTime()).toBeGreaterThan(clock.getTime());
    expect(waiting.every((r) => r.waiting)).toBe(true);
    await portal.setFaults({ mode: 'reset', times: 1 });
    await drain();
    await portal.clearFaults();
    await drain();

    const state = await portal.state<{ received: Received[]; duplicates: unknown[] }>();
    const mine = state.received.filter((r) => r.MaHoSo === code);
    expect(mine.map((r) => [r.call, r.MaSuKien])).toEqual(
      ids.map((r) => [r.payload.call, r.payload.eventId]),
    );
    const after = await sync(code);
    expect(after).toMatchObject({ state: 'synced', lastError: null });
    expect(after.syncedAt).toBeTruthy();
  });

  it('a refused message ends as failed with its error, and an operator retry delivers it', async () => {
    await portal.reset();
    const reception = await s.login('reception.tan-thoi');
    const code = (
      await s.request({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: { cookie: reception },
        payload: intakeBody(),
      })
    ).json().code as string;
    await portal.setFaults({ mode: 'status', status: 400 });
    await drain();
    const failed = await sync(code);
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toMatch(/400/);
    expect(failed.attempts).toBe(1);
    const state = await portal.state<{ received: Received[] }>();
    expect(state.received.filter((r) => r.MaHoSo === code)).toHaveLength(0);

    await portal.clearFaults();
    // Only an administrator may send it again.
    const retry = (cookie: string) =>
      s.request({ method: 'POST', url: `/api/v1/dossiers/${code}/sync/retry`, headers: { cookie } });
    const refused = await retry(reception);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    const retried = await retry(await s.login('admin'));
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ retried: 1, sync: { state: 'pending', attempts: 0 } });
    await drain();
    expect((await sync(code)).state).toBe('synced');
    const after = await portal.state<{ received: Received[] }>();
    expect(after.received.filter((r) => r.MaHoSo === code).map((r) => r.call)).toEqual([
      'dossier',
      'progress',
    ]);
  });

  it('after an outage the waiting messages are due again a chunk at a time, earliest first, and all arrive in order', async () => {
    await portal.reset();
    // Nothing of the earlier tests left to send.
    await drain();
    const reception = await s.login('reception.tan-thoi');
    const receive = async () =>
      (
        await s.request({
          method: 'POST',
          url: '/api/v1/dossiers',
          headers: { cookie: reception },
          payload: intakeBody(),
        })
      ).json().code as string;
    const codes = [await receive(), await receive(), await receive()];
    // The outage: every head fails; the rest of each run waits with it.
    await portal.setFaults({ mode: 'status', status: 503 });
    expect((await deliverDue(s.database.db, opts())).failed).toBe(3);
    const waiting = () =>
      s.query<{ dossier: string; seq: number }>(
        `SELECT dossier_code AS dossier, seq::int AS seq FROM outbox
         WHERE kind = 'portal' AND waiting_retry AND sent_at IS NULL ORDER BY seq`,
      );
    const before = await waiting();
    expect(before.length).toBe(6);
    // Back: a round that delivers (a new dossier's first message, batch 1) brings forward the next
    // 2 × batch waiting messages, the earliest; the others keep their backoff.
    await portal.clearFaults();
    const fresh = await receive();
    expect(await deliverDue(s.database.db, { ...opts(), batch: 1 })).toEqual({ sent: 1, failed: 0 });
    const after = await waiting();
    expect(after).toEqual(before.slice(2));
    // Round after round (the clock does not move: no backoff ends), everything goes.
    for (let i = 0; i < 20; i++) await deliverDue(s.database.db, { ...opts(), batch: 1 });
    expect(await waiting()).toEqual([]);
    const state = await portal.state<{ received: Received[]; duplicates: unknown[] }>();
    for (const code of [...codes, fresh])
      expect(
        state.received.filter((r) => r.MaHoSo === code).map((r) => r.call),
        code,
      ).toEqual(['dossier', 'progress']);
    expect(state.duplicates).toHaveLength(0);
  });
});
