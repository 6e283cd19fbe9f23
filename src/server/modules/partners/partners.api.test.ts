import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';

/*
 * The Partner API: keys issued by administrators, scoped to one commune or one province, stored
 * hashed, revocable, rate-limited; partner reads never cross their scope (404, like an unknown code).
 */

describe.each(databaseKinds())('partner API on %s', (kind) => {
  let s: TestServer;
  let admin: string;
  const dossiers: Record<string, string[]> = { '28693': [], '28696': [] };
  const keys: Record<string, { id: string; secret: string }> = {};

  const createKey = async (cookie: string, body: Record<string, unknown>) =>
    s.request({ method: 'POST', url: '/api/v1/partners/keys', headers: { cookie }, payload: body });
  const asPartner = (key: string, url: string, header: 'bearer' | 'x-api-key' = 'bearer') =>
    s.request({
      url,
      headers: header === 'bearer' ? { authorization: `Bearer ${key}` } : { 'x-api-key': key },
    });

  beforeAll(async () => {
    s = await createTestServer(kind);
    admin = await s.login('admin');
    for (const [unit, officer] of [
      ['28693', 'reception.tan-thoi'],
      ['28696', 'reception.tan-phu-dong'],
    ] as const) {
      const cookie = await s.login(officer);
      for (let i = 0; i < 3; i++) {
        const res = await s.request({
          method: 'POST',
          url: '/api/v1/dossiers',
          headers: { cookie },
          payload: intakeBody(),
        });
        expect(res.statusCode, res.body).toBe(201);
        dossiers[unit]!.push(res.json().code);
      }
    }
    const specs = {
      tanThoi: { scope: { kind: 'commune', code: '28693' }, permissions: ['dossiers:read'] },
      tanThoiFull: {
        scope: { kind: 'commune', code: '28693' },
        permissions: ['dossiers:read', 'applicants:read'],
      },
      tanPhuDong: { scope: { kind: 'commune', code: '28696' }, permissions: ['dossiers:read'] },
      dongThap: { scope: { kind: 'province', code: '82' }, permissions: ['dossiers:read'] },
      haNoi: { scope: { kind: 'province', code: '01' }, permissions: ['dossiers:read'] },
      hooksOnly: { scope: { kind: 'commune', code: '28693' }, permissions: ['webhooks'] },
    };
    for (const [name, spec] of Object.entries(specs)) {
      const res = await createKey(admin, { name: `Hệ thống ${name}`, ...spec });
      expect(res.statusCode, res.body).toBe(201);
      keys[name] = { id: res.json().key.id, secret: res.json().secret };
    }
  });
  afterAll(async () => s?.close());

  it('shows the key once and stores only a keyed hash of it, found by its prefix', async () => {
    const { secret, id } = keys.tanThoi!;
    expect(secret).toMatch(/^mck_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const [row] = await s.query<{ key_prefix: string; key_hash: string; permissions: string[] }>(
      'SELECT key_prefix, key_hash, permissions FROM partner_api_keys WHERE id = $1',
      [id],
    );
    expect(secret.slice(4, 16)).toBe(row!.key_prefix);
    expect(row!.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.key_hash).not.toContain(secret.slice(17));
    const list = await s.request({ url: '/api/v1/partners/keys', headers: { cookie: admin } });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(secret.slice(17));
    expect(list.json().items.find((k: { id: string }) => k.id === id)).toMatchObject({
      prefix: row!.key_prefix,
      scope: { kind: 'commune', code: '28693', name: 'Xã Tân Thới' },
      permissions: ['dossiers:read'],
      revokedAt: null,
    });
  });

  it('lets administrators only issue keys, each within their own unit', async () => {
    const reception = await s.login('reception.tan-thoi');
    const province = await s.login('province.dong-thap');
    const body = { name: 'X', scope: { kind: 'commune', code: '28693' }, permissions: ['dossiers:read'] };
    expect((await createKey(reception, body)).statusCode).toBe(403);
    expect((await createKey(province, body)).statusCode).toBe(403);
    // A commune's administrator: their commune only.
    await s.query(
      `INSERT INTO users (id, username, full_name, password_hash, role, unit_code, is_demo)
       SELECT gen_random_uuid(), 'admin.tan-thoi', 'Quản trị xã', password_hash, 'admin', '28693', true
       FROM users WHERE username = 'admin'`,
    );
    const communeAdmin = await s.login('admin.tan-thoi');
    expect((await createKey(communeAdmin, body)).statusCode).toBe(201);
    expect(
      (await createKey(communeAdmin, { ...body, scope: { kind: 'commune', code: '28696' } })).statusCode,
    ).toBe(403);
    expect(
      (await createKey(communeAdmin, { ...body, scope: { kind: 'province', code: '82' } })).statusCode,
    ).toBe(403);
    // It lists only its commune's keys and cannot revoke another's (404: not revealed).
    const listed = (
      await s.request({ url: '/api/v1/partners/keys', headers: { cookie: communeAdmin } })
    ).json();
    expect(new Set(listed.items.map((k: { scope: { code: string } }) => k.scope.code))).toEqual(
      new Set(['28693']),
    );
    const other = await s.request({
      method: 'POST',
      url: `/api/v1/partners/keys/${keys.tanPhuDong!.id}/revoke`,
      headers: { cookie: communeAdmin },
    });
    expect(other.statusCode).toBe(404);
    // Scopes are checked against the units; a commune code given as a province is refused.
    const wrong = await createKey(admin, { ...body, scope: { kind: 'province', code: '28693' } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([{ path: 'scope.code', message: expect.any(String) }]);
  });

  it('never lets a key read a dossier outside its scope: 404 exactly like an unknown code', async () => {
    const allCodes = [...dossiers['28693']!, ...dossiers['28696']!];
    const readable: Record<string, string[]> = {
      tanThoi: dossiers['28693']!,
      tanThoiFull: dossiers['28693']!,
      tanPhuDong: dossiers['28696']!,
      dongThap: allCodes,
      haNoi: [],
    };
    let attempts = 0;
    for (const [name, codes] of Object.entries(readable)) {
      for (const code of allCodes) {
        for (const variant of [code, code.toLowerCase(), ` ${code} `]) {
          const res = await asPartner(
            keys[name]!.secret,
            `/api/v1/partner/dossiers/${encodeURIComponent(variant)}`,
          );
          attempts++;
          if (codes.includes(code)) {
            expect(res.statusCode, `${name} ${variant}`).toBe(200);
            expect(res.json().code).toBe(code);
          } else {
            expect(res.statusCode, `${name} ${variant}`).toBe(404);
            expect(res.json()).toMatchObject({ code: 'DOSSIER_NOT_FOUND' });
          }
        }
      }
      const unknown = await asPartner(keys[name]!.secret, '/api/v1/partner/dossiers/H82.045-260101-9999');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().code).toBe('DOSSIER_NOT_FOUND');
    }
    expect(attempts).toBe(5 * 6 * 3);
    // The feed too: each key lists exactly its scope's dossiers.
    for (const [name, codes] of Object.entries(readable)) {
      const feed = await asPartner(keys[name]!.secret, '/api/v1/partner/dossiers?limit=200');
      expect(feed.statusCode).toBe(200);
      expect(
        feed
          .json()
          .items.map((d: { code: string }) => d.code)
          .sort(),
        name,
      ).toEqual([...codes].sort());
    }
  });

  it('shows partners no staff-only fields, and the applicant only with applicants:read', async () => {
    const code = dossiers['28693']![0]!;
    const plain = (await asPartner(keys.tanThoi!.secret, `/api/v1/partner/dossiers/${code}`)).json();
    expect(plain).toMatchObject({
      code,
      status: 2,
      unit: { code: '28693' },
      applicant: null,
      hasResult: false,
    });
    for (const field of ['receivedBy', 'book', 'version', 'assignee', 'attachments', 'sync', 'step'])
      expect(plain, field).not.toHaveProperty(field);
    const full = (
      await asPartner(keys.tanThoiFull!.secret, `/api/v1/partner/dossiers/${code}`, 'x-api-key')
    ).json();
    expect(full.applicant).toMatchObject({
      fullName: intakeBody().applicant.fullName,
      idNumber: '082195001234',
    });
    const hooksOnly = await asPartner(keys.hooksOnly!.secret, `/api/v1/partner/dossiers/${code}`);
    expect(hooksOnly.statusCode).toBe(403);
  });

  it('pages the feed by change time, filters by status and by since', async () => {
    const key = keys.dongThap!.secret;
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await asPartner(key, `/api/v1/partner/dossiers?limit=2${cursor ? `&after=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...res.json().items.map((d: { code: string }) => d.code));
      cursor = res.json().nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual([...dossiers['28693']!, ...dossiers['28696']!].sort());
    // A change to one dossier moves it past `since`.
    const since = new Date().toISOString();
    const leader = await s.login('reception.tan-thoi');
    const code = dossiers['28693']![1]!;
    const moved = await s.request({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions`,
      headers: { cookie: leader },
      payload: { action: 'transfer' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await asPartner(key, `/api/v1/partner/dossiers?since=${encodeURIComponent(since)}`);
    expect(after.json().items.map((d: { code: string; status: number }) => [d.code, d.status])).toEqual([
      [code, 4],
    ]);
    const byStatus = await asPartner(key, '/api/v1/partner/dossiers?status=4');
    expect(byStatus.json().items.map((d: { code: string }) => d.code)).toEqual([code]);
    const bad = await asPartner(key, '/api/v1/partner/dossiers?after=bm90LWEtY3Vyc29y');
    expect(bad.statusCode).toBe(422);
  });

  it('refuses missing, malformed, forged and revoked keys with 401 at once', async () => {
    const code = dossiers['28693']![0]!;
    const url = `/api/v1/partner/dossiers/${code}`;
    const none = await s.request({ url });
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('API_KEY_INVALID');
    expect(none.headers['www-authenticate']).toContain('Bearer');
    expect((await asPartner('not-a-key', url)).statusCode).toBe(401);
    const real = keys.tanThoiFull!.secret;
    const forged = `${real.slice(0, 17)}${real.slice(17).split('').reverse().join('')}`;
    expect((await asPartner(forged, url)).statusCode).toBe(401);
    // A session cookie is no key.
    expect((await s.request({ url, headers: { cookie: admin } })).statusCode).toBe(401);
    expect((await asPartner(real, url)).statusCode).toBe(200);
    const revoked = await s.request({
      method: 'POST',
      url: `/api/v1/partners/keys/${keys.tanThoiFull!.id}/revoke`,
      headers: { cookie: admin },
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await asPartner(real, url)).statusCode).toBe(401);
    expect((await asPartner(real, url, 'x-api-key')).statusCode).toBe(401);
    // A second revocation changes nothing (and is not recorded again).
    const again = await s.request({
      method: 'POST',
      url: `/api/v1/partners/keys/${keys.tanThoiFull!.id}/revoke`,
      headers: { cookie: admin },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().revokedAt).toBe(revoked.json().revokedAt);
  });

  it("records each key's issue and revocation in its scope's security chain, with identifiers only", async () => {
    const events = (action: string) =>
      s.query<{ unit_code: string; data: Record<string, unknown>; actor_role: string }>(
        'SELECT unit_code, data, actor_role FROM audit_events WHERE dossier_code IS NULL AND action = $1 ORDER BY at, seq',
        [action],
      );
    const created = await events('partner_key_created');
    const ofKey = (id: string) => created.filter((e) => e.data.keyId === id);
    for (const k of Object.values(keys)) expect(ofKey(k.id)).toHaveLength(1);
    expect(ofKey(keys.tanPhuDong!.id)).toEqual([
      expect.objectContaining({
        unit_code: '28696',
        actor_role: 'admin',
        data: expect.objectContaining({ scope: 'commune', permissions: 'dossiers:read', username: 'admin' }),
      }),
    ]);
    expect(ofKey(keys.dongThap!.id)[0]?.unit_code).toBe('82');
    // The key itself (nor its hash) is never in the trail, only its public prefix.
    const trail = JSON.stringify(created);
    for (const k of Object.values(keys)) expect(trail).not.toContain(k.secret.slice(17));
    const revoke = await s.request({
      method: 'POST',
      url: `/api/v1/partners/keys/${keys.haNoi!.id}/revoke`,
      headers: { cookie: admin },
    });
    expect(revoke.statusCode).toBe(200);
    const revoked = (await events('partner_key_revoked')).filter((e) => e.data.keyId === keys.haNoi!.id);
    expect(revoked).toEqual([
      expect.objectContaining({ unit_code: '01', data: expect.objectContaining({ username: 'admin' }) }),
    ]);
  });

  it('records the last use and limits each key to its rate, with Retry-After; other keys go on', async () => {
    const made = await createKey(admin, {
      name: 'Hệ thống chậm',
      scope: { kind: 'commune', code: '28693' },
      permissions: ['dossiers:read'],
      ratePerMinute: 3,
    });
    const key = made.json().secret;
    const url = `/api/v1/partner/dossiers/${dossiers['28693']![0]}`;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await asPartner(key, url)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await asPartner(key, url);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await asPartner(keys.tanThoi!.secret, url)).statusCode).toBe(200);
    const [row] = await s.query<{ last_used_at: Date | null }>(
      'SELECT last_used_at FROM partner_api_keys WHERE id = $1',
      [made.json().key.id],
    );
    expect(row!.last_used_at).not.toBeNull();
  });
});
