import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, type TestServer } from '../../test-support/harness.ts';

// A counter officer logs a consultation and the leader adds a piece of equipment, as the registers'
// forms send them: each is listed, counted in its report, and kept from other communes; bad input
// and the wrong role are refused with nothing written.
describe.each(databaseKinds())('consultations and equipment by hand on %s', (kind) => {
  let s: TestServer;
  let leader: string;
  let reception: string;
  let specialist: string;
  let otherLeader: string;
  let province: string;
  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => new Date('2025-07-03T02:00:00Z') });
    leader = await s.login('leader.tan-thoi');
    reception = await s.login('reception.tan-thoi');
    specialist = await s.login('specialist.tan-thoi');
    otherLeader = await s.login('leader.tan-phu-dong');
    province = await s.login('province.dong-thap');
  });
  afterAll(async () => s?.close());

  const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
    s.request({ method, url, headers: { cookie }, payload });
  const rows = async (table: 'consultations' | 'equipment') =>
    (await s.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? 0;

  /** A procedure of Tân Thới's catalogue and its field, as the consultation form offers them. */
  const procedure = async () => {
    const list = (await call('GET', '/api/v1/procedures?unit=28693', reception)).json() as Array<{
      code: string;
      field: { code: string };
    }>;
    const first = list[0];
    if (!first) throw new Error('Tân Thới has no procedure');
    return first;
  };

  const fields = async () => {
    const list = (await call('GET', '/api/v1/procedures?unit=28693', reception)).json() as Array<{
      field: { code: string };
    }>;
    return [...new Set(list.map((p) => p.field.code))];
  };

  it('logs a consultation at the counter and by phone; the log and the report count them', async () => {
    const { code, field } = await procedure();
    const report = async (cookie: string) =>
      (
        await call('GET', '/api/v1/reports/consultations?unit=28693&from=2025-07-01&to=2025-07-31', cookie)
      ).json();
    const before = await report(leader);

    const counter = await call('POST', '/api/v1/consultations', reception, {
      fieldCode: field.code,
      procedureCode: code,
      channel: 'counter',
      subject: 'Hỏi thủ tục chứng thực bản sao giấy khai sinh cho con',
    });
    expect(counter.statusCode, counter.body).toBe(201);
    // A time typed in office time; no procedure.
    const phone = await call('POST', '/api/v1/consultations', specialist, {
      fieldCode: field.code,
      procedureCode: null,
      channel: 'phone',
      subject: 'Hỏi giờ làm việc ngày thứ Bảy',
      at: '2025-07-02T14:30:00+07:00',
    });
    expect(phone.statusCode, phone.body).toBe(201);

    const log = (await call('GET', '/api/v1/consultations?from=2025-07-01&to=2025-07-31', reception)).json();
    expect(log).toEqual(
      expect.arrayContaining([
        {
          id: counter.json().id,
          at: '2025-07-03T02:00:00.000Z',
          fieldCode: field.code,
          procedureCode: code,
          channel: 'counter',
          subject: 'Hỏi thủ tục chứng thực bản sao giấy khai sinh cho con',
        },
        {
          id: phone.json().id,
          at: '2025-07-02T07:30:00.000Z',
          fieldCode: field.code,
          procedureCode: null,
          channel: 'phone',
          subject: 'Hỏi giờ làm việc ngày thứ Bảy',
        },
      ]),
    );
    const after = await report(leader);
    expect(after.total).toBe(before.total + 2);
    const byChannel = (r: { byChannel: Array<{ channel: string; count: number }> }, c: string) =>
      r.byChannel.find((x) => x.channel === c)?.count ?? 0;
    expect(byChannel(after, 'counter')).toBe(byChannel(before, 'counter') + 1);
    expect(byChannel(after, 'phone')).toBe(byChannel(before, 'phone') + 1);
    // The province sees Tân Thới's figures; the neighbouring commune does not see its log.
    expect((await report(province)).total).toBe(after.total);
    const neighbour = await call(
      'GET',
      '/api/v1/consultations?unit=28693&from=2025-07-01&to=2025-07-31',
      otherLeader,
    );
    expect(neighbour.statusCode).toBe(403);
  });

  it('refuses a consultation with a missing subject, a control character, an unknown channel, field or procedure, writing nothing', async () => {
    const { field } = await procedure();
    const n = await rows('consultations');
    const good = { fieldCode: field.code, channel: 'counter', subject: 'Hỏi về lệ phí' };
    const { code } = await procedure();
    const otherField = (await fields()).find((f) => f !== field.code);
    for (const bad of [
      { ...good, subject: '' },
      { ...good, subject: 'Hỏi\u0000 về lệ phí' },
      { ...good, channel: 'letter' },
      { ...good, fieldCode: '' },
      { ...good, at: '2025-07-02 14:30' },
      { ...good, fieldCode: 'khong-co' },
      { ...good, procedureCode: '9.999999' },
      // A procedure of the catalogue filed under another field.
      { ...good, fieldCode: otherField, procedureCode: code },
    ]) {
      const res = await call('POST', '/api/v1/consultations', reception, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(res.json().errors[0].message).toBeTruthy();
    }
    // Officers of the province do not keep a commune's consultation log.
    expect((await call('POST', '/api/v1/consultations', province, good)).statusCode).toBe(403);
    expect(await rows('consultations')).toBe(n);
  });

  it('adds a piece of equipment; the register and the equipment report list it', async () => {
    const item = {
      kind: 'queue_kiosk',
      name: 'Máy lấy số thứ tự tự động',
      quantity: 1,
      condition: 'good',
      location: 'Sảnh Trung tâm',
      meetsNeed: true,
      note: 'Trang bị năm 2025',
    };
    const before = (await call('GET', '/api/v1/reports/equipment?unit=28693', leader)).json();
    const added = await call('POST', '/api/v1/registers/equipment?unit=28693', leader, item);
    expect(added.statusCode, added.body).toBe(201);
    const listed = (await call('GET', '/api/v1/registers/equipment?unit=28693', reception)).json();
    expect(listed).toContainEqual({ id: added.json().id, ...item });
    const after = (await call('GET', '/api/v1/reports/equipment?unit=28693', leader)).json();
    expect(JSON.stringify(after)).not.toBe(JSON.stringify(before));
    expect(JSON.stringify(after)).toContain('Máy lấy số thứ tự tự động');
    // Not in the neighbouring commune's register.
    const neighbour = (await call('GET', '/api/v1/registers/equipment', otherLeader)).json() as Array<{
      id: string;
    }>;
    expect(neighbour.map((e) => e.id)).not.toContain(added.json().id);
  });

  it('refuses equipment from the counter, for another commune, or with bad values, writing nothing', async () => {
    const n = await rows('equipment');
    const good = {
      kind: 'computer',
      name: 'Máy tính để bàn',
      quantity: 2,
      condition: 'fair',
      meetsNeed: false,
    };
    expect((await call('POST', '/api/v1/registers/equipment?unit=28693', reception, good)).statusCode).toBe(
      403,
    );
    expect((await call('POST', '/api/v1/registers/equipment?unit=28693', otherLeader, good)).statusCode).toBe(
      403,
    );
    for (const bad of [
      { ...good, quantity: -1 },
      { ...good, quantity: 1.5 },
      { ...good, name: '' },
      { ...good, name: 'Máy\u0007 tính' },
      { ...good, kind: 'spaceship' },
      { ...good, condition: 'broken' },
    ]) {
      const res = await call('POST', '/api/v1/registers/equipment?unit=28693', leader, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(422);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(res.json().errors[0].message).toBeTruthy();
    }
    expect(await rows('equipment')).toBe(n);
  });
});
