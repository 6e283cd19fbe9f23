import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type StandInProcess, startStandInProcess } from '../../../standins/spawn.ts';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';

/* POST /api/v1/population/lookup against the LGSP population stand-in running as its own process. */

const NHUNG = {
  personalId: '082195001234',
  fullName: 'Nguyễn Thị Hồng Nhung',
  birthDate: '1995-03-14',
  purpose: 'Tiếp nhận hồ sơ chứng thực bản sao',
};

let platform: StandInProcess;
beforeAll(async () => {
  platform = await startStandInProcess('population');
});
afterAll(async () => platform?.stop());

describe.each(databaseKinds())('population lookup on %s', (kind) => {
  let s: TestServer;
  let reception: string;
  const logLines: string[] = [];
  beforeAll(async () => {
    const logStream = new PassThrough();
    logStream.on('data', (c: Buffer) => logLines.push(c.toString('utf8')));
    s = await createTestServer(kind, {
      now: () => new Date('2026-01-05T02:00:00Z'),
      env: { MOTCUA_POPULATION_URL: platform.url, MOTCUA_LINK_TIMEOUT_MS: '1500', LOG_LEVEL: 'info' },
      logStream,
    });
    reception = await s.login('reception.tan-thoi');
  });
  afterAll(async () => s?.close());
  beforeEach(async () => platform.clearFaults());

  const lookup = (payload: Record<string, unknown>, cookie = reception) =>
    s.request({ method: 'POST', url: '/api/v1/population/lookup', headers: { cookie }, payload });

  it('answers the person with the verified fields, and logs the lookup without the person', async () => {
    const res = await lookup({ ...NHUNG, fullName: 'nguyễn thị hồng nhung' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.person).toMatchObject({
      personalId: '082195001234',
      fullName: 'Nguyễn Thị Hồng Nhung',
      sex: 'female',
      birthDate: '1995-03-14',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      permanentAddress: { text: 'Ấp Tân Phú, Xã Tân Thới, Tỉnh Đồng Tháp', districtCode: '' },
      birthRegistrationPlace: { districtName: 'Huyện Tân Phú Đông' },
    });
    expect(body.verified).toEqual([
      'personalId',
      'fullName',
      'birthDate',
      'sex',
      'ethnicity',
      'nationality',
      'permanentAddress',
      'currentAddress',
    ]);
    const rows = await s.query<Record<string, unknown>>(
      'SELECT * FROM population_lookups WHERE request_id = $1',
      [body.requestId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      unit_code: '28693',
      officer_username: 'reception.tan-thoi',
      purpose: NHUNG.purpose,
      outcome: 'found',
      dossier_code: null,
    });
    expect(JSON.stringify(rows[0])).not.toMatch(/082195001234|Nhung/);
    // The platform received the officer and request id (MaCanBo, MaYeuCau).
    const state = await platform.state<{ lookups: Array<{ MaYeuCau: string; MaCanBo: string }> }>();
    expect(state.lookups.at(-1)).toMatchObject({ MaYeuCau: body.requestId, MaCanBo: 'reception.tan-thoi' });
  });

  it('ties a lookup to a dossier of the commune', async () => {
    const created = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: reception },
      payload: intakeBody(),
    });
    const code = created.json().code as string;
    const res = await lookup({ ...NHUNG, dossierCode: code });
    expect(res.statusCode).toBe(200);
    const [row] = await s.query('SELECT dossier_code FROM population_lookups WHERE request_id = $1', [
      res.json().requestId,
    ]);
    expect(row).toEqual({ dossier_code: code });
    // A dossier of another commune is unknown here.
    const foreign = await lookup({ ...NHUNG, dossierCode: 'H82.051-260105-0001' });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('DOSSIER_NOT_FOUND');
  });

  it('not found: 404 problem+json in Vietnamese, logged as not_found', async () => {
    const res = await lookup({ ...NHUNG, fullName: 'Nguyễn Thị Hồng' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({
      code: 'CITIZEN_NOT_FOUND',
      title: expect.stringMatching(/^Không tìm thấy công dân/),
    });
    const rows = await s.query('SELECT outcome FROM population_lookups WHERE request_id = $1', [
      res.json().requestId,
    ]);
    expect(rows).toEqual([{ outcome: 'not_found' }]);
  });

  it('refuses bad input before asking the platform, and never with a 500', async () => {
    const before = (await platform.state<{ lookups: unknown[] }>()).lookups.length;
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ ...NHUNG, personalId: '08219500123' }, 422, 'VALIDATION_FAILED'],
      [{ ...NHUNG, personalId: '08219500123a' }, 422, 'VALIDATION_FAILED'],
      [{ ...NHUNG, personalId: '999195001234' }, 422, 'PERSONAL_ID_INVALID'],
      [{ ...NHUNG, fullName: 'Nguyễn\u0000Nhung' }, 422, 'VALIDATION_FAILED'],
      [{ ...NHUNG, purpose: 'Tra\u0000cứu' }, 422, 'VALIDATION_FAILED'],
      [{ ...NHUNG, birthDate: '14/03/1995' }, 422, 'VALIDATION_FAILED'],
      [{ ...NHUNG, birthDate: '1996-03-14' }, 422, 'VALIDATION_FAILED'],
      [{ ...NHUNG, purpose: undefined }, 422, 'VALIDATION_FAILED'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await lookup(payload);
      expect([res.statusCode, res.json().code], JSON.stringify(payload)).toEqual([status, code]);
    }
    expect((await platform.state<{ lookups: unknown[] }>()).lookups.length).toBe(before);
  });

  it('only commune officers who receive or appraise may look up', async () => {
    expect((await lookup(NHUNG, '')).statusCode).toBe(401);
    const leader = await s.login('leader.tan-thoi');
    expect((await lookup(NHUNG, leader)).statusCode).toBe(403);
    const province = await s.login('province.dong-thap');
    expect((await lookup(NHUNG, province)).statusCode).toBe(403);
    const specialist = await s.login('specialist.tan-thoi');
    expect((await lookup(NHUNG, specialist)).statusCode).toBe(200);
  });

  it('platform down, silent or garbled: 503/502 problem+json, logged; intake keeps working', async () => {
    for (const [fault, status, outcome] of [
      [{ mode: 'status', status: 500 }, 503, 'unavailable'],
      [{ mode: 'timeout' }, 503, 'unavailable'],
      [{ mode: 'reset' }, 503, 'unavailable'],
      [{ mode: 'malformed' }, 502, 'rejected'],
    ] as const) {
      await platform.setFaults(fault);
      const res = await lookup(NHUNG);
      expect(res.statusCode, JSON.stringify(fault)).toBe(status);
      expect(res.json().code).toBe(status === 503 ? 'POPULATION_UNAVAILABLE' : 'POPULATION_BAD_ANSWER');
      const rows = await s.query('SELECT outcome FROM population_lookups WHERE request_id = $1', [
        res.json().requestId,
      ]);
      expect(rows).toEqual([{ outcome }]);
      // The counter goes on with the applicant typed by hand.
      const intake = await s.request({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: { cookie: reception },
        payload: intakeBody(),
      });
      expect(intake.statusCode).toBe(201);
    }
  });

  it('never writes the looked-up person into the server log', () => {
    const log = logLines.join('');
    expect(log).toContain('/api/v1/population/lookup');
    expect(log).not.toMatch(/Hồng Nhung|hồng nhung|19950314|1995-03-14|Tân Phú, Xã/);
    // Intake lines are not this test's business: look at the lookups' lines for the ID.
    const lookupLines = logLines.filter((l) => l.includes('population'));
    expect(lookupLines.join('')).not.toContain('082195001234');
  });
});

describe('population lookup without a configured link', () => {
  it('answers 503 and logs the attempt', async () => {
    const s = await createTestServer('pglite');
    try {
      const cookie = await s.login('reception.tan-thoi');
      const res = await s.request({
        method: 'POST',
        url: '/api/v1/population/lookup',
        headers: { cookie },
        payload: NHUNG,
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().code).toBe('POPULATION_UNAVAILABLE');
      expect(await s.query('SELECT outcome FROM population_lookups')).toEqual([{ outcome: 'unavailable' }]);
    } finally {
      await s.close();
    }
  });
});
