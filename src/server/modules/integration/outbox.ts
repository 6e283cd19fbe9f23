import { sql } from 'drizzle-orm';
import type { PortalMessage } from '../../../domain/portal/contract.ts';
import type { Db } from '../../db/client.ts';
import { outbox } from '../../db/schema.ts';
import { LinkError } from '../../lib/http-link.ts';
import { pruneAttempts, settleAttempt } from './attempts.ts';
import type { NotificationPayload } from './messages.ts';
import type { Sender } from './senders.ts';

export interface OutboxOptions {
  senders: Partial<Record<string, Sender>>;
  batch?: number;
  /** How long a claimed message stays invisible to other workers while it is being sent. */
  leaseSeconds?: number;
  now?: () => Date;
  /** The national portal's client: delivers the `portal` messages (absent: they wait). */
  portal?: { deliver(m: PortalMessage): Promise<unknown> };
  /** Failed tries after which a message is dead-lettered (an operator may retry it); default 10. */
  maxAttempts?: number;
  /** Random in [0, 1) for the jitter; tests may pin it. */
  random?: () => number;
}

/** Retry delay after `attempts` failures: 30 s, 1, 2, 4 … minutes, capped at one hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

/** The backoff with jitter: up to a fifth less than backoffSeconds, so retries of many messages spread out. */
export function retryDelaySeconds(attempts: number, random: () => number = Math.random): number {
  return backoffSeconds(attempts) * (1 - 0.2 * random());
}

/**
 * Delivers due messages once: a message is claimed by moving its next attempt past the lease (an
 * UPDATE that re-checks the condition on the locked row, so two workers never claim the same message),
 * sent, then marked sent. A failure schedules a retry; nothing is ever dropped.
 */
export async function deliverDue(db: Db, opts: OutboxOptions): Promise<{ sent: number; failed: number }> {
  const now = opts.now?.() ?? new Date();
  const lease = new Date(now.getTime() + (opts.leaseSeconds ?? 60) * 1000);
  const claimed = await db
    .update(outbox)
    .set({ nextAttemptAt: lease, attempts: sql`${outbox.attempts} + 1` })
    .where(
      // A dossier's portal message waits while an earlier one of the same dossier is unsent (pending or dead).
      sql`${outbox.sentAt} IS NULL AND ${outbox.deadAt} IS NULL AND ${outbox.nextAttemptAt} <= ${now} AND (${outbox.unitCode}, ${outbox.id}) IN (
        SELECT o.unit_code, o.id FROM outbox o
        WHERE o.sent_at IS NULL AND o.dead_at IS NULL AND o.next_attempt_at <= ${now}
          AND (o.kind <> 'portal' OR NOT EXISTS (SELECT 1 FROM outbox e WHERE e.unit_code = o.unit_code
            AND e.dossier_code = o.dossier_code AND e.kind = 'portal' AND e.seq < o.seq AND e.sent_at IS NULL))
        ORDER BY o.next_attempt_at, o.seq LIMIT ${opts.batch ?? 20})`,
    )
    .returning();
  let sent = 0;
  let failed = 0;
  for (const m of claimed) {
    const started = performance.now();
    const attemptAt = () => opts.now?.() ?? new Date();
    try {
      if (m.kind === 'portal') {
        if (!opts.portal) throw new Error('no portal link configured');
        await opts.portal.deliver(m.payload as unknown as PortalMessage);
      } else {
        const send = opts.senders[m.kind];
        if (!send) throw new Error(`no sender configured for ${m.kind}`);
        await send(m.id, m.payload as unknown as NotificationPayload);
      }
      // The message is settled and the attempt recorded (link_attempts) in one statement.
      const at = attemptAt();
      await settleAttempt(db, m, { outcome: 'sent', sentAt: new Date() }, at, performance.now() - started);
      sent++;
    } catch (err) {
      failed++;
      const error = String((err as Error).message).slice(0, 500);
      const permanent = err instanceof LinkError && !err.retryable;
      const latency = performance.now() - started;
      if (permanent || m.attempts >= (opts.maxAttempts ?? 10)) {
        await settleAttempt(db, m, { outcome: 'dead', deadAt: now, error }, attemptAt(), latency);
        continue;
      }
      const delay = retryDelaySeconds(m.attempts, opts.random);
      const retryAt = new Date(now.getTime() + delay * 1000);
      await settleAttempt(db, m, { outcome: 'retry', nextAttemptAt: retryAt, error }, attemptAt(), latency);
    }
  }
  return { sent, failed };
}

/** Runs deliverDue every `intervalMs` until stopped. */
export function startOutboxWorker(
  db: Db,
  opts: OutboxOptions & { intervalMs?: number; onError?: (err: unknown) => void },
) {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let prunedAt = 0;
  const tick = async () => {
    if (stopped) return;
    // Delivery records older than their retention go once an hour (one indexed DELETE).
    const now = opts.now?.() ?? new Date();
    const prune = now.getTime() - prunedAt >= 3_600_000;
    if (prune) prunedAt = now.getTime();
    running = (prune ? pruneAttempts(db, now) : Promise.resolve(0))
      .then(() => deliverDue(db, opts))
      .catch((err) => opts.onError?.(err));
    await running;
    if (!stopped) timer = setTimeout(tick, opts.intervalMs ?? 5000);
  };
  let timer = setTimeout(tick, opts.intervalMs ?? 5000);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
