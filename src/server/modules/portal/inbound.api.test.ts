import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandInProcess, startStandInProcess } from '../../../standins/spawn.ts';
import { LinkError } from '../../lib/http-link.ts';
import { createTestServer, databaseKinds, type TestServer } from '../../test-support/harness.ts';
import { fetchInboundOnlineDossiers } from './inbound.ts';
import { countInbound, listWaitingInbound } from './repository.ts';

/* The inbound fetch of online dossiers (status 1) from the portal stand-in process, on both databases. */

let portal: StandInProcess;
beforeAll(async () => {
  portal = await startStandInProcess('portal');
});
afterAll(async () => portal?.stop());

describe.each(databaseKinds())('inbound online dossiers on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer(kind, {
      now: () => new Date('2026-01-05T04:00:00Z'),
      env: { MOTCUA_PORTAL_URL: portal.url, MOTCUA_LINK_TIMEOUT_MS: '1500' },
    });
  });
  afterAll(async () => s?.close());

  it('stores each online dossier once, through duplicate deliveries and repeated or concurrent fetches', async () => {
    await portal.clearFaults();
    const first = await fetchInboundOnlineDossiers(s.ctx, '28693');
    expect(first).toEqual({ received: 2, added: 2, duplicates: 0, invalid: 0 });

    await portal.setFaults({ mode: 'duplicate' });
    const again = await fetchInboundOnlineDossiers(s.ctx, '28693');
    expect(again).toEqual({ received: 4, added: 0, duplicates: 4, invalid: 0 });
    const both = await Promise.all([
      fetchInboundOnlineDossiers(s.ctx, '28693'),
      fetchInboundOnlineDossiers(s.ctx, '28693'),
    ]);
    expect(both.map((r) => r.added)).toEqual([0, 0]);
    await portal.clearFaults();

    expect(await countInbound(s.ctx.db, '28693')).toBe(2);
    const queue = await listWaitingInbound(s.ctx.db, '28693');
    expect(queue.map((q) => [q.portalId, q.applicantName, q.submittedAt.toISOString()])).toEqual([
      ['DVCQG-2026-000184532', 'Trần Văn Bình', '2026-01-05T01:15:12.000Z'],
      ['DVCQG-2026-000184977', 'Lê Ngọc Hân', '2026-01-05T02:30:44.000Z'],
    ]);
    // Another commune's queue holds only its own.
    await fetchInboundOnlineDossiers(s.ctx, '28696');
    expect(await countInbound(s.ctx.db, '28696')).toBe(1);
    expect(await countInbound(s.ctx.db, '28693')).toBe(2);
  });

  it('a failing portal stores nothing and says whether to retry', async () => {
    await portal.setFaults({ mode: 'status', status: 503 });
    await expect(fetchInboundOnlineDossiers(s.ctx, '28261')).rejects.toMatchObject({ retryable: true });
    await portal.setFaults({ mode: 'malformed' });
    const err = await fetchInboundOnlineDossiers(s.ctx, '28261').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LinkError);
    expect((err as LinkError).retryable).toBe(false);
    await portal.clearFaults();
    expect(await countInbound(s.ctx.db, '28261')).toBe(0);
  });
});
