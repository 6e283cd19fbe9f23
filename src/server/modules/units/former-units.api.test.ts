import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFormerUnits } from '../../seed/former-units.ts';
import { DATA_DIR } from '../../seed/reference.ts';
import { createTestServer, databaseKinds, type TestServer } from '../../test-support/harness.ts';

interface Item {
  unit: { code: string; fullName: string };
  province: { code: string };
  match: 'exact' | 'prefix' | 'contains';
  matched: { level: string; isFormer: boolean; code: string; name: string; context: string };
}

// Tân Thới (28693) = former Xã Tân Thới (28690), Xã Tân Phú (28693), Xã Tân Thạnh (28699) of Huyện
// Tân Phú Đông (825), Tỉnh Tiền Giang (82); Tân Phú Đông (28696) = former Xã Phú Thạnh, Phú Đông,
// Phú Tân of the same district (data/former-units.json).
describe.each(databaseKinds())('former units on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer(kind);
  });
  afterAll(async () => s?.close());

  const search = async (q: string, extra = '') => {
    const res = await s.request({ url: `/api/v1/units/search?q=${encodeURIComponent(q)}${extra}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; total: number; limit: number; offset: number };
  };
  const formerOf = async (code: string) =>
    (await s.request({ url: `/api/v1/units/${code}/former` })).json().formerUnits as Array<{ code: string }>;

  it('finds the commune by its current name, with or without diacritics and in any case', async () => {
    for (const q of ['Tân Thới', 'tan thoi', 'TAN THOI', 'xã tân thới', '  Tân   Thới ']) {
      const first = (await search(q)).items[0]!;
      expect(first.unit.code, q).toBe('28693');
      expect(first.match).toBe('exact');
      expect(first.matched).toMatchObject({ level: 'commune', isFormer: false, code: '28693' });
    }
  });

  it('finds the commune of today by a former commune name, without diacritics', async () => {
    const res = await search('tan thanh', '&province=82&active=true');
    const hit = res.items.find((i) => i.unit.code === '28693');
    expect(hit?.matched).toEqual({
      level: 'commune',
      isFormer: true,
      code: '28699',
      name: 'Xã Tân Thạnh',
      context: 'Huyện Tân Phú Đông, Tỉnh Tiền Giang',
    });
    expect(hit?.match).toBe('exact');
    const withMarks = await search('Xã Phú Thạnh', '&province=82');
    expect(withMarks.items.map((i) => i.unit.code)).toContain('28696');
    expect(withMarks.items.find((i) => i.unit.code === '28696')?.matched.code).toBe('28696');
  });

  it('treats đ and d alike', async () => {
    const a = await search('Phú Đông', '&province=82');
    const b = await search('phu dong', '&province=82');
    expect(b).toEqual(a);
    expect(a.items.some((i) => i.unit.code === '28696' && i.matched.name === 'Xã Phú Đông')).toBe(true);
  });

  it('finds every commune of a former district, and a named kind keeps to its kind', async () => {
    const res = await search('huyen tan phu dong');
    expect(res.items.map((i) => i.unit.code).sort()).toEqual(['28693', '28696']);
    for (const i of res.items)
      expect(i.matched).toMatchObject({
        level: 'district',
        isFormer: true,
        code: '825',
        name: 'Huyện Tân Phú Đông',
      });
    // Without the kind, the communes named Tân Phú Đông today come first.
    const any = await search('tan phu dong');
    expect(any.items[0]!.matched).toMatchObject({ level: 'commune', isFormer: false });
    expect(any.total).toBeGreaterThan(res.total);
  });

  it('finds every commune of a former province, paginated without overlap', async () => {
    const n = (
      await s.query<{ n: number }>(
        "SELECT count(DISTINCT commune_code)::int AS n FROM former_units WHERE province_code = '82'",
      )
    )[0]!.n;
    const seen = new Set<string>();
    for (let offset = 0; offset < n; offset += 20) {
      const page = await search('tien giang', `&limit=20&offset=${offset}`);
      expect(page.total).toBe(n);
      for (const i of page.items) {
        expect(i.matched).toMatchObject({
          level: 'province',
          isFormer: true,
          code: '82',
          name: 'Tỉnh Tiền Giang',
        });
        seen.add(i.unit.code);
      }
    }
    expect(seen.size).toBe(n);
    const past = await search('tien giang', `&limit=20&offset=${n + 20}`);
    expect(past).toMatchObject({ items: [], total: n });
  });

  it('ranks exact before prefix before a later word', async () => {
    const res = await search('tan thoi', '&limit=50');
    const order = { exact: 0, prefix: 1, contains: 2 };
    const ranks = res.items.map((i) => order[i.match]);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    expect(res.items.some((i) => i.match === 'prefix')).toBe(true); // Phường Tân Thới Hiệp, …
    const word = await search('thoi hiep');
    expect(word.items[0]).toMatchObject({ match: 'contains' });
    expect(word.items[0]!.matched.name).toMatch(/Tân Thới Hiệp/);
  });

  it('uses the name index on this database', async () => {
    const plan = await s.query<Record<string, string>>(
      "EXPLAIN SELECT * FROM unit_search WHERE key LIKE 'tan thoi%'",
    );
    expect(plan.map((r) => Object.values(r)[0]).join('\n')).toContain('unit_search_key_idx');
  });

  it('refuses bad queries with a Vietnamese problem', async () => {
    for (const q of ['', '   ', 'a'.repeat(101), 'tan\u0000thoi', '!!!', '%_%']) {
      const res = await s.request({ url: `/api/v1/units/search?q=${encodeURIComponent(q)}` });
      expect(res.statusCode, JSON.stringify(q)).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', title: 'Dữ liệu gửi lên không hợp lệ' });
    }
    expect((await s.request({ url: '/api/v1/units/search' })).statusCode).toBe(422);
    expect((await s.request({ url: '/api/v1/units/search?q=tan&limit=0' })).statusCode).toBe(422);
    expect((await s.request({ url: '/api/v1/units/search?q=tan&limit=51' })).statusCode).toBe(422);
  });

  describe('corrections', () => {
    const snapshot = () =>
      s.query(
        'SELECT commune_code, level, former_code, merge, confidence FROM former_units ORDER BY 1, 2, 3',
      );
    const searchRows = async () =>
      (await s.query<{ n: number }>('SELECT count(*)::int AS n FROM unit_search'))[0]!.n;
    const post = (cookie: string | undefined, mappings: object[]) =>
      s.request({
        method: 'POST',
        url: '/api/v1/units/former/corrections',
        headers: cookie ? { cookie } : {},
        payload: { mappings },
      });
    const move = { formerCode: '28699', communeCode: '28696', action: 'full', reason: 'Thử nghiệm' };

    it('refuses unknown codes with their line numbers and writes nothing', async () => {
      const admin = await s.login('admin');
      const before = await snapshot();
      const rows = await searchRows();
      const res = await post(admin, [
        move,
        { formerCode: '99999', communeCode: '28696', action: 'full' },
        { formerCode: '28690', communeCode: '00000', action: 'partial' },
        { formerCode: '28690', communeCode: '82', action: 'partial' },
      ]);
      expect(res.statusCode, res.body).toBe(422);
      const problem = res.json();
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(['line 2', 'line 3', 'line 4']);
      expect(problem.errors[0].message).toContain('Dòng 2');
      expect(problem.errors[0].message).toContain('99999');
      expect(await snapshot()).toEqual(before);
      expect(await searchRows()).toBe(rows);
      expect(await s.query('SELECT * FROM former_unit_corrections')).toEqual([]);
    });

    it('rolls back every line when a later one cannot apply', async () => {
      const admin = await s.login('admin');
      const before = await snapshot();
      const res = await post(admin, [move, { formerCode: '28690', communeCode: '28696', action: 'remove' }]);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().errors[0]).toMatchObject({ path: 'line 2' });
      expect(await snapshot()).toEqual(before);
      expect(await s.query('SELECT * FROM former_unit_corrections')).toEqual([]);
    });

    it('only administrators import', async () => {
      const before = await snapshot();
      expect((await post(undefined, [move])).statusCode).toBe(401);
      for (const user of ['reception.tan-thoi', 'leader.tan-thoi', 'province.dong-thap']) {
        const res = await post(await s.login(user), [move]);
        expect(res.statusCode, user).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
      expect(await snapshot()).toEqual(before);
    });

    it('applies a correction: search and the commune page follow, and a data reload keeps it', async () => {
      const admin = await s.login('admin');
      const res = await post(admin, [move]);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ applied: 1, communes: ['28693', '28696'] });
      expect((await formerOf('28693')).map((f) => f.code)).not.toContain('28699');
      expect((await formerOf('28696')).map((f) => f.code)).toContain('28699');
      const hits = (await search('tan thanh', '&province=82&active=true')).items;
      expect(hits.find((i) => i.unit.code === '28696')?.matched.code).toBe('28699');
      expect(hits.find((i) => i.unit.code === '28693')).toBeUndefined();
      const [logged] = await s.query<{ action: string; reason: string }>(
        'SELECT action, reason FROM former_unit_corrections',
      );
      expect(logged).toEqual({ action: 'full', reason: 'Thử nghiệm' });

      // A newer data file is loaded: the correction is applied again on top of it.
      const file = JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'former-units.json'), 'utf8'));
      await s.database.db.transaction((tx) => loadFormerUnits(tx, file));
      expect((await formerOf('28696')).map((f) => f.code)).toContain('28699');
      expect((await formerOf('28693')).map((f) => f.code)).not.toContain('28699');
    });
  });
});
