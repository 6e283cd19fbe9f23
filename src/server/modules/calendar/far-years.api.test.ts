import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestServer,
  databaseKinds,
  intakeBody,
  requiredDocuments,
  type TestServer,
} from '../../test-support/harness.ts';

/*
 * Deadlines in years far from today, through the API. No official schedule is imported for 2036–2040,
 * so the calendar derives their holidays (Tết and Giỗ Tổ from the lunar calendar: see lunar.test.ts
 * for the dates and their source) the first time a date in them is asked about.
 */

describe.each(databaseKinds())('appointment dates years ahead on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer(kind);
  });
  afterAll(async () => s?.close());

  const due = (from: string, amount: number, unit = 'working_days') =>
    s.request({
      url: `/api/v1/calendar/due?from=${encodeURIComponent(from)}&amount=${amount}&unit=${unit}`,
    });
  const skipped = (body: { skipped: Array<{ date: string }> }) => body.skipped.map((d) => d.date);

  it('counts Tết Đinh Tỵ 2037 and its compensatory days', async () => {
    const res = await due('2037-02-12T09:00:00+07:00', 3);
    expect(res.statusCode).toBe(200);
    expect(res.json().dueAt).toBe('2037-02-24T02:00:00.000Z'); // Tue 24/2/2037 09:00
    expect(skipped(res.json())).toEqual([
      '2037-02-14',
      '2037-02-15',
      '2037-02-16',
      '2037-02-17',
      '2037-02-18',
      '2037-02-19',
      '2037-02-20',
      '2037-02-21',
      '2037-02-22',
    ]);
    expect(res.json().skipped[1].reason).toBe('Tết Nguyên đán Đinh Tỵ');
  });

  it('counts Giỗ Tổ, 30/4 and 1/5 of 2040, and National Day on a Sunday', async () => {
    const spring = (await due('2040-04-19T09:00:00+07:00', 7)).json();
    expect(spring.dueAt).toBe('2040-05-03T02:00:00.000Z'); // Thu 3/5/2040 09:00
    expect(skipped(spring)).toEqual([
      '2040-04-20',
      '2040-04-21',
      '2040-04-22',
      '2040-04-28',
      '2040-04-29',
      '2040-04-30',
      '2040-05-01',
    ]);
    expect(spring.skipped[0].reason).toBe('Giỗ Tổ Hùng Vương');
    const national = (await due('2040-08-31T15:00:00+07:00', 0, 'same_day')).json();
    expect(national.dueAt).toBe('2040-09-05T10:00:00.000Z'); // Wed 5/9/2040 17:00
    expect(skipped(national)).toEqual(['2040-09-01', '2040-09-02', '2040-09-03', '2040-09-04']);
  });

  it('lists the derived days of a far year, and refuses years past the calendar', async () => {
    const y2040 = (await s.request({ url: '/api/v1/calendar/days?year=2040' })).json();
    expect(
      y2040.days.map(
        (d: { date: string; kind: string; source: string }) => `${d.date} ${d.kind} ${d.source}`,
      ),
    ).toEqual([
      '2040-01-01 holiday derived',
      '2040-01-02 compensatory derived',
      '2040-02-11 holiday derived',
      '2040-02-12 holiday derived',
      '2040-02-13 holiday derived',
      '2040-02-14 holiday derived',
      '2040-02-15 holiday derived',
      '2040-02-16 compensatory derived',
      '2040-02-17 compensatory derived',
      '2040-04-20 holiday derived',
      '2040-04-30 holiday derived',
      '2040-05-01 holiday derived',
      '2040-09-02 holiday derived',
      '2040-09-03 holiday derived',
      '2040-09-04 compensatory derived',
    ]);
    // Counting from the last days of 2100 would need 2101: a problem, not a date without holidays.
    const late = await due('2100-12-28T09:00:00+07:00', 10);
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'CALENDAR_RANGE', detail: expect.stringMatching(/2101/) });
    expect((await due('2100-12-28T09:00:00+07:00', 2)).json().dueAt).toBe('2100-12-30T02:00:00.000Z');
  });

  it('uses an official schedule imported for a far year instead of the derived one', async () => {
    const admin = await s.login('admin');
    const put = await s.request({
      method: 'PUT',
      url: '/api/v1/calendar/years/2040',
      headers: { cookie: admin },
      payload: {
        source: 'Công văn giả định số 2/VPCP-KGVX (kiểm thử)',
        days: [
          { date: '2040-04-20', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương' },
          { date: '2040-04-21', kind: 'makeup_workday', name: 'Làm bù' },
          { date: '2040-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
          { date: '2040-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động' },
        ],
      },
    });
    expect(put.json()).toEqual({ year: 2040, imported: 4 });
    // The make-up Saturday 21/4 is worked: one day earlier than with the derived holidays.
    expect((await due('2040-04-19T09:00:00+07:00', 7)).json().dueAt).toBe('2040-05-02T02:00:00.000Z');
    // Its National Day is not in the imported list, so 3/9 is worked now, as the schedule says.
    expect((await due('2040-08-31T15:00:00+07:00', 0, 'same_day')).json().dueAt).toBe(
      '2040-09-03T10:00:00.000Z',
    );
  });
});

