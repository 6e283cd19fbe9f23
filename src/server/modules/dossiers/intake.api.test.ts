import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestServer,
  databaseKinds,
  intakeBody,
  requiredDocuments,
  type TestServer,
} from '../../test-support/harness.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe.each(databaseKinds())('counter intake on %s', (kind) => {
  let s: TestServer;
  let tanThoi: string;
  let tanPhuDong: string;
  // Tuesday 1 July 2025, 09:00 in Vietnam.
  let clock = new Date('2025-07-01T02:00:00Z');

  const counts = async () => {
    const [row] = await s.query<{ d: number; a: number; b: number; c: number; f: number }>(
      `SELECT (SELECT count(*) FROM dossiers)::int AS d, (SELECT count(*) FROM audit_events)::int AS a,
              (SELECT count(*) FROM tracking_book)::int AS b, (SELECT coalesce(sum(last), 0) FROM unit_counters)::int AS c,
              (SELECT count(*) FROM dossier_files)::int AS f`,
    );
    return row;
  };
  const post = (cookie: string, payload: unknown, headers: Record<string, string> = {}) =>
    s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: payload as object,
      headers: { cookie, ...headers },
    });

  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => clock });
    tanThoi = await s.login('reception.tan-thoi');
    tanPhuDong = await s.login('reception.tan-phu-dong');
  });
  afterAll(async () => s?.close());

  it('receives a dossier: code, appointment, status 2, tracking book and audit in one go', async () => {
    const res = await post(tanThoi, intakeBody({ procedureCode: '1.004873', documents: [] }));
    // Marital-status confirmation requires its documents: refused before anything is written.
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('DOCUMENTS_INCOMPLETE');

    const documents = await requiredDocuments(s, '1.004873', '28693');
    const ok = await post(tanThoi, intakeBody({ procedureCode: '1.004873', documents }));
    expect(ok.statusCode).toBe(201);
    const d = ok.json();
    expect(d.code).toMatch(/^H82\.050-250701-\d{4}$/);
    expect(d.status).toBe(2);
    expect(d.statusName).toBe('Được tiếp nhận');
    expect(d.channel).toBe('counter');
    expect(d.receivedAt).toBe('2025-07-01T02:00:00.000Z');
    // 3 working days from Tue 09:00 → Fri 4 July 09:00 (+07:00).
    expect(d.dueAt).toBe('2025-07-04T02:00:00.000Z');
    expect(d.book.volume).toBe('2025');
    const [book] = await s.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM tracking_book WHERE dossier_code = $1',
      [d.code],
    );
    expect(book?.n).toBe(1);
    const audit = await s.query<{ action: string; to_status: number; actor_role: string }>(
      'SELECT action, to_status, actor_role FROM audit_events WHERE dossier_code = $1',
      [d.code],
    );
    expect(audit).toEqual([{ action: 'intake', to_status: 2, actor_role: 'reception' }]);
    const again = await s.request({ url: `/api/v1/dossiers/${d.code}`, headers: { cookie: tanThoi } });
    expect(again.statusCode).toBe(200);
    expect(again.json().applicant.fullName).toBe('Nguyễn Thị Hồng Nhung');
  });

  it('applies the 15:00 cut-off to same-day procedures', async () => {
    clock = new Date('2025-07-01T07:59:00Z'); // 14:59
    const before = (await post(tanThoi, intakeBody())).json();
    expect(before.dueAt).toBe('2025-07-01T10:00:00.000Z');
    clock = new Date('2025-07-01T08:00:00Z'); // 15:00
    const after = (await post(tanThoi, intakeBody())).json();
    expect(after.dueAt).toBe('2025-07-02T10:00:00.000Z');
    clock = new Date('2025-07-01T02:00:00Z');
  });

  it('gives 50 concurrent intakes of one unit 50 distinct, gapless codes', async () => {
    clock = new Date('2025-07-02T02:00:00Z');
    const responses = await Promise.all(Array.from({ length: 50 }, () => post(tanPhuDong, intakeBody())));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const seqs = responses.map((r) => Number(r.json().code.split('-')[2])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const codes = new Set(responses.map((r) => r.json().code));
    expect(codes.size).toBe(50);
    for (const c of codes) expect(c).toMatch(/^H82\.051-250702-\d{4}$/);
    const books = responses.map((r) => r.json().book.number).sort((a: number, b: number) => a - b);
    expect(new Set(books).size).toBe(50);
    clock = new Date('2025-07-01T02:00:00Z');
  });

  it('writes the 10,000th dossier of a day with five digits, the ones before with four', async () => {
    clock = new Date('2025-07-03T02:00:00Z');
    const first = await post(tanPhuDong, intakeBody());
    expect(first.json().code).toBe('H82.051-250703-0001');
    await s.query(
      `UPDATE unit_counters SET last = 9998 WHERE unit_code = '28696' AND name = 'code:2025-07-03'`,
    );
    const [a, b] = [await post(tanPhuDong, intakeBody()), await post(tanPhuDong, intakeBody())];
    expect([a.json().code, b.json().code]).toEqual(['H82.051-250703-9999', 'H82.051-250703-10000']);
    const read = await s.request({
      url: `/api/v1/dossiers/${b.json().code}`,
      headers: { cookie: tanPhuDong },
    });
    expect(read.statusCode, read.body).toBe(200);
    clock = new Date('2025-07-01T02:00:00Z');
  });

  it('replays an Idempotency-Key: same dossier, never a second one', async () => {
    const before = await counts();
    const key = 'intake-replay-0001';
    const first = await post(tanThoi, intakeBody(), { 'idempotency-key': key });
    const second = await post(tanThoi, intakeBody(), { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().code).toBe(first.json().code);
    const parallel = await Promise.all(
      Array.from({ length: 8 }, () =>
        post(tanThoi, intakeBody(), { 'idempotency-key': 'intake-parallel-01' }),
      ),
    );
    expect(new Set(parallel.map((r) => r.json().code)).size).toBe(1);
    expect(parallel.every((r) => r.statusCode === 201)).toBe(true);
    const after = await counts();
    expect(after!.d - before!.d).toBe(2);
    const reused = await post(tanThoi, intakeBody({ subject: 'Khác' }), { 'idempotency-key': key });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const bad = await post(tanThoi, intakeBody(), { 'idempotency-key': 'x' });
    expect(bad.json().code).toBe('IDEMPOTENCY_KEY_INVALID');
  });

  it('keeps communes apart: another commune cannot read, list or print a dossier', async () => {
    const d = (await post(tanThoi, intakeBody())).json();
    for (const url of [`/api/v1/dossiers/${d.code}`, `/api/v1/dossiers/${d.code}/receipt.pdf`]) {
      const res = await s.request({ url, headers: { cookie: tanPhuDong } });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('DOSSIER_NOT_FOUND');
    }
    const list = (
      await s.request({ url: '/api/v1/dossiers?date=2025-07-01', headers: { cookie: tanPhuDong } })
    ).json();
    expect(list.items.some((i: { code: string }) => i.code === d.code)).toBe(false);
    const own = (
      await s.request({ url: '/api/v1/dossiers?date=2025-07-01', headers: { cookie: tanThoi } })
    ).json();
    expect(own.items.some((i: { code: string }) => i.code === d.code)).toBe(true);
    const forbidden = await s.request({
      url: '/api/v1/dossiers?date=2025-07-01&unit=28693',
      headers: { cookie: tanPhuDong },
    });
    expect(forbidden.statusCode).toBe(403);
    // The province officer oversees every commune of the province.
    const province = await s.login('province.dong-thap');
    expect(
      (await s.request({ url: `/api/v1/dossiers/${d.code}`, headers: { cookie: province } })).statusCode,
    ).toBe(200);
    // Only reception officers receive dossiers.
    const leader = await s.login('leader.tan-thoi');
    expect((await post(leader, intakeBody())).statusCode).toBe(403);
    expect((await post(province, intakeBody())).statusCode).toBe(403);
  });

  it('stores scans whose content matches their declared type', async () => {
    const res = await post(
      tanThoi,
      intakeBody({
        attachments: [
          { fileName: 'cccd.png', contentType: 'image/png', dataBase64: PNG.toString('base64') },
          { fileName: 'giay-to.pdf', contentType: 'application/pdf', dataBase64: PDF.toString('base64') },
        ],
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(
      res.json().attachments.map((a: { fileName: string; size: number }) => [a.fileName, a.size]),
    ).toEqual([
      ['cccd.png', PNG.length],
      ['giay-to.pdf', PDF.length],
    ]);
  });

  describe('bad input is refused with a Vietnamese problem and writes nothing', () => {
    const cases: Array<[string, () => unknown, number, string]> = [
      ['unknown procedure', () => intakeBody({ procedureCode: '9.999999' }), 422, 'PROCEDURE_UNKNOWN'],
      [
        'invalid personal ID (checks province code)',
        () => intakeBody({ applicant: { ...intakeBody().applicant, idNumber: '999195001234' } }),
        422,
        'PERSONAL_ID_INVALID',
      ],
      [
        'personal ID with 11 digits',
        () => intakeBody({ applicant: { ...intakeBody().applicant, idNumber: '08219500123' } }),
        422,
        'PERSONAL_ID_INVALID',
      ],
      [
        'missing applicant name',
        () => intakeBody({ applicant: { ...intakeBody().applicant, fullName: '' } }),
        422,
        'VALIDATION_FAILED',
      ],
      ['missing applicant', () => ({ procedureCode: '2.000815', documents: [] }), 422, 'VALIDATION_FAILED'],
      [
        'malformed phone',
        () => intakeBody({ applicant: { ...intakeBody().applicant, phone: '12ab' } }),
        422,
        'VALIDATION_FAILED',
      ],
      ['required document not ticked', () => intakeBody({ documents: [] }), 422, 'DOCUMENTS_INCOMPLETE'],
      [
        'document of another procedure',
        () =>
          intakeBody({ documents: [{ id: 'khong-co', originals: 1, certifiedCopies: 0, photocopies: 0 }] }),
        422,
        'DOCUMENT_UNKNOWN',
      ],
      [
        'a file that lies about its type',
        () =>
          intakeBody({
            attachments: [
              { fileName: 'scan.pdf', contentType: 'application/pdf', dataBase64: PNG.toString('base64') },
            ],
          }),
        415,
        'ATTACHMENT_TYPE_MISMATCH',
      ],
      [
        'an executable posing as a JPEG',
        () =>
          intakeBody({
            attachments: [
              {
                fileName: 'a.jpg',
                contentType: 'image/jpeg',
                dataBase64: Buffer.from('MZ\x90\x00fake').toString('base64'),
              },
            ],
          }),
        415,
        'ATTACHMENT_TYPE_MISMATCH',
      ],
      [
        'a file over the size limit',
        () =>
          intakeBody({
            attachments: [
              {
                fileName: 'big.pdf',
                contentType: 'application/pdf',
                dataBase64: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]).toString('base64'),
              },
            ],
          }),
        413,
        'ATTACHMENT_TOO_LARGE',
      ],
      [
        'a type that is not accepted',
        () =>
          intakeBody({
            attachments: [{ fileName: 'a.exe', contentType: 'application/x-msdownload', dataBase64: 'TVo=' }],
          }),
        422,
        'VALIDATION_FAILED',
      ],
    ];
    it.each(cases)('%s', async (_name, body, status, code) => {
      const before = await counts();
      const res = await post(tanThoi, body());
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = res.json();
      expect(problem.code).toBe(code);
      expect(problem.status).toBe(status);
      expect(problem.title).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳý]/i);
      expect(await counts()).toEqual(before);
    });

    it('malformed JSON', async () => {
      const res = await s.request({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: { cookie: tanThoi, 'content-type': 'application/json' },
        payload: '{"procedureCode": ',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('BAD_REQUEST');
    });

    it('no session, or a tampered session cookie', async () => {
      const before = await counts();
      expect((await post('', intakeBody())).json().code).toBe('AUTH_REQUIRED');
      const tampered = `${tanThoi.slice(0, -3)}${tanThoi.endsWith('AAA') ? 'BBB' : 'AAA'}`;
      const res = await post(tampered, intakeBody());
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('AUTH_REQUIRED');
      expect(await counts()).toEqual(before);
    });
  });
});
