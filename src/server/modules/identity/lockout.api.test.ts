import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, type TestServer } from '../../test-support/harness.ts';
import { DEMO_PASSWORD } from '../../test-support/test-env.ts';
import { passwordChecks } from './passwords.ts';
import { hashToken } from './service.ts';

const MAX = 5;
const ADDRESS_MAX = 12;
const LOCK = 300;

describe.each(databaseKinds())('sign-in lock-out on %s', (kind) => {
  let s: TestServer;
  let clock = new Date('2025-07-01T02:00:00Z');
  const tick = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };
  // Each test signs in from its own addresses: the route's per-address request limit (30 a minute,
  // in memory) must not answer for the lock-out.
  let addresses = 0;
  const newAddress = () => {
    addresses++;
    return `198.51.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`;
  };

  const attempt = (username: string, password: string, address: string, device?: string) =>
    s.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress: address,
      headers: device ? { cookie: `motcua_device=${device}` } : {},
    });
  const failures = async (key: string) =>
    (await s.query<{ failures: number }>('SELECT failures FROM login_throttle WHERE key = $1', [key]))[0]
      ?.failures;
  const deviceCookie = (res: LightMyRequestResponse) =>
    res.cookies.find((c) => c.name === 'motcua_device') as
      | { value: string; httpOnly?: boolean; sameSite?: string; path?: string; maxAge?: number }
      | undefined;
  /** Status, code and retry-after of an answer: what a client can tell apart. */
  const seen = (res: LightMyRequestResponse) =>
    [res.statusCode, res.json().code, res.headers['retry-after']] as const;

  beforeAll(async () => {
    s = await createTestServer(kind, {
      now: () => clock,
      env: {
        MOTCUA_LOGIN_MAX_FAILURES: String(MAX),
        MOTCUA_LOGIN_LOCK_SECONDS: String(LOCK),
        MOTCUA_LOGIN_ADDRESS_MAX_FAILURES: String(ADDRESS_MAX),
      },
    });
  });
  beforeEach(async () => {
    // Every test starts after the previous one's windows ended.
    tick(LOCK + 1);
  });
  afterAll(async () => s?.close());

  /**
   * 25 wrong passwords at once for one username, from one address or from 25 (then only the account
   * bucket is shared: its own reservation must hold).
   */
  const burst = async (username: string, spread: boolean) => {
    const one = newAddress();
    const from = Array.from({ length: 25 }, () => (spread ? newAddress() : one));
    const checks = passwordChecks();
    const answers = await Promise.all(from.map((a) => attempt(username, 'wrong-password', a)));
    let addressFailures = 0;
    for (const a of new Set(from)) addressFailures += (await failures(`a:${a}`)) ?? 0;
    return {
      checked: passwordChecks() - checks,
      refused: answers.filter((r) => r.statusCode === 401).map((r) => r.json().code),
      locked: answers.filter((r) => r.statusCode === 429).map(seen),
      stored: { account: await failures(`u:${username}`), address: addressFailures },
    };
  };
  const burstOutcome = {
    checked: MAX,
    refused: Array(MAX).fill('AUTH_INVALID_CREDENTIALS'),
    locked: Array(25 - MAX).fill([429, 'AUTH_RATE_LIMITED', String(LOCK)]),
    stored: { account: MAX, address: MAX },
  };

  it('checks at most MAX of 25 simultaneous wrong passwords for an account, then locks it', async () => {
    expect(await burst('specialist.tan-thoi', false)).toEqual(burstOutcome);
    expect(await burst('reception.tan-phu-dong', true)).toEqual(burstOutcome);
    // Locked: even the right password is not checked.
    const checks = passwordChecks();
    expect(seen(await attempt('specialist.tan-thoi', DEMO_PASSWORD, newAddress()))).toEqual([
      429,
      'AUTH_RATE_LIMITED',
      String(LOCK),
    ]);
    expect(passwordChecks()).toBe(checks);
  });

  it('answers the same for unknown, inactive and known accounts, at once and one by one', async () => {
    await s.query("UPDATE users SET is_active = false WHERE username = 'reception.tan-dong'");
    expect(await burst('nobody.tan-thoi', false)).toEqual(burstOutcome);
    expect(await burst('nobody.tan-phu-dong', true)).toEqual(burstOutcome);
    expect(await burst('reception.tan-dong', true)).toEqual(burstOutcome);
    tick(LOCK);
    // A closed account's right password is just a wrong one.
    expect(seen(await attempt('reception.tan-dong', DEMO_PASSWORD, newAddress()))).toEqual([
      401,
      'AUTH_INVALID_CREDENTIALS',
      undefined,
    ]);

    const oneByOne = async (username: string) => {
      const address = newAddress();
      const answers = [];
      for (let i = 0; i < MAX; i++) answers.push(seen(await attempt(username, 'wrong-password', address)));
      tick(10);
      answers.push(seen(await attempt(username, DEMO_PASSWORD, address)));
      return answers;
    };
    const known = await oneByOne('leader.tan-thoi');
    expect(known).toEqual([
      ...Array(MAX).fill([401, 'AUTH_INVALID_CREDENTIALS', undefined]),
      [429, 'AUTH_RATE_LIMITED', String(LOCK - 10)],
    ]);
    expect(await oneByOne('ghost.tan-thoi')).toEqual(known);
    // Usernames differing only in case share one bucket.
    expect(await failures('u:ghost.tan-thoi')).toBe(MAX);
    expect(seen(await attempt('Ghost.Tan-Thoi', 'x', newAddress()))[0]).toBe(429);
  });

  it('keeps the lock for the whole window after the last failure, then starts over', async () => {
    const address = newAddress();
    const user = 'leader.tan-phu-dong';
    for (let i = 0; i < MAX - 1; i++) expect((await attempt(user, 'wrong', address)).statusCode).toBe(401);
    tick(200);
    // The failure that fills the bucket locks for the full window from its own time.
    expect((await attempt(user, 'wrong', address)).statusCode).toBe(401);
    tick(LOCK - 1);
    expect(seen(await attempt(user, DEMO_PASSWORD, address))).toEqual([429, 'AUTH_RATE_LIMITED', '1']);
    tick(1);
    expect((await attempt(user, DEMO_PASSWORD, address)).statusCode).toBe(200);
    expect(await failures(`u:${user}`)).toBeUndefined();
    expect(await failures(`a:${address}`)).toBe(0);
    // A new window: MAX more wrong passwords are checked, no more.
    for (let i = 0; i < MAX; i++) expect((await attempt(user, 'wrong', address)).statusCode).toBe(401);
    expect((await attempt(user, 'wrong', address)).statusCode).toBe(429);
    // A window that ends without filling up starts over too.
    tick(LOCK);
    const other = 'specialist.tan-phu-dong';
    for (let i = 0; i < MAX - 1; i++) expect((await attempt(other, 'wrong', address)).statusCode).toBe(401);
    tick(LOCK);
    for (let i = 0; i < MAX; i++) expect((await attempt(other, 'wrong', address)).statusCode).toBe(401);
    expect(await failures(`u:${other}`)).toBe(MAX);
  });

  it('resets the count on the right password; wrong ones before it stay counted until then', async () => {
    const address = newAddress();
    const user = 'reception.tan-thoi';
    for (let i = 0; i < MAX - 1; i++) expect((await attempt(user, 'wrong', address)).statusCode).toBe(401);
    expect(await failures(`u:${user}`)).toBe(MAX - 1);
    expect((await attempt(user, DEMO_PASSWORD, address)).statusCode).toBe(200);
    for (let i = 0; i < MAX; i++) expect((await attempt(user, 'wrong', address)).statusCode).toBe(401);
    expect((await attempt(user, DEMO_PASSWORD, address)).statusCode).toBe(429);
  });

  it('lets the officer in from a browser they signed in on while the account is locked for others', async () => {
    const office = newAddress();
    const attacker = newAddress();
    const user = 'leader.tan-dong';
    const first = await attempt(user, DEMO_PASSWORD, office);
    expect(first.statusCode).toBe(200);
    const cookie = deviceCookie(first)!;
    expect(cookie).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/api/v1/auth/login',
      maxAge: 90 * 86_400,
    });
    // Only the token's hash is stored.
    const stored = await s.query<{ token_hash: string }>(
      'SELECT token_hash FROM login_devices d JOIN users u ON u.id = d.user_id WHERE u.username = $1',
      [user],
    );
    expect(stored.map((r) => r.token_hash)).toEqual([hashToken(cookie.value)]);

    for (let i = 0; i < MAX; i++) expect((await attempt(user, 'wrong', attacker)).statusCode).toBe(401);
    expect((await attempt(user, DEMO_PASSWORD, attacker)).statusCode).toBe(429);
    // Without the cookie the officer meets the same lock; with it they sign in.
    expect((await attempt(user, DEMO_PASSWORD, office)).statusCode).toBe(429);
    const again = await attempt(user, DEMO_PASSWORD, office, cookie.value);
    expect(again.statusCode).toBe(200);
    expect(again.json().username).toBe(user);
    expect(deviceCookie(again)?.value).toBe(cookie.value);
    // The trusted sign-in did not open the lock for everyone else.
    expect((await attempt(user, DEMO_PASSWORD, attacker)).statusCode).toBe(429);

    // The cookie trusts the browser for its own user only.
    const colleague = 'specialist.tan-dong';
    for (let i = 0; i < MAX; i++) expect((await attempt(colleague, 'wrong', attacker)).statusCode).toBe(401);
    expect((await attempt(colleague, DEMO_PASSWORD, office, cookie.value)).statusCode).toBe(429);
    // Made-up or stolen-looking tokens are no better than none.
    const forged = `${cookie.value.slice(0, 42)}${cookie.value[42] === 'A' ? 'B' : 'A'}`;
    expect((await attempt(user, DEMO_PASSWORD, office, forged)).statusCode).toBe(429);

    // The trusted browser has its own bucket of MAX, outside the address bucket.
    const addressBefore = await failures(`a:${office}`);
    for (let i = 0; i < MAX; i++)
      expect((await attempt(user, 'wrong', office, cookie.value)).statusCode).toBe(401);
    expect((await attempt(user, DEMO_PASSWORD, office, cookie.value)).statusCode).toBe(429);
    expect(await failures(`d:${hashToken(cookie.value)}`)).toBe(MAX);
    expect(await failures(`a:${office}`)).toBe(addressBefore);
  });

  it('keeps one trusted token per officer on a shared counter browser', async () => {
    const office = newAddress();
    const a = await attempt('reception.cao-lanh', DEMO_PASSWORD, office);
    const first = deviceCookie(a)!.value;
    const b = await attempt('specialist.cao-lanh', DEMO_PASSWORD, office, first);
    const both = deviceCookie(b)!.value;
    expect(both.split('.')).toHaveLength(2);
    expect(both.split('.')[1]).toBe(first);
    for (let i = 0; i < MAX; i++)
      expect((await attempt('reception.cao-lanh', 'wrong', newAddress())).statusCode).toBe(401);
    expect((await attempt('reception.cao-lanh', DEMO_PASSWORD, office, both)).statusCode).toBe(200);
  });

  it('stops one address from trying passwords across many usernames', async () => {
    const spray = newAddress();
    const rows = await s.query<{ username: string }>(
      "SELECT username FROM users WHERE is_active AND username LIKE '%.%' ORDER BY username LIMIT 8",
    );
    const targets = [...rows.map((r) => r.username), 'a.x', 'b.x', 'c.x', 'd.x'];
    expect(targets).toHaveLength(ADDRESS_MAX);
    for (const u of targets) expect((await attempt(u, 'Password1', spray)).statusCode).toBe(401);
    const locked = await attempt('e.x', 'Password1', spray);
    expect(seen(locked)).toEqual([429, 'AUTH_RATE_LIMITED', String(LOCK)]);
    // A real account's right password from that address waits too, but not from another address.
    const victim = rows[0]!.username;
    expect((await attempt(victim, DEMO_PASSWORD, spray)).statusCode).toBe(429);
    expect((await attempt(victim, DEMO_PASSWORD, newAddress())).statusCode).toBe(200);
    // The refused attempts took no slot of their username.
    expect(await failures('u:e.x')).toBeUndefined();

    // A browser its officer signed in on before is not held back by its address.
    const trusted = deviceCookie(await attempt('leader.cao-lanh', DEMO_PASSWORD, newAddress()))!.value;
    expect((await attempt('leader.cao-lanh', DEMO_PASSWORD, spray, trusted)).statusCode).toBe(200);
  });

  it('does not count right passwords against an address (many officers behind one NAT)', async () => {
    const nat = newAddress();
    const rows = await s.query<{ username: string }>(
      "SELECT username FROM users WHERE is_active AND username LIKE '%.%' ORDER BY username",
    );
    expect(rows.length).toBeGreaterThan(ADDRESS_MAX);
    for (const { username } of rows)
      expect((await attempt(username, DEMO_PASSWORD, nat)).statusCode, username).toBe(200);
    expect(await failures(`a:${nat}`)).toBe(0);
  });
});
