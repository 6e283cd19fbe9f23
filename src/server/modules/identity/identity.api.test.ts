import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, type TestServer } from '../../test-support/harness.ts';
import { DEMO_PASSWORD } from '../../test-support/test-env.ts';

describe.each(databaseKinds())('staff sign-in on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer(kind, {
      env: { MOTCUA_LOGIN_MAX_FAILURES: '3', MOTCUA_LOGIN_LOCK_SECONDS: '120' },
    });
  });
  afterAll(async () => s?.close());

  it('stores passwords as argon2id hashes', async () => {
    const rows = await s.query<{ password_hash: string }>(
      "SELECT password_hash FROM users WHERE username = 'admin'",
    );
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('signs in with an httpOnly session cookie, tells who is signed in, and signs out', async () => {
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'reception.tan-thoi', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      username: 'reception.tan-thoi',
      role: 'reception',
      unit: { code: '28693', name: 'Tân Thới', level: 'commune' },
    });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/motcua_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = `motcua_session=${res.cookies[0]!.value}`;
    expect((await s.request({ url: '/api/v1/auth/me', headers: { cookie } })).json().username).toBe(
      'reception.tan-thoi',
    );
    expect(
      (await s.request({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode,
    ).toBe(204);
    const after = await s.request({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('AUTH_REQUIRED');
  });

  it('refuses a wrong password and an unknown user alike, writing no session', async () => {
    const [before] = await s.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions');
    for (const payload of [
      { username: 'leader.tan-thoi', password: 'wrong-password' },
      { username: 'nobody.tan-thoi', password: DEMO_PASSWORD },
    ]) {
      const res = await s.request({ method: 'POST', url: '/api/v1/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({
        code: 'AUTH_INVALID_CREDENTIALS',
        title: 'Tên đăng nhập hoặc mật khẩu không đúng',
      });
    }
    const [after] = await s.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions');
    expect(after?.n).toBe(before?.n);
  });

  it('locks an account after repeated wrong passwords, even for the right password', async () => {
    const attempt = (password: string) =>
      s.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'specialist.tan-thoi', password },
      });
    for (let i = 0; i < 3; i++) expect((await attempt('wrong')).statusCode).toBe(401);
    const locked = await attempt(DEMO_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('AUTH_RATE_LIMITED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Another account is unaffected.
    expect(
      (
        await s.request({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'specialist.tan-phu-dong', password: DEMO_PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('rejects unknown, malformed and tampered session cookies', async () => {
    const good = await s.login('leader.tan-thoi');
    const value = good.split('=')[1]!;
    const flipped = `${value.slice(0, 10)}${value[10] === 'A' ? 'B' : 'A'}${value.slice(11)}`;
    for (const cookie of ['motcua_session=abc', `motcua_session=${flipped}`, `motcua_session=${value}x`]) {
      const res = await s.request({ url: '/api/v1/auth/me', headers: { cookie } });
      expect(res.statusCode).toBe(401);
    }
    expect((await s.request({ url: '/api/v1/auth/me', headers: { cookie: good } })).statusCode).toBe(200);
  });
});
