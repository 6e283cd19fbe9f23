import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestServer,
  type DbKind,
  databaseKinds,
  intakeBody,
  requiredDocuments,
  type TestServer,
} from '../../test-support/harness.ts';
import { verifyChain } from '../audit/chain.ts';
import { listEvents } from '../audit/repository.ts';

const UNIT = '28693';
const RACERS = 20;

/**
 * A server whose dossiers are raced: helpers to receive a dossier, act on it, fire one action RACERS
 * times at once, and check what the dossier kept. `isolation` sets the database's default isolation.
 */
function raceHarness(kind: DbKind, isolation?: 'repeatable read') {
  let s!: TestServer;
  const clock = new Date('2025-07-01T02:00:00Z'); // Tue 1/7/2025 09:00
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => clock });
    if (isolation) {
      const [db] = await s.query<{ name: string }>('SELECT current_database() AS name');
      await s.query(`ALTER DATABASE "${db!.name}" SET default_transaction_isolation = '${isolation}'`);
      // The product's pooled connections were opened before: close them, the pool opens new ones.
      await s.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle'",
      );
      await new Promise((resolve) => setTimeout(resolve, 200)); // let the pool see them go
    }
    cookies.reception = await s.login('reception.tan-thoi');
    cookies.specialist = await s.login('specialist.tan-thoi');
    cookies.leader = await s.login('leader.tan-thoi');
  });
  afterAll(async () => s?.close());

  const act = (who: string, code: string, body: Record<string, unknown>) =>
    s.request({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions`,
      headers: { cookie: cookies[who]! },
      payload: body,
    });
  const ok = async (who: string, code: string, body: Record<string, unknown>) => {
    const res = await act(who, code, body);
    expect(res.statusCode, `${body.action}: ${res.body}`).toBe(200);
    return res.json();
  };
  /** A 3-working-day procedure (marital status confirmation), received and accepted now. */
  const receive = async () => {
    const documents = await requiredDocuments(s, '1.004873', UNIT);
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: cookies.reception! },
      payload: intakeBody({ procedureCode: '1.004873', documents }),
    });
    expect(res.statusCode).toBe(201);
    return res.json().code as string;
  };
  const dossier = async (code: string) =>
    (await s.request({ url: `/api/v1/dossiers/${code}`, headers: { cookie: cookies.reception! } })).json();
  const versionOf = async (code: string) => (await dossier(code)).version as number;

  /** Fires the same action RACERS times at once; returns the status codes and problem codes, sorted. */
  const race = async (who: string, code: string, body: Record<string, unknown>) => {
    const results = await Promise.all(Array.from({ length: RACERS }, () => act(who, code, body)));
    const outcome = results.map((r) => (r.statusCode === 200 ? '200' : `${r.statusCode} ${r.json().code}`));
    return outcome.sort();
  };
  const oneWinner = (loser: string) => ['200', ...Array.from({ length: RACERS - 1 }, () => loser)];

  /** The dossier's steps, pauses and audit chain are what exactly `events` actions would leave. */
  const expectConsistent = async (
    code: string,
    want: { events: string[]; steps: number; pauses: number; stepOpen?: boolean },
  ) => {
    const events = await listEvents(s.database.db, UNIT, code);
    expect(events.map((e) => e.event.action)).toEqual(want.events);
    expect(
      verifyChain(events.map((e) => ({ ...e.event, dossierCode: code, data: e.event.data ?? null }))),
    ).toBeUndefined();
    const steps = await s.query<{ seq: number; ended: boolean }>(
      'SELECT seq, ended_at IS NOT NULL AS ended FROM dossier_steps WHERE unit_code = $1 AND dossier_code = $2 ORDER BY seq',
      [UNIT, code],
    );
    expect(steps.map((r) => r.seq)).toEqual(Array.from({ length: want.steps }, (_, i) => i + 1));
    // Only the current step is open, unless processing has ended.
    expect(steps.filter((r) => !r.ended).map((r) => r.seq)).toEqual(
      want.stepOpen === false ? [] : [want.steps],
    );
    const [pauses] = await s.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM dossier_pauses WHERE unit_code = $1 AND dossier_code = $2',
      [UNIT, code],
    );
    expect(pauses!.n).toBe(want.pauses);
    // The intake is version 1 and every applied action adds one.
    expect(await versionOf(code)).toBe(want.events.length);
  };

  return { server: () => s, act, ok, receive, dossier, versionOf, race, oneWinner, expectConsistent };
}

/*
 * Simultaneous actions on one dossier. A request that names the version it saw (expectedVersion, as
 * the web app always does) and loses the race gets 409 DOSSIER_CONFLICT. A request that names none
 * is judged on the dossier as it is when its turn comes: the requests on one dossier take turns.
 */
describe.each(databaseKinds())('simultaneous actions on one dossier on %s', (kind) => {
  const { server, act, ok, receive, dossier, versionOf, race, oneWinner, expectConsistent } =
    raceHarness(kind);

  it(`${RACERS} transfers without a version: one applies, the others find it transferred`, async () => {
    const code = await receive();
    expect(await race('reception', code, { action: 'transfer' })).toEqual(
      oneWinner('409 ACTION_NOT_ALLOWED'),
    );
    await expectConsistent(code, { events: ['intake', 'transfer'], steps: 1, pauses: 0 });
  });

  it(`${RACERS} transfers of the version seen: one applies, the others conflict`, async () => {
    const code = await receive();
    const expectedVersion = await versionOf(code);
    expect(await race('reception', code, { action: 'transfer', expectedVersion })).toEqual(
      oneWinner('409 DOSSIER_CONFLICT'),
    );
    await expectConsistent(code, { events: ['intake', 'transfer'], steps: 1, pauses: 0 });
  });

  it(`${RACERS} step completions of the version seen: one new step, the others conflict`, async () => {
    const code = await receive();
    await ok('reception', code, { action: 'transfer' });
    const expectedVersion = await versionOf(code);
    expect(await race('specialist', code, { action: 'complete_step', expectedVersion })).toEqual(
      oneWinner('409 DOSSIER_CONFLICT'),
    );
    await expectConsistent(code, { events: ['intake', 'transfer', 'complete_step'], steps: 2, pauses: 0 });
    expect((await dossier(code)).step).toMatchObject({ index: 1, key: 'approve' });
  });

  it(`${RACERS} supplement requests without a version: one pause, the others find the dossier paused`, async () => {
    const code = await receive();
    await ok('reception', code, { action: 'transfer' });
    expect(
      await race('specialist', code, { action: 'request_supplement', reason: 'Thiếu giấy xác nhận cư trú' }),
    ).toEqual(oneWinner('409 ACTION_NOT_ALLOWED'));
    await expectConsistent(code, {
      events: ['intake', 'transfer', 'request_supplement'],
      steps: 1,
      pauses: 1,
    });
    const [row] = await server().query<{ supplement_requests: number; status: number }>(
      'SELECT supplement_requests, status FROM dossiers WHERE unit_code = $1 AND code = $2',
      [UNIT, code],
    );
    expect(row).toEqual({ supplement_requests: 1, status: 5 });
  });

  it(`${RACERS} assignments: of the version seen one applies; without a version they take turns`, async () => {
    const code = await receive();
    await ok('reception', code, { action: 'transfer' });
    const body = { action: 'assign', assignee: 'specialist.tan-thoi' };
    const expectedVersion = await versionOf(code);
    expect(await race('specialist', code, { ...body, expectedVersion })).toEqual(
      oneWinner('409 DOSSIER_CONFLICT'),
    );
    // Assigning again is allowed in the same state, so every unversioned request applies, in turn.
    expect(await race('specialist', code, body)).toEqual(Array.from({ length: RACERS }, () => '200'));
    await expectConsistent(code, {
      events: ['intake', 'transfer', ...Array.from({ length: RACERS + 1 }, () => 'assign')],
      steps: 1,
      pauses: 0,
    });
  });

  it('different actions on the version seen: exactly one of them applies', async () => {
    const code = await receive();
    await ok('reception', code, { action: 'transfer' });
    const expectedVersion = await versionOf(code);
    const bodies: Array<[string, Record<string, unknown>]> = [
      ['specialist', { action: 'complete_step' }],
      ['specialist', { action: 'request_supplement', reason: 'Thiếu giấy tờ' }],
      ['specialist', { action: 'request_payment', reason: 'Lệ phí' }],
      ['leader', { action: 'stop', reason: 'Không đủ điều kiện' }],
      ['reception', { action: 'withdraw', reason: 'Công dân rút hồ sơ' }],
    ];
    const results = await Promise.all(
      Array.from({ length: RACERS }, (_, i) => {
        const [who, body] = bodies[i % bodies.length]!;
        return act(who, code, { ...body, expectedVersion });
      }),
    );
    const winners = results.filter((r) => r.statusCode === 200);
    expect(winners).toHaveLength(1);
    expect(
      results.filter((r) => r.statusCode !== 200).map((r) => `${r.statusCode} ${r.json().code}`),
    ).toEqual(Array.from({ length: RACERS - 1 }, () => '409 DOSSIER_CONFLICT'));
    // Whichever won, the dossier holds its effects and nothing of the others.
    const effects: Record<number, { action: string; steps: number; pauses: number; stepOpen?: boolean }> = {
      4: { action: 'complete_step', steps: 2, pauses: 0 },
      5: { action: 'request_supplement', steps: 1, pauses: 1 },
      6: { action: 'request_payment', steps: 1, pauses: 1 },
      7: { action: 'withdraw', steps: 1, pauses: 0 },
      8: { action: 'stop', steps: 1, pauses: 0, stepOpen: false },
    };
    const won = effects[winners[0]!.json().status as number]!;
    await expectConsistent(code, { ...won, events: ['intake', 'transfer', won.action] });
  });
});

/*
 * A database whose default isolation is REPEATABLE READ: a request that waited for the dossier's lock
 * fails with a serialization failure (SQLSTATE 40001) when the winner commits. That is a conflict too.
 */
describe.each(databaseKinds().filter((k) => k === 'postgres'))(
  'simultaneous actions at REPEATABLE READ on %s',
  (kind) => {
    const { server, ok, receive, versionOf, race, oneWinner, expectConsistent } = raceHarness(
      kind,
      'repeatable read',
    );

    it('the losers of a race get DOSSIER_CONFLICT, never a 5xx', async () => {
      const shown = (await server().ctx.db.execute(sql`SHOW default_transaction_isolation`)) as unknown as {
        rows: Array<{ default_transaction_isolation: string }>;
      };
      expect(shown.rows[0]?.default_transaction_isolation).toBe('repeatable read');
      const code = await receive();
      expect(await race('reception', code, { action: 'transfer', expectedVersion: 1 })).toEqual(
        oneWinner('409 DOSSIER_CONFLICT'),
      );
      const expectedVersion = await versionOf(code);
      expect(await race('specialist', code, { action: 'complete_step', expectedVersion })).toEqual(
        oneWinner('409 DOSSIER_CONFLICT'),
      );
      await expectConsistent(code, { events: ['intake', 'transfer', 'complete_step'], steps: 2, pauses: 0 });
    });

    it('without a version, a loser conflicts or finds the state moved, depending on when it started', async () => {
      const code = await receive();
      await ok('reception', code, { action: 'transfer' });
      const outcome = await race('specialist', code, {
        action: 'request_supplement',
        reason: 'Thiếu giấy tờ',
      });
      expect(outcome[0]).toBe('200');
      for (const loser of outcome.slice(1))
        expect(['409 ACTION_NOT_ALLOWED', '409 DOSSIER_CONFLICT']).toContain(loser);
      await expectConsistent(code, {
        events: ['intake', 'transfer', 'request_supplement'],
        steps: 1,
        pauses: 1,
      });
    });
  },
);
