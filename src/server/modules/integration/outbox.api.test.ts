import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';
import { deliverDue } from './outbox.ts';
import { httpSmsSender, smtpSender } from './senders.ts';
import { startSmsStandIn, startSmtpStandIn } from './standins.ts';

describe.each(databaseKinds())('notifications through the outbox on %s', (kind) => {
  let s: TestServer;
  let clock = new Date('2025-07-01T02:00:00Z');
  let mailDown = true;
  let smsDown = true;
  let smtp: Awaited<ReturnType<typeof startSmtpStandIn>>;
  let sms: Awaited<ReturnType<typeof startSmsStandIn>>;

  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => clock });
    smtp = await startSmtpStandIn({ rejectWhile: () => mailDown });
    sms = await startSmsStandIn({ failWhile: () => smsDown });
  });
  afterAll(async () => {
    await s?.close();
    await smtp?.close();
    await sms?.close();
  });

  it('writes messages with the change that caused them, delays them while the servers fail, then delivers each once', async () => {
    const reception = await s.login('reception.tan-thoi');
    const specialist = await s.login('specialist.tan-thoi');
    const body = intakeBody();
    (body.applicant as Record<string, unknown>).email = 'hong.nhung@example.vn';
    const code = (
      await s.request({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: { cookie: reception },
        payload: body,
      })
    ).json().code;
    await s.request({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions`,
      headers: { cookie: reception },
      payload: { action: 'transfer' },
    });
    // A refused action writes no message.
    await s.request({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions`,
      headers: { cookie: specialist },
      payload: { action: 'request_supplement' },
    });
    expect(await s.query('SELECT 1 FROM outbox')).toHaveLength(0);
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions`,
      headers: { cookie: specialist },
      payload: {
        action: 'request_supplement',
        reason: 'Thiếu bản chính giấy khai sinh',
        items: [{ name: 'Giấy khai sinh (bản chính)' }],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(await s.query('SELECT kind FROM outbox ORDER BY kind')).toEqual([
      { kind: 'email' },
      { kind: 'sms' },
    ]);

    const senders = {
      email: smtpSender(smtp.url, 'Trung tâm PVHCC <motcua@localhost>'),
      sms: httpSmsSender(sms.url),
    };
    const opts = { senders, now: () => clock };
    expect(await deliverDue(s.database.db, opts)).toEqual({ sent: 0, failed: 2 });
    expect(await deliverDue(s.database.db, opts)).toEqual({ sent: 0, failed: 0 }); // waiting for the retry time
    const pending = await s.query<{ attempts: number; last_error: string }>(
      'SELECT attempts, last_error FROM outbox WHERE sent_at IS NULL',
    );
    expect(pending).toHaveLength(2);
    expect(pending.every((p) => p.attempts === 1 && p.last_error.length > 0)).toBe(true);

    mailDown = false;
    smsDown = false;
    clock = new Date(clock.getTime() + 31_000);
    expect(await deliverDue(s.database.db, opts)).toEqual({ sent: 2, failed: 0 });
    clock = new Date(clock.getTime() + 3_600_000);
    expect(await deliverDue(s.database.db, opts)).toEqual({ sent: 0, failed: 0 });

    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['hong.nhung@example.vn']);
    expect(smtp.received[0]!.raw).toMatch(/Subject: =\?UTF-8\?|Subject: .*H82\.050/);
    expect(sms.received).toHaveLength(1);
    expect(sms.received[0]).toMatchObject({ to: '0912345678', text: expect.stringContaining(code) });
    const [row] = await s.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NOT NULL',
    );
    expect(row?.n).toBe(2);
  });
});
