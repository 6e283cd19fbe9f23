import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFeedback } from '../../seed/feedback.ts';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';

const UNIT = '28693'; // Tân Thới (Đồng Tháp, province 82)
const vn = (local: string) => new Date(`${local}+07:00`);

let addressSeq = 0;
const nextAddress = () => `10.9.${Math.floor(addressSeq / 250)}.${(addressSeq++ % 250) + 1}`;

describe.each(databaseKinds())('feedback and petitions (PAKN) (%s)', (kind) => {
  let s: TestServer;
  let clock = vn('2026-02-12T09:00:00');
  const cookies: Record<string, string> = {};

  const submit = (body: Record<string, unknown>, remoteAddress = nextAddress()) =>
    s.request({ method: 'POST', url: '/api/v1/feedback', payload: body, remoteAddress });
  const follow = (code: string) =>
    s.request({ url: `/api/v1/feedback/public/${code}`, remoteAddress: nextAddress() });
  const rate = (code: string, rating: string) =>
    s.request({
      method: 'POST',
      url: `/api/v1/feedback/public/${code}/rating`,
      payload: { rating },
      remoteAddress: nextAddress(),
    });
  const act = (who: string, code: string, payload: Record<string, unknown>) =>
    s.request({
      method: 'POST',
      url: `/api/v1/feedback/${code}/actions`,
      headers: { cookie: cookies[who]! },
      payload,
    });
  const detail = (who: string, code: string) =>
    s.request({ url: `/api/v1/feedback/${code}`, headers: { cookie: cookies[who]! } });
  const rows = () => s.query<{ n: number }>('SELECT count(*)::int AS n FROM feedback_items');

  const body = (over: Record<string, unknown> = {}) => ({
    unit: UNIT,
    category: 'attitude',
    name: 'Nguyễn Văn Bình',
    phone: '0912 345 678',
    content: 'Cán bộ tiếp nhận hướng dẫn chưa rõ ràng, tôi phải đi lại ba lần.',
    ...over,
  });

  /** Submits at `at` (Vietnam wall time) and returns the receipt code. */
  async function submitted(at: string, over: Record<string, unknown> = {}): Promise<string> {
    clock = vn(at);
    const res = await submit(body(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().code as string;
  }
  async function step(who: string, code: string, at: string, payload: Record<string, unknown>) {
    clock = vn(at);
    const res = await act(who, code, payload);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => clock });
    for (const u of [
      'reception.tan-thoi',
      'specialist.tan-thoi',
      'leader.tan-thoi',
      'reception.tan-phu-dong',
      'province.dong-thap',
      'admin',
    ])
      cookies[u] = await s.login(u);
  });
  afterAll(async () => s?.close());

  it('goes through every step; the citizen follows with the code in lower case, sees the answer and rates once', async () => {
    const code = await submitted('2026-01-05T08:00:00', { email: 'Binh@Example.vn' });
    expect(code).toMatch(/^PA28693-[2-9A-HJKMNP-Z]{10}$/);
    const seen = await follow(code.toLowerCase());
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ code, status: 'received', unit: { code: UNIT }, canRate: false });
    // No personal data on the public page.
    expect(seen.body).not.toContain('Nguyễn Văn Bình');
    expect(seen.body).not.toContain('0912345678');

    await step('reception.tan-thoi', code, '2026-01-05T10:00:00', { action: 'accept' });
    const answered = await step('specialist.tan-thoi', code, '2026-01-07T09:00:00', {
      action: 'answer',
      answer: 'Trung tâm đã nhắc nhở cán bộ và bổ sung bảng hướng dẫn tại quầy.',
    });
    expect(answered.status).toBe('answered');
    expect(answered.actions).toEqual([]); // the specialist neither approves nor publishes
    expect((await follow(code)).json().answer).toBeNull(); // not public before publication
    const approved = await step('leader.tan-thoi', code, '2026-01-08T09:00:00', { action: 'approve' });
    expect(approved.actions).toEqual(['publish']);
    const published = await step('leader.tan-thoi', code, '2026-01-08T14:00:00', { action: 'publish' });
    expect(published).toMatchObject({
      status: 'published',
      decided: { by: 'Trần Ngọc Ánh' },
      answered: { by: expect.any(String) },
      approved: { at: vn('2026-01-08T09:00:00').toISOString() },
      published: { at: vn('2026-01-08T14:00:00').toISOString() },
      email: 'binh@example.vn',
      phone: '0912345678',
    });
    expect(published.clocks.every((c: { late: boolean }) => !c.late)).toBe(true);

    const pub = (await follow(code)).json();
    expect(pub).toMatchObject({
      status: 'published',
      answer: 'Trung tâm đã nhắc nhở cán bộ và bổ sung bảng hướng dẫn tại quầy.',
      canRate: true,
    });
    const first = await rate(code.toLowerCase(), 'satisfied');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ rating: 'satisfied', canRate: false });
    const second = await rate(code, 'dissatisfied');
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toMatch(/problem\+json/);
    expect(second.json().code).toBe('FEEDBACK_ALREADY_RATED');
    const stored = await s.query<{ rating: string; status: string }>(
      'SELECT rating, status FROM feedback_items WHERE code = $1',
      [code],
    );
    expect(stored).toEqual([{ rating: 'satisfied', status: 'published' }]);
  });

  it('counts each clock in working days on the calendar: Tết Bính Ngọ skipped, information pauses handling', async () => {
    // Thursday 12 Feb 2026, 09:00; Tết is 14–22 Feb (official schedule).
    clock = vn('2026-02-12T09:00:00');
    const res = await submit(body({ category: 'time_limit' }));
    expect(res.statusCode, res.body).toBe(201);
    const code = res.json().code as string;
    // Decision: 2 working days = Thu 09:00–17:00 (6 h) + Fri (8 h) + Mon 23 Feb 07:00–09:00 (2 h).
    expect(res.json().decisionDueAt).toBe(vn('2026-02-23T09:00:00').toISOString());
    // Handling: 15 working days → Thu 12 Mar 09:00.
    expect(res.json().handlingDueAt).toBe(vn('2026-03-12T09:00:00').toISOString());

    const asked = await step('reception.tan-thoi', code, '2026-02-13T10:00:00', {
      action: 'request_info',
      request: 'Xin cho biết ngày nộp hồ sơ và tên thủ tục.',
    });
    expect(asked.status).toBe('info_requested');
    expect(asked.pending).toBeNull(); // waiting for the citizen: no clock of ours runs
    expect(asked.clocks).toEqual([
      {
        clock: 'decision',
        dueAt: vn('2026-02-23T09:00:00').toISOString(),
        doneAt: expect.any(String),
        late: false,
      },
      // First request: 5 working days → Thu 26 Feb 09:00.
      {
        clock: 'infoRequest',
        dueAt: vn('2026-02-26T09:00:00').toISOString(),
        doneAt: expect.any(String),
        late: false,
      },
    ]);
    // Only one request for information.
    const again = await act('leader.tan-thoi', code, { action: 'request_info', request: 'Thêm nữa' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('FEEDBACK_ACTION_NOT_ALLOWED');

    // The citizen replies on Monday 2 March, 09:00: handling runs 15 working days from then → Mon 23 Mar.
    clock = vn('2026-03-02T09:00:00');
    const replied = await s.request({
      method: 'POST',
      url: `/api/v1/feedback/public/${code.toLowerCase()}/info`,
      payload: { reply: 'Nộp ngày 05/02/2026, thủ tục chứng thực bản sao.' },
      remoteAddress: nextAddress(),
    });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json()).toMatchObject({
      status: 'accepted',
      pending: { clock: 'handling', dueAt: vn('2026-03-23T09:00:00').toISOString(), overdue: false },
    });
    await step('specialist.tan-thoi', code, '2026-03-19T15:00:00', {
      action: 'answer',
      answer: 'Đã trả lời.',
    });
    const approved = await step('leader.tan-thoi', code, '2026-03-20T10:00:00', { action: 'approve' });
    // Publication: 2 working days after approval (Fri 20 Mar 10:00 → Tue 24 Mar 10:00).
    expect(approved.pending).toEqual({
      clock: 'publication',
      dueAt: vn('2026-03-24T10:00:00').toISOString(),
      overdue: false,
    });
    clock = vn('2026-03-24T10:01:00');
    const late = (await detail('reception.tan-thoi', code)).json();
    expect(late.pending.overdue).toBe(true);
    expect(late.clocks.find((c: { clock: string }) => c.clock === 'publication').late).toBe(true);
    const list = await s.request({
      url: '/api/v1/feedback',
      headers: { cookie: cookies['leader.tan-thoi']! },
    });
    expect(list.json().items.find((i: { code: string }) => i.code === code)).toMatchObject({ late: true });
    // Published late: it stays late once ended.
    const ended = await step('reception.tan-thoi', code, '2026-03-25T09:00:00', { action: 'publish' });
    expect(ended.pending).toBeNull();
    expect(
      ended.clocks.filter((c: { late: boolean }) => c.late).map((c: { clock: string }) => c.clock),
    ).toEqual(['publication']);
  });

  it('computes 5.1, 5.2 and 5.3 for the commune and period from a hand-counted set', async () => {
    // April 2026 (holidays: 27 Apr for Giỗ Tổ, 30 Apr, 1 May).
    // F1 on time all the way, rated "hài lòng" in April.
    const f1 = await submitted('2026-04-01T09:00:00', { category: 'attitude' });
    await step('reception.tan-thoi', f1, '2026-04-02T09:00:00', { action: 'accept' });
    await step('specialist.tan-thoi', f1, '2026-04-06T09:00:00', { action: 'answer', answer: 'Trả lời F1' });
    await step('leader.tan-thoi', f1, '2026-04-07T09:00:00', { action: 'approve' });
    await step('leader.tan-thoi', f1, '2026-04-08T09:00:00', { action: 'publish' });
    clock = vn('2026-04-09T09:00:00');
    expect((await rate(f1, 'satisfied')).statusCode).toBe(200);
    // F2 refused after its 2 working days (due Fri 3 Apr 09:00): late.
    const f2 = await submitted('2026-04-01T09:00:00', { category: 'fees' });
    await step('reception.tan-thoi', f2, '2026-04-06T09:00:00', {
      action: 'refuse',
      reason: 'Không thuộc thẩm quyền',
    });
    // F3 accepted, still open at the end: handling was due Thu 23 Apr 09:00 → late.
    const f3 = await submitted('2026-04-02T09:00:00', { category: 'procedure' });
    await step('reception.tan-thoi', f3, '2026-04-02T10:00:00', { action: 'accept' });
    // F4 accepted 20 Apr, open, within time.
    const f4 = await submitted('2026-04-20T09:00:00', { category: 'time_limit' });
    await step('reception.tan-thoi', f4, '2026-04-20T10:00:00', { action: 'accept' });
    // F5 submitted and published in March (outside 5.1 and 5.2), rated "không hài lòng" on 2 April.
    const f5 = await submitted('2026-03-20T09:00:00', { category: 'other' });
    await step('reception.tan-thoi', f5, '2026-03-20T10:00:00', { action: 'accept' });
    await step('specialist.tan-thoi', f5, '2026-03-23T09:00:00', { action: 'answer', answer: 'Trả lời F5' });
    await step('leader.tan-thoi', f5, '2026-03-24T09:00:00', { action: 'approve' });
    await step('leader.tan-thoi', f5, '2026-03-25T09:00:00', { action: 'publish' });
    clock = vn('2026-04-02T09:00:00');
    expect((await rate(f5, 'dissatisfied')).statusCode).toBe(200);
    // F6 received on 29 April, not decided: due Tue 5 May 09:00 (30 Apr, 1 May off) → on time.
    await submitted('2026-04-29T09:00:00', { category: 'other' });

    clock = vn('2026-05-10T09:00:00');
    const report = await s.request({
      url: `/api/v1/reports/settlement?unit=${UNIT}&from=2026-04-01&to=2026-04-30`,
      headers: { cookie: cookies['leader.tan-thoi']! },
    });
    expect(report.statusCode, report.body).toBe(200);
    const index = report.json().index766 as Array<Record<string, unknown>>;
    const byId = Object.fromEntries(index.map((i) => [i.id, i]));
    expect(byId['5.1']).toMatchObject({
      numerator: 5,
      value: 5,
      unit: 'count',
      parts: { attitude: 1, time_limit: 1, procedure: 1, fees: 1, other: 1 },
    });
    expect(byId['5.1']?.missing).toBeUndefined();
    // Processed: F1, F2 ended in April; F3, F4, F6 open at the cut-off. On time: F1, F4, F6.
    expect(byId['5.2']).toMatchObject({ numerator: 3, denominator: 5, value: 60 });
    // Rated in April: F1 satisfied, F5 dissatisfied.
    expect(byId['5.3']).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(String(byId['5.2']?.formulaVi)).toMatch(/2 ngày làm việc/);
    // The dashboard scores the same figures: 5.2 and 5.3 earn points, 5.1 is listed unscored.
    const dash = await s.request({
      url: '/api/v1/reports/dashboard?province=82&from=2026-04-01&to=2026-04-30',
      headers: { cookie: cookies['province.dong-thap']! },
    });
    expect(dash.statusCode, dash.body).toBe(200);
    const tanThoi = dash.json().communes.find((c: { unit: { code: string } }) => c.unit.code === UNIT);
    const comp = (id: string) => tanThoi.index766.components.find((k: { id: string }) => k.id === id);
    expect(comp('5.2')).toMatchObject({ value: 60, points: 2.7 });
    expect(comp('5.3')).toMatchObject({ value: 50, points: 2.25 });
    expect(comp('5.1')).toMatchObject({ value: 5, points: null });

    // A period before any feedback (open items carry over into later periods, as in 2.1): no figure, never a 0.
    const empty = await s.request({
      url: `/api/v1/reports/settlement?unit=${UNIT}&from=2025-12-01&to=2025-12-31`,
      headers: { cookie: cookies['leader.tan-thoi']! },
    });
    for (const id of ['5.1', '5.2', '5.3']) {
      const i = (empty.json().index766 as Array<Record<string, unknown>>).find((x) => x.id === id);
      expect(i, id).toMatchObject({ value: null });
      expect(String(i?.missing), id).toMatch(/chưa có/);
    }
  });

  it('lets each role take only its steps, and only in its own commune', async () => {
    const code = await submitted('2026-05-04T09:00:00');
    // Another commune's officer: the item is unknown to them (no probing), to read or to act.
    const other = await detail('reception.tan-phu-dong', code);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('FEEDBACK_NOT_FOUND');
    expect((await act('reception.tan-phu-dong', code, { action: 'accept' })).statusCode).toBe(404);
    // The province reads but does not act.
    expect((await detail('province.dong-thap', code)).json().actions).toEqual([]);
    const byProvince = await act('province.dong-thap', code, { action: 'accept' });
    expect(byProvince.statusCode).toBe(403);
    expect(byProvince.json().code).toBe('FORBIDDEN');
    expect((await act('admin', code, { action: 'accept' })).statusCode).toBe(403);
    await step('specialist.tan-thoi', code, '2026-05-04T10:00:00', { action: 'accept' });
    expect((await act('reception.tan-thoi', code, { action: 'answer', answer: 'x' })).statusCode).toBe(403);
    await step('specialist.tan-thoi', code, '2026-05-04T11:00:00', { action: 'answer', answer: 'Trả lời' });
    expect((await act('specialist.tan-thoi', code, { action: 'approve' })).statusCode).toBe(403);
    expect((await act('reception.tan-thoi', code, { action: 'approve' })).statusCode).toBe(403);
    await step('leader.tan-thoi', code, '2026-05-05T09:00:00', { action: 'approve' });
    expect((await act('specialist.tan-thoi', code, { action: 'publish' })).statusCode).toBe(403);
    await step('reception.tan-thoi', code, '2026-05-05T10:00:00', { action: 'publish' });
    // The province's officer and the administrator list the commune's feedback; another commune does not.
    for (const who of ['province.dong-thap', 'admin']) {
      const list = await s.request({
        url: `/api/v1/feedback?unit=${UNIT}`,
        headers: { cookie: cookies[who]! },
      });
      expect(list.statusCode, who).toBe(200);
      expect(list.json().items.some((i: { code: string }) => i.code === code)).toBe(true);
    }
    const foreign = await s.request({
      url: `/api/v1/feedback?unit=${UNIT}`,
      headers: { cookie: cookies['reception.tan-phu-dong']! },
    });
    expect(foreign.statusCode).toBe(404);
    expect((await s.request({ url: '/api/v1/feedback' })).statusCode).toBe(401);
  });

  it('refuses bad input with a Vietnamese problem and a stable code, writing nothing', async () => {
    clock = vn('2026-05-06T09:00:00');
    const before = (await rows())[0]!.n;
    const problem = async (res: Awaited<ReturnType<typeof submit>>, status: number, code: string) => {
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe(code);
      expect(res.json().title).toMatch(/[ăâđêôơưàáảãạ]/i);
      return res.json();
    };
    // NUL in the content.
    const nul = await problem(
      await submit(body({ content: 'Nội dung\u0000 phản ánh đủ dài' })),
      422,
      'VALIDATION_FAILED',
    );
    expect(nul.errors.map((e: { path: string }) => e.path)).toContain('content');
    // A dossier code the commune never received.
    await problem(
      await submit(body({ dossierCode: 'H82.045-260101-9999' })),
      422,
      'FEEDBACK_DOSSIER_UNKNOWN',
    );
    // Neither phone nor e-mail.
    await problem(await submit(body({ phone: undefined })), 422, 'FEEDBACK_CONTACT_REQUIRED');
    // An unknown category, a commune that does not exist.
    await problem(await submit(body({ category: 'spam' })), 422, 'VALIDATION_FAILED');
    await problem(await submit(body({ unit: '99999' })), 404, 'UNIT_NOT_FOUND');
    expect((await rows())[0]!.n).toBe(before);

    // A dossier of the commune is accepted, its code typed in lower case.
    const intake = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: cookies['reception.tan-thoi']! },
      payload: intakeBody(),
    });
    expect(intake.statusCode, intake.body).toBe(201);
    const dossierCode = intake.json().code as string;
    const withDossier = await submit(body({ dossierCode: dossierCode.toLowerCase() }));
    expect(withDossier.statusCode, withDossier.body).toBe(201);
    const linked = (await detail('reception.tan-thoi', withDossier.json().code)).json();
    expect(linked.dossierCode).toBe(dossierCode);

    // A script in the content is kept as the text it is.
    const script = '<script>alert("x")</script> Cán bộ không hướng dẫn <b>đầy đủ</b>';
    const scripted = await submit(body({ content: script }));
    expect(scripted.statusCode).toBe(201);
    const code = scripted.json().code as string;
    expect((await follow(code)).json().content).toBe(script);

    // Rating before an answer is published.
    await problem(await rate(code, 'satisfied'), 409, 'FEEDBACK_NOT_PUBLISHED');
    // Refusal without a reason: nothing changes.
    const noReason = await problem(
      await act('reception.tan-thoi', code, { action: 'refuse' }),
      422,
      'REASON_REQUIRED',
    );
    expect(noReason.errors[0].path).toBe('reason');
    await problem(
      await act('reception.tan-thoi', code, { action: 'refuse', reason: '   ' }),
      422,
      'REASON_REQUIRED',
    );
    // Answering before acceptance, approving nothing: the step is not allowed in the status.
    await problem(
      await act('leader.tan-thoi', code, { action: 'approve' }),
      409,
      'FEEDBACK_ACTION_NOT_ALLOWED',
    );
    const info = await s.request({
      method: 'POST',
      url: `/api/v1/feedback/public/${code}/info`,
      payload: { reply: 'Thêm' },
      remoteAddress: nextAddress(),
    });
    await problem(info, 409, 'FEEDBACK_ACTION_NOT_ALLOWED');
    const state = await s.query<{ status: string; refused_at: unknown; rating: unknown }>(
      'SELECT status, refused_at, rating FROM feedback_items WHERE code = $1',
      [code],
    );
    expect(state).toEqual([{ status: 'received', refused_at: null, rating: null }]);
    // Unknown and malformed codes.
    await problem(await follow('PA28693-ABCDEFGHJK'), 404, 'FEEDBACK_NOT_FOUND');
    await problem(await follow('khong-phai-ma'), 404, 'FEEDBACK_NOT_FOUND');
  });

  it('limits submissions per client address', async () => {
    clock = vn('2026-05-07T09:00:00');
    const address = '10.250.0.1';
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await submit(body({ category: 'other' }), address)).statusCode);
    expect(statuses.slice(0, 20).every((c) => c === 201)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('seeds the demo items once, through the use cases', async () => {
    const now = new Date('2026-12-07T03:00:00Z');
    expect(await seedDemoFeedback(s.database, s.config, now)).toBe(true);
    expect(await seedDemoFeedback(s.database, s.config, now)).toBe(false);
    const seeded = await s.query<{ unit_code: string; status: string; rating: string | null }>(
      `SELECT unit_code, status, rating FROM feedback_items WHERE submitted_at > '2026-11-20' ORDER BY submitted_at`,
    );
    expect(seeded).toEqual([
      { unit_code: '28693', status: 'published', rating: 'satisfied' },
      { unit_code: '28693', status: 'answered', rating: null },
      { unit_code: '28696', status: 'refused', rating: null },
      { unit_code: '28693', status: 'info_requested', rating: null },
      { unit_code: '28693', status: 'received', rating: null },
    ]);
  });
});
