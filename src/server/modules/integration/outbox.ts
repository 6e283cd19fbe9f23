import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { outbox } from '../../db/schema.ts';
import type { NotificationPayload } from './messages.ts';
import type { Sender } from './senders.ts';

export interface OutboxOptions {
  senders: Partial<Record<string, Sender>>;
  batch?: number;
  /** How long a claimed message stays invisible to other workers while it is being sent. */
  leaseSeconds?: number;
  now?: () => Date;
}

/** Retry delay after `attempts` failures: 30 s, 1, 2, 4 … minutes, capped at one hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
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
      sql`${outbox.sentAt} IS NULL AND ${outbox.nextAttemptAt} <= ${now} AND (${outbox.unitCode}, ${outbox.id}) IN (
        SELECT unit_code, id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= ${now}
        ORDER BY next_attempt_at LIMIT ${opts.batch ?? 20})`,
    )
    .returning();
  let sent = 0;
  let failed = 0;
  for (const m of claimed) {
    const send = opts.senders[m.kind];
    const key = and(eq(outbox.unitCode, m.unitCode), eq(outbox.id, m.id));
    try {
      if (!send) throw new Error(`no sender configured for ${m.kind}`);
      await send(m.id, m.payload as unknown as NotificationPayload);
      await db.update(outbox).set({ sentAt: new Date(), lastError: null }).where(key);
      sent++;
    } catch (err) {
      failed++;
      const retryAt = new Date(now.getTime() + backoffSeconds(m.attempts) * 1000);
      await db
        .update(outbox)
        .set({ nextAttemptAt: retryAt, lastError: String((err as Error).message).slice(0, 500) })
        .where(key);
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
  const tick = async () => {
    if (stopped) return;
    running = deliverDue(db, opts).catch((err) => opts.onError?.(err));
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