describe.each(databaseKinds())('parallel imports of one year on %s', (kind) => {
  it('take turns: every import answers 200 and the year holds exactly one of them', async () => {
    const s = await createTestServer(kind);
    try {
      const admin = await s.login('admin');
      const puts = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          s.request({
            method: 'PUT',
            url: '/api/v1/calendar/years/2045',
            headers: { cookie: admin },
            payload: {
              source: `Công văn thử số ${i}`,
              days: [
                { date: '2045-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
                { date: '2045-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động' },
              ],
            },
          }),
        ),
      );
      expect(puts.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
      const rows = await s.query<{ source: string; n: number }>(
        `SELECT source, count(*)::int AS n FROM calendar_days
          WHERE day BETWEEN '2045-01-01' AND '2045-12-31' GROUP BY source`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]?.n).toBe(2);
    } finally {
      await s.close();
    }
  });
});

describe.each(databaseKinds())('dossiers received years ahead on %s', (kind) => {
  let s: TestServer;
  let clock = new Date('2036-12-30T02:00:00Z');
  let reception = '';
  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => clock });
    reception = await s.login('reception.tan-thoi');
  });
  afterAll(async () => s?.close());

  /** Receives a 3-working-day procedure (marital status confirmation) at the current clock. */
  const receive = async () => {
    const documents = await requiredDocuments(s, '1.004873', '28693');
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: reception },
      payload: intakeBody({ procedureCode: '1.004873', documents }),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { code: string; dueAt: string };
  };

  it('received on Tue 30/12/2036: due after New Year 2037', async () => {
    clock = new Date('2036-12-30T02:00:00Z'); // 09:00
    const d = await receive();
    expect(d.code).toMatch(/-361230-/);
    expect(d.dueAt).toBe('2037-01-05T02:00:00.000Z'); // 6 h + 8 h, 1/1 off, 8 h on Fri 2/1, 2 h on Mon 5/1
  });

  it('received before Tết 2037: the appointment and the first step skip the Tết days', async () => {
    clock = new Date('2037-02-12T02:00:00Z'); // Thu 12/2/2037 09:00
    const d = await receive();
    expect(d.dueAt).toBe('2037-02-24T02:00:00.000Z');
    const explained = (
      await s.request({ url: `/api/v1/dossiers/${d.code}/due`, headers: { cookie: reception } })
    ).json();
    expect(explained.skipped.map((x: { date: string }) => x.date)).toContain('2037-02-19');
    expect(explained.explanation.join('\n')).toMatch(/Không tính ngày 15\/02\/2037: Tết Nguyên đán Đinh Tỵ/);
    const transferred = await s.request({
      method: 'POST',
      url: `/api/v1/dossiers/${d.code}/actions`,
      headers: { cookie: reception },
      payload: { action: 'transfer' },
    });
    expect(transferred.statusCode, transferred.body).toBe(200);
    // Appraisal gets 20 of the 24 working hours: 6 h Thu, 8 h Fri, then 6 h on Mon 23/2 → 15:00.
    expect(transferred.json().step).toMatchObject({ key: 'appraise', dueAt: '2037-02-23T08:00:00.000Z' });
  });

  it('received on Fri 31/8/2040: due after National Day and its compensatory day', async () => {
    clock = new Date('2040-08-31T03:00:00Z'); // 10:00
    const d = await receive();
    expect(d.dueAt).toBe('2040-09-07T03:00:00.000Z'); // 5 h Fri, 3/9 and 4/9 off, 8 h + 8 h, 3 h on Fri 7/9
  });
});
