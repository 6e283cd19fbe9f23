import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../test-support/harness.ts';

/*
 * The statements real requests send, read back through EXPLAIN on the coordinator: on Citus a request
 * of one commune touches one shard (a router plan: every task count 1), and the province's requests
 * (dashboard, settlement report of the province) run distributed over the shards. The statements are
 * captured at the `pg` client, so what is checked is what the product sends, not a copy of it.
 */

interface Sent {
  text: string;
  values?: unknown[];
}

function capture() {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const sent: Sent[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [q, v] = args;
    if (typeof q === 'string') sent.push({ text: q, values: Array.isArray(v) ? v : undefined });
    else if (q && typeof q === 'object' && 'text' in q) {
      const c = q as { text: string; values?: unknown[] };
      sent.push({ text: c.text, values: c.values?.length ? c.values : Array.isArray(v) ? v : c.values });
    }
    return original.apply(this, args);
  };
  return {
    sent,
    restore() {
      proto.query = original;
    },
  };
}

/** Every "Task Count" in an EXPLAIN (FORMAT JSON) plan, sub-plans included. */
function taskCounts(plan: unknown, into: number[] = []): number[] {
  if (Array.isArray(plan)) for (const p of plan) taskCounts(p, into);
  else if (plan && typeof plan === 'object') {
    for (const [k, v] of Object.entries(plan)) {
      if (k === 'Task Count' && typeof v === 'number') into.push(v);
      else taskCounts(v, into);
    }
  }
  return into;
}

