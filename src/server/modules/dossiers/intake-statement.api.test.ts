import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';
import { auditHash, auditHashAround, verifyChain } from '../audit/chain.ts';
import { receivedEventPart } from '../dossier-events/recorder.ts';
import { writeIntake } from './repository.ts';

describe('audit hash around a dossier code', () => {
  it('is the hash of the event with the code put in, whatever the event holds', () => {
    const event = {
      unitCode: '28693',
      id: randomUUID(),
      seq: 1,
      action: 'intake',
      actorUserId: randomUUID(),
      actorRole: 'reception',
      fromStatus: null,
      toStatus: 2,
      reason: 'Lý do có "ngoặc kép", dấu \\ và \n xuống dòng',
      requestId: 'req-1',
      data: { dueAt: '2025-07-03T10:00:00.000Z', note: 'dossierCode' },
      at: new Date('2025-07-01T02:00:00Z'),
    };
    for (const code of ['H82.051-250701-0001', 'H82.051-250701-12345']) {
      const { before, after } = auditHashAround('', event);
      const hashed = createHash('sha256').update(`${before}${code}${after}`).digest('hex');
      expect(hashed).toBe(auditHash('', { ...event, dossierCode: code }));
    }
  });
});

describe.each(databaseKinds())('counter intake as one statement on %s', (kind) => {
  let s: TestServer;
  let tanThoi: string;
  let agency: string;
  let clock: () => Date = () => new Date('2025-07-01T02:00:00Z');

  const post = (cookie: string, payload: unknown) =>
    s.request({ method: 'POST', url: '/api/v1/dossiers', payload: payload as object, headers: { cookie } });
  const dossiersOn = (unit: string, prefix: string) =>
    s.query<{ code: string; received_at: string | Date; book_number: number }>(
      'SELECT code, received_at, book_number FROM dossiers WHERE unit_code = $1 AND code LIKE $2 ORDER BY code',
      [unit, `${prefix}%`],
    );

  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => clock() });
    tanThoi = await s.login('reception.tan-thoi');
    [{ agency_code: agency }] = (await s.query<{ agency_code: string }>(
      "SELECT agency_code FROM units WHERE code = '28693'",
    )) as [{ agency_code: string }];
  });
  afterAll(async () => s?.close());

  it('numbers in receipt order even when the clock goes back: a later code never has an earlier time', async () => {
    // Each reading of the clock is one second earlier than the one before (a clock stepped back).
    let t = new Date('2025-07-03T03:00:00Z').getTime();
    clock = () => {
      t -= 1000;
      return new Date(t);
    };
    for (let i = 0; i < 4; i++) expect((await post(tanThoi, intakeBody())).statusCode).toBe(201);
    const rows = await dossiersOn('28693', `${agency}-250703-`);
    expect(rows.map((r) => r.code)).toEqual([1, 2, 3, 4].map((n) => `${agency}-250703-000${n}`));
    const times = rows.map((r) => new Date(r.received_at).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('keeps codes in receipt order and gapless under concurrent intakes with a jittering clock', async () => {
    const base = new Date('2025-07-04T02:00:00Z').getTime();
    let n = 0;
    // Readings jump back and forth by up to 40 ms: intakes reach the counter out of time order.
    clock = () => new Date(base + (n++ % 2 === 0 ? 40 : 0) + Math.floor(n / 2));
    const responses = await Promise.all(Array.from({ length: 30 }, () => post(tanThoi, intakeBody())));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(30).fill(201));
    const rows = await dossiersOn('28693', `${agency}-250704-`);
    expect(rows.map((r) => Number(r.code.slice(-4)))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const times = rows.map((r) => new Date(r.received_at).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // What each response said is what was stored.
    for (const r of responses) {
      const body = r.json();
      const row = rows.find((x) => x.code === body.code);
      expect(new Date(row!.received_at).toISOString()).toBe(body.receivedAt);
      expect(row!.book_number).toBe(body.book.number);
    }
  });

  it('stores the audit hash computed in the statement, which verifies', async () => {
    clock = () => new Date('2025-07-07T02:00:00Z');
    const res = await post(tanThoi, intakeBody({ reasons: undefined }));
    expect(res.statusCode).toBe(201);
    const events = await s.query<Record<string, unknown>>(
      `SELECT unit_code, id, dossier_code, seq, action, actor_user_id, actor_role, from_status, to_status, reason,
              request_id, data, at, prev_hash, hash FROM audit_events WHERE dossier_code = $1 ORDER BY seq`,
      [res.json().code],
    );
    expect(events).toHaveLength(1);
    const chained = events.map((e) => ({
      unitCode: e.unit_code as string,
      id: e.id as string,
      dossierCode: e.dossier_code as string,
      seq: Number(e.seq),
      action: e.action as string,
      actorUserId: e.actor_user_id as string,
      actorRole: e.actor_role as string,
      fromStatus: e.from_status as number | null,
      toStatus: e.to_status as number | null,
      reason: e.reason as string | null,
      requestId: e.request_id as string,
      data: (typeof e.data === 'string' ? JSON.parse(e.data) : e.data) as Record<string, unknown>,
      at: new Date(e.at as string),
      prevHash: e.prev_hash as string,
      hash: e.hash as string,
    }));
    expect(chained[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyChain(chained)).toBeUndefined();
  });

  it('writes nothing and gives the numbers back when any part of the statement fails', async () => {
    clock = () => new Date('2025-07-08T02:00:00Z');
    expect((await post(tanThoi, intakeBody())).statusCode).toBe(201);
    const [user] = await s.query<{ id: string }>(
      "SELECT id FROM users WHERE username = 'reception.tan-thoi'",
    );
    const fileId = randomUUID();
    const file = {
      id: fileId,
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      size: 1,
      sha256: 'x',
      storageKey: 'k',
    };
    const at = new Date('2025-07-08T02:00:00Z');
    // Two files with one id: the last insert of the statement fails on the primary key.
    const failing = writeIntake(s.ctx.db, {
      codePrefix: `${agency}-250708-`,
      counters: { day: 'code:2025-07-08', book: 'book:2025' },
      dossier: {
        unitCode: '28693',
        provinceCode: '82',
        procedureCode: '2.000815',
        fieldCode: 'chung-thuc',
        channel: 1,
        status: 2,
        applicantName: 'Nguyễn Văn A',
        applicantIdNumber: '082095001234',
        applicantPhone: '0912345678',
        applicantAddress: 'Ấp 1',
        subject: 'x',
        returnMethod: 'counter',
        documents: [],
        timeLimit: { amount: 1, unit: 'working_days', text: '01 ngày làm việc' },
        receivedAt: at,
        dueAt: at,
        dueAtOriginal: at,
        receivedBy: user!.id,
        bookVolume: '2025',
      },
      event: receivedEventPart(
        {
          type: 'received',
          id: randomUUID(),
          unitCode: '28693',
          at,
          actorUserId: user!.id,
          actorRole: 'reception',
          requestId: 'r',
          reason: null,
          decision: 'accept',
          toStatus: 2,
          procedureCode: '2.000815',
          dueAt: at,
          skippedDays: 0,
        },
        {
          status: 2,
          dueAt: at,
          applicantName: 'Nguyễn Văn A',
          applicantEmail: null,
          applicantPhone: '0912345678',
        },
      ),
      files: [file, { ...file, fileName: 'b.pdf' }],
    });
    await expect(failing).rejects.toMatchObject({ cause: { code: '23505' } });
    expect(await s.query('SELECT 1 FROM dossier_files WHERE id = $1', [fileId])).toEqual([]);
    const next = await post(tanThoi, intakeBody());
    expect(next.statusCode).toBe(201);
    const rows = await dossiersOn('28693', `${agency}-250708-`);
    expect(rows.map((r) => r.code)).toEqual([`${agency}-250708-0001`, `${agency}-250708-0002`]);
    expect(rows[1]!.book_number).toBe(rows[0]!.book_number + 1);
  });
});
