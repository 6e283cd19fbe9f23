import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';

describe.each(databaseKinds())('public tracking and the receipt slip on %s', (kind) => {
  let s: TestServer;
  let code: string;
  let cookie: string;
  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => new Date('2025-07-01T02:00:00Z') });
    cookie = await s.login('reception.tan-thoi');
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie },
      payload: intakeBody(),
    });
    code = res.json().code;
  });
  afterAll(async () => s?.close());

  it('shows the status to anyone with the code and the last 4 phone digits, and nothing personal', async () => {
    const res = await s.request({ url: `/api/v1/track/${code}?phone=5678` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      code,
      procedure: { code: '2.000815', name: expect.stringMatching(/^Chứng thực bản sao/) },
      status: 2,
      statusName: 'Được tiếp nhận',
      receivedAt: '2025-07-01T02:00:00.000Z',
      dueAt: '2025-07-01T10:00:00.000Z',
      unit: { code: '28693', name: 'Xã Tân Thới' },
      result: null,
    });
    expect(JSON.stringify(body)).not.toMatch(/Nhung|0912345678|082195001234/);
  });

  it('answers a wrong phone exactly like an unknown code', async () => {
    const wrong = await s.request({ url: `/api/v1/track/${code}?phone=0000` });
    const unknown = await s.request({ url: '/api/v1/track/H82.050-250701-9999?phone=5678' });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.json().title).toBe(unknown.json().title);
    expect(wrong.json().code).toBe('DOSSIER_NOT_FOUND');
    expect((await s.request({ url: `/api/v1/track/${code}?phone=12` })).statusCode).toBe(422);
  });

  it('finds the dossier however a citizen types the code: lowercase, stray spaces, other dashes', async () => {
    const typed = [
      code.toLowerCase(),
      ` ${code} `,
      code.replaceAll('-', ' - '),
      code.replaceAll('-', '\u2013').toLowerCase(),
      code.replace('H', 'Ｈ'),
    ];
    for (const t of typed) {
      const res = await s.request({
        url: `/api/v1/track/${encodeURIComponent(t)}?phone=${encodeURIComponent(' 5678')}`,
      });
      expect(res.statusCode, t).toBe(200);
      expect(res.json().code).toBe(code);
    }
    // Staff links normalise the same way.
    const view = await s.request({ url: `/api/v1/dossiers/${code.toLowerCase()}`, headers: { cookie } });
    expect(view.statusCode).toBe(200);
    expect(view.json().code).toBe(code);
    const odd = await s.request({ url: `/api/v1/track/${encodeURIComponent(`${code}'--`)}?phone=5678` });
    expect(odd.statusCode).toBe(422);
    expect(odd.json().code).toBe('VALIDATION_FAILED');
  });

  it('prints the receipt slip as a PDF for the receiving commune', async () => {
    const res = await s.request({ url: `/api/v1/dossiers/${code}/receipt.pdf`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await s.request({ url: `/api/v1/dossiers/${code}/receipt.pdf` })).statusCode).toBe(401);
  });
});
