import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PerformedEvent } from '../../../domain/lifecycle/events.ts';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';
import { auditHash, auditHashAroundSeq } from '../audit/chain.ts';
import { verifyAll } from '../audit/repository.ts';
import { recordDossierEvent } from './recorder.ts';
import { writeEvent } from './repository.ts';

describe('audit hash around a chain position', () => {
  it('is the hash of the event at that position, whatever the event holds', () => {
    const event = {
      unitCode: '28693',
      id: randomUUID(),
      dossierCode: 'H82.051-250701-0001',
      action: 'request_supplement',
      actorUserId: randomUUID(),
      actorRole: 'specialist',
      fromStatus: 4,
      toStatus: 5,
      reason: 'Có "seq": 7 và \\ trong lý do',
      requestId: 'req-1',
      data: { seq: 3, note: 'seq' },
      at: new Date('2025-07-01T02:00:00Z'),
    };
    for (const seq of [2, 17, 1234]) {
      const prev = createHash('sha256').update(String(seq)).digest('hex');
      const { before, after } = auditHashAroundSeq(event);
      const hashed = createHash('sha256').update(`${prev}\n${before}${seq}${after}`).digest('hex');
      expect(hashed).toBe(auditHash(prev, { ...event, seq }));
    }
  });
});

describe.each(databaseKinds())('dossier event recorder on %s', (kind) => {
  let s: TestServer;
  let code: string;
  let userId: string;
  const at = new Date('2025-07-01T03:00:00Z');

  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => new Date('2025-07-01T02:00:00Z') });
    const cookie = await s.login('reception.tan-thoi');
    const body = intakeBody();
    (body.applicant as Record<string, unknown>).email = 'nhung@example.vn';
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: body,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(201);
    code = res.json().code;
    [{ id: userId }] = (await s.query<{ id: string }>(
      "SELECT id FROM users WHERE username = 'specialist.tan-thoi'",
    )) as [{ id: string }];
  });
  afterAll(async () => s?.close());

  const event = (): PerformedEvent => ({
    type: 'performed',
    id: randomUUID(),
    unitCode: '28693',
    dossierCode: code,
    at,
    actorUserId: userId,
    actorRole: 'specialist',
    requestId: 'req-recorder',
    reason: 'Thiếu bản sao giấy khai sinh',
    action: 'request_supplement',
    fromStatus: 4,
    toStatus: 5,
    items: [{ name: 'Giấy khai sinh', originals: 0, certifiedCopies: 1, photocopies: 0 }],
  });
  const dossierAfter = () => ({
    code,
    status: 5,
    dueAt: new Date('2025-07-04T02:00:00Z'),
    applicantName: 'Nguyễn Thị Hồng Nhung',
    applicantEmail: 'nhung@example.vn',
    applicantPhone: '0912345678',
  });
  const audit = () =>
    s.query<{ seq: number; action: string; from_status: number; to_status: number; data: unknown }>(
      'SELECT seq, action, from_status, to_status, data FROM audit_events WHERE dossier_code = $1 ORDER BY seq',
      [code],
    );
  const outbox = () =>
    s.query<{ kind: string; payload: Record<string, unknown> }>(
      "SELECT kind, payload FROM outbox WHERE payload->>'code' = $1 ORDER BY kind",
      [code],
    );

  it('appends the chain entry and enqueues the messages of an event in the caller’s transaction', async () => {
    const e = event();
    const written = await s.ctx.db.transaction((tx) => recordDossierEvent(tx, e, dossierAfter()));
    expect(written.seq).toBe(2);
    const entries = await audit();
    expect(entries.map((r) => [r.seq, r.action, r.from_status, r.to_status])).toEqual([
      [1, 'intake', null, 2],
      [2, 'request_supplement', 4, 5],
    ]);
    expect(entries[1]!.data).toBeNull();
    const messages = await outbox();
    expect(messages.map((m) => m.kind)).toEqual(['email', 'sms']);
    expect(messages[0]!.payload).toMatchObject({
      code,
      template: 'supplement_requested',
      reason: 'Thiếu bản sao giấy khai sinh',
      items: [{ name: 'Giấy khai sinh' }],
      to: 'nhung@example.vn',
      status: 'Yêu cầu bổ sung giấy tờ',
    });
    expect(messages[1]!.payload).toMatchObject({ template: 'supplement_requested', to: '0912345678' });
    // The hash computed in SQL chains to the intake's and verifies.
    expect(await verifyAll(s.ctx.db, '28693')).toEqual({ checked: expect.any(Number) });
  });

  it('leaves neither the entry nor the messages when the caller’s transaction fails after it', async () => {
    const before = [(await audit()).length, (await outbox()).length];
    await expect(
      s.ctx.db.transaction(async (tx) => {
        await recordDossierEvent(tx, event(), dossierAfter());
        throw new Error('the change after the event failed');
      }),
    ).rejects.toThrow('the change after the event failed');
    expect([(await audit()).length, (await outbox()).length]).toEqual(before);
  });

  it('leaves neither when one of its own writes fails: entry and messages are one statement', async () => {
    const before = [(await audit()).length, (await outbox()).length];
    const id = randomUUID();
    const message = { id, kind: 'sms', payload: { code, template: 'result_ready', to: '0912345678' } };
    // Two messages with one id: the outbox insert fails on its primary key, after the entry's insert.
    const failing = s.ctx.db.transaction((tx) =>
      writeEvent(
        tx,
        {
          id: randomUUID(),
          unitCode: '28693',
          dossierCode: code,
          action: 'issue_result',
          actorUserId: userId,
          actorRole: 'leader',
          fromStatus: 4,
          toStatus: 9,
          reason: null,
          requestId: 'req-fail',
          data: { timeliness: 'early' },
          at,
        },
        [message, message],
        {
          id: randomUUID(),
          type: 'dossier.status_changed',
          occurredAt: at.toISOString(),
          dossier: { code, unitCode: '28693', status: 9, statusName: 'Đã xử lý xong', sequence: null },
          change: { action: 'issue_result', fromStatus: 4, toStatus: 9 },
        },
      ),
    );
    await expect(failing).rejects.toMatchObject({ cause: { code: '23505' } });
    expect([(await audit()).length, (await outbox()).length]).toEqual(before);
    // The chain goes on from where it was.
    const next = await s.ctx.db.transaction((tx) => recordDossierEvent(tx, event(), dossierAfter()));
    expect(next.seq).toBe(before[0]! + 1);
    expect(await verifyAll(s.ctx.db, '28693')).toEqual({ checked: expect.any(Number) });
  });

  it('continues a chain whose entries were hashed in TypeScript before the recorder, and verifies', async () => {
    // The entry as the workflow appended it before (auditHash of the previous hash and the event).
    const [last] = await s.query<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_events WHERE dossier_code = $1 ORDER BY seq DESC LIMIT 1',
      [code],
    );
    const old = {
      unitCode: '28693',
      id: randomUUID(),
      dossierCode: code,
      seq: last!.seq + 1,
      action: 'assign',
      actorUserId: userId,
      actorRole: 'specialist',
      fromStatus: 4,
      toStatus: 4,
      reason: null,
      requestId: 'req-old',
      data: { assignee: 'specialist.tan-thoi' },
      at,
    };
    await s.query(
      `INSERT INTO audit_events (unit_code, id, dossier_code, seq, action, actor_user_id, actor_role, from_status,
         to_status, reason, request_id, data, at, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14, $15)`,
      [
        old.unitCode,
        old.id,
        old.dossierCode,
        old.seq,
        old.action,
        old.actorUserId,
        old.actorRole,
        old.fromStatus,
        old.toStatus,
        old.reason,
        old.requestId,
        JSON.stringify(old.data),
        old.at.toISOString(),
        last!.hash,
        auditHash(last!.hash, old),
      ],
    );
    const next = await s.ctx.db.transaction((tx) => recordDossierEvent(tx, event(), dossierAfter()));
    expect(next.seq).toBe(old.seq + 1);
    expect(await verifyAll(s.ctx.db, '28693')).toEqual({ checked: expect.any(Number) });
  });
});
