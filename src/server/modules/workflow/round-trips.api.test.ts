import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestServer,
  type DbKind,
  databaseKinds,
  intakeBody,
  requiredDocuments,
  type TestServer,
} from '../../test-support/harness.ts';

const PDF = Buffer.from('%PDF-1.4\n% ket qua\n%%EOF\n').toString('base64');

/**
 * Counts the calls each request makes into the database client: on PostgreSQL every
 * `pg.Client#query` is one round trip (BEGIN and COMMIT included); on PGlite every `execProtocolRaw`
 * is one exchange with the embedded backend. The figures guard against a lifecycle action growing
 * round trips; they are reported in the session notes.
 */
function countCalls(kind: DbKind) {
  const proto = (kind === 'pglite' ? PGlite.prototype : pg.Client.prototype) as unknown as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  const method = kind === 'pglite' ? 'execProtocolRaw' : 'query';
  const original = proto[method]!;
  let n = 0;
  proto[method] = function (this: unknown, ...args: unknown[]) {
    n++;
    return original.apply(this, args);
  };
  return {
    take() {
      const v = n;
      n = 0;
      return v;
    },
    restore() {
      proto[method] = original;
    },
  };
}

describe.each(databaseKinds())('database calls per lifecycle request on %s', (kind) => {
  let s: TestServer;
  const clock = new Date('2025-07-01T02:00:00Z');
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    s = await createTestServer(kind, { now: () => clock });
    cookies.reception = await s.login('reception.tan-thoi');
    cookies.specialist = await s.login('specialist.tan-thoi');
    cookies.leader = await s.login('leader.tan-thoi');
  });
  afterAll(async () => s?.close());

  const lifecycle = async () => {
    const documents = await requiredDocuments(s, '1.004873', '28693');
    const body = intakeBody({ procedureCode: '1.004873', documents });
    (body.applicant as Record<string, unknown>).email = 'nhung@example.vn';
    const calls: Record<string, number> = {};
    const counter = countCalls(kind);
    try {
      const res = await s.request({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: { cookie: cookies.reception! },
        payload: body,
      });
      expect(res.statusCode).toBe(201);
      calls.intake = counter.take();
      const code = res.json().code as string;
      const steps: Array<[string, Record<string, unknown>]> = [
        ['reception', { action: 'transfer' }],
        ['specialist', { action: 'assign', assignee: 'specialist.tan-thoi' }],
        ['specialist', { action: 'request_supplement', reason: 'Thiếu bản sao' }],
        ['reception', { action: 'supplement_received' }],
        ['specialist', { action: 'complete_step' }],
        ['leader', { action: 'complete_step' }],
        [
          'leader',
          {
            action: 'issue_result',
            resultFile: { fileName: 'kq.pdf', contentType: 'application/pdf', dataBase64: PDF },
          },
        ],
        ['reception', { action: 'return_result', returnMethod: 'counter' }],
      ];
      for (const [who, payload] of steps) {
        const r = await s.request({
          method: 'POST',
          url: `/api/v1/dossiers/${code}/actions`,
          headers: { cookie: cookies[who]! },
          payload,
        });
        expect(r.statusCode, `${payload.action}: ${r.body}`).toBe(200);
        calls[payload.action as string] = counter.take();
        // The response is built from the transaction's rows, not read after the commit: what a read shows.
        const read = await s.request({
          method: 'GET',
          url: `/api/v1/dossiers/${code}`,
          headers: { cookie: cookies[who]! },
        });
        expect(r.json(), payload.action as string).toEqual(read.json());
        counter.take();
      }
    } finally {
      counter.restore();
    }
    return calls;
  };

  it('a transition makes a bounded number of calls into the database', async () => {
    await lifecycle(); // warms the caches (sessions, units, catalogue, calendar) and prepared statements
    const calls = await lifecycle();
    console.log(`${kind} calls per request`, JSON.stringify(calls));
    for (const [action, n] of Object.entries(calls)) expect(n, action).toBeGreaterThan(0);
    if (kind === 'postgres') {
      // BEGIN, the statements inside the transaction and COMMIT; nothing after: the response is the
      // dossier as the action's update returned it (its files, names and portal synchronisation). A
      // step's hand-off is read with the locked row and written by the row's update: transfer and
      // complete_step are BEGIN, the row, the update, the event, COMMIT.
      const most: Record<string, number> = {
        transfer: 5,
        assign: 6,
        request_supplement: 7,
        supplement_received: 7,
        complete_step: 5,
        issue_result: 6,
        return_result: 5,
      };
      for (const [action, n] of Object.entries(most)) expect(calls[action], action).toBeLessThanOrEqual(n);
    }
  });
});
