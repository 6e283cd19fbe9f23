import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds, type TestServer } from '../test-support/harness.ts';

// PostgreSQL may close a pooled connection at any time (restart, failover, an administrator's
// pg_terminate_backend). The server must keep answering, not crash on the pool's 'error' event.
// PGlite has no pool and no other backend; PostgreSQL and the Citus coordinator both do.
describe.each(databaseKinds().filter((k) => k !== 'pglite'))(
  'connections cut by the server on %s',
  (kind) => {
    let s: TestServer;
    beforeAll(async () => {
      s = await createTestServer(kind);
    });
    afterAll(async () => s?.close());

    it('keeps answering after every idle connection of the product is terminated', async () => {
      // Fill the product's pool with a few connections, then let them go idle.
      const before = await Promise.all(Array.from({ length: 6 }, () => s.request({ url: '/healthz' })));
      expect(before.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
      const [{ n } = { n: 0 }] = await s.query<{ n: number }>(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle'`,
      );
      expect(n).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 200)); // let the 'error' events arrive
      const after = await Promise.all(Array.from({ length: 6 }, () => s.request({ url: '/healthz' })));
      expect(after.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
      const procedures = await s.request({ url: '/api/v1/procedures?unit=28693' });
      expect(procedures.statusCode).toBe(200);
    });
  },
);
