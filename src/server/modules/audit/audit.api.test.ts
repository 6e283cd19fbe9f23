import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../../test-support/harness.ts';
import { writeEvent } from '../dossier-events/repository.ts';
import { anchorFilePath } from './verify.ts';

/*
 * The audit trail end to end: security events chained per unit, verification over the API, anchors
 * written to the anchor file, and each kind of tampering found — a row deleted in the middle of a
 * chain, a chain's last events deleted, a whole chain deleted, the anchor file edited — with nothing
 * written while the trail does not match.
 */
describe.each(databaseKinds())('audit trail on %s', (kind) => {
  let s: TestServer;
  let admin: string;
  let reception: string;
  const codes: string[] = [];

  const security = (action: string) =>
    s.query<{ unit_code: string; seq: number; data: Record<string, unknown>; actor_role: string | null }>(
      'SELECT unit_code, seq, data, actor_role FROM audit_events WHERE dossier_code IS NULL AND action = $1 ORDER BY at, seq',
      [action],
    );
  const verify = async (query = '') => {
    const res = await s.request({
      method: 'GET',
      url: `/api/v1/audit/verify${query}`,
      headers: { cookie: admin },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const anchorLines = () => {
    const file = anchorFilePath(s.config.auditAnchorDir);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n') : [];
  };
  /** Deletes rows, runs the check, and puts the very rows back (kept aside in a table meanwhile). */
  async function withDeleted<T>(where: string, params: unknown[], check: () => Promise<T>): Promise<T> {
    await s.query(`CREATE TABLE audit_kept AS SELECT * FROM audit_events WHERE ${where}`, params);
    const kept = await s.query<{ n: string }>('SELECT count(*)::text AS n FROM audit_kept');
    expect(Number(kept[0]!.n)).toBeGreaterThan(0);
    await s.query(`DELETE FROM audit_events WHERE ${where}`, params);
    try {
      return await check();
    } finally {
      await s.query('INSERT INTO audit_events SELECT * FROM audit_kept');
      await s.query('DROP TABLE audit_kept');
    }
  }

  beforeAll(async () => {
    s = await createTestServer(kind);
    reception = await s.login('reception.tan-thoi');
    admin = await s.login('admin');
    for (let i = 0; i < 2; i++) {
      const res = await s.request({
        method: 'POST',
        url: '/api/v1/dossiers',
        payload: intakeBody(),
        headers: { cookie: reception },
      });
      expect(res.statusCode, res.body).toBe(201);
      codes.push(res.json().code);
    }
    // Two more events on the first dossier, so that it has a tail to lose.
    for (const action of ['note_a', 'note_b'])
      await writeEvent(
        s.database.db,
        {
          id: randomUUID(),
          unitCode: '28693',
          dossierCode: codes[0]!,
          action,
          actorUserId: null,
          actorRole: 'specialist',
          fromStatus: 2,
          toStatus: 2,
          reason: null,
          requestId: null,
          data: null,
          at: new Date(),
        },
        [],
        // No partner subscribes in this test: the webhook step writes nothing.
        {
          id: randomUUID(),
          type: 'dossier.updated',
          occurredAt: new Date().toISOString(),
          dossier: {
            code: codes[0]!,
            unitCode: '28693',
            status: 2,
            statusName: 'Được tiếp nhận',
            sequence: null,
          },
          change: { action, fromStatus: 2, toStatus: 2 },
        },
      );
  });
  afterAll(async () => s?.close());

  it('records sign-ins, refused sign-ins and register changes in the unit’s security chain, with identifiers only', async () => {
    const logins = await security('staff_login');
    expect(logins.map((l) => [l.unit_code, l.data.username])).toEqual([
      ['28693', 'reception.tan-thoi'],
      ['*', 'admin'],
    ]);
    const wrong = await s.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'leader.tan-thoi', password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);
    const typo = await s.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nguyen.van.a@example.vn', password: 'x' },
    });
    expect(typo.statusCode).toBe(401);
    const failed = await security('staff_login_failed');
    expect(failed.map((f) => [f.unit_code, f.data])).toEqual([
      ['28693', { username: 'leader.tan-thoi', knownAccount: true }],
      ['*', { knownAccount: false }],
    ]);
    const leader = await s.login('leader.tan-thoi');
    const added = await s.request({
      method: 'POST',
      url: '/api/v1/registers/equipment',
      payload: { kind: 'scanner', name: 'Máy quét A4', quantity: 1, condition: 'good', meetsNeed: true },
      headers: { cookie: leader },
    });
    expect(added.statusCode, added.body).toBe(201);
    const equipment = await security('register_equipment_added');
    expect(equipment).toEqual([
      {
        unit_code: '28693',
        seq: expect.any(Number),
        actor_role: 'leader',
        data: { username: 'leader.tan-thoi', equipmentId: added.json().id },
      },
    ]);
    // One chain per unit: positions 1, 2, 3… with no gap.
    const chain = await s.query<{ seq: number }>(
      "SELECT seq FROM audit_events WHERE unit_code = '28693' AND dossier_code IS NULL ORDER BY seq",
    );
    expect(chain.map((r) => Number(r.seq))).toEqual(chain.map((_, i) => i + 1));
  });

  it('lets administrators alone verify and anchor', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/audit/verify'],
      ['POST', '/api/v1/audit/anchors'],
    ] as const) {
      const res = await s.request({ method, url, headers: { cookie: reception } });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    const future = await s.request({
      method: 'POST',
      url: '/api/v1/audit/anchors',
      payload: { until: new Date(Date.now() + 3_600_000).toISOString() },
      headers: { cookie: admin },
    });
    expect(future.statusCode).toBe(422);
    expect(anchorLines()).toEqual([]);
  });

  it('finds an intact trail, then anchors it', async () => {
    const before = await verify();
    expect(before).toMatchObject({ ok: true, breaks: [], anchor: { status: 'none', count: 0 } });
    expect(before.checkedChains).toBeGreaterThanOrEqual(4); // two dossiers, 28693's and the system chain
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/audit/anchors',
      payload: { until: new Date().toISOString() },
      headers: { cookie: admin },
    });
    expect(res.statusCode, res.body).toBe(201);
    const anchor = res.json();
    expect(anchor.n).toBe(1);
    expect(anchor.units['28693']).toMatchObject({ chains: 3 });
    expect(anchorLines()).toHaveLength(1);
    expect(await verify()).toMatchObject({
      ok: true,
      anchor: { status: 'ok', latest: { n: 1, root: anchor.root } },
    });
  });

  it('finds an event deleted in the middle of a chain', async () => {
    await withDeleted('dossier_code = $1 AND seq = 2', [codes[0]], async () => {
      const v = await verify();
      expect(v.ok).toBe(false);
      expect(v.breaks).toEqual([
        expect.objectContaining({
          unitCode: '28693',
          dossierCode: codes[0],
          seq: 3,
          problem: 'sequence_gap',
        }),
      ]);
      expect(v.breaks[0].message).toContain('thiếu sự kiện');
    });
  });

  it('finds a chain’s last event deleted (the chain itself still walks), and refuses a new anchor meanwhile', async () => {
    await withDeleted('dossier_code = $1 AND seq = 3', [codes[0]], async () => {
      const v = await verify();
      expect(v.breaks).toEqual([]);
      expect(v.ok).toBe(false);
      expect(v.anchor.status).toBe('mismatch');
      expect(v.anchor.mismatches).toEqual([
        expect.objectContaining({
          unitCode: '28693',
          problem: 'events_missing',
          anchored: { chains: 3, events: expect.any(Number) },
        }),
      ]);
      const m = v.anchor.mismatches[0];
      expect(m.found.events).toBe(m.anchored.events - 1);
      expect(v.anchor.message).toContain('có sự kiện bị xóa trước mốc neo');
      const refused = await s.request({
        method: 'POST',
        url: '/api/v1/audit/anchors',
        headers: { cookie: admin },
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'AUDIT_ANCHOR_MISMATCH' });
      expect(refused.json().detail).toContain('không ghi mốc mới');
      expect(anchorLines()).toHaveLength(1);
    });
    // The same for the last event of a unit's security chain.
    await withDeleted(
      "unit_code = '28693' AND dossier_code IS NULL AND seq = (SELECT max(seq) FROM audit_events WHERE unit_code = '28693' AND dossier_code IS NULL)",
      [],
      async () => {
        const v = await verify('?unit=28693');
        expect(v.anchor.mismatches.map((m: { problem: string }) => m.problem)).toEqual(['events_missing']);
      },
    );
    expect((await verify()).ok).toBe(true);
  });

  it('finds a whole chain deleted', async () => {
    await withDeleted('dossier_code = $1', [codes[1]], async () => {
      const v = await verify();
      expect(v.breaks).toEqual([]);
      expect(v.anchor.mismatches).toEqual([
        expect.objectContaining({
          unitCode: '28693',
          problem: 'chains_missing',
          found: expect.objectContaining({ chains: 2 }),
        }),
      ]);
    });
    await withDeleted("unit_code = '28693'", [], async () => {
      const v = await verify();
      expect(v.anchor.mismatches).toEqual([
        expect.objectContaining({ unitCode: '28693', problem: 'unit_missing' }),
      ]);
    });
  });

  it('finds an edited anchor file and writes no anchor after it', async () => {
    const file = anchorFilePath(s.config.auditAnchorDir);
    const original = fs.readFileSync(file, 'utf8');
    try {
      const line = JSON.parse(original.trim());
      line.units['28693'].events += 1;
      fs.writeFileSync(file, `${JSON.stringify(line)}\n`);
      const v = await verify();
      expect(v).toMatchObject({
        ok: false,
        anchor: { status: 'file_broken', fileProblem: { line: 1, problem: 'hash_mismatch' } },
      });
      const refused = await s.request({
        method: 'POST',
        url: '/api/v1/audit/anchors',
        headers: { cookie: admin },
      });
      expect(refused.statusCode).toBe(409);
      expect(fs.readFileSync(file, 'utf8')).toBe(`${JSON.stringify(line)}\n`);
    } finally {
      fs.writeFileSync(file, original);
    }
    const next = await s.request({
      method: 'POST',
      url: '/api/v1/audit/anchors',
      payload: { until: new Date().toISOString() },
      headers: { cookie: admin },
    });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json().n).toBe(2);
    expect((await verify()).anchor).toMatchObject({ status: 'ok', count: 2 });
  });
});
