import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../test-support/harness.ts';
import { TEST_ENV } from '../test-support/test-env.ts';

const WEB = path.resolve('dist/web');
// npm test builds the web app before these tests; in CI it must be there.
const hasWeb = fs.existsSync(path.join(WEB, 'index.html'));
if (!hasWeb && process.env.CI === 'true') throw new Error('dist/web is missing: npm test builds it first');

/** A GET whose path is sent exactly as written. */
function rawGet(port: number, rawPath: string) {
  return new Promise<{ status: number; contentType: string; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(databaseKinds())('transport and odd requests on %s', (kind) => {
  let s: TestServer;
  let cookie: string;
  beforeAll(async () => {
    s = await createTestServer(kind);
    cookie = await s.login('reception.tan-thoi');
  });
  afterAll(async () => s?.close());

  it('answers 4xx problem+json to traversal, control characters, bad escapes and overlong paths', async () => {
    // Over a real socket: inject() would resolve the dot segments before the server saw them.
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = s.app.server.address() as AddressInfo;
    const odd = [
      '/%2e%2e/%2e%2e/etc/passwd',
      '/../../etc/passwd',
      '/assets/../../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/%2E%2E%5C%2E%2E%5Cpackage.json',
      '/api/v1/..%2f..%2fetc/passwd',
      '/./thu-tuc',
      '/tra-cuu/%00',
      '/x%00y',
      '/%c0%ae%c0%ae/',
      '/%E0%A4%A',
      '/a\\..\\b',
      `/${'a'.repeat(5000)}`,
      `/api/v1/track/${'H'.repeat(3000)}?phone=1234`,
    ];
    for (const url of odd) {
      const res = await rawGet(port, url);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(res.status, url).toBeLessThan(500);
      expect(res.contentType, url).toContain('application/problem+json');
      expect(JSON.parse(res.body).code, url).toMatch(/^[A-Z_]+$/);
    }
    expect(JSON.parse((await rawGet(port, `/${'a'.repeat(5000)}`)).body).code).toBe('URI_TOO_LONG');
    expect(JSON.parse((await rawGet(port, '/%2e%2e/%2e%2e/etc/passwd')).body).code).toBe('BAD_REQUEST');
  });

  it.runIf(hasWeb)('serves the app shell for every client route, dots included, with no-cache', async () => {
    for (const url of [
      '/thu-tuc/1.004873',
      '/thu-tuc/1.004873?unit=28696',
      '/tra-cuu/h82.050-261206-0001',
      '/',
    ]) {
      const res = await s.request({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toContain('<div id="root">');
    }
    expect((await s.request({ url: '/assets/khong-co.js' })).statusCode).toBe(404);
    expect((await s.request({ url: '/khong-co.js' })).statusCode).toBe(404);
    expect((await s.request({ url: '/api/v1/khong-co.json' })).statusCode).toBe(404);
    expect((await s.request({ method: 'POST', url: '/thu-tuc/1.004873' })).statusCode).toBe(404);
  });

  it.runIf(hasWeb)('sends hashed assets compressed as negotiated and immutable for a year', async () => {
    const name = fs.readdirSync(path.join(WEB, 'assets')).find((f) => /^index-.*\.js$/.test(f));
    expect(name).toBeDefined();
    const url = `/assets/${name}`;
    const raw = fs.readFileSync(path.join(WEB, 'assets', name!));
    const br = await s.request({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.rawPayload.length).toBeLessThan(raw.length / 3);
    const gz = await s.request({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await s.request({ url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(raw)).toBe(true);
  });

  it('compresses API answers and never lets a cache keep personal data', async () => {
    const created = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie },
      payload: intakeBody(),
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toMatch(/no-store/);
    const code = created.json().code;
    const view = await s.request({
      url: `/api/v1/dossiers/${code}`,
      headers: { cookie, 'accept-encoding': 'br' },
    });
    expect(view.statusCode).toBe(200);
    expect(view.headers['cache-control']).toMatch(/no-store/);
    const tracked = await s.request({ url: `/api/v1/track/${code}?phone=5678` });
    expect(tracked.headers['cache-control']).toMatch(/no-store/);
    const units = await s.request({
      url: '/api/v1/units?level=commune',
      headers: { 'accept-encoding': 'br' },
    });
    expect(units.headers['content-encoding']).toBe('br');
    expect(units.headers.vary).toMatch(/accept-encoding/i);
    const gz = await s.request({
      url: '/api/v1/units?level=commune',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
  });

  it('keeps /metrics from clients that are not on this machine', async () => {
    expect((await s.request({ url: '/metrics' })).statusCode).toBe(200);
    const remote = await s.request({ url: '/metrics', remoteAddress: '203.0.113.9' });
    expect(remote.statusCode).toBe(404);
    const spoofed = await s.request({
      url: '/metrics',
      remoteAddress: '203.0.113.9',
      headers: { 'x-forwarded-for': '127.0.0.1' },
    });
    expect(spoofed.statusCode).toBe(404);
  });
});

describe('metrics token', () => {
  it('wants the bearer token when one is configured, from any address', async () => {
    const token = 'metrics-token-0123456789';
    const s = await createTestServer('pglite', { env: { MOTCUA_METRICS_TOKEN: token } });
    try {
      expect((await s.request({ url: '/metrics' })).statusCode).toBe(404);
      const wrong = await s.request({ url: '/metrics', headers: { authorization: 'Bearer nope' } });
      expect(wrong.statusCode).toBe(404);
      const ok = await s.request({
        url: '/metrics',
        remoteAddress: '203.0.113.9',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('motcua_http_requests_total');
    } finally {
      await s.close();
    }
  });
});

describe('public URL', () => {
  const production = { ...TEST_ENV, MOTCUA_MODE: 'production', MOTCUA_DEMO_PASSWORD: undefined };
  it('is required in production mode', () => {
    expect(() => loadConfig({ ...production, MOTCUA_PUBLIC_URL: undefined })).toThrow(ConfigError);
    expect(() => loadConfig({ ...production, MOTCUA_PUBLIC_URL: undefined })).toThrow(/MOTCUA_PUBLIC_URL/);
    expect(loadConfig({ ...production, MOTCUA_PUBLIC_URL: 'https://dichvucong.xa.vn/' }).publicUrl).toBe(
      'https://dichvucong.xa.vn',
    );
  });
  it('falls back to localhost in demo mode and says it was not configured', () => {
    const config = loadConfig({ ...TEST_ENV, MOTCUA_PUBLIC_URL: undefined, PORT: '3456' });
    expect(config.publicUrl).toBe('http://localhost:3456');
    expect(config.publicUrlConfigured).toBe(false);
  });
});

describe.each(databaseKinds())('personal data in logs on %s', (kind) => {
  it('logs a failed intake without the applicant name, ID, phone, address or email', async () => {
    const lines: string[] = [];
    const capture = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const s = await createTestServer(kind, { logStream: capture, env: { LOG_LEVEL: 'trace' } });
    try {
      const cookie = await s.login('reception.tan-thoi');
      // The database refuses every new dossier, so the intake statement fails with its parameters.
      await s.query(`CREATE FUNCTION refuse_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'forced failure for %', NEW.applicant_name USING DETAIL = NEW.applicant_id_number; END $$`);
      // One statement, so the setting holds on the connection that creates the trigger: Citus refuses a
      // trigger on a distributed table unless citus.enable_unsafe_triggers is on (a mere custom setting,
      // without effect, on PostgreSQL and PGlite).
      await s.query(`DO $$ BEGIN
        PERFORM set_config('citus.enable_unsafe_triggers', 'on', true);
        EXECUTE 'CREATE TRIGGER refuse_dossier BEFORE INSERT ON dossiers FOR EACH ROW EXECUTE FUNCTION refuse_dossier()';
      END $$`);
      const applicant = {
        fullName: 'Lê Thị Bích Thủy',
        idNumber: '082196007777',
        phone: '0934567812',
        address: 'Ấp Hòa Bình Riêng, xã Tân Thới',
        email: 'thuy.le.rieng@example.vn',
      };
      const res = await s.request({
        method: 'POST',
        url: `/api/v1/dossiers?hoTen=${encodeURIComponent(applicant.fullName)}`,
        headers: { cookie },
        payload: intakeBody({ applicant, subject: 'Xin sao y giấy tờ của Lê Thị Bích Thủy' }),
      });
      expect(res.statusCode).toBe(500);
      const log = lines.join('');
      // The failure was logged, with what identifies the fault.
      expect(log).toContain('unhandled error');
      expect(log).toMatch(/"code":"P0001"/);
      const secrets = [
        applicant.fullName,
        'Bích Thủy',
        applicant.idNumber,
        applicant.phone,
        '34567812',
        applicant.address,
        'Hòa Bình Riêng',
        applicant.email,
        'thuy.le.rieng',
      ];
      for (const secret of secrets) {
        expect(log).not.toContain(secret);
        expect(log).not.toContain(JSON.stringify(secret).slice(1, -1));
        expect(log).not.toContain(encodeURIComponent(secret));
      }
    } finally {
      await s.close();
    }
  });
});
