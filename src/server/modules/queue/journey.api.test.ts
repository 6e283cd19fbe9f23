import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';

// Issue 16 item 2: a ticket served at a counter becomes the dossier received there, a consultation
// logged, or nothing; the report's waiting and service times come from the exact instants.
const UNIT = '28693'; // Tân Thới
const DAY = '2026-12-08';
/** An instant of DAY in Vietnam time (UTC+7), "HH:MM". */
const at = (hm: string) => new Date(`${DAY}T${hm}:00+07:00`);

let addressSeq = 0;
const nextAddress = () => `10.8.${Math.floor(addressSeq / 250)}.${(addressSeq++ % 250) + 1}`;

describe.each(databaseKinds())('a ticket and its dossier as one visit; the queue report (%s)', (kind) => {
  let s: TestServer;
  let clock = at('07:30');
  let leader: string;
  let reception: string;
  let otherLeader: string;
  let province: string;

  const req = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie?: string, payload?: unknown) =>
    s.request({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      remoteAddress: nextAddress(),
    });
  const take = async (group?: string) => {
    const r = await req('POST', '/api/v1/queue/tickets', undefined, {
      unit: UNIT,
      ...(group ? { group } : {}),
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: string; number: number };
  };
  const callNext = async (counter: number) => {
    const r = await req('POST', `/api/v1/queue/counters/${counter}/call-next`, reception);
    expect(r.statusCode, r.body).toBe(200);
    return r.json().ticket as { id: string; number: number };
  };
  const act = async (id: string, action: string, counter: number) => {
    const r = await req('POST', `/api/v1/queue/tickets/${id}/actions`, reception, { action, counter });
    expect(r.statusCode, r.body).toBe(200);
  };
  const report = (cookie: string, query = `unit=${UNIT}&from=${DAY}&to=${DAY}`) =>
    req('GET', `/api/v1/reports/queue?${query}`, cookie);

  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => clock, env: { MOTCUA_QUEUE_TICKETS_PER_MINUTE: '1000' } });
    [leader, reception, otherLeader, province] = await Promise.all([
      s.login('leader.tan-thoi'),
      s.login('reception.tan-thoi'),
      s.login('leader.tan-phu-dong'),
      s.login('province.dong-thap'),
    ]);
    const saved = await s.request({
      method: 'PUT',
      url: '/api/v1/queue/counters',
      headers: { cookie: leader },
      payload: {
        unit: UNIT,
        counters: [
          { number: 1, name: 'Quầy 1', fields: [], active: true },
          { number: 2, name: 'Quầy 2', fields: [], active: true },
        ],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });
  afterAll(async () => s?.close());

  it('receives the dossier from the called ticket in one transaction; a consultation or nothing also ends it; the report gives the hand-computed times', async () => {
    clock = at('08:00');
    const a = await take('HT');
    clock = at('08:05');
    const b = await take();
    clock = at('08:06');
    expect((await callNext(1)).id).toBe(a.id); // waits 360 s
    clock = at('08:07');
    expect((await callNext(2)).id).toBe(b.id); // waits 120 s

    // A ticket not called at a counter cannot be the source of a dossier: refused, nothing written.
    clock = at('08:10');
    const c = await take('HT');
    const dossiersBefore = (await s.query<{ n: number }>('SELECT count(*)::int AS n FROM dossiers'))[0]!.n;
    const refused = await req('POST', '/api/v1/dossiers', reception, intakeBody({ queueTicketId: c.id }));
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().code).toBe('QUEUE_ACTION_NOT_ALLOWED');
    expect((await s.query<{ n: number }>('SELECT count(*)::int AS n FROM dossiers'))[0]!.n).toBe(
      dossiersBefore,
    );

    // B: a consultation logged at counter 2 ends it (service 08:07 → 08:10, 180 s).
    const consultation = await req('POST', '/api/v1/consultations', reception, {
      fieldCode: 'HT',
      channel: 'counter',
      subject: 'Hỏi thủ tục đăng ký khai sinh',
      queueTicketId: b.id,
    });
    expect(consultation.statusCode, consultation.body).toBe(201);
    // A second consultation for the same (now finished) ticket is refused and not logged.
    const again = await req('POST', '/api/v1/consultations', reception, {
      fieldCode: 'HT',
      channel: 'counter',
      subject: 'Lần hai',
      queueTicketId: b.id,
    });
    expect(again.statusCode, again.body).toBe(409);
    expect(
      (
        await s.query<{ n: number }>(`SELECT count(*)::int AS n FROM consultations WHERE subject = 'Lần hai'`)
      )[0]!.n,
    ).toBe(0);

    // A: the dossier received at counter 1 (service 08:06 → 08:16, 600 s).
    clock = at('08:16');
    const received = await req('POST', '/api/v1/dossiers', reception, intakeBody({ queueTicketId: a.id }));
    expect(received.statusCode, received.body).toBe(201);
    const code = received.json().code as string;
    const [linked] = await s.query<{ status: string; outcome: string; dossier_code: string }>(
      'SELECT status, outcome, dossier_code FROM queue_tickets WHERE id = $1',
      [a.id],
    );
    expect(linked).toEqual({ status: 'served', outcome: 'dossier', dossier_code: code });
    // The ticket is finished: a second dossier from it is refused, and no dossier number is used up.
    const twice = await req('POST', '/api/v1/dossiers', reception, intakeBody({ queueTicketId: a.id }));
    expect(twice.statusCode, twice.body).toBe(409);
    const next = await req('POST', '/api/v1/dossiers', reception, intakeBody());
    expect(next.statusCode).toBe(201);
    expect(Number(next.json().code.slice(-4))).toBe(Number(code.slice(-4)) + 1);

    // C: called 08:20 (waits 600 s), served with nothing 08:21 (60 s).
    clock = at('08:20');
    expect((await callNext(1)).id).toBe(c.id);
    clock = at('08:21');
    await act(c.id, 'served', 1);
    // D: taken 09:00, called 09:05 (300 s), no-show.
    clock = at('09:00');
    const d = await take('CT');
    clock = at('09:05');
    expect((await callNext(2)).id).toBe(d.id);
    clock = at('09:06');
    await act(d.id, 'no_show', 2);
    // E: taken 09:10, called 09:15 (300 s), recalled 09:16, served 09:20 (240 s from the answered call).
    clock = at('09:10');
    const e = await take();
    clock = at('09:15');
    expect((await callNext(2)).id).toBe(e.id);
    clock = at('09:16');
    await act(e.id, 'recall', 2);
    clock = at('09:20');
    await act(e.id, 'served', 2);

    const res = await report(leader);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    // Waits 360, 120, 600, 300, 300 → sorted 120 300 300 360 600: p50 = 3rd = 300, p90 = 5th = 600.
    // Services 600, 180, 60, 240 → sorted 60 180 240 600: p50 = 2nd = 180, p90 = 4th = 600.
    expect(r.totals).toEqual({
      tickets: 5,
      served: 4,
      noShow: 1,
      waitP50: 300,
      waitP90: 600,
      serviceP50: 180,
      serviceP90: 600,
      outcomes: { dossier: 1, consultation: 1, none: 2 },
    });
    expect(r.byHour).toEqual([
      // 8 h: waits 120 360 600, services 60 180 600.
      {
        hour: 8,
        tickets: 3,
        served: 3,
        noShow: 0,
        waitP50: 360,
        waitP90: 600,
        serviceP50: 180,
        serviceP90: 600,
      },
      // 9 h: waits 300 300, service 240.
      {
        hour: 9,
        tickets: 2,
        served: 1,
        noShow: 1,
        waitP50: 300,
        waitP90: 300,
        serviceP50: 240,
        serviceP90: 240,
      },
    ]);
    const byCounter = new Map(r.byCounter.map((x: { counter: number }) => [x.counter, x]));
    // Counter 1: A (360, 600) and C (600, 60). Counter 2: B (120, 180), D (300, –), E (300, 240).
    expect(byCounter.get(1)).toMatchObject({
      tickets: 2,
      waitP50: 360,
      waitP90: 600,
      serviceP50: 60,
      serviceP90: 600,
    });
    expect(byCounter.get(2)).toMatchObject({
      tickets: 3,
      noShow: 1,
      waitP50: 300,
      serviceP50: 180,
      serviceP90: 240,
    });
    const byField = new Map(r.byField.map((x: { field: string | null }) => [x.field, x]));
    expect(byField.get('HT')).toMatchObject({ tickets: 2, waitP50: 360, waitP90: 600 });
    expect(byField.get(null)).toMatchObject({
      tickets: 2,
      waitP50: 120,
      waitP90: 300,
      serviceP50: 180,
      serviceP90: 240,
    });
    expect(r.perDay).toEqual([{ day: DAY, tickets: 5, served: 4, noShow: 1 }]);
    expect(r.busiestHours).toEqual([
      { hour: 8, tickets: 3 },
      { hour: 9, tickets: 2 },
    ]);
    const visitA = r.visits.find((v: { number: number }) => v.number === a.number);
    expect(visitA).toMatchObject({
      outcome: 'dossier',
      dossierCode: code,
      waitSeconds: 360,
      serviceSeconds: 600,
    });
  });

  it('refuses a bad period and a commune out of scope with problem+json', async () => {
    const inverted = await report(leader, `unit=${UNIT}&from=2026-12-09&to=2026-12-01`);
    expect(inverted.statusCode).toBe(422);
    expect(inverted.headers['content-type']).toContain('application/problem+json');
    expect(inverted.json().code).toBe('VALIDATION_FAILED');
    const tooLong = await report(leader, `unit=${UNIT}&from=2024-01-01&to=2026-12-01`);
    expect(tooLong.statusCode).toBe(422);
    const badDate = await report(leader, `unit=${UNIT}&from=2026-02-30&to=2026-03-01`);
    expect(badDate.statusCode).toBe(422);
    // Another commune's leader: answered like an unknown commune.
    const foreign = await report(otherLeader);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('UNIT_NOT_FOUND');
    // The province officer of its province reads it; without a commune named: asked to name one.
    expect((await report(province)).statusCode).toBe(200);
    expect((await report(province, `from=${DAY}&to=${DAY}`)).statusCode).toBe(422);
    expect((await req('GET', `/api/v1/reports/queue?unit=${UNIT}&from=${DAY}&to=${DAY}`)).statusCode).toBe(
      401,
    );
  });

  it('adds, renames and deactivates counters against their version; a stale save is 409 and writes nothing', async () => {
    const list = async () => (await req('GET', `/api/v1/queue/counters?unit=${UNIT}`, leader)).json();
    const added = await req('POST', '/api/v1/queue/counters', leader, {
      unit: UNIT,
      number: 7,
      name: 'Quầy 7 — Chứng thực',
      fields: ['CT'],
    });
    expect(added.statusCode, added.body).toBe(201);
    const dup = await req('POST', '/api/v1/queue/counters', leader, {
      unit: UNIT,
      number: 7,
      name: 'X',
      fields: [],
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('QUEUE_COUNTER_EXISTS');
    const seven = (await list()).counters.find((c: { number: number }) => c.number === 7);
    expect(seven).toMatchObject({ name: 'Quầy 7 — Chứng thực', fields: ['CT'], active: true, version: 1 });

    const renamed = await req('PATCH', '/api/v1/queue/counters/7', leader, {
      unit: UNIT,
      name: 'Quầy 7 — Chứng thực, hộ tịch',
      fields: ['CT', 'HT'],
      active: true,
      version: 1,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    // A second page still showing version 1 deactivates it: refused, the rename stays.
    const stale = await req('PATCH', '/api/v1/queue/counters/7', leader, {
      unit: UNIT,
      name: 'Quầy 7',
      fields: [],
      active: false,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('QUEUE_COUNTER_STALE');
    expect((await list()).counters.find((c: { number: number }) => c.number === 7)).toMatchObject({
      name: 'Quầy 7 — Chứng thực, hộ tịch',
      active: true,
      version: 2,
    });
    const off = await req('PATCH', '/api/v1/queue/counters/7', leader, {
      unit: UNIT,
      name: 'Quầy 7 — Chứng thực, hộ tịch',
      fields: ['CT', 'HT'],
      active: false,
      version: 2,
    });
    expect(off.statusCode).toBe(200);
    expect(off.json().counters.find((c: { number: number }) => c.number === 7).active).toBe(false);

    // Unknown field, unknown counter, a reception officer, another commune's leader.
    const unknownField = await req('PATCH', '/api/v1/queue/counters/7', leader, {
      unit: UNIT,
      name: 'Quầy 7',
      fields: ['KHONGCO'],
      active: true,
      version: 3,
    });
    expect(unknownField.statusCode).toBe(422);
    const missing = await req('PATCH', '/api/v1/queue/counters/42', leader, {
      unit: UNIT,
      name: 'Quầy 42',
      fields: [],
      active: true,
      version: 1,
    });
    expect(missing.statusCode).toBe(404);
    const byReception = await req('POST', '/api/v1/queue/counters', reception, {
      number: 8,
      name: 'Quầy 8',
      fields: [],
    });
    expect(byReception.statusCode).toBe(403);
    const foreign = await req('POST', '/api/v1/queue/counters', otherLeader, {
      unit: UNIT,
      number: 8,
      name: 'Quầy 8',
      fields: [],
    });
    expect(foreign.statusCode).toBe(404);
  });
});
