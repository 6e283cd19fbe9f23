import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PortalMessage } from '../../../domain/portal/contract.ts';
import type { Db } from '../../db/client.ts';
import { outbox } from '../../db/schema.ts';
import type { FileStore } from '../../lib/file-store.ts';
import { LinkError } from '../../lib/http-link.ts';
import { deliverPortalMessage, type PortalLink } from '../portal/delivery.ts';
import { type AttemptRecord, pruneAttempts, settleAttempt, settleSent } from './attempts.ts';
import type { NotificationPayload } from './messages.ts';
import type { Sender } from './senders.ts';

export interface OutboxOptions {
  senders: Partial<Record<string, Sender>>;
  batch?: number;
  /** How long a claimed message stays invisible to other workers while it is being sent. */
  leaseSeconds?: number;
  now?: () => Date;
  /** The national portal's client: delivers the `portal` messages (absent: they wait). */
  portal?: PortalLink;
  /** Where the dossiers' files are read from when a portal message needs them uploaded. */
  files?: FileStore;
  /** Failed tries after which a message is dead-lettered (an operator may retry it); default 10. */
  maxAttempts?: number;
  /** Dossiers whose runs are sent at the same time (each dossier's own messages stay in order); default 8. */
  concurrency?: number;
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
 * Delivers due messages once. A message is claimed by moving its next attempt past the lease (an
 * UPDATE that re-checks the condition on the locked row, so two workers never claim the same
 * message). A dossier's portal messages are claimed as a run in their order — a message only when
 * every earlier unsent one of its dossier is claimable too — and sent one after the other; runs of
 * different dossiers are sent concurrently (`concurrency`). A failure schedules a retry of that
 * message and hands the rest of its run back untouched; nothing is ever dropped.
 */
export async function deliverDue(db: Db, opts: OutboxOptions): Promise<{ sent: number; failed: number }> {
  const now = opts.now?.() ?? new Date();
  const lease = new Date(now.getTime() + (opts.leaseSeconds ?? 60) * 1000);
  const claimed = await db
    .update(outbox)
    .set({ nextAttemptAt: lease, attempts: sql`${outbox.attempts} + 1`, waitingRetry: false })
    .where(
      // A dossier's portal message waits while an earlier one of the same dossier is unsent and not
      // claimable now (dead, waiting for its retry, or leased by another worker).
      sql`${outbox.sentAt} IS NULL AND ${outbox.deadAt} IS NULL AND ${outbox.nextAttemptAt} <= ${now} AND (${outbox.unitCode}, ${outbox.id}) IN (
        SELECT o.unit_code, o.id FROM outbox o
        WHERE o.sent_at IS NULL AND o.dead_at IS NULL AND o.next_attempt_at <= ${now}
          AND (o.kind <> 'portal' OR NOT EXISTS (SELECT 1 FROM outbox e WHERE e.unit_code = o.unit_code
            AND e.dossier_code = o.dossier_code AND e.kind = 'portal' AND e.seq < o.seq AND e.sent_at IS NULL
            AND (e.dead_at IS NOT NULL OR e.next_attempt_at > ${now})))
        ORDER BY o.seq LIMIT ${opts.batch ?? 20})`,
    )
    .returning();
  // Runs: a dossier's portal messages in order; every other message alone.
  const runs = new Map<string, typeof claimed>();
  for (const m of claimed.sort((a, b) => a.seq - b.seq)) {
    const key = m.kind === 'portal' && m.dossierCode ? `${m.unitCode}\u0000${m.dossierCode}` : m.id;
    runs.set(key, [...(runs.get(key) ?? []), m]);
  }
  let sent = 0;
  let failed = 0;
  let portalSent = 0;
  let portalFailed = 0;
  const clock = () => opts.now?.() ?? new Date();
  const deliverRun = async (run: typeof claimed) => {
    // Each delivered message with its attempt (link_attempts), settled together in one statement.
    const done: AttemptRecord[] = [];
    for (let i = 0; i < run.length; i++) {
      const m = run[i]!;
      const started = performance.now();
      try {
        await deliverOne(db, m, opts);
        done.push({ id: m.id, at: clock(), latencyMs: performance.now() - started });
      } catch (err) {
        const latencyMs = performance.now() - started;
        await settleSent(db, m.unitCode, done);
        sent += done.length;
        failed++;
        if (m.kind === 'portal') {
          portalSent += done.length;
          portalFailed++;
        }
        await scheduleRetry(db, m, err, now, opts, { at: clock(), latencyMs });
        // The rest of the run was claimed but not tried: back as they were (they wait behind this one).
        const rest = run.slice(i + 1).map((r) => r.id);
        if (rest.length)
          await db
            .update(outbox)
            .set({ nextAttemptAt: now, attempts: sql`${outbox.attempts} - 1` })
            .where(and(eq(outbox.unitCode, m.unitCode), inArray(outbox.id, rest)));
        return;
      }
    }
    await settleSent(db, run[0]!.unitCode, done);
    sent += done.length;
    if (run[0]!.kind === 'portal') portalSent += done.length;
  };
  const queue = [...runs.values()];
  const workers = Array.from({ length: Math.min(opts.concurrency ?? 8, queue.length) }, async () => {
    for (let run = queue.shift(); run; run = queue.shift()) await deliverRun(run);
  });
  await Promise.all(workers);
  if (portalSent > 0 && portalFailed === 0) await bringForwardPortalRetries(db, now);
  return { sent, failed };
}

type OutboxRow = typeof outbox.$inferSelect;

async function deliverOne(db: Db, m: OutboxRow, opts: OutboxOptions) {
  if (m.kind === 'portal') {
    if (!opts.portal) throw new Error('no portal link configured');
    await deliverPortalMessage(
      db,
      m.unitCode,
      m.payload as unknown as PortalMessage,
      opts.portal,
      opts.files,
    );
    return;
  }
  const send = opts.senders[m.kind];
  if (!send) throw new Error(`no sender configured for ${m.kind}`);
  await send(m.id, m.payload as unknown as NotificationPayload);
}

/** A failed try: retried after the backoff with jitter, or dead-lettered (permanent, or out of tries). */
async function scheduleRetry(
  db: Db,
  m: OutboxRow,
  err: unknown,
  now: Date,
  opts: OutboxOptions,
  attempt: { at: Date; latencyMs: number },
) {
  const error = String((err as Error).message).slice(0, 500);
  const permanent = err instanceof LinkError && !err.retryable;
  if (permanent || m.attempts >= (opts.maxAttempts ?? 10)) {
    await settleAttempt(db, m, { outcome: 'dead', deadAt: now, error }, attempt.at, attempt.latencyMs);
    return;
  }
  const retryAt = new Date(now.getTime() + retryDelaySeconds(m.attempts, opts.random) * 1000);
  await settleAttempt(
    db,
    m,
    { outcome: 'retry', nextAttemptAt: retryAt, error },
    attempt.at,
    attempt.latencyMs,
  );
}

/**
 * The portal answered again: the portal messages waiting for their backoff after failures (the heads
 * of the dossiers' queues during an outage) are due now, so a backlog drains right after recovery
 * instead of when each head's backoff — up to an hour — ends. Leased messages are not touched.
 */
async function bringForwardPortalRetries(db: Db, now: Date) {
  await db
    .update(outbox)
    .set({ nextAttemptAt: now, waitingRetry: false })
    .where(
      sql`${outbox.kind} = 'portal' AND ${outbox.waitingRetry} AND ${outbox.sentAt} IS NULL AND ${outbox.deadAt} IS NULL`,
    );
}

/**
 * Runs deliverDue every `intervalMs` until stopped; while rounds deliver something (a backlog after
 * an outage) the next round starts at once, so the backlog drains at the link's pace, not the timer's.
 */
export function startOutboxWorker(
  db: Db,
  opts: OutboxOptions & { intervalMs?: number; onError?: (err: unknown) => void },
) {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let prunedAt = 0;
  const tick = async () => {
    if (stopped) return;
    let busy = false;
    // Delivery records older than their retention go once an hour (one indexed DELETE).
    const now = opts.now?.() ?? new Date();
    const prune = now.getTime() - prunedAt >= 3_600_000;
    if (prune) prunedAt = now.getTime();
    running = (prune ? pruneAttempts(db, now) : Promise.resolve(0))
      .then(() => deliverDue(db, opts))
      .then(
        (r) => {
          busy = r.sent > 0;
        },
        (err) => opts.onError?.(err),
      );
    await running;
    if (!stopped) timer = setTimeout(tick, busy ? 0 : (opts.intervalMs ?? 5000));
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
