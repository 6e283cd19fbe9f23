import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, type TestServer } from '../../test-support/harness.ts';

describe.each(databaseKinds())('units, catalogue and calendar on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer(kind);
  });
  afterAll(async () => s?.close());

  it('lists the 34 provinces and 3,321 communes with their official codes', async () => {
    const all = (await s.request({ url: '/api/v1/units' })).json();
    expect(all.filter((u: { level: string }) => u.level === 'province')).toHaveLength(34);
    expect(all.filter((u: { level: string }) => u.level === 'commune')).toHaveLength(3321);
    const byCode = new Map(all.map((u: { code: string }) => [u.code, u]));
    expect(byCode.get('82')).toMatchObject({
      name: 'Đồng Tháp',
      level: 'province',
      parentCode: null,
      slug: 'dong-thap',
    });
    expect(byCode.get('28693')).toMatchObject({
      name: 'Tân Thới',
      level: 'commune',
      parentCode: '82',
      slug: 'tan-thoi',
      isActive: true,
    });
    expect(byCode.get('28696')).toMatchObject({ name: 'Tân Phú Đông', parentCode: '82', isActive: true });
    const active = (await s.request({ url: '/api/v1/units?level=commune&active=true' })).json();
    expect(active.map((u: { code: string }) => u.code).sort()).toEqual([
      '28261',
      '28693',
      '28696',
      '28723',
      '29869',
    ]);
    const dongThap = (await s.request({ url: '/api/v1/units?parent=82' })).json();
    expect(dongThap).toHaveLength(102);
  });

  it('publishes a numbered catalogue per commune with the required fields', async () => {
    const list = (await s.request({ url: '/api/v1/procedures?unit=28693' })).json();
    expect(list.length).toBeGreaterThanOrEqual(15);
    expect(list.map((p: { no: number }) => p.no)).toEqual(list.map((_: unknown, i: number) => i + 1));
    for (const p of list) {
      expect(p.code).toMatch(/^\d\.\d{6}$/);
      expect(p.field.name.length).toBeGreaterThan(0);
      expect(['same_day', 'working_days', 'working_hours', 'calendar_days']).toContain(p.timeLimit.unit);
    }
    const detail = (await s.request({ url: '/api/v1/procedures/2.000815?unit=28693' })).json();
    expect(detail.timeLimit).toMatchObject({ unit: 'same_day', amount: 0, cutoff: '15:00' });
    expect(detail.documents.length).toBeGreaterThan(0);
    expect(detail.documents[0]).toHaveProperty('certifiedCopies');
    expect(detail.legalBasis.join(' ')).toMatch(/23\/2015\/NĐ-CP/);
    expect(detail.fees[0].amount).toBe(2000);
  });

  it('searches without diacritics', async () => {
    const q = async (text: string) =>
      (await s.request({ url: `/api/v1/procedures?unit=28693&q=${encodeURIComponent(text)}` }))
        .json()
        .map((p: { code: string }) => p.code);
    const chungThuc = await q('chung thuc');
    expect(chungThuc).toContain('2.000815');
    expect(chungThuc.length).toBeGreaterThanOrEqual(4);
    expect(await q('Chứng thực')).toEqual(chungThuc);
    expect(await q('DANG KY KHAI SINH')).toContain('1.001193');
    expect(await q('ket hon')).toContain('1.000894');
    expect(await q('xyz khong co')).toEqual([]);
  });

  it('answers unknown units and procedures with problems', async () => {
    const unknown = await s.request({ url: '/api/v1/procedures?unit=99999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('UNIT_NOT_FOUND');
    const inactive = await s.request({ url: '/api/v1/procedures?unit=00004' });
    expect(inactive.json().code).toBe('UNIT_INACTIVE');
    const bad = await s.request({ url: '/api/v1/procedures?unit=abc' });
    expect(bad.statusCode).toBe(422);
    const missing = await s.request({ url: '/api/v1/procedures/9.999999?unit=28693' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('PROCEDURE_NOT_FOUND');
  });

  it('computes appointment dates with the official calendar', async () => {
    const due = async (from: string, amount: number, unit: string) =>
      (
        await s.request({
          url: `/api/v1/calendar/due?from=${encodeURIComponent(from)}&amount=${amount}&unit=${unit}`,
        })
      ).json();
    // Tue 29/4/2025 10:00: 30/4, 1/5, 2/5 off and the weekend → 2 working days end Tue 6/5 10:00.
    const r = await due('2025-04-29T10:00:00+07:00', 2, 'working_days');
    expect(r.dueAt).toBe('2025-05-06T03:00:00.000Z');
    expect(r.skipped.map((d: { date: string }) => d.date)).toEqual([
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-05-03',
      '2025-05-04',
    ]);
    expect(r.skipped[0].reason).toMatch(/30\/4|Giải phóng|Thống nhất/i);
    // Friday 25/4/2025 after 15:00, same-day → the make-up working Saturday 26/4.
    expect((await due('2025-04-25T15:30:00+07:00', 0, 'same_day')).dueAt).toBe('2025-04-26T10:00:00.000Z');
    const bad = await s.request({ url: '/api/v1/calendar/due?from=yesterday&amount=1&unit=working_days' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });

  it('lists days off and make-up days, official or derived', async () => {
    const y2026 = (await s.request({ url: '/api/v1/calendar/days?year=2026' })).json();
    expect(y2026.days.find((d: { date: string }) => d.date === '2026-01-10')).toMatchObject({
      kind: 'makeup_workday',
      source: 'official',
    });
    expect(y2026.days.find((d: { date: string }) => d.date === '2026-02-17')).toMatchObject({
      source: 'official',
    });
    const y2027 = (await s.request({ url: '/api/v1/calendar/days?year=2027' })).json();
    expect(y2027.days.length).toBeGreaterThan(0);
    expect(y2027.days.every((d: { source: string }) => d.source === 'derived')).toBe(true);
    // Tết Đinh Mùi: 1/1 lunar = 6 February 2027.
    expect(y2027.days.some((d: { date: string }) => d.date === '2027-02-06' || d.date === '2027-02-05')).toBe(
      true,
    );
  });

  it('serves OpenAPI 3.1 describing the contract, and its docs page', async () => {
    const spec = (await s.request({ url: '/api/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/auth/logout',
      '/api/v1/units',
      '/api/v1/procedures',
      '/api/v1/dossiers',
      '/api/v1/dossiers/{code}',
      '/api/v1/dossiers/{code}/receipt.pdf',
      '/api/v1/track/{code}',
      '/api/v1/calendar/due',
      '/api/v1/calendar/days',
    ]) {
      expect(spec.paths, path).toHaveProperty([path]);
    }
    expect(JSON.stringify(spec.paths['/api/v1/dossiers'].post)).toMatch(/Idempotency-Key/i);
    const docs = await s.request({ url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
    expect((await s.request({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
  });
});

describe.each(databaseKinds())('official schedule import on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer(kind);
  });
  afterAll(async () => s?.close());

  it('lets an administrator import a year, which then overrides the derived holidays', async () => {
    const admin = await s.login('admin');
    const body = {
      source: 'Công văn giả định số 1/VPCP-KGVX (kiểm thử)',
      days: [
        { date: '2027-02-05', kind: 'holiday', name: 'Tết Nguyên đán Đinh Mùi' },
        { date: '2027-02-08', kind: 'holiday', name: 'Tết Nguyên đán Đinh Mùi' },
        { date: '2027-02-13', kind: 'makeup_workday', name: 'Làm bù' },
      ],
    };
    const reception = await s.login('reception.tan-thoi');
    expect(
      (
        await s.request({
          method: 'PUT',
          url: '/api/v1/calendar/years/2027',
          headers: { cookie: reception },
          payload: body,
        })
      ).statusCode,
    ).toBe(403);
    const bad = await s.request({
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      headers: { cookie: admin },
      payload: {
        ...body,
        days: [
          ...body.days,
          { date: '2027-02-10', kind: 'makeup_workday', name: 'Sai' },
          { date: '2026-01-01', kind: 'holiday', name: 'Sai năm' },
        ],
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['days.3.kind', 'days.4.date']);
    expect(
      (await s.request({ url: '/api/v1/calendar/days?year=2027' }))
        .json()
        .days.every((d: { source: string }) => d.source === 'derived'),
    ).toBe(true);
    const ok = await s.request({
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      headers: { cookie: admin },
      payload: body,
    });
    expect(ok.json()).toEqual({ year: 2027, imported: 3 });
    const days = (await s.request({ url: '/api/v1/calendar/days?year=2027' })).json().days;
    expect(days.map((d: { date: string; source: string }) => `${d.date}:${d.source}`)).toEqual([
      '2027-02-05:official',
      '2027-02-08:official',
      '2027-02-13:official',
    ]);
    // Saturday 13/2/2027 is now a working day: a same-day dossier received Friday 12/2 at 16:00 is due on it.
    const due = (
      await s.request({
        url: `/api/v1/calendar/due?from=${encodeURIComponent('2027-02-12T16:00:00+07:00')}&unit=same_day`,
      })
    ).json();
    expect(due.dueAt).toBe('2027-02-13T10:00:00.000Z');
  });
});

describe('the web app behind the API', () => {
  it('serves the app shell for client routes and 404 for missing assets', async () => {
    const s = await createTestServer('pglite');
    try {
      const fs = await import('node:fs');
      // npm test builds the web app first; in CI the shell must be there.
      if (process.env.CI !== 'true' && !fs.existsSync('dist/web/index.html')) {
        // The web build runs before the browser journeys; without it there is no shell to serve.
        expect((await s.request({ url: '/thu-tuc' })).statusCode).toBe(404);
        return;
      }
      const shell = await s.request({ url: '/thu-tuc?unit=28693' });
      expect(shell.statusCode).toBe(200);
      expect(shell.headers['content-type']).toContain('text/html');
      const home = await s.request({ url: '/' });
      expect(home.statusCode).toBe(200);
      expect(home.headers['content-type']).toContain('text/html');
      expect(home.body).toBe(shell.body);
      const missing = await s.request({ url: '/assets/khong-co-12345.js' });
      expect(missing.statusCode).toBe(404);
      const directory = await s.request({ url: '/assets/' });
      expect(directory.statusCode).toBe(404);
      expect(directory.json().code).toBe('NOT_FOUND');
      expect((await s.request({ url: '/api/v1/khong-co' })).json().code).toBe('NOT_FOUND');
    } finally {
      await s.close();
    }
  });
});

describe('operations endpoints', () => {
  it('answers /readyz and exposes Prometheus metrics', async () => {
    const s = await createTestServer('pglite');
    try {
      expect((await s.request({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
      await s.request({ url: '/api/v1/units?level=province' });
      const text = (await s.request({ url: '/metrics' })).body;
      expect(text).toMatch(
        /motcua_http_requests_total\{method="GET",route="\/api\/v1\/units",status="200"\} 1/,
      );
      expect(text).toMatch(/motcua_outbox_pending 0/);
    } finally {
      await s.close();
    }
  });
});
