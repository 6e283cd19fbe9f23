import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canExtractText, mediaBoxes, pdfPages } from '../../documents/pdf-text.test-support.ts';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';

// The tracking book is built on a worker thread from rows the main thread read; the period and the
// number of dossiers are bounded. Limits are lowered here so a few hundred dossiers reach them.
const MAX_ROWS = 1000;
const FIRST_DAY = 600;
const SECOND_DAY = 450;

describe.each(databaseKinds())('tracking book export on %s', (kind) => {
  let s: TestServer;
  let reception: string;
  let clock = new Date('2025-07-01T02:00:00Z');

  /** `copies` more dossiers like `code`, received `dayOffset` days later, each with its book line. */
  const copy = async (code: string, copies: number, first: number, dayOffset: number) => {
    const shift = `${dayOffset} days`;
    await s.query(
      `INSERT INTO dossiers
       SELECT (jsonb_populate_record(null::dossiers, to_jsonb(d) || jsonb_build_object(
         'code', d.code || '-' || ($2::int + g),
         'book_number', $2::int + g,
         'received_at', d.received_at + $4::interval + g * interval '20 seconds'))).*
       FROM dossiers d, generate_series(1, $3::int) g WHERE d.code = $1`,
      [code, first, copies, shift],
    );
    await s.query(
      `INSERT INTO tracking_book
       SELECT (jsonb_populate_record(null::tracking_book, to_jsonb(t) || jsonb_build_object(
         'dossier_code', t.dossier_code || '-' || ($2::int + g),
         'number', $2::int + g,
         'received_at', t.received_at + $4::interval + g * interval '20 seconds'))).*
       FROM tracking_book t, generate_series(1, $3::int) g WHERE t.dossier_code = $1`,
      [code, first, copies, shift],
    );
  };

  beforeAll(async () => {
    s = await createTestServer(kind, {
      now: () => clock,
      env: { MOTCUA_EXPORT_MAX_ROWS: String(MAX_ROWS), MOTCUA_EXPORT_MAX_DAYS: '92' },
    });
    reception = await s.login('reception.tan-thoi');
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: reception },
      payload: intakeBody(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const code = res.json().code as string;
    await copy(code, FIRST_DAY - 1, 1000, 0);
    await copy(code, SECOND_DAY, 2000, 1);
    clock = new Date('2025-07-03T02:00:00Z');
  });
  afterAll(async () => s?.close());

  const book = (from: string, to: string) =>
    s.request({ url: `/api/v1/tracking-book.pdf?from=${from}&to=${to}`, headers: { cookie: reception } });

  it('refuses a period longer than the limit and one holding more dossiers than the limit (422, narrow the range)', async () => {
    const long = await book('2025-07-01', '2025-10-01');
    expect(long.statusCode).toBe(422);
    expect(long.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(long.json()).toMatchObject({ code: 'EXPORT_TOO_LARGE', status: 422 });
    expect(long.json().detail).toMatch(/tối đa 92 ngày.*thu hẹp/);

    // 600 + 450 dossiers over the two days: past the 1,000-row limit.
    const many = await book('2025-07-01', '2025-07-02');
    expect(many.statusCode).toBe(422);
    expect(many.json()).toMatchObject({ code: 'EXPORT_TOO_LARGE' });
    expect(many.json().detail).toMatch(/hơn 1000 hồ sơ.*thu hẹp/);
    expect(s.ctx.workers.pending).toBe(0);
  });

  it('lists the book on screen a page at a time, in book order, under the same period rules', async () => {
    const list = (query: string, cookie = reception) =>
      s.request({ url: `/api/v1/tracking-book?${query}`, headers: { cookie } });
    const first = await list('from=2025-07-01&to=2025-07-01&limit=50');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['cache-control']).toMatch(/no-store/);
    const page = first.json();
    expect(page.total).toBe(FIRST_DAY);
    expect(page.items).toHaveLength(50);
    const numbers = page.items.map((i: { number: number }) => i.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(page.items[0]).toMatchObject({
      status: expect.any(Number),
      applicantName: expect.any(String),
      procedure: { code: expect.any(String), name: expect.stringMatching(/\p{L}/u) },
      receivedAt: expect.stringMatching(/^2025-07-01T/),
    });
    const last = (await list(`from=2025-07-01&to=2025-07-01&limit=50&offset=${FIRST_DAY - 20}`)).json();
    expect(last.items).toHaveLength(20);
    // Both days: more lines than the PDF prints at once, but the screen pages through them.
    expect((await list('from=2025-07-01&to=2025-07-02&limit=1')).json().total).toBe(FIRST_DAY + SECOND_DAY);

    const reversed = await list('from=2025-07-02&to=2025-07-01');
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await list('from=2025-07-01&to=2025-10-01')).json()).toMatchObject({ code: 'EXPORT_TOO_LARGE' });
    expect((await list('from=2025-07-01&to=2025-07-01&limit=500')).statusCode).toBe(422);
    const province = await s.login('province.dong-thap');
    expect((await list('from=2025-07-01&to=2025-07-01', province)).statusCode).toBe(403);
  });

  it('answers /healthz while the book of the first day is being built, and the book is a valid PDF', async () => {
    let built = false;
    const exported = book('2025-07-01', '2025-07-01').then((res) => {
      built = true;
      return res;
    });
    // The rows are read on the main thread first; wait until they are handed to a worker.
    for (let i = 0; i < 2000 && s.ctx.workers.pending === 0 && !built; i++)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(s.ctx.workers.pending).toBe(1);
    for (let i = 0; i < 3; i++) {
      const health = await s.request({ url: '/healthz' });
      expect(health.statusCode).toBe(200);
    }
    expect(built).toBe(false);

    const res = await exported;
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF/);
    const pages = mediaBoxes(pdf);
    expect(pages.length).toBeGreaterThan(FIRST_DAY / 20);
    expect(new Set(pages)).toEqual(new Set(['841.89 595.28']));
    if (canExtractText) {
      const text = pdfPages(pdf).join('\n');
      expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
      expect(text).toContain(`Trang ${pages.length}/${pages.length}`);
    }
  });
});
