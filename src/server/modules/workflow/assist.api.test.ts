import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestServer,
  databaseKinds,
  intakeBody,
  requiredDocuments,
  type TestServer,
} from '../../test-support/harness.ts';

const PDF_BYTES = Buffer.from('%PDF-1.4\n% ket qua giai quyet\n%%EOF\n');

/** What the officers need around the lifecycle: the assignee picker, the result download, named queues, the due explanation. */
describe.each(databaseKinds())('workflow assistance on %s', (kind) => {
  let s: TestServer;
  let clock = new Date('2025-07-01T02:00:00Z'); // Tue 1/7/2025 09:00
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => clock });
    for (const u of [
      'reception.tan-thoi',
      'specialist.tan-thoi',
      'leader.tan-thoi',
      'leader.tan-phu-dong',
      'province.dong-thap',
      'admin',
    ])
      cookies[u] = await s.login(u);
    // A second specialist of Tân Thới, and one whose account was closed.
    const [unit] = await s.query<{ unit_code: string }>(
      "SELECT unit_code FROM users WHERE username = 'specialist.tan-thoi'",
    );
    await s.query(
      "INSERT INTO users (id, username, full_name, password_hash, role, unit_code, is_active) VALUES ($1, 'specialist2.tan-thoi', 'Lê Văn An', 'x', 'specialist', $3, true), ($2, 'former.tan-thoi', 'Trần Thị Cũ', 'x', 'specialist', $3, false)",
      [randomUUID(), randomUUID(), unit!.unit_code],
    );
  });
  afterAll(async () => s?.close());

  const get = (who: string, url: string) => s.request({ url, headers: { cookie: cookies[who]! } });
  const act = async (who: string, code: string, body: Record<string, unknown>) => {
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions`,
      headers: { cookie: cookies[who]! },
      payload: body,
    });
    expect(res.statusCode, `${body.action}: ${res.body}`).toBe(200);
    return res.json();
  };
  /** A 3-working-day procedure (marital status confirmation) received now and transferred to appraisal. */
  const receiveAndTransfer = async () => {
    const documents = await requiredDocuments(s, '1.004873', '28693');
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: cookies['reception.tan-thoi']! },
      payload: intakeBody({ procedureCode: '1.004873', documents }),
    });
    expect(res.statusCode).toBe(201);
    const code = res.json().code as string;
    await act('reception.tan-thoi', code, { action: 'transfer' });
    return code;
  };

  it('lists the active specialists of the caller’s own commune only', async () => {
    const res = await get('leader.tan-thoi', '/api/v1/users?unit=28693&role=specialist');
    expect(res.statusCode).toBe(200);
    const specialists = res.json() as Array<{ username: string; fullName: string; roles: string[] }>;
    expect(specialists.map((u) => u.username).sort()).toEqual([
      'specialist.tan-thoi',
      'specialist2.tan-thoi',
    ]);
    expect(specialists.find((u) => u.username === 'specialist2.tan-thoi')).toEqual({
      username: 'specialist2.tan-thoi',
      fullName: 'Lê Văn An',
      roles: ['specialist'],
    });
    // By name, as the picker shows them.
    expect(specialists.map((u) => u.fullName)).toEqual(
      specialists.map((u) => u.fullName).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    const all = (await get('specialist.tan-thoi', '/api/v1/users')).json() as Array<{
      username: string;
      roles: string[];
    }>;
    expect(all.map((u) => u.username).sort()).toEqual([
      'leader.tan-thoi',
      'reception.tan-thoi',
      'specialist.tan-thoi',
      'specialist2.tan-thoi',
    ]);
    // Another commune sees its own people, never Tân Thới's; asking for Tân Thới is refused.
    const other = (await get('leader.tan-phu-dong', '/api/v1/users?role=specialist')).json() as Array<{
      username: string;
    }>;
    expect(other.map((u) => u.username)).toEqual(['specialist.tan-phu-dong']);
    const cross = await get('leader.tan-phu-dong', '/api/v1/users?unit=28693&role=specialist');
    expect(cross.statusCode).toBe(403);
    expect(cross.headers['content-type']).toContain('application/problem+json');
    expect(cross.body).not.toContain('tan-thoi');
    // Users without a commune have no staff list; anonymous callers must sign in.
    expect((await get('province.dong-thap', '/api/v1/users')).statusCode).toBe(403);
    expect((await s.request({ url: '/api/v1/users' })).statusCode).toBe(401);
    expect((await get('leader.tan-thoi', '/api/v1/users?role=admin')).statusCode).toBe(422);
    const spec = (await s.request({ url: '/api/openapi.json' })).json();
    expect(spec.paths['/api/v1/users'].get.responses['200']).toBeDefined();
  });

  it('the listed specialist can be assigned; the result file downloads for the unit only', async () => {
    clock = new Date('2025-07-01T02:00:00Z');
    const code = await receiveAndTransfer();
    expect((await get('leader.tan-thoi', `/api/v1/dossiers/${code}/result`)).json()).toMatchObject({
      status: 404,
      code: 'RESULT_NOT_FOUND',
    });
    const d = await act('leader.tan-thoi', code, { action: 'assign', assignee: 'specialist2.tan-thoi' });
    expect(d.assignee).toBe('specialist2.tan-thoi');
    const closed = await s.request({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions`,
      headers: { cookie: cookies['leader.tan-thoi']! },
      payload: { action: 'assign', assignee: 'former.tan-thoi' },
    });
    expect(closed.json()).toMatchObject({ status: 422, code: 'ASSIGNEE_INVALID' });
    await act('specialist.tan-thoi', code, { action: 'complete_step' });
    await act('leader.tan-thoi', code, { action: 'complete_step' });
    const issued = await act('leader.tan-thoi', code, {
      action: 'issue_result',
      resultFile: {
        fileName: 'Xác nhận tình trạng hôn nhân.pdf',
        contentType: 'application/pdf',
        dataBase64: PDF_BYTES.toString('base64'),
      },
    });
    expect(issued.result.fileName).toBe('Xác nhận tình trạng hôn nhân.pdf');

    for (const who of ['reception.tan-thoi', 'specialist.tan-thoi', 'leader.tan-thoi']) {
      const res = await get(who, `/api/v1/dossiers/${code}/result`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="Xac nhan tinh trang hon nhan.pdf"; filename*=UTF-8''${encodeURIComponent('Xác nhận tình trạng hôn nhân.pdf')}`,
      );
      expect(res.rawPayload.equals(PDF_BYTES)).toBe(true);
    }
    const foreign = await get('leader.tan-phu-dong', `/api/v1/dossiers/${code}/result`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    expect(foreign.json().code).toBe('DOSSIER_NOT_FOUND');
    expect((await s.request({ url: `/api/v1/dossiers/${code}/result` })).statusCode).toBe(401);
  });

  it('queue rows carry the procedure name from the catalogue', async () => {
    clock = new Date('2025-07-02T02:00:00Z');
    const code = await receiveAndTransfer();
    const res = await get('specialist.tan-thoi', '/api/v1/queues/mine');
    expect(res.statusCode).toBe(200);
    const row = res.json().items.find((i: { code: string }) => i.code === code);
    const name = (await s.request({ url: '/api/v1/procedures/1.004873?unit=28693' })).json().name;
    expect(name).toMatch(/hôn nhân/);
    expect(row).toMatchObject({
      code,
      procedureCode: '1.004873',
      procedureName: name,
      step: expect.any(String),
      status: 4,
    });
    const returning = (await get('reception.tan-thoi', '/api/v1/queues/to_return')).json().items;
    for (const r of returning) expect(r.procedureName).toEqual(expect.any(String));
  });

  it('explains the appointment in Vietnamese only, pauses included', async () => {
    clock = new Date('2025-07-03T02:00:00Z');
    const code = await receiveAndTransfer();
    await act('specialist.tan-thoi', code, {
      action: 'request_supplement',
      reason: 'Thiếu giấy tờ chứng minh nơi cư trú',
      items: [{ name: 'Giấy xác nhận cư trú', originals: 1 }],
    });
    clock = new Date('2025-07-07T02:00:00Z');
    await act('reception.tan-thoi', code, { action: 'supplement_received' });
    await act('specialist.tan-thoi', code, { action: 'request_payment', reason: 'Nộp lệ phí' });
    const res = await get('reception.tan-thoi', `/api/v1/dossiers/${code}/due`);
    expect(res.statusCode).toBe(200);
    const lines = res.json().explanation as string[];
    expect(lines.length).toBeGreaterThan(4);
    const text = lines.join('\n');
    expect(text).toMatch(/Không tính ngày 05\/07\/2025: Thứ Bảy/);
    expect(text).toMatch(/Tạm dừng \(chờ bổ sung\)/);
    expect(text).toMatch(/Đang tạm dừng \(chờ thực hiện nghĩa vụ tài chính\)/);
    // No English words, no raw codes or ISO timestamps leak into what officers read.
    expect(text).not.toMatch(
      /\b(working|days?|hours?|minutes?|received|due|pause[ds]?|supplement|payment|from|until|skipped|limit|same_day|calendar|null|undefined|NaN)\b/i,
    );
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    // The catalogue's time-limit text ends with its own full stop: never doubled.
    expect(text).not.toMatch(/[^.]\.\.(?!\.)/);
  });
});
