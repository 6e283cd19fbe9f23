import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { installFairGate } from './fair-gate.ts';

function busy(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* the embedded database's synchronous work */
  }
}

/** An app whose handler records which event-loop turn it ran in. */
function recordingApp(gated: boolean) {
  const app = Fastify({ logger: false });
  const gate = gated ? installFairGate(app) : undefined;
  let turn = 0;
  let ticking = true;
  const tick = () => {
    turn += 1;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  const seen: Array<{ n: number; turn: number }> = [];
  app.get('/busy/:n', async (req) => {
    busy(1);
    const n = Number((req.params as { n: string }).n);
    seen.push({ n, turn });
    return { n };
  });
  app.addHook('onClose', async () => {
    ticking = false;
  });
  return { app, gate, seen };
}

describe('fair request gate (embedded database)', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('runs one request per event-loop turn, in arrival order', async () => {
    const r = recordingApp(true);
    app = r.app;
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, n) => app!.inject({ url: `/busy/${n}` })),
    );
    expect(replies.map((x) => x.json().n)).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect(r.seen.map((s) => s.n)).toEqual(Array.from({ length: 20 }, (_, n) => n));
    const turns = r.seen.map((s) => s.turn);
    expect(new Set(turns).size).toBe(turns.length);
    expect(r.gate!.released).toBe(20);
    expect(r.gate!.queued).toBe(0);
    expect(r.gate!.maxQueued).toBeGreaterThan(1);
  });

  it('without the gate the same burst runs many requests in one turn (what the gate prevents)', async () => {
    const r = recordingApp(false);
    app = r.app;
    await Promise.all(Array.from({ length: 20 }, (_, n) => app!.inject({ url: `/busy/${n}` })));
    const turns = r.seen.map((s) => s.turn);
    expect(new Set(turns).size).toBeLessThan(turns.length);
  });

  it('serves a burst of real connections, each on its own socket, and a failing handler does not stall the queue', async () => {
    const r = recordingApp(true);
    app = r.app;
    app.get('/fail', async () => {
      throw new Error('boom');
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const get = (p: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port, path: p, agent: false }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
      });
    const codes = await Promise.all(
      Array.from({ length: 40 }, (_, n) => get(n % 10 === 0 ? '/fail' : `/busy/${n}`)),
    );
    expect(codes.filter((c) => c === 200)).toHaveLength(36);
    expect(codes.filter((c) => c === 500)).toHaveLength(4);
    expect(r.gate!.released).toBe(40);
    expect(r.gate!.queued).toBe(0);
  });

  it('idle() resolves when the last request in flight is answered, or after its bound', async () => {
    const r = recordingApp(true);
    app = r.app;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    app.get('/held', async () => {
      await held;
      return { ok: true };
    });
    // Nothing in flight: at once.
    await r.gate!.idle(10_000);
    const reply = app.inject({ url: '/held' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(r.gate!.active).toBe(1);
    // A request in flight that does not end: the bound.
    const t0 = performance.now();
    await r.gate!.idle(50);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(45);
    // Ended: the waiter wakes with the answer, long before its bound.
    let woke = false;
    const waiting = r.gate!.idle(60_000).then(() => {
      woke = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(woke).toBe(false);
    const t1 = performance.now();
    release();
    await waiting;
    expect((await reply).statusCode).toBe(200);
    expect(r.gate!.active).toBe(0);
    expect(performance.now() - t1).toBeLessThan(5_000);
  });
});