describe.each(databaseKinds())('query plans on %s', (kind) => {
  let s: TestServer;
  let reception: string;
  let province: string;
  let distributed: string[] = [];
  const clock = new Date('2025-07-01T02:00:00Z');

  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => clock });
    reception = await s.login('reception.tan-thoi');
    province = await s.login('province.dong-thap');
    if (kind === 'citus') {
      distributed = (
        await s.query<{ t: string }>(
          `SELECT logicalrelid::text AS t FROM pg_dist_partition WHERE partmethod = 'h'`,
        )
      ).map((r) => r.t);
    }
  });
  afterAll(async () => s?.close());

  /** Runs the requests, returns the captured statements that read or write a distributed table. */
  async function statementsOf(requests: Array<() => Promise<{ statusCode: number; body: string }>>) {
    const c = capture();
    try {
      for (const r of requests) {
        const res = await r();
        expect(res.statusCode, res.body.slice(0, 200)).toBeLessThan(300);
      }
    } finally {
      c.restore();
    }
    const names = new RegExp(`\\b(${distributed.join('|')})\\b`);
    return c.sent.filter(
      (q) => /^\s*(WITH|SELECT|INSERT|UPDATE|DELETE)\b/i.test(q.text) && names.test(q.text),
    );
  }

  /** The plan of the statement with its values written in (as the custom plan of its execution sees them). */
  async function explain(q: Sent) {
    const literal = (v: unknown): string => {
      if (v === null || v === undefined) return 'NULL';
      if (v instanceof Date) return pg.escapeLiteral(v.toISOString());
      if (Buffer.isBuffer(v)) return `'\\x${v.toString('hex')}'::bytea`;
      if (typeof v === 'object') return pg.escapeLiteral(JSON.stringify(v));
      return pg.escapeLiteral(String(v));
    };
    const text = q.text.replace(/\$(\d+)/g, (_, n: string) => literal(q.values?.[Number(n) - 1]));
    const rows = await s.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${text}`);
    return rows[0]!['QUERY PLAN'];
  }

  it('routes a commune’s intake, list and report to one shard', async () => {
    const intake = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: intakeBody(),
      headers: { cookie: reception },
    });
    expect(intake.statusCode, intake.body).toBe(201);
    if (kind !== 'citus') {
      // Plain PostgreSQL and PGlite: no distributed plan anywhere.
      const plan = JSON.stringify(
        await explain({ text: `SELECT * FROM dossiers WHERE unit_code = '28693'` }),
      );
      expect(plan).not.toMatch(/Citus/);
      return;
    }
    const sent = await statementsOf([
      () =>
        s.request({
          method: 'POST',
          url: '/api/v1/dossiers',
          payload: intakeBody(),
          headers: { cookie: reception },
        }),
      () => s.request({ url: '/api/v1/dossiers?date=2025-07-01', headers: { cookie: reception } }),
      // The dossier page and an action on it.
      () => s.request({ url: `/api/v1/dossiers/${intake.json().code}`, headers: { cookie: reception } }),
      () =>
        s.request({
          method: 'POST',
          url: `/api/v1/dossiers/${intake.json().code}/actions`,
          payload: { action: 'transfer' },
          headers: { cookie: reception },
        }),
      () =>
        s.request({
          url: '/api/v1/reports/settlement?unit=28693&from=2025-07-01&to=2025-07-31',
          headers: { cookie: province },
        }),
    ]);
    expect(sent.length).toBeGreaterThan(3);
    const multi: string[] = [];
    for (const q of sent) {
      const counts = taskCounts(await explain(q));
      expect(counts.length, q.text.slice(0, 200)).toBeGreaterThan(0);
      if (Math.max(...counts) !== 1)
        multi.push(
          `${counts.join(',')}: ${q.text.replace(/\s+/g, ' ').replace(/^select .*? from /, 'select … from ')}`,
        );
    }
    expect(multi).toEqual([]);
  });

  it('routes the hall of one commune to one shard: kiosk, follow-up, board, call, recall', async () => {
    const leader = await s.login('leader.tan-thoi');
    const counters = await s.request({
      method: 'PUT',
      url: '/api/v1/queue/counters',
      headers: { cookie: leader },
      payload: { unit: '28693', counters: [{ number: 1, name: 'Quầy 1', fields: [], active: true }] },
    });
    expect(counters.statusCode, counters.body).toBe(200);
    if (kind !== 'citus') return;
    let ticket = { id: '', followUrl: '' };
    const sent = await statementsOf([
      async () => {
        const r = await s.request({
          method: 'POST',
          url: '/api/v1/queue/tickets',
          payload: { unit: '28693', phone: '0912345678' },
        });
        ticket = r.json();
        return r;
      },
      // The follow-up link names the commune (by its id alone the ticket is looked for on every shard).
      () => s.request({ url: `/api/v1/queue/tickets/${ticket.id}?unit=28693` }),
      () => s.request({ url: '/api/v1/queue/board?unit=28693' }),
      () =>
        s.request({
          method: 'POST',
          url: '/api/v1/queue/counters/1/call-next',
          headers: { cookie: reception },
        }),
      () =>
        s.request({
          method: 'POST',
          url: `/api/v1/queue/tickets/${ticket.id}/actions`,
          headers: { cookie: reception },
          payload: { action: 'recall', counter: 1 },
        }),
    ]);
    expect(sent.length).toBeGreaterThan(5);
    const multi: string[] = [];
    for (const q of sent) {
      const counts = taskCounts(await explain(q));
      if (Math.max(...counts, 0) > 1)
        multi.push(`${counts.join(',')}: ${q.text.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
    expect(multi).toEqual([]);
  });

  it('runs the province dashboard and the province report distributed over the shards', async () => {
    if (kind !== 'citus') {
      const res = await s.request({
        url: '/api/v1/reports/dashboard?province=82&from=2025-07-01&to=2025-07-31',
        headers: { cookie: province },
      });
      expect(res.statusCode).toBe(200);
      return;
    }
    const shards = (
      await s.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_dist_shard WHERE logicalrelid = 'dossiers'::regclass`,
      )
    )[0]!.n;
    expect(shards).toBeGreaterThan(1);
    for (const url of [
      '/api/v1/reports/dashboard?province=82&from=2025-07-01&to=2025-07-31',
      '/api/v1/reports/settlement?province=82&from=2025-07-01&to=2025-07-31',
    ]) {
      const sent = await statementsOf([() => s.request({ url, headers: { cookie: province } })]);
      const widest = [];
      for (const q of sent) widest.push(Math.max(...taskCounts(await explain(q)), 0));
      expect(Math.max(...widest), url).toBeGreaterThan(1);
    }
  });
});
