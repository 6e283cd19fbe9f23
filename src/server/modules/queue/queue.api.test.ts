import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';

const UNIT = '28693'; // Tân Thới
const OTHER = '28696';
const PER_MINUTE = 50;

/** A distinct client address per request: the kiosks' rate limit is per address. */
let addressSeq = 0;
const nextAddress = () => `10.9.${Math.floor(addressSeq / 250)}.${(addressSeq++ % 250) + 1}`;

describe.each(databaseKinds())('queue tickets and counters (%s)', (kind) => {
  let s: TestServer;
  let clock = new Date('2026-12-07T01:00:00Z'); // 08:00 in Vietnam
  let leader: string;
  let reception: string;
  let specialist: string;
  let otherReception: string;
  let province: string;

  const take = (body: Record<string, unknown>, remoteAddress = nextAddress()) =>
    s.request({ method: 'POST', url: '/api/v1/queue/tickets', payload: body, remoteAddress });
  const callNext = (cookie: string, counter: number) =>
    s.request({ method: 'POST', url: `/api/v1/queue/counters/${counter}/call-next`, headers: { cookie } });
  const act = (cookie: string, id: string, body: Record<string, unknown>) =>
    s.request({
      method: 'POST',
      url: `/api/v1/queue/tickets/${id}/actions`,
      headers: { cookie },
      payload: body,
    });
  const counters = (cookie: string, list: Array<{ number: number; name: string; fields: string[] }>) =>
    s.request({
      method: 'PUT',
      url: '/api/v1/queue/counters',
      headers: { cookie },
      payload: { unit: UNIT, counters: list.map((c) => ({ ...c, active: true })) },
    });
  /** Serves whatever each counter is calling, so the next round may call again. */
  async function finishAll() {
    const list = (await s.request({ url: '/api/v1/queue/counters', headers: { cookie: reception } })).json();
    for (const c of list.counters)
      if (c.current)
        expect((await act(reception, c.current.id, { action: 'served', counter: c.number })).statusCode).toBe(
          200,
        );
  }

  beforeAll(async () => {
    s = await createTestServer(kind, {
      now: () => clock,
      env: { MOTCUA_QUEUE_TICKETS_PER_MINUTE: String(PER_MINUTE) },
    });
    [leader, reception, specialist, otherReception, province] = await Promise.all([
      s.login('leader.tan-thoi'),
      s.login('reception.tan-thoi'),
      s.login('specialist.tan-thoi'),
      s.login('reception.tan-phu-dong'),
      s.login('province.dong-thap'),
    ]);
    const res = await counters(leader, [
      { number: 1, name: 'Quầy 1 — Hộ tịch', fields: ['HT'] },
      { number: 2, name: 'Quầy 2 — Chứng thực', fields: ['CT'] },
      ...Array.from({ length: 8 }, (_, i) => ({ number: i + 3, name: `Quầy ${i + 3}`, fields: [] })),
    ]);
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(async () => s?.close());

  it('numbers the tickets of a commune and day without gaps under concurrent kiosks; the next day starts at 1', async () => {
    clock = new Date('2026-12-07T01:00:00Z');
    const groups = [undefined, 'HT', 'CT', 'HKD'];
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        take({ unit: UNIT, ...(groups[i % 4] ? { group: groups[i % 4] } : {}) }),
      ),
    );
    for (const a of answers) expect(a.statusCode, a.body).toBe(201);
    const numbers = answers.map((a) => a.json().number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const rows = await s.query<{ n: number; max: number }>(
      `SELECT count(*)::int AS n, max(number) AS max FROM queue_tickets WHERE unit_code = $1 AND day = '2026-12-07'`,
      [UNIT],
    );
    expect(rows[0]).toEqual({ n: 40, max: 40 });
    // Another commune has its own sequence.
    expect((await take({ unit: OTHER })).json().number).toBe(1);
    const first = answers[0]!.json();
    expect(first).toMatchObject({
      unit: UNIT,
      day: '2026-12-07',
      status: 'waiting',
      group: null,
      sms: false,
    });
    expect(first.followUrl).toBe(`http://localhost:3000/hang-doi/${UNIT}/${first.id}`);
    expect(answers[1]!.json().group).toEqual({ code: 'HT', name: expect.stringMatching(/Hộ tịch/i) });
  });

  it('calls each ticket at most once when ten counters call next at once', async () => {
    clock = new Date('2026-12-07T02:00:00Z');
    const called: string[] = [];
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => callNext(reception, i + 1)));
      for (const a of answers) expect(a.statusCode, a.body).toBe(200);
      for (const a of answers) if (a.json().ticket) called.push(a.json().ticket.id);
      await finishAll();
    }
    expect(called.length).toBeGreaterThanOrEqual(25);
    expect(new Set(called).size).toBe(called.length);
    const twice = await s.query(`SELECT number FROM queue_tickets WHERE unit_code = $1 AND calls > 1`, [
      UNIT,
    ]);
    expect(twice).toEqual([]);
    // Counter 1 serves Hộ tịch and the general line only; counter 2 Chứng thực and the general line.
    const wrong = await s.query(
      `SELECT number FROM queue_tickets WHERE unit_code = $1 AND ((counter_number = 1 AND field_code NOT IN ('HT'))
         OR (counter_number = 2 AND field_code NOT IN ('CT')))`,
      [UNIT],
    );
    expect(wrong).toEqual([]);
  });

  it('lets one counter hold one called ticket: two calls from it at once give one ticket and one 409', async () => {
    clock = new Date('2026-12-07T03:00:00Z');
    await Promise.all([take({ unit: UNIT }), take({ unit: UNIT })]);
    const [a, b] = await Promise.all([callNext(reception, 5), callNext(specialist, 5)]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    expect([a, b].find((x) => x.statusCode === 409)!.json().code).toBe('QUEUE_COUNTER_BUSY');
    const rows = await s.query(
      `SELECT number FROM queue_tickets WHERE unit_code = $1 AND counter_number = 5 AND status = 'called'`,
      [UNIT],
    );
    expect(rows).toHaveLength(1);
    await finishAll();
  });

  it('recalls, skips to the end of the line, transfers first in line at the other counter, marks no-show', async () => {
    clock = new Date('2026-12-07T04:00:00Z');
    const t = (await take({ unit: UNIT, group: 'HKD' })).json();
    // Counters 3..10 serve every field: call at 3 until this ticket comes.
    let current: { id: string } | null = null;
    for (let i = 0; i < 60 && current?.id !== t.id; i++) {
      if (current) await act(reception, current.id, { action: 'served', counter: 3 });
      current = (await callNext(reception, 3)).json().ticket;
    }
    expect(current?.id).toBe(t.id);
    const recalled = await act(reception, t.id, { action: 'recall', counter: 3 });
    expect(recalled.json()).toMatchObject({ status: 'called', calls: 2, counter: 3 });
    // Not this counter's ticket, or not called: refused.
    expect((await act(reception, t.id, { action: 'served', counter: 4 })).json().code).toBe(
      'QUEUE_ACTION_NOT_ALLOWED',
    );
    expect((await act(reception, t.id, { action: 'transfer', counter: 3, to: 3 })).statusCode).toBe(422);
    expect((await act(reception, t.id, { action: 'transfer', counter: 3, to: 42 })).json().code).toBe(
      'QUEUE_COUNTER_NOT_FOUND',
    );
    const moved = await act(reception, t.id, { action: 'transfer', counter: 3, to: 4 });
    expect(moved.json()).toMatchObject({ status: 'waiting', counter: 4 });
    // Counter 4 calls the transferred ticket before older tickets of the line.
    await take({ unit: UNIT });
    const at4 = (await callNext(reception, 4)).json().ticket;
    expect(at4.id).toBe(t.id);
    const skipped = await act(reception, t.id, { action: 'skip', counter: 4 });
    expect(skipped.json()).toMatchObject({ status: 'waiting', counter: null });
    const follow = (await s.request({ url: `/api/v1/queue/tickets/${t.id}` })).json();
    expect(follow).toMatchObject({ status: 'waiting', number: t.number, expired: false });
    // The follow-up link names the commune (it finds the ticket on that commune's shard alone): the
    // same answer; another commune's name finds nothing; a malformed one is refused.
    const named = await s.request({ url: `/api/v1/queue/tickets/${t.id}?unit=${UNIT}` });
    expect(named.json()).toEqual(follow);
    const elsewhere = await s.request({ url: `/api/v1/queue/tickets/${t.id}?unit=${OTHER}` });
    expect([elsewhere.statusCode, elsewhere.json().code]).toEqual([404, 'QUEUE_TICKET_NOT_FOUND']);
    const malformed = await s.request({ url: `/api/v1/queue/tickets/${t.id}?unit=28%00693` });
    expect([malformed.statusCode, malformed.json().code]).toEqual([422, 'VALIDATION_FAILED']);
    // Skipped: behind everyone who waits in its line.
    const ahead = await s.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM queue_tickets WHERE unit_code = $1 AND day = '2026-12-07' AND status = 'waiting'
         AND field_code IS NOT DISTINCT FROM 'HKD' AND id <> $2`,
      [UNIT, t.id],
    );
    expect(follow.waitingAhead).toBe(ahead[0]!.n);
    let again: { id: string } | null = null;
    for (let i = 0; i < 80 && again?.id !== t.id; i++) {
      if (again) await act(reception, again.id, { action: 'served', counter: 6 });
      again = (await callNext(reception, 6)).json().ticket;
    }
    const gone = await act(reception, t.id, { action: 'no_show', counter: 6 });
    expect(gone.json()).toMatchObject({ status: 'no_show', calls: 4 });
    expect((await act(reception, t.id, { action: 'served', counter: 6 })).json().code).toBe(
      'QUEUE_ACTION_NOT_ALLOWED',
    );
  });

  it('refuses to call or serve a ticket of yesterday; yesterday’s waiting tickets are never called', async () => {
    clock = new Date('2026-12-08T00:30:00Z'); // 07:30 on 8 December in Vietnam
    const old = (await take({ unit: UNIT })).json();
    const waitingOld = (await take({ unit: UNIT })).json();
    const called = (await callNext(reception, 7)).json().ticket;
    expect(called.id).toBe(old.id);
    clock = new Date('2026-12-08T17:05:00Z'); // 00:05 on 9 December
    const served = await act(reception, old.id, { action: 'served', counter: 7 });
    expect(served.statusCode).toBe(409);
    expect(served.json()).toMatchObject({
      code: 'QUEUE_TICKET_EXPIRED',
      title: expect.stringMatching(/ngày trước/),
    });
    // The counter is free on the new day, and the new day's line starts at 1 without yesterday's tickets.
    const fresh = (await take({ unit: UNIT })).json();
    expect(fresh.number).toBe(1);
    const next = (await callNext(reception, 7)).json().ticket;
    expect(next.id).toBe(fresh.id);
    expect((await s.request({ url: `/api/v1/queue/tickets/${waitingOld.id}` })).json()).toMatchObject({
      expired: true,
      waitingAhead: 0,
    });
    const state = await s.query(`SELECT status FROM queue_tickets WHERE id = $1`, [old.id]);
    expect(state).toEqual([{ status: 'called' }]);
    await finishAll();
  });

  it('shows the calls on the board, and pushes each call to the board’s event stream', async () => {
    clock = new Date('2026-12-10T02:00:00Z');
    const address = await s.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    // Without asking for an event stream: the board once, as JSON.
    const once = await fetch(`${address}/api/v1/queue/board/stream?unit=${UNIT}`);
    expect((await once.json()).unit.code).toBe(UNIT);
    const stream = await fetch(`${address}/api/v1/queue/board/stream?unit=${UNIT}`, {
      signal: controller.signal,
      headers: { accept: 'text/event-stream' },
    });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let seen = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(seen)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended: ${seen}`);
        seen += decoder.decode(value);
      }
    };
    await until(/event: ready/);
    const t = (await take({ unit: UNIT, group: 'CT' })).json();
    const res = await callNext(reception, 2);
    expect(res.json().ticket.id).toBe(t.id);
    await until(/event: call\ndata: .*\n\n/);
    const data = JSON.parse(/event: call\ndata: (.*)\n/.exec(seen)![1]!);
    expect(data).toMatchObject({ unit: UNIT, number: t.number, counter: 2, calls: 1 });
    const calling = (await s.request({ url: `/api/v1/queue/board?unit=${UNIT}` })).json();
    expect(calling.current).toContainEqual(
      expect.objectContaining({ number: t.number, counter: 2, counterName: 'Quầy 2 — Chứng thực' }),
    );
    // A recall is a call again; the dossier received from the ticket takes it off the counter.
    expect((await act(reception, t.id, { action: 'recall', counter: 2 })).statusCode).toBe(200);
    await until(/event: call\ndata: .*"calls":2.*\n\n/);
    const received = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: intakeBody({ queueTicketId: t.id }),
      headers: { cookie: reception },
    });
    expect(received.statusCode, received.body).toBe(201);
    await until(/event: change\ndata: .*\n\n/);
    const change = JSON.parse(/event: change\ndata: (.*)\n/.exec(seen)![1]!);
    expect(change).toMatchObject({ unit: UNIT, number: t.number, counter: 2, status: 'served' });
    controller.abort();

    const board = (await s.request({ url: `/api/v1/queue/board?unit=${UNIT}` })).json();
    expect(board.current.map((c: { number: number }) => c.number)).not.toContain(t.number);
    expect(board.recent[0]).toMatchObject({ number: t.number, counter: 2 });
    expect(JSON.stringify(board)).not.toMatch(/phone|applicant/i);
    await finishAll();
  });

  it('sends the ticket by SMS through the outbox, at most three a day per phone, without keeping the phone on the ticket', async () => {
    const phone = '0912 345 678';
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await take({ unit: UNIT, phone: '0912345678' })).json());
    expect(answers.map((a) => a.sms)).toEqual([true, true, true, false]);
    const messages = await s.query<{
      kind: string;
      payload: Record<string, unknown>;
      dossier_code: string | null;
    }>(
      `SELECT kind, payload, dossier_code FROM outbox WHERE payload->>'template' = 'queue_ticket' ORDER BY seq`,
    );
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatchObject({
      kind: 'sms',
      dossier_code: null,
      payload: { to: '0912345678', number: answers[0].number, url: answers[0].followUrl },
    });
    const stored = await s.query(`SELECT * FROM queue_tickets WHERE id = $1`, [answers[0].id]);
    expect(JSON.stringify(stored)).not.toContain(phone.replaceAll(' ', ''));
    const bad = await take({ unit: UNIT, phone: '0212345678' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'phone' })]);
  });

  it('refuses bad kiosk input with a clear message and writes nothing', async () => {
    const before = await s.query<{ n: number }>(`SELECT count(*)::int AS n FROM queue_tickets`);
    const unknownGroup = await take({ unit: UNIT, group: 'XYZ' });
    expect(unknownGroup.statusCode).toBe(422);
    expect(unknownGroup.json()).toMatchObject({ code: 'QUEUE_FIELD_UNKNOWN', errors: [{ path: 'group' }] });
    expect((await take({ unit: '99999' })).json().code).toBe('UNIT_NOT_FOUND');
    expect((await take({ unit: 'x' })).statusCode).toBe(422);
    const big = await s.request({
      method: 'POST',
      url: '/api/v1/queue/tickets',
      payload: { unit: UNIT, group: 'x'.repeat(2000) },
    });
    expect(big.statusCode).toBe(413);
    const after = await s.query<{ n: number }>(`SELECT count(*)::int AS n FROM queue_tickets`);
    expect(after).toEqual(before);
  });

  it('limits the tickets one address takes per minute', async () => {
    const address = nextAddress();
    const codes = [];
    for (let i = 0; i <= PER_MINUTE; i++) codes.push((await take({ unit: OTHER }, address)).statusCode);
    expect(codes.slice(0, PER_MINUTE).every((c) => c === 201)).toBe(true);
    expect(codes[PER_MINUTE]).toBe(429);
  });

  it('prints the ticket as an 80 mm receipt PDF', async () => {
    const t = (await take({ unit: UNIT, group: 'HT' })).json();
    const pdf = await s.request({ url: t.printUrl });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const body = pdf.rawPayload;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    // 80 mm wide: 226.77 pt.
    expect(body.toString('latin1')).toMatch(/\/MediaBox \[0 0 226\.77\d* /);
  });

  it('keeps counters and calls to the commune’s own officers', async () => {
    expect((await counters(specialist, [{ number: 1, name: 'Q', fields: [] }])).statusCode).toBe(403);
    expect((await counters(leader, [{ number: 1, name: 'Q', fields: ['NOPE'] }])).json()).toMatchObject({
      code: 'QUEUE_FIELD_UNKNOWN',
      errors: [{ path: 'counters.0.fields.0' }],
    });
    expect((await callNext(province, 1)).statusCode).toBe(403);
    expect((await callNext(reception, 42)).json().code).toBe('QUEUE_COUNTER_NOT_FOUND');
    const t = (await take({ unit: UNIT })).json();
    // Another commune's officer: the ticket is unknown to them.
    expect((await act(otherReception, t.id, { action: 'served', counter: 1 })).statusCode).toBe(404);
    expect((await s.request({ url: '/api/v1/queue/counters' })).statusCode).toBe(401);
    expect(
      (await s.request({ url: `/api/v1/queue/counters?unit=${OTHER}`, headers: { cookie: reception } }))
        .statusCode,
    ).toBe(404);
  });
});
