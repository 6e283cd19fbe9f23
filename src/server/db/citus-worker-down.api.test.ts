import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandInProcess, startStandInProcess } from '../../standins/spawn.ts';
import { deliverDue } from '../modules/integration/outbox.ts';
import { httpSmsSender } from '../modules/integration/senders.ts';
import { startSmsStandIn } from '../modules/integration/standins.ts';
import { fetchInboundAll } from '../modules/portal/inbound.ts';
import { createTestServer, databaseKinds, intakeBody, type TestServer } from '../test-support/harness.ts';

/*
 * A worker down during intake. The test's own database is pointed at a dead port for the worker that
 * holds Tân Thới's shards (citus_update_node changes the node list of this database only, so the other
 * test files on the cluster are not disturbed): Tân Thới's intake gets 503 with a Vietnamese title and a
 * stable code and writes nothing; Tân Phú Đông, on the other worker, keeps receiving, acting on and reading its
 * dossiers, and its officers sign in. Then the worker
 * is back and Tân Thới receives again, its numbering without a gap. On PostgreSQL and PGlite there is
 * no other node: both communes receive.
 */
describe.each(databaseKinds())('a database node down on %s', (kind) => {
  let s: TestServer;
  let tanThoi: string;
  let tanPhuDong: string;
  const clock = new Date('2025-07-01T02:00:00Z');
  const post = (cookie: string) =>
    s.request({ method: 'POST', url: '/api/v1/dossiers', payload: intakeBody(), headers: { cookie } });
  const nodeOf = async (unit: string) =>
    (
      await s.query<{ nodeid: number; nodeport: number }>(
        `SELECT n.nodeid, n.nodeport FROM pg_dist_placement p JOIN pg_dist_node n ON n.groupid = p.groupid
         WHERE p.shardid = get_shard_id_for_distribution_column('dossiers', $1::text)`,
        [unit],
      )
    )[0]!;

  let leaderTanPhuDong: string;
  let portal: StandInProcess;
  let address = 0;
  const take = (unit: string, phone?: string) =>
    s.request({
      method: 'POST',
      url: '/api/v1/queue/tickets',
      payload: { unit, ...(phone ? { phone } : {}) },
      remoteAddress: `10.7.0.${++address}`,
    });

  beforeAll(async () => {
    portal = await startStandInProcess('portal');
    s = await createTestServer(kind, {
      now: () => clock,
      env: { MOTCUA_PORTAL_URL: portal.url, MOTCUA_LINK_TIMEOUT_MS: '20000' },
    });
    tanThoi = await s.login('reception.tan-thoi');
    tanPhuDong = await s.login('reception.tan-phu-dong');
    leaderTanPhuDong = await s.login('leader.tan-phu-dong');
    const counters = await s.request({
      method: 'PUT',
      url: '/api/v1/queue/counters',
      headers: { cookie: leaderTanPhuDong },
      payload: { unit: '28696', counters: [{ number: 1, name: 'Quầy 1', fields: [], active: true }] },
    });
    expect(counters.statusCode, counters.body).toBe(200);
  });
  afterAll(async () => {
    await s?.close();
    await portal?.stop();
  });

  it('answers 503 for the communes on the lost node, writes nothing there, and the others keep working', async () => {
    const [a, b] = await Promise.all([post(tanThoi), post(tanPhuDong)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    if (kind !== 'citus') {
      await hallKeepsWorking();
      return registersAndOutboxKeepWorking(false);
    }
    const lost = await nodeOf('28693');
    const other = await nodeOf('28696');
    expect(lost.nodeport, 'the two communes live on different workers').not.toBe(other.nodeport);
    await s.query(`SELECT citus_update_node($1, '127.0.0.1', 9799)`, [lost.nodeid]);
    try {
      const down = await post(tanThoi);
      expect(down.statusCode, down.body).toBe(503);
      const problem = down.json();
      expect(problem.code).toBe('DATABASE_NODE_UNAVAILABLE');
      expect(problem.title).toMatch(/tạm thời không phản hồi/);
      // The other worker's commune keeps working: it receives, acts on a dossier and reads it.
      const other = await post(tanPhuDong);
      expect(other.statusCode, other.body).toBe(201);
      const transfer = await s.request({
        method: 'POST',
        url: `/api/v1/dossiers/${b.json().code}/actions`,
        payload: { action: 'transfer' },
        headers: { cookie: tanPhuDong },
      });
      expect(transfer.statusCode, transfer.body).toBe(200);
      const read = await s.request({
        url: `/api/v1/dossiers/${b.json().code}`,
        headers: { cookie: tanPhuDong },
      });
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json().status).toBe(transfer.json().status);
      const list = await s.request({
        url: '/api/v1/dossiers?date=2025-07-01',
        headers: { cookie: tanPhuDong },
      });
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().items.length).toBe(2);
      // And its officers sign in: sign-in's tables are on the coordinator (db/citus.ts COORDINATOR_ONLY).
      const leader = await s.login('leader.tan-phu-dong');
      const mine = await s.request({ url: '/api/v1/dossiers?date=2025-07-01', headers: { cookie: leader } });
      expect(mine.statusCode, mine.body).toBe(200);
      await hallKeepsWorking();
      await registersAndOutboxKeepWorking(true);
      // The province's dashboard reads every commune's shard: 503 while a node is lost, not a 500.
      const province = await s.login('province.dong-thap');
      const dashboard = await s.request({
        url: '/api/v1/reports/dashboard?province=82&from=2025-07-01&to=2025-07-31',
        headers: { cookie: province },
      });
      expect([dashboard.statusCode, dashboard.json().code]).toEqual([503, 'DATABASE_NODE_UNAVAILABLE']);
      // The lost commune's kiosk: 503, no number taken.
      const lostKiosk = await take('28693');
      expect([lostKiosk.statusCode, lostKiosk.json().code]).toEqual([503, 'DATABASE_NODE_UNAVAILABLE']);
    } finally {
      await s.query(`SELECT citus_update_node($1, '127.0.0.1', $2)`, [lost.nodeid, lost.nodeport]);
    }
    // Back: the next Tân Thới dossier takes the number after the first one (the failed intake took none).
    const again = await post(tanThoi);
    expect(again.statusCode, again.body).toBe(201);
    const seq = (code: string) => Number(code.split('-').at(-1));
    expect(seq(again.json().code)).toBe(seq(a.json().code) + 1);
    const [n] = await s.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM dossiers WHERE unit_code = '28693'`,
    );
    expect(n!.n).toBe(2);
    const ticket = await take('28693');
    expect([ticket.statusCode, ticket.json().number]).toEqual([201, 1]);
  });

  /**
   * Tân Phú Đông's registers (a piece of equipment, a consultation) and the outbox worker: the
   * province's worker delivers the SMS of Tân Phú Đông's ticket through the real SMS client to the
   * gateway's stand-in while Tân Thới's shards cannot be read (on Citus it claims node by node then).
   */
  async function registersAndOutboxKeepWorking(lost: boolean) {
    const equipment = await s.request({
      method: 'POST',
      url: '/api/v1/registers/equipment?unit=28696',
      headers: { cookie: leaderTanPhuDong },
      payload: {
        kind: 'queue_kiosk',
        name: 'Máy lấy số',
        quantity: 1,
        condition: 'good',
        location: 'Sảnh',
        meetsNeed: true,
        note: '',
      },
    });
    expect(equipment.statusCode, equipment.body).toBe(201);
    const consultation = await s.request({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: { cookie: tanPhuDong },
      payload: { fieldCode: 'HT', procedureCode: null, channel: 'phone', subject: 'Hỏi giờ làm việc' },
    });
    expect(consultation.statusCode, consultation.body).toBe(201);
    const gateway = await startSmsStandIn();
    try {
      // The province's fetch of the portal's online dossiers: Tân Phú Đông's comes into its online
      // queue; a commune on the lost node gets its error, the others are fetched all the same.
      const fetched = await fetchInboundAll(s.ctx);
      expect(fetched.find((f) => f.unitCode === '28696')?.result).toMatchObject({ added: 1, queued: 1 });
      const lostCommune = fetched.find((f) => f.unitCode === '28693');
      if (lost) expect(lostCommune?.error).toMatch(/\S/);
      else expect(lostCommune?.result).toBeDefined();
      for (let i = 0; i < 5; i++) {
        const round = await deliverDue(s.database.db, {
          senders: { sms: httpSmsSender(gateway.url) },
          portal: s.ctx.links.portal,
          now: () => clock,
          batch: 100,
        });
        if (round.sent === 0) break;
      }
      expect(gateway.received.map((m) => m.to)).toContain('0912345678');
      // Everything of Tân Phú Đông delivered: the SMS, and its dossiers' synchronisation to the portal.
      const unsent = await s.query<{ kind: string; last_error: string | null }>(
        `SELECT kind, last_error FROM outbox WHERE unit_code = '28696' AND sent_at IS NULL`,
      );
      expect(unsent).toEqual([]);
      const state = await portal.state<{ received: Array<{ call: string }> }>();
      expect(state.received.length).toBeGreaterThan(0);
    } finally {
      await gateway.close();
    }
  }

  /**
   * The hall of Tân Phú Đông with the other worker lost: a ticket with its SMS, its follow-up and print
   * links, the board, a call, a recall, and the dossier received from the ticket.
   */
  async function hallKeepsWorking() {
    const taken = await take('28696', '0912345678');
    expect(taken.statusCode, taken.body).toBe(201);
    const t = taken.json();
    expect(t).toMatchObject({ number: 1, sms: true, waitingAhead: 0 });
    const path = new URL(t.followUrl).pathname.split('/');
    const follow = await s.request({ url: `/api/v1/queue/tickets/${t.id}?unit=${path[2]}` });
    expect(follow.statusCode, follow.body).toBe(200);
    expect(follow.json()).toMatchObject({ number: 1, status: 'waiting', waitingAhead: 0 });
    const print = await s.request({ url: t.printUrl });
    expect(print.statusCode, print.body).toBe(200);
    const board = await s.request({ url: '/api/v1/queue/board?unit=28696' });
    expect(board.statusCode, board.body).toBe(200);
    const called = await s.request({
      method: 'POST',
      url: '/api/v1/queue/counters/1/call-next',
      headers: { cookie: tanPhuDong },
    });
    expect(called.statusCode, called.body).toBe(200);
    expect(called.json().ticket.id).toBe(t.id);
    const recall = await s.request({
      method: 'POST',
      url: `/api/v1/queue/tickets/${t.id}/actions`,
      headers: { cookie: tanPhuDong },
      payload: { action: 'recall', counter: 1 },
    });
    expect(recall.statusCode, recall.body).toBe(200);
    const received = await s.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: intakeBody({ queueTicketId: t.id }),
      headers: { cookie: tanPhuDong },
    });
    expect(received.statusCode, received.body).toBe(201);
    const served = await s.query<{ status: string; dossier_code: string }>(
      `SELECT status, dossier_code FROM queue_tickets WHERE unit_code = '28696' AND id = $1`,
      [t.id],
    );
    expect(served).toEqual([{ status: 'served', dossier_code: received.json().code }]);
    const sms = await s.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox WHERE unit_code = '28696' AND kind = 'sms' AND payload->>'template' = 'queue_ticket'`,
    );
    expect(sms[0]!.n).toBe(1);
  }
});
