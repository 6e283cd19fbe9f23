import type { FastifyInstance } from 'fastify';

/**
 * Lets Node accept new connections while the embedded database keeps the main thread busy.
 *
 * Why: PGlite runs every query synchronously on the main thread (≈2.5 ms of CPU per intake).
 * Node accepts at most one pending connection per event-loop iteration, and an iteration in which
 * k parsed requests are ready runs all k handlers back to back. Under load an iteration lasts
 * k × 2.5 ms, so the 32nd client of a burst waited 1.2–1.4 s just to be accepted (measured in
 * bench/intake with 32 clients; reproduced with a bare Fastify server and a 2.5 ms busy handler,
 * so it is not specific to the product).
 *
 * The gate queues requests in arrival order and releases one per event-loop iteration
 * (setImmediate runs in the check phase, after the poll phase that accepts sockets), so an
 * iteration lasts one request and no connection waits behind a whole backlog. Throughput is
 * unchanged: the same work runs, only interleaved with accepts. On PostgreSQL queries run in
 * another process and the loop is free while they do, so the gate is not installed there.
 */
export function installFairGate(app: FastifyInstance): FairGate {
  const waiting: Array<() => void> = [];
  let scheduled = false;
  const stats = { released: 0, maxQueued: 0 };
  // Requests received and not yet answered (or given up by their client).
  const active = new WeakSet<object>();
  let activeCount = 0;
  // idle() callers, woken when the last request in flight is answered.
  const idleWaiters = new Set<() => void>();
  const end = (req: object) => {
    if (!active.delete(req)) return;
    activeCount -= 1;
    if (activeCount === 0) for (const wake of idleWaiters) wake();
  };

  const pump = () => {
    scheduled = false;
    const next = waiting.shift();
    if (next) {
      stats.released += 1;
      next();
    }
    if (waiting.length > 0) {
      scheduled = true;
      setImmediate(pump);
    }
  };

  app.addHook('onRequest', (req, _reply, done) => {
    if (!active.has(req)) {
      active.add(req);
      activeCount += 1;
    }
    waiting.push(done);
    if (waiting.length > stats.maxQueued) stats.maxQueued = waiting.length;
    if (!scheduled) {
      scheduled = true;
      setImmediate(pump);
    }
  });

  app.addHook('onResponse', async (req) => end(req));
  app.addHook('onRequestAbort', async (req) => end(req));

  return {
    get queued() {
      return waiting.length;
    },
    get active() {
      return activeCount;
    },
    idle(maxWaitMs: number) {
      if (activeCount === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          idleWaiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, maxWaitMs);
        idleWaiters.add(wake);
      });
    },
    get released() {
      return stats.released;
    },
    get maxQueued() {
      return stats.maxQueued;
    },
  };
}

export interface FairGate {
  /** Requests waiting for their turn now. */
  readonly queued: number;
  /** Requests received and not yet answered. */
  readonly active: number;
  /**
   * Resolves when no request is being served, or after `maxWaitMs`: background work on the embedded
   * database (the outbox worker) waits for it before each statement, so the counter goes first.
   */
  idle(maxWaitMs: number): Promise<void>;
  /** Requests let through since start. */
  readonly released: number;
  /** The longest the queue has been. */
  readonly maxQueued: number;
}
