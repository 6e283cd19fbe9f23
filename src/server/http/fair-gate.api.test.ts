import { describe, expect, it } from 'vitest';
import { createTestServer, databaseKinds } from '../test-support/harness.ts';

describe.each(databaseKinds())('request gate on %s', (kind) => {
  it(
    kind === 'pglite'
      ? 'queues requests and reports the queue in /metrics'
      : 'is not installed (queries run in the database process)',
    async () => {
      const s = await createTestServer(kind);
      try {
        const replies = await Promise.all(
          Array.from({ length: 12 }, () => s.request({ url: '/api/v1/procedures?unit=28693' })),
        );
        expect(replies.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
        const text = (await s.request({ url: '/metrics' })).body;
        if (kind === 'pglite') {
          expect(s.ctx.fairGate?.released).toBeGreaterThanOrEqual(13);
          expect(text).toMatch(/^motcua_request_gate_queued 0$/m);
          expect(text).toMatch(/^motcua_request_gate_queued_max (\d+)$/m);
          expect(Number(/^motcua_request_gate_queued_max (\d+)$/m.exec(text)![1])).toBeGreaterThan(1);
        } else {
          expect(s.ctx.fairGate).toBeUndefined();
          expect(text).not.toMatch(/motcua_request_gate/);
        }
      } finally {
        await s.close();
      }
    },
  );
});
