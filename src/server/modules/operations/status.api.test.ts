import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandInProcess, startStandInProcess } from '../../../standins/spawn.ts';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';
import { pruneAttempts } from '../integration/attempts.ts';
import { deliverDue } from '../integration/outbox.ts';
import { forgetProbes } from './service.ts';

/*
 * GET /integration/status against the portal stand-in process: a failing portal shows as down with a
 * growing backlog and failures in the error-rate series; after recovery the backlog drains and the
 * link is up; refused messages are listed as dead letters; each role sees its own scope.
 */

let portal: StandInProcess;
beforeAll(async () => {
  portal = await startStandInProcess('portal');
});
afterAll(async () => portal?.stop());

type Status = {
  scope: { level: string; code: string };
  links: Array<Record<string, unknown> & { link: string; state: string; reasons: string[] }>;
  communes: Array<{
    unit: { code: string };
    links: Array<{ link: string; backlog: number | null; state: string }>;
  }>;
  series: Array<{
    link: string;
    window: string;
    bucketSeconds: number;
    buckets: Array<{ attempts: number; failures: number }>;
  }>;
  deadLetters: Array<{ unitCode: string; link: string; dossierCode: string; lastError: string }>;
  canRetry: boolean;
};

describe.each(databaseKinds())('integration status on %s', (kind) => {
  let s: TestServer;
  let clock = new Date('2026-12-07T02:00:00Z');
  beforeAll(async () => {
    s = await createTestServer(kind, {
      now: () => clock,
      env: { MOTCUA_PORTAL_URL: portal.url, MOTCUA_LINK_TIMEOUT_MS: '1500' },
    });
  });
  afterAll(async () => s?.close());

  const deliver = () =>
    deliverDue(s.database.db, {
      senders: {},
      portal: s.ctx.links.portal,
      now: () => clock,
      random: () => 0,
      maxAttempts: 5,
    });
  const status = async (user: string, query = '') => {
    forgetProbes();
    const res = await s.request({
      method: 'GET',
      url: `/api/v1/integration/status${query}`,
      headers: { cookie: await s.login(user) },
    });
    return { code: res.statusCode, body: res.json() as Status };
  };
  const portalOf = (st: Status) => {
    const p = st.links.find((l) => l.link === 'portal');
    if (!p) throw new Error('no portal link in the status');
    return p;
  };

  it('shows the portal down with a growing backlog while it fails, then up with the backlog drained', async () => {
    await portal.reset();
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
    const before = portalOf((await status('reception.tan-thoi')).body);
    await portal.setFaults({ mode: 'status', status: 503 });
    const first = await receive();
    const pending = Number(before.backlog);
    const one = Number(portalOf((await status('reception.tan-thoi')).body).backlog);
    expect(one).toBeGreaterThan(pending);
    // Three rounds of failed tries, a minute apart, and a second dossier in between.
    for (let i = 0; i < 3; i++) {
      clock = new Date(clock.getTime() + 3_600_000);
      await deliver();
      if (i === 1) await receive();
    }
    const down = (await status('reception.tan-thoi')).body;
    const p = portalOf(down);
    expect(p).toMatchObject({ state: 'down', configured: true, endpoint: new URL(portal.url).origin });
    expect(p.reasons).toEqual(['probe_failed', 'failing']);
    expect(Number(p.backlog)).toBeGreaterThan(one);
    expect(p.consecutiveFailures).toBeGreaterThanOrEqual(3);
    expect(p.lastError).toMatch(/503/);
    // The oldest message waits since the first dossier's receipt, three hours ago on the test clock.
    expect(p.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(3 * 3600);
    const day = down.series.find((x) => x.link === 'portal' && x.window === '24h');
    expect(day?.bucketSeconds).toBe(300);
    expect(day?.buckets).toHaveLength(288);
    const failures = day?.buckets.reduce((n, b) => n + b.failures, 0) ?? 0;
    expect(failures).toBe(p.failures24h);
    expect(failures).toBeGreaterThanOrEqual(3);
    expect(down.series.find((x) => x.link === 'portal' && x.window === '7d')?.buckets).toHaveLength(168);
    const mine = down.communes.find((c) => c.unit.code === '28693')?.links.find((l) => l.link === 'portal');
    expect(mine).toMatchObject({ state: 'down', backlog: p.backlog });

    await portal.clearFaults();
    for (let i = 0; i < 12 && Number(portalOf((await status('reception.tan-thoi')).body).backlog) > 0; i++) {
      clock = new Date(clock.getTime() + 3_600_000);
      await deliver();
    }
    const up = portalOf((await status('reception.tan-thoi')).body);
    expect(up).toMatchObject({
      state: 'up',
      reasons: [],
      backlog: 0,
      oldestPendingAt: null,
      consecutiveFailures: 0,
    });
    expect(up.lastSuccessAt).toBe(clock.toISOString());
    const received = (await portal.state<{ received: Array<{ MaHoSo: string }> }>()).received;
    expect(received.some((r) => r.MaHoSo === first)).toBe(true);
  });

  it('lists refused messages as dead letters; only the administrator may retry them', async () => {
    await portal.setFaults({ mode: 'status', status: 400 });
    const code = (
      await s.request({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: { cookie: await s.login('reception.tan-thoi') },
        payload: intakeBody(),
      })
    ).json().code as string;
    clock = new Date(clock.getTime() + 60_000);
    await deliver();
    await portal.clearFaults();
    const commune = (await status('reception.tan-thoi')).body;
    expect(commune.canRetry).toBe(false);
    expect(commune.deadLetters[0]).toMatchObject({ unitCode: '28693', link: 'portal', dossierCode: code });
    expect(commune.deadLetters[0]?.lastError).toMatch(/400/);
    expect(portalOf(commune).deadLettered).toBe(1);
    const admin = (await status('admin', '?province=82')).body;
    expect(admin.canRetry).toBe(true);
    expect(admin.deadLetters.map((d) => d.dossierCode)).toContain(code);
    const retried = await s.request({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/sync/retry`,
      headers: { cookie: await s.login('admin') },
    });
    expect(retried.json().retried).toBe(1);
    await deliver();
    expect((await status('reception.tan-thoi')).body.deadLetters).toEqual([]);
  });

  it('scopes: a commune its own, a province officer their province by commune; others refused', async () => {
    const commune = (await status('leader.tan-thoi', '?province=01')).body;
    expect(commune.scope).toEqual({ level: 'commune', code: '28693', name: expect.any(String) });
    expect(commune.communes.map((c) => c.unit.code)).toEqual(['28693']);
    const province = await status('province.dong-thap');
    expect(province.code).toBe(200);
    expect(province.body.scope).toMatchObject({ level: 'province', code: '82' });
    expect(province.body.communes.map((c) => c.unit.code)).toContain('28693');
    expect(province.body.communes.length).toBeGreaterThan(1);
    expect((await status('province.dong-thap', '?province=01')).code).toBe(403);
    expect((await status('admin', '?province=99')).code).toBe(404);
    const bad = await status('admin', '?province=8x');
    expect(bad.code).toBe(422);
    expect((bad.body as unknown as { code: string }).code).toBe('VALIDATION_FAILED');
    expect((await s.request({ method: 'GET', url: '/api/v1/integration/status' })).statusCode).toBe(401);
  });

  it('the worker records one attempt per delivery and prunes those past their retention', async () => {
    const attempts = (await s.query<{ n: number }>('SELECT count(*)::int AS n FROM link_attempts'))[0]?.n;
    const tried = (
      await s.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM link_attempts WHERE link = 'portal' AND unit_code = '28693'`,
      )
    )[0]?.n;
    expect(attempts).toBeGreaterThan(5);
    expect(tried).toBe(attempts);
    expect(await pruneAttempts(s.database.db, new Date(clock.getTime() + 7 * 86_400_000))).toBe(0);
    expect(await pruneAttempts(s.database.db, new Date(clock.getTime() + 9 * 86_400_000))).toBe(attempts);
  });
});
