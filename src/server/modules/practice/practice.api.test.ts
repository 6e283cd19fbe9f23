import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';

/** One hash per real table: of every row's text, order-independent. */
async function tableHashes(s: TestServer): Promise<Record<string, string>> {
  const tables = await s.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await s.query<{ h: string; n: number }>(
      `SELECT md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) AS h, count(*)::int AS n FROM "${name}" t`,
    );
    out[name] = `${row?.n}:${row?.h}`;
  }
  return out;
}

describe.each(databaseKinds())('guides and the training center (%s)', (kind) => {
  let s: TestServer;
  let reception: string;
  let province: string;

  beforeAll(async () => {
    s = await createTestServer(kind);
    reception = await s.login('reception.tan-thoi');
    province = await s.login('province.dong-thap');
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it('shows the current intake guide to an officer; only the province administrator saves a new version', async () => {
    const first = await s.request({ url: '/api/v1/guides/intake/2.000815', headers: { cookie: reception } });
    expect(first.statusCode).toBe(200);
    const guide = first.json();
    expect(guide.version).toBe(1);
    expect(guide.editedBy).toBeNull();
    expect(guide.body.checks.join(' ')).toContain('BẢN CHÍNH');

    const body = {
      ...guide.body,
      checks: [...guide.body.checks, '<script>alert("x")</script> đối chiếu <b>kỹ</b>'],
    };
    const denied = await s.request({
      method: 'PUT',
      url: '/api/v1/guides/intake/2.000815',
      headers: { cookie: reception },
      payload: { baseVersion: 1, body },
    });
    expect(denied.statusCode).toBe(403);

    const saved = await s.request({
      method: 'PUT',
      url: '/api/v1/guides/intake/2.000815',
      headers: { cookie: province },
      payload: { baseVersion: 1, body },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ version: 2 });

    // The markup is kept as the text it is (the page renders it as text).
    const now = (
      await s.request({ url: '/api/v1/guides/intake/2.000815', headers: { cookie: reception } })
    ).json();
    expect(now.version).toBe(2);
    expect(now.editedBy).toEqual(expect.any(String));
    expect(now.body.checks.at(-1)).toBe('<script>alert("x")</script> đối chiếu <b>kỹ</b>');

    const history = (
      await s.request({ url: '/api/v1/guides/intake/2.000815/versions', headers: { cookie: reception } })
    ).json();
    expect(history.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(history.versions[0].editedBy).toEqual(expect.any(String));
    expect(history.versions[1].editedBy).toBeNull();

    // An edit made from version 1 after version 2 was saved is refused, not silently replacing it.
    const stale = await s.request({
      method: 'PUT',
      url: '/api/v1/guides/intake/2.000815',
      headers: { cookie: province },
      payload: { baseVersion: 1, body },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('GUIDE_VERSION_CONFLICT');

    const nul = await s.request({
      method: 'PUT',
      url: '/api/v1/guides/intake/2.000815',
      headers: { cookie: province },
      payload: { baseVersion: 2, body: { ...body, mistakes: ['a\u0000b'] } },
    });
    expect(nul.statusCode).toBe(422);
    expect(JSON.stringify(nul.json().errors)).toContain('mistakes');
    const unknown = await s.request({
      method: 'PUT',
      url: '/api/v1/guides/intake/9.999999',
      headers: { cookie: province },
      payload: { baseVersion: 0, body },
    });
    expect(unknown.statusCode).toBe(404);
    expect(
      (await s.query('SELECT count(*)::int AS n FROM guides WHERE subject = $1', ['2.000815']))[0],
    ).toEqual({ n: 2 });
  });

  it('has a guide for every lifecycle step, and one for every procedure of the catalogue', async () => {
    const steps = (await s.request({ url: '/api/v1/guides/steps', headers: { cookie: reception } })).json();
    expect(steps.map((g: { key: string }) => g.key)).toEqual([
      'intake',
      'transfer',
      'appraise',
      'approve',
      'sign',
      'supplement',
      'payment',
      'return',
      'overdue',
    ]);
    const list = (await s.request({ url: '/api/v1/guides', headers: { cookie: province } })).json();
    const n = (await s.query<{ n: number }>('SELECT count(*)::int AS n FROM procedures'))[0]?.n;
    expect(list.intake).toHaveLength(n ?? -1);
  });

  it('never writes into the real database while practising, and records completed exercises in the register', async () => {
    const before = await tableHashes(s);

    const early = await s.request({
      method: 'POST',
      url: '/api/v1/practice/exercises/receive/check',
      headers: { cookie: reception },
    });
    expect(early.statusCode).toBe(409);

    const started = await s.request({
      method: 'POST',
      url: '/api/v1/practice/exercises/receive/start',
      headers: { cookie: reception },
    });
    expect(started.statusCode).toBe(200);
    expect(started.json().trainee.username).toBe('luyentap.reception.tan-thoi');

    const notYet = (
      await s.request({
        method: 'POST',
        url: '/api/v1/practice/exercises/receive/check',
        headers: { cookie: reception },
      })
    ).json();
    expect(notYet.passed).toBe(false);

    // The real intake route, answered by the practice server.
    const received = await s.request({
      method: 'POST',
      url: '/api/v1/practice/api/v1/dossiers',
      headers: { cookie: reception },
      payload: intakeBody({ decision: 'accept', returnMethod: 'counter' }),
    });
    expect(received.statusCode, received.body).toBe(201);
    expect(received.headers['x-motcua-practice']).toBe('1');
    const practiceCode = received.json().code as string;
    // The practice dossier is readable through the practice routes only.
    expect(
      (
        await s.request({
          url: `/api/v1/practice/api/v1/dossiers/${practiceCode}`,
          headers: { cookie: reception },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await s.request({ url: `/api/v1/dossiers/${practiceCode}`, headers: { cookie: reception } }))
        .statusCode,
    ).toBe(404);

    const check = (
      await s.request({
        method: 'POST',
        url: '/api/v1/practice/exercises/receive/check',
        headers: { cookie: reception },
      })
    ).json();
    expect(check.passed).toBe(true);
    expect(check.checks.every((c: { ok: boolean }) => c.ok)).toBe(true);

    // Return a prepared result.
    const ret = (
      await s.request({
        method: 'POST',
        url: '/api/v1/practice/exercises/return/start',
        headers: { cookie: reception },
      })
    ).json();
    expect(ret.dossierCode).toEqual(expect.any(String));
    const returned = await s.request({
      method: 'POST',
      url: `/api/v1/practice/api/v1/dossiers/${ret.dossierCode}/actions`,
      headers: { cookie: reception },
      payload: { action: 'return_result', returnMethod: 'counter' },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().status).toBe(10);
    const retCheck = (
      await s.request({
        method: 'POST',
        url: '/api/v1/practice/exercises/return/check',
        headers: { cookie: reception },
      })
    ).json();
    expect(retCheck.passed).toBe(true);

    const after = await tableHashes(s);
    const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
    expect(changed).toEqual(['training_register']);
    const rows = await s.query<{ username: string; exercise: string; passed: boolean; unit_code: string }>(
      'SELECT username, exercise, passed, unit_code FROM training_register ORDER BY completed_at',
    );
    expect(rows).toEqual([
      { username: 'reception.tan-thoi', exercise: 'receive', passed: true, unit_code: '28693' },
      { username: 'reception.tan-thoi', exercise: 'return', passed: true, unit_code: '28693' },
    ]);

    // The province sees who practised; a reception officer may not read the register.
    const register = await s.request({ url: '/api/v1/training-register', headers: { cookie: province } });
    expect(register.statusCode).toBe(200);
    expect(register.json().map((r: { exercise: string }) => r.exercise)).toEqual(['return', 'receive']);
    expect(
      (await s.request({ url: '/api/v1/training-register', headers: { cookie: reception } })).statusCode,
    ).toBe(403);
    const list = (
      await s.request({ url: '/api/v1/practice/exercises', headers: { cookie: reception } })
    ).json();
    expect(
      list.filter((e: { completedAt: string | null }) => e.completedAt).map((e: { id: string }) => e.id),
    ).toEqual(['receive', 'return']);
  }, 180_000);
});
