import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestServer,
  databaseKinds,
  intakeBody,
  requiredDocuments,
  type TestServer,
} from '../../test-support/harness.ts';
import { verifyAll } from '../audit/repository.ts';

const PDF = Buffer.from('%PDF-1.4\n% ket qua\n%%EOF\n').toString('base64');

describe.each(databaseKinds())('dossier lifecycle on %s', (kind) => {
  let s: TestServer;
  let clock = new Date('2025-07-01T02:00:00Z'); // Tue 1/7/2025 09:00
  const cookies: Record<string, string> = {};
  const as = (who: 'reception' | 'specialist' | 'leader' | 'other') => cookies[who]!;

  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => clock });
    cookies.reception = await s.login('reception.tan-thoi');
    cookies.specialist = await s.login('specialist.tan-thoi');
    cookies.leader = await s.login('leader.tan-thoi');
    cookies.other = await s.login('leader.tan-phu-dong');
  });
  afterAll(async () => s?.close());

  const at = (iso: string) => {
    clock = new Date(iso);
  };
  const act = (who: keyof typeof cookies, code: string, body: Record<string, unknown>) =>
    s.request({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions`,
      headers: { cookie: cookies[who]! },
      payload: body,
    });
  const ok = async (
    who: 'reception' | 'specialist' | 'leader',
    code: string,
    body: Record<string, unknown>,
  ) => {
    const res = await act(who, code, body);
    expect(res.statusCode, `${body.action}: ${res.body}`).toBe(200);
    return res.json();
  };
  /** A 3-working-day procedure (marital status confirmation) received now. */
  const receive = async (email?: string) => {
    const documents = await requiredDocuments(s, '1.004873', '28693');
    const body = intakeBody({ procedureCode: '1.004873', documents });
    if (email) (body.applicant as Record<string, unknown>).email = email;
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: as('reception') },
      payload: body,
    });
    expect(res.statusCode).toBe(201);
    return res.json().code as string;
  };
  const counts = async () =>
    (
      await s.query<{ a: number; d: string }>(
        "SELECT (SELECT count(*) FROM audit_events)::int AS a, (SELECT string_agg(code || status || version, ',' ORDER BY code) FROM dossiers) AS d",
      )
    )[0];

  it('happy path: receive → transfer → appraise → approve → sign (result) → return, early', async () => {
    at('2025-07-01T02:00:00Z');
    const code = await receive();
    expect(
      (await s.request({ url: `/api/v1/dossiers/${code}/actions`, headers: { cookie: as('reception') } }))
        .json()
        .actions.map((a: { action: string }) => a.action),
    ).toEqual(['transfer', 'withdraw']);
    await ok('reception', code, { action: 'transfer' });
    let d = await ok('specialist', code, { action: 'assign', assignee: 'specialist.tan-thoi' });
    expect(d).toMatchObject({
      status: 4,
      step: { key: 'appraise', role: 'specialist' },
      assignee: 'specialist.tan-thoi',
    });
    at('2025-07-02T03:00:00Z');
    d = await ok('specialist', code, { action: 'complete_step' });
    expect(d.step.key).toBe('approve');
    d = await ok('leader', code, { action: 'complete_step' });
    expect(d.step.key).toBe('sign');
    d = await ok('leader', code, {
      action: 'issue_result',
      resultFile: { fileName: 'xac-nhan.pdf', contentType: 'application/pdf', dataBase64: PDF },
    });
    expect(d).toMatchObject({ status: 9, timeliness: 'early', result: { fileName: 'xac-nhan.pdf' } });
    d = await ok('reception', code, { action: 'return_result', returnMethod: 'counter' });
    expect(d.status).toBe(10);
    expect(d.returnedAt).toBe('2025-07-02T03:00:00.000Z');
    const events = (
      await s.request({ url: `/api/v1/dossiers/${code}/timeline`, headers: { cookie: as('leader') } })
    ).json();
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'intake',
      'transfer',
      'assign',
      'complete_step',
      'complete_step',
      'issue_result',
      'return_result',
    ]);
    expect(events.at(-1)).toMatchObject({
      fromStatus: 9,
      toStatus: 10,
      actor: { username: 'reception.tan-thoi', role: 'reception' },
    });
    const steps = await s.query<{ step_key: string; verdict: string | null }>(
      'SELECT step_key, verdict FROM dossier_steps WHERE dossier_code = $1 ORDER BY seq',
      [code],
    );
    expect(steps).toEqual([
      // Appraisal was due on Thu 3/7 and finished on Wed 2/7; the leader steps were done on their due day.
      { step_key: 'appraise', verdict: 'early' },
      { step_key: 'approve', verdict: 'on_time' },
      { step_key: 'sign', verdict: 'on_time' },
    ]);
  });

  it('supplement twice: the clock pauses, the appointment moves, and the dossier counts as late', async () => {
    at('2025-07-01T02:00:00Z');
    const code = await receive('nhung@example.vn');
    await ok('reception', code, { action: 'transfer' });
    await ok('specialist', code, {
      action: 'request_supplement',
      reason: 'Thiếu giấy xác nhận cư trú',
      items: [{ name: 'Giấy xác nhận cư trú', originals: 1 }],
    });
    at('2025-07-02T02:00:00Z'); // one working day later
    let d = await ok('reception', code, { action: 'supplement_received' });
    expect(d.status).toBe(4);
    expect(d.dueAt).toBe('2025-07-07T02:00:00.000Z'); // Fri 4/7 09:00 + 8 working hours → Mon 7/7 09:00
    await ok('specialist', code, { action: 'request_supplement', reason: 'Bản sao chưa chứng thực' });
    at('2025-07-02T04:00:00Z');
    d = await ok('reception', code, { action: 'supplement_received' });
    expect(d.supplementRequests).toBe(2);
    const due = (
      await s.request({ url: `/api/v1/dossiers/${code}/due`, headers: { cookie: as('reception') } })
    ).json();
    expect(due.pauses).toHaveLength(2);
    expect(due.dueAtOriginal).toBe('2025-07-04T02:00:00.000Z');
    expect(due.explanation.join('\n')).toMatch(/Tạm dừng \(chờ bổ sung\)/);
    await ok('specialist', code, { action: 'complete_step' });
    await ok('leader', code, { action: 'complete_step' });
    d = await ok('leader', code, {
      action: 'issue_result',
      resultFile: { fileName: 'kq.pdf', contentType: 'application/pdf', dataBase64: PDF },
    });
    expect(d.timeliness).toBe('late');
    const outbox = await s.query<{ kind: string; template: string }>(
      "SELECT kind, payload->>'template' AS template FROM outbox WHERE payload->>'code' = $1 ORDER BY created_at, kind",
      [code],
    );
    expect(outbox.filter((o) => o.template === 'supplement_requested')).toHaveLength(4); // e-mail + SMS, twice
    expect(
      outbox
        .filter((o) => o.template === 'result_ready')
        .map((o) => o.kind)
        .sort(),
    ).toEqual(['email', 'sms']);
  });

  it('a supplement received seconds after the request moves the appointment by one whole minute', async () => {
    at('2025-07-01T02:00:00Z');
    const code = await receive();
    await ok('reception', code, { action: 'transfer' });
    at('2025-07-01T03:00:00.000Z');
    await ok('specialist', code, { action: 'request_supplement', reason: 'Thiếu bản chính' });
    at('2025-07-01T03:00:01.725Z'); // 1.725 s later, in office hours
    const d = await ok('reception', code, { action: 'supplement_received' });
    expect(d.dueAt).toBe('2025-07-04T02:01:00.000Z');
    const [pause] = await s.query<{ paused_minutes: number }>(
      'SELECT paused_minutes FROM dossier_pauses WHERE dossier_code = $1',
      [code],
    );
    expect(pause?.paused_minutes).toBe(1);
  });

  it('payment pauses the clock; stop needs a leader and a reason', async () => {
    at('2025-07-01T02:00:00Z');
    const code = await receive();
    await ok('reception', code, { action: 'transfer' });
    await ok('specialist', code, { action: 'request_payment', reason: 'Lệ phí 5.000 đồng' });
    expect((await act('specialist', code, { action: 'complete_step' })).json().code).toBe(
      'ACTION_NOT_ALLOWED',
    );
    await ok('reception', code, { action: 'payment_received' });
    expect((await act('specialist', code, { action: 'stop', reason: 'x' })).json().code).toBe(
      'ACTION_FORBIDDEN',
    );
    const noReason = await act('leader', code, { action: 'stop' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().code).toBe('REASON_REQUIRED');
    const d = await ok('leader', code, { action: 'stop', reason: 'Không đủ điều kiện theo quy định' });
    expect(d.status).toBe(8);
    expect((await act('reception', code, { action: 'withdraw', reason: 'x' })).json().code).toBe(
      'ACTION_NOT_ALLOWED',
    );
  });

  it('withdrawal: 7 then 8; never after the result was issued', async () => {
    at('2025-07-01T02:00:00Z');
    const code = await receive();
    await ok('reception', code, { action: 'transfer' });
    let d = await ok('reception', code, { action: 'withdraw', reason: 'Công dân có đơn xin rút hồ sơ' });
    expect(d.status).toBe(7);
    d = await ok('leader', code, { action: 'confirm_withdrawal' });
    expect(d.status).toBe(8);

    const issued = await receive();
    await ok('reception', issued, { action: 'transfer' });
    await ok('specialist', issued, { action: 'complete_step' });
    await ok('leader', issued, { action: 'complete_step' });
    await ok('leader', issued, {
      action: 'issue_result',
      resultFile: { fileName: 'kq.pdf', contentType: 'application/pdf', dataBase64: PDF },
    });
    const before = await counts();
    const res = await act('reception', issued, { action: 'withdraw', reason: 'Muốn rút' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'ACTION_NOT_ALLOWED',
      title: expect.stringMatching(/trạng thái/),
    });
    expect(await counts()).toEqual(before);
  });

  it('overdue: flagged, apology drafted and approved once; both dates kept; a second re-appointment is refused', async () => {
    at('2025-07-01T02:00:00Z');
    const code = await receive();
    await ok('reception', code, { action: 'transfer' });
    // Not due yet: no apology.
    expect(
      (
        await act('specialist', code, {
          action: 'draft_apology',
          reason: 'x',
          newDueAt: '2025-07-10T10:00:00Z',
        })
      ).json().code,
    ).toBe('NOT_DUE_YET');
    at('2025-07-04T08:00:00Z'); // Fri 15:00, appointment 09:00 passed
    const overdue = (
      await s.request({ url: '/api/v1/queues/overdue', headers: { cookie: as('specialist') } })
    ).json();
    expect(overdue.items.find((i: { code: string }) => i.code === code)).toMatchObject({
      deadlineState: 'overdue',
    });
    // Past the calendar's last year, later deadlines (a pause moves it) could not be counted.
    const tooLate = await act('specialist', code, {
      action: 'draft_apology',
      reason: 'Chờ kết quả xác minh của xã khác',
      newDueAt: '2101-01-03T10:00:00Z',
    });
    expect(tooLate.json()).toMatchObject({ code: 'NEW_DUE_INVALID', detail: expect.stringMatching(/2101/) });
    await ok('specialist', code, {
      action: 'draft_apology',
      reason: 'Chờ kết quả xác minh của xã khác',
      newDueAt: '2025-07-09T10:00:00Z',
    });
    const approvals = (
      await s.request({ url: '/api/v1/queues/awaiting_approval', headers: { cookie: as('leader') } })
    ).json();
    expect(approvals.items.some((i: { code: string }) => i.code === code)).toBe(true);
    expect((await act('specialist', code, { action: 'approve_apology' })).json().code).toBe(
      'ACTION_FORBIDDEN',
    );
    const d = await ok('leader', code, { action: 'approve_apology' });
    expect(d.dueAt).toBe('2025-07-09T10:00:00.000Z');
    expect(d.dueAtOriginal).toBe('2025-07-04T02:00:00.000Z');
    const second = await act('specialist', code, {
      action: 'draft_apology',
      reason: 'Lại chậm',
      newDueAt: '2025-07-15T10:00:00Z',
    });
    expect(second.statusCode).toBe(422);
    expect(second.json().code).toBe('ALREADY_RESCHEDULED');
    const due = (
      await s.request({ url: `/api/v1/dossiers/${code}/due`, headers: { cookie: as('reception') } })
    ).json();
    expect(due.rescheduled).toMatchObject({
      dueAt: '2025-07-09T10:00:00.000Z',
      reason: 'Chờ kết quả xác minh của xã khác',
    });
    expect(due.explanation.join('\n')).toMatch(/Hẹn lại ngày trả/);
  });

  it('refuses other communes, wrong roles and wrong states, writing nothing', async () => {
    at('2025-07-01T02:00:00Z');
    const code = await receive();
    const before = await counts();
    const other = await act('other', code, { action: 'transfer' });
    expect(other.statusCode).toBe(404);
    expect((await act('specialist', code, { action: 'transfer' })).json().code).toBe('ACTION_FORBIDDEN');
    expect((await act('reception', code, { action: 'return_result' })).json().code).toBe(
      'ACTION_NOT_ALLOWED',
    );
    expect((await act('reception', code, { action: 'teleport' })).statusCode).toBe(422);
    expect((await act('reception', code, { action: 'withdraw' })).json().code).toBe('REASON_REQUIRED');
    expect(await counts()).toEqual(before);
  });

  it('two officers acting at once: one wins, the other gets a conflict', async () => {
    at('2025-07-01T02:00:00Z');
    const code = await receive();
    await ok('reception', code, { action: 'transfer' });
    const { version } = (
      await s.request({ url: `/api/v1/dossiers/${code}/actions`, headers: { cookie: as('specialist') } })
    ).json();
    const results = await Promise.all([
      act('specialist', code, { action: 'complete_step', expectedVersion: version }),
      act('specialist', code, {
        action: 'request_supplement',
        reason: 'Thiếu giấy tờ',
        expectedVersion: version,
      }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('DOSSIER_CONFLICT');
    const events = (
      await s.request({ url: `/api/v1/dossiers/${code}/timeline`, headers: { cookie: as('leader') } })
    ).json();
    expect(events).toHaveLength(3);
    // Without expectedVersion, simultaneous requests take turns: the first withdraws, the others find
    // the dossier withdrawn.
    const many = await Promise.all(
      Array.from({ length: 6 }, () => act('reception', code, { action: 'withdraw', reason: 'Rút' })),
    );
    expect(many.map((r) => (r.statusCode === 200 ? '200' : r.json().code)).sort()).toEqual([
      '200',
      ...Array.from({ length: 5 }, () => 'ACTION_NOT_ALLOWED'),
    ]);
  });

  it('the audit chain verifies, and a hand-edited row is detected', async () => {
    const clean = await verifyAll(s.database.db);
    expect(clean.broken).toBeUndefined();
    expect(clean.checked).toBeGreaterThan(20);
    const [victim] = await s.query<{ unit_code: string; dossier_code: string; seq: number }>(
      "SELECT unit_code, dossier_code, seq FROM audit_events WHERE action = 'transfer' ORDER BY at LIMIT 1",
    );
    await s.query(
      "UPDATE audit_events SET reason = 'sửa tay' WHERE unit_code = $1 AND dossier_code = $2 AND seq = $3",
      [victim!.unit_code, victim!.dossier_code, victim!.seq],
    );
    const broken = await verifyAll(s.database.db);
    expect(broken.broken).toMatchObject({
      dossierCode: victim!.dossier_code,
      seq: victim!.seq,
      problem: 'hash_mismatch',
    });
  });
});

describe.each(databaseKinds())('lifecycle documents on %s', (kind) => {
  let s: TestServer;
  let clock = new Date('2025-07-01T02:00:00Z');
  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => clock });
  });
  afterAll(async () => s?.close());

  it('prints the control slip, supplement slip, apology, stop notice and tracking book as PDFs', async () => {
    const reception = await s.login('reception.tan-thoi');
    const specialist = await s.login('specialist.tan-thoi');
    const leader = await s.login('leader.tan-thoi');
    const act = (cookie: string, code: string, payload: Record<string, unknown>) =>
      s.request({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: { cookie }, payload });
    const code = (
      await s.request({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: { cookie: reception },
        payload: intakeBody(),
      })
    ).json().code;
    await act(reception, code, { action: 'transfer' });
    await act(specialist, code, {
      action: 'request_supplement',
      reason: 'Bản sao không rõ',
      items: [{ name: 'Bản chính giấy tờ', originals: 1 }],
    });
    await act(reception, code, { action: 'supplement_received' });
    clock = new Date('2025-07-03T09:00:00Z');
    expect(
      (
        await act(specialist, code, {
          action: 'draft_apology',
          reason: 'Chờ xác minh',
          newDueAt: '2025-07-08T10:00:00Z',
        })
      ).statusCode,
    ).toBe(200);
    expect((await act(leader, code, { action: 'approve_apology' })).statusCode).toBe(200);
    expect((await act(leader, code, { action: 'stop', reason: 'Giấy tờ giả mạo' })).statusCode).toBe(200);
    for (const doc of ['control-slip', 'supplement-slip', 'apology', 'stop-notice']) {
      const res = await s.request({
        url: `/api/v1/dossiers/${code}/${doc}.pdf`,
        headers: { cookie: reception },
      });
      expect(res.statusCode, doc).toBe(200);
      expect(res.rawPayload.subarray(0, 5).toString(), doc).toBe('%PDF-');
    }
    const other = await s.login('reception.tan-phu-dong');
    expect(
      (await s.request({ url: `/api/v1/dossiers/${code}/control-slip.pdf`, headers: { cookie: other } }))
        .statusCode,
    ).toBe(404);
    const book = await s.request({
      url: '/api/v1/tracking-book.pdf?from=2025-07-01&to=2025-07-31',
      headers: { cookie: reception },
    });
    expect(book.statusCode).toBe(200);
    expect(book.headers['content-type']).toBe('application/pdf');
    const inverted = await s.request({
      url: '/api/v1/tracking-book.pdf?from=2025-07-31&to=2025-07-01',
      headers: { cookie: reception },
    });
    expect(inverted.statusCode).toBe(422);
  });
});

describe.each(databaseKinds())('decisions at the counter on %s', (kind) => {
  let s: TestServer;
  let clock = new Date('2025-07-01T02:00:00Z');
  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => clock });
  });
  afterAll(async () => s?.close());

  it('refuses at intake with reasons and a refusal slip; guides a supplement before acceptance, then accepts', async () => {
    const reception = await s.login('reception.tan-thoi');
    const post = (payload: Record<string, unknown>) =>
      s.request({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: reception }, payload });
    const noReason = await post(intakeBody({ decision: 'refuse', documents: [] }));
    expect(noReason.json().code).toBe('REASON_REQUIRED');
    const refused = await post(
      intakeBody({
        decision: 'refuse',
        documents: [],
        reasons: ['Thủ tục không thuộc thẩm quyền của UBND xã'],
      }),
    );
    expect(refused.statusCode).toBe(201);
    expect(refused.json()).toMatchObject({ status: 3, statusName: 'Không được tiếp nhận' });
    const slip = await s.request({
      url: `/api/v1/dossiers/${refused.json().code}/refusal-slip.pdf`,
      headers: { cookie: reception },
    });
    expect(slip.statusCode).toBe(200);
    const timeline = (
      await s.request({
        url: `/api/v1/dossiers/${refused.json().code}/timeline`,
        headers: { cookie: reception },
      })
    ).json();
    expect(timeline).toMatchObject([
      { action: 'refuse', toStatus: 3, reason: 'Thủ tục không thuộc thẩm quyền của UBND xã' },
    ]);

    const pending = await post(
      intakeBody({
        decision: 'supplement',
        documents: [],
        reasons: ['Thiếu bản chính'],
        missing: [{ name: 'Bản chính giấy tờ', originals: 1 }],
      }),
    );
    expect(pending.json()).toMatchObject({ status: 1, subState: 'pre_supplement' });
    const code = pending.json().code;
    expect(
      (
        await s.request({
          url: `/api/v1/dossiers/${code}/supplement-slip.pdf`,
          headers: { cookie: reception },
        })
      ).statusCode,
    ).toBe(200);
    const act = (payload: Record<string, unknown>) =>
      s.request({
        method: 'POST',
        url: `/api/v1/dossiers/${code}/actions`,
        headers: { cookie: reception },
        payload,
      });
    expect((await act({ action: 'accept' })).json().code).toBe('ACTION_NOT_ALLOWED');
    expect((await act({ action: 'pre_supplement_received' })).statusCode).toBe(200);
    clock = new Date('2025-07-02T02:00:00Z');
    const accepted = (await act({ action: 'accept' })).json();
    expect(accepted).toMatchObject({
      status: 2,
      receivedAt: '2025-07-02T02:00:00.000Z',
      dueAt: '2025-07-02T10:00:00.000Z',
    });
  });
});

describe.each(databaseKinds())('work queues on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => new Date('2025-07-01T02:00:00Z') });
  });
  afterAll(async () => s?.close());

  it("shows a specialist the dossiers assigned to them and the unassigned ones at their step, nobody else's", async () => {
    const reception = await s.login('reception.tan-thoi');
    const specialist = await s.login('specialist.tan-thoi');
    const leader = await s.login('leader.tan-thoi');
    const post = (payload: Record<string, unknown>) =>
      s.request({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: reception }, payload });
    const act = (cookie: string, code: string, payload: Record<string, unknown>) =>
      s.request({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: { cookie }, payload });
    const codes = [];
    for (let i = 0; i < 3; i++) {
      const code = (await post(intakeBody())).json().code;
      await act(reception, code, { action: 'transfer' });
      codes.push(code);
    }
    // The third moves on to the leader's step.
    await act(specialist, codes[2]!, { action: 'complete_step' });
    const mine = (await s.request({ url: '/api/v1/queues/mine', headers: { cookie: specialist } })).json();
    expect(mine.items.map((i: { code: string }) => i.code).sort()).toEqual([codes[0], codes[1]].sort());
    expect(mine.hasMore).toBe(false);
    const approvals = (
      await s.request({ url: '/api/v1/queues/awaiting_approval', headers: { cookie: leader } })
    ).json();
    expect(approvals.items.map((i: { code: string }) => i.code)).toEqual([codes[2]]);
    const transfer = (
      await s.request({ url: '/api/v1/queues/to_transfer', headers: { cookie: reception } })
    ).json();
    expect(transfer.items).toEqual([]);
  });
});
