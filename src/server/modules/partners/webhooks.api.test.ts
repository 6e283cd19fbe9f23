import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';
import { recordDossierEvent } from '../dossier-events/recorder.ts';
import { deliverDue } from '../integration/outbox.ts';
import { signWebhook } from './keys.ts';
import { verifyMotcuaWebhook } from './verify-webhook.ts';
import { webhookSender } from './webhook-sender.ts';

/*
 * Signed webhooks for dossier events: enqueued by the dossier event recorder in the change's own
 * statement, delivered by the outbox worker to a real local HTTP receiver, retried after failures,
 * verified with the function receivers copy.
 */

interface Delivery {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A partner's receiver: answers `failures` requests with 500 (per path), then 200; keeps what it got. */
async function startReceiver() {
  const got: Delivery[] = [];
  const failures = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      got.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const left = failures.get(path) ?? 0;
      if (left > 0) failures.set(path, left - 1);
      res.writeHead(left > 0 ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    got,
    failNext: (path: string, n: number) => failures.set(path, n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => receiver?.close());

describe.each(databaseKinds())('partner webhooks on %s', (kind) => {
  let s: TestServer;
  let admin: string;
  let clock = new Date();
  let sender: ReturnType<typeof webhookSender>;
  const endpoints: Record<string, { id: string; secret: string; keyId: string; path: string }> = {};

  const deliver = () =>
    deliverDue(s.database.db, {
      senders: { webhook: sender },
      now: () => clock,
      random: () => 0,
      maxAttempts: 5,
    });
  const webhookRows = () =>
    s.query<{
      dossier_code: string;
      attempts: number;
      sent_at: Date | null;
      dead_at: Date | null;
      payload: unknown;
    }>(
      "SELECT dossier_code, attempts, sent_at, dead_at, payload FROM outbox WHERE kind = 'webhook' ORDER BY seq",
    );
  const intake = async (officer: string) => {
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: await s.login(officer) },
      payload: intakeBody(),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().code as string;
  };

  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => clock });
    admin = await s.login('admin');
    const specs = {
      tanThoi: {
        scope: { kind: 'commune', code: '28693' },
        events: ['dossier.received', 'dossier.status_changed'],
      },
      tanPhuDong: { scope: { kind: 'commune', code: '28696' }, events: ['dossier.received'] },
      dongThap: { scope: { kind: 'province', code: '82' }, events: ['dossier.updated'] },
    };
    for (const [name, spec] of Object.entries(specs)) {
      const key = await s.request({
        method: 'POST',
        url: '/api/v1/partners/keys',
        headers: { cookie: admin },
        payload: { name, scope: spec.scope, permissions: ['webhooks'] },
      });
      expect(key.statusCode, key.body).toBe(201);
      const hook = await s.request({
        method: 'POST',
        url: `/api/v1/partners/keys/${key.json().key.id}/webhooks`,
        headers: { cookie: admin },
        payload: { url: receiver.url(`/${kind}/${name}`), events: spec.events },
      });
      expect(hook.statusCode, hook.body).toBe(201);
      expect(hook.json().secret).toMatch(/^whsec_/);
      endpoints[name] = {
        id: hook.json().webhook.id,
        secret: hook.json().secret,
        keyId: key.json().key.id,
        path: `/${kind}/${name}`,
      };
    }
    const { partnerSecret } = await import('./keys.ts');
    sender = webhookSender(s.database.db, partnerSecret(s.config)!, { timeoutMs: 2000 });
  });
  afterAll(async () => {
    await sender?.close();
    await s?.close();
  });

  const receivedAt = (name: string) => receiver.got.filter((d) => d.path === endpoints[name]!.path);

  it('enqueues an event for each subscribed endpoint of its scope, in the change’s statement', async () => {
    const before = (await webhookRows()).length;
    const code = await intake('reception.tan-thoi');
    const rows = (await webhookRows()).slice(before);
    // Tân Thới's endpoint wants `dossier.received`; Tân Phú Đông's is another commune; Đồng Tháp's wants only updates.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ dossier_code: code, attempts: 0, sent_at: null });
    expect(rows[0]!.payload).toMatchObject({
      endpointId: endpoints.tanThoi!.id,
      event: {
        type: 'dossier.received',
        dossier: { code, unitCode: '28693', status: 2, sequence: 1 },
        change: { action: 'intake', fromStatus: null, toStatus: 2 },
      },
    });
    // No personal data in a webhook.
    expect(JSON.stringify(rows[0]!.payload)).not.toContain(intakeBody().applicant.idNumber);
    expect(JSON.stringify(rows[0]!.payload)).not.toContain(intakeBody().applicant.fullName);
  });

  it('writes no delivery when the change’s transaction fails after the event', async () => {
    const code = await intake('reception.tan-thoi');
    const before = (await webhookRows()).length;
    const event = {
      type: 'performed' as const,
      id: crypto.randomUUID(),
      unitCode: '28693',
      dossierCode: code,
      at: clock,
      actorUserId: null,
      actorRole: 'reception',
      requestId: 'req-webhook-rollback',
      reason: null,
      action: 'transfer' as const,
      fromStatus: 2 as const,
      toStatus: 4 as const,
    };
    const after = {
      code,
      status: 4,
      dueAt: clock,
      applicantName: 'x',
      applicantEmail: null,
      applicantPhone: '0912345678',
    };
    await expect(
      s.ctx.db.transaction(async (tx) => {
        await recordDossierEvent(tx, event, after);
        throw new Error('the change after the event failed');
      }),
    ).rejects.toThrow('the change after the event failed');
    expect((await webhookRows()).length).toBe(before);
    // The same event committed is queued for Tân Thới's endpoint (it wants status changes).
    await s.ctx.db.transaction((tx) => recordDossierEvent(tx, { ...event, id: crypto.randomUUID() }, after));
    const rows = (await webhookRows()).slice(before);
    expect(rows.map((r) => [r.dossier_code, (r.payload as { event: { type: string } }).event.type])).toEqual([
      [code, 'dossier.status_changed'],
    ]);
  });

  it('retries a failing receiver through the outbox, then delivers once, signed and verifiable', async () => {
    const path = endpoints.tanThoi!.path;
    await deliver(); // what earlier tests queued
    receiver.failNext(path, 2);
    const code = await intake('reception.tan-thoi');
    const attempts = async () =>
      (await webhookRows())
        .filter((r) => r.dossier_code === code)
        .map((r) => [r.attempts, Boolean(r.sent_at)]);
    await deliver();
    expect(await attempts()).toEqual([[1, false]]);
    await deliver(); // not due yet: the backoff holds it
    expect(await attempts()).toEqual([[1, false]]);
    clock = new Date(clock.getTime() + 31_000);
    await deliver();
    expect(await attempts()).toEqual([[2, false]]);
    clock = new Date(clock.getTime() + 61_000);
    await deliver();
    expect(await attempts()).toEqual([[3, true]]);
    clock = new Date(clock.getTime() + 3_600_000);
    await deliver();
    const tries = receivedAt('tanThoi').filter((d) => JSON.parse(d.body).dossier.code === code);
    expect(tries).toHaveLength(3);
    const ids = new Set(tries.map((d) => d.headers['x-motcua-event-id']));
    expect(ids.size).toBe(1);
    for (const d of tries) {
      expect(d.headers['content-type']).toBe('application/json');
      expect(d.headers['x-motcua-event-type']).toBe('dossier.received');
      expect(JSON.parse(d.body).id).toBe(d.headers['x-motcua-event-id']);
      const verdict = verifyMotcuaWebhook({
        secret: endpoints.tanThoi!.secret,
        body: d.body,
        timestamp: d.headers['x-motcua-timestamp'] as string,
        signature: d.headers['x-motcua-signature'] as string,
      });
      expect(verdict).toEqual({ ok: true });
    }
  });

  it('refuses a tampered body, a tampered or old timestamp, and another endpoint’s secret', () => {
    const d = receivedAt('tanThoi').at(-1)!;
    const timestamp = d.headers['x-motcua-timestamp'] as string;
    const signature = d.headers['x-motcua-signature'] as string;
    const secret = endpoints.tanThoi!.secret;
    const check = (over: Partial<Parameters<typeof verifyMotcuaWebhook>[0]>) =>
      verifyMotcuaWebhook({ secret, body: d.body, timestamp, signature, ...over });
    expect(check({})).toEqual({ ok: true });
    expect(check({ body: d.body.replace('"status":2', '"status":10') })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(check({ body: `${d.body} ` })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(check({ timestamp: String(Number(timestamp) - 1) })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(check({ secret: endpoints.tanPhuDong!.secret })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(check({ signature: signature.replace('sha256=', 'sha1=') })).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(check({ signature: undefined })).toEqual({ ok: false, reason: 'malformed' });
    // A right signature past the replay window (five minutes) is refused; so is one from the future.
    const old = Math.floor(Date.now() / 1000) - 301;
    expect(check({ timestamp: String(old), signature: signWebhook(secret, old, d.body) })).toEqual({
      ok: false,
      reason: 'too_old',
    });
    const fresh = Math.floor(Date.now() / 1000) - 290;
    expect(check({ timestamp: String(fresh), signature: signWebhook(secret, fresh, d.body) })).toEqual({
      ok: true,
    });
    const ahead = Math.floor(Date.now() / 1000) + 400;
    expect(check({ timestamp: String(ahead), signature: signWebhook(secret, ahead, d.body) })).toEqual({
      ok: false,
      reason: 'from_future',
    });
  });

  it('sends status changes and updates to the endpoints subscribed to them, by scope', async () => {
    const code = await intake('reception.tan-thoi');
    const reception = await s.login('reception.tan-thoi');
    const act = async (cookie: string, payload: Record<string, unknown>) => {
      const res = await s.request({
        method: 'POST',
        url: `/api/v1/dossiers/${code}/actions`,
        headers: { cookie },
        payload,
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await act(reception, { action: 'transfer' });
    await act(await s.login('leader.tan-thoi'), { action: 'assign', assignee: 'specialist.tan-thoi' });
    clock = new Date(clock.getTime() + 3_600_000);
    await deliver();
    const forCode = (name: string) =>
      receivedAt(name)
        .map((d) => JSON.parse(d.body))
        .filter((b) => b.dossier.code === code)
        // Deliveries of one dossier are not held in order (docs/OPERATIONS.md): receivers order by sequence.
        .sort((a, b) => a.dossier.sequence - b.dossier.sequence)
        .map((b) => [b.type, b.change.action, b.dossier.sequence]);
    expect(forCode('tanThoi')).toEqual([
      ['dossier.received', 'intake', 1],
      ['dossier.status_changed', 'transfer', 2],
    ]);
    // The province's endpoint wanted only updates (no change of status): the assignment.
    expect(forCode('dongThap')).toEqual([['dossier.updated', 'assign', 3]]);
    expect(forCode('tanPhuDong')).toEqual([]);
  });

  it('stops at once for a revoked key or a disabled endpoint: nothing new is queued, queued ones die', async () => {
    const pending = await intake('reception.tan-phu-dong');
    const revoked = await s.request({
      method: 'POST',
      url: `/api/v1/partners/keys/${endpoints.tanPhuDong!.keyId}/revoke`,
      headers: { cookie: admin },
    });
    expect(revoked.statusCode).toBe(200);
    const disabled = await s.request({
      method: 'POST',
      url: `/api/v1/partners/webhooks/${endpoints.tanThoi!.id}/disable`,
      headers: { cookie: admin },
    });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabledAt).not.toBeNull();
    const before = (await webhookRows()).length;
    await intake('reception.tan-phu-dong');
    await intake('reception.tan-thoi');
    expect((await webhookRows()).length).toBe(before);
    const seen = receivedAt('tanPhuDong').length;
    clock = new Date(clock.getTime() + 3_600_000);
    await deliver();
    expect(receivedAt('tanPhuDong').length).toBe(seen);
    const [row] = (await webhookRows()).filter((r) => r.dossier_code === pending);
    expect(row).toMatchObject({ sent_at: null, attempts: 1 });
    expect(row!.dead_at).not.toBeNull();
  });

  it('refuses endpoints that are not http(s), carry credentials, or belong to a key without webhooks', async () => {
    const register = (keyId: string, url: string) =>
      s.request({
        method: 'POST',
        url: `/api/v1/partners/keys/${keyId}/webhooks`,
        headers: { cookie: admin },
        payload: { url, events: ['dossier.received'] },
      });
    for (const url of ['ftp://example.vn/hook', 'https://user:pw@example.vn/hook', 'not a url']) {
      const res = await register(endpoints.dongThap!.keyId, url);
      expect(res.statusCode, url).toBe(422);
      expect(res.json().errors[0].path).toBe('url');
    }
    const readOnly = await s.request({
      method: 'POST',
      url: '/api/v1/partners/keys',
      headers: { cookie: admin },
      payload: { name: 'Chỉ đọc', scope: { kind: 'province', code: '82' }, permissions: ['dossiers:read'] },
    });
    expect((await register(readOnly.json().key.id, 'https://example.vn/hook')).statusCode).toBe(422);
  });
});
