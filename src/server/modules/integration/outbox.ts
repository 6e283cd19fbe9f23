import type { PortalMessage } from '../../../domain/portal/contract.ts';
import { isDistributed } from '../../db/citus.ts';
import type { Db } from '../../db/client.ts';
import { isNodeUnavailable } from '../../db/errors.ts';
import type { FileStore } from '../../lib/file-store.ts';
import { LinkError } from '../../lib/http-link.ts';
import { repeat } from '../../lib/repeat.ts';
import { deliverPortalMessage, type PortalLink } from '../portal/delivery.ts';
import {
  fetchPortalFile,
  PORTAL_FILE_KIND,
  type PortalFileFetch,
  type PortalFileSource,
} from '../portal/files.ts';
import { type AttemptRecord, pruneAttempts, settleAttempt, settleSent } from './attempts.ts';
import type { NotificationPayload } from './messages.ts';
import {
  bringForwardPortalRetries,
  claimDue,
  communesByNode,
  type OutboxRecord,
  releaseClaimed,
} from './repository.ts';
import type { Sender } from './senders.ts';

export interface OutboxOptions {
  senders: Partial<Record<string, Sender>>;
  batch?: number;
  /** How long a claimed message stays invisible to other workers while it is being sent. */
  leaseSeconds?: number;
  now?: () => Date;
  /** The national portal's client: delivers the `portal` messages (absent: they wait). */
  portal?: PortalLink & PortalFileSource;
  /** Where the dossiers' files are read from when a portal message needs them uploaded (and portal files kept). */
  files?: FileStore;
  /** Largest portal file fetched into a dossier (MOTCUA_MAX_UPLOAD_MB); default 5 MB. */
  maxFileBytes?: number;
  /** Failed tries after which a message is dead-lettered (an operator may retry it); default 10. */
  maxAttempts?: number;
  /** Dossiers whose runs are sent at the same time (each dossier's own messages stay in order); default 8. */
  concurrency?: number;
  /** Random in [0, 1) for the jitter; tests may pin it. */
  random?: () => number;
  /**
   * Runs the claim (its clock reading and statement) one at a time across the worker's lanes, so a
   * lane's claim sees the leases of the claims before it (startOutboxWorker).
   */
  claimGate?: <T>(claim: () => Promise<T>) => Promise<T>;
  /**
   * Awaited before the round's claim and its settlement. The embedded database has one connection for
   * everything: there the worker waits until no request is being served (up to a bound), so a drain
   * after an outage does not take the counter's turn (start.ts, http/fair-gate.ts).
   */
  yieldTo?: () => Promise<void>;
}

const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

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
 * message and hands the rest of its run back (due with it); nothing is ever dropped. What the round
 * delivered is settled in one statement at its end (settleSent): a drain costs two statements per
 * batch, not one per dossier; a worker killed before that statement sends the round again after the
 * lease, which the receiver de-duplicates.
 */
export async function deliverDue(db: Db, opts: OutboxOptions): Promise<{ sent: number; failed: number }> {
  const claim = async () => {
    await opts.yieldTo?.();
    const now = opts.now?.() ?? new Date();
    const lease = new Date(now.getTime() + (opts.leaseSeconds ?? 60) * 1000);
    return { now, ...(await claimReachable(db, now, lease, opts.batch ?? 20)) };
  };
  const { now, claimed, reachable } = await (opts.claimGate ? opts.claimGate(claim) : claim());
  // Runs: a dossier's portal messages in order; every other message alone.
  const runs = new Map<string, typeof claimed>();
  for (const m of claimed.sort((a, b) => a.seq - b.seq)) {
    const key = m.kind === 'portal' && m.dossierCode ? `${m.unitCode}\u0000${m.dossierCode}` : m.id;
    const run = runs.get(key);
    if (run) run.push(m);
    else runs.set(key, [m]);
  }
  let failed = 0;
  let portalSent = 0;
  let portalFailed = 0;
  const clock = () => opts.now?.() ?? new Date();
  // Every message the round delivered, with its attempt (link_attempts): settled together in ONE
  // statement after the runs (they stay leased until then, so nothing else claims them).
  const done: AttemptRecord[] = [];
  const deliverRun = async (run: typeof claimed) => {
    for (let i = 0; i < run.length; i++) {
      const m = run[i]!;
      const started = performance.now();
      try {
        await deliverOne(db, m, opts);
        done.push({ unitCode: m.unitCode, id: m.id, at: clock(), latencyMs: performance.now() - started });
        if (m.kind === 'portal') portalSent++;
      } catch (err) {
        const latencyMs = performance.now() - started;
        failed++;
        if (m.kind === 'portal') portalFailed++;
        const retryAt = await scheduleRetry(db, m, err, now, opts, { at: clock(), latencyMs });
        // The rest of the run was claimed but not tried: back, their try not counted. They wait behind
        // this one: due when it is (a claim during a long outage then passes over them on the index
        // instead of checking each one's dossier), brought forward with it when the link recovers.
        const rest = run.slice(i + 1).map((r) => r.id);
        if (rest.length) await releaseClaimed(db, m.unitCode, rest, retryAt ?? now, retryAt !== undefined);
        return;
      }
    }
  };
  const queue = [...runs.values()];
  const workers = Array.from({ length: Math.min(opts.concurrency ?? 8, queue.length) }, async () => {
    for (let run = queue.shift(); run; run = queue.shift()) await deliverRun(run);
  });
  // Settled even when a statement of a failure's path threw: what was delivered is not sent again.
  const ended = await Promise.allSettled(workers);
  if (done.length) await opts.yieldTo?.();
  await settleSent(db, done, clock());
  for (const e of ended) if (e.status === 'rejected') throw e.reason;
  if (portalSent > 0 && portalFailed === 0) {
    // The next chunk of the outage's backlog: twice a round's batch (two lanes claim from it).
    await opts.yieldTo?.();
    await bringForwardPortalRetries(db, now, 2 * (opts.batch ?? 20), reachable);
  }
  return { sent: done.length, failed };
}

/**
 * Claims the due messages of every commune. On Citus a claim reads every worker's shards; when one
 * does not answer, the claim is made node by node instead, so the communes on the other workers keep
 * being served while the lost node's wait for it (docs/DATABASE.md, "A worker down"). `reachable`:
 * the communes of the nodes that answered then (undefined: every node did).
 */
async function claimReachable(
  db: Db,
  now: Date,
  lease: Date,
  batch: number,
): Promise<{ claimed: OutboxRecord[]; reachable?: string[] }> {
  try {
    return { claimed: await claimDue(db, now, lease, batch) };
  } catch (err) {
    if (!isNodeUnavailable(err) || !(await isDistributed(db))) throw err;
    const claimed: OutboxRecord[] = [];
    const reachable: string[] = [];
    for (const communes of await communesByNode(db)) {
      try {
        claimed.push(...(await claimDue(db, now, lease, batch, communes)));
        reachable.push(...communes);
      } catch (nodeErr) {
        if (!isNodeUnavailable(nodeErr)) throw nodeErr;
      }
    }
    if (reachable.length === 0) throw err;
    return { claimed, reachable };
  }
}

type OutboxRow = OutboxRecord;

async function deliverOne(db: Db, m: OutboxRow, opts: OutboxOptions) {
  if (m.kind === PORTAL_FILE_KIND) {
    if (!opts.portal) throw new Error('no portal link configured');
    await fetchPortalFile(
      db,
      m.unitCode,
      m.payload as unknown as PortalFileFetch,
      opts.portal,
      opts.files,
      opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    );
    return;
  }
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

/**
 * A failed try: retried after the backoff with jitter (returns when), or dead-lettered (permanent, or
 * out of tries; returns undefined).
 */
async function scheduleRetry(
  db: Db,
  m: OutboxRow,
  err: unknown,
  now: Date,
  opts: OutboxOptions,
  attempt: { at: Date; latencyMs: number },
): Promise<Date | undefined> {
  const error = String((err as Error).message).slice(0, 500);
  const permanent = err instanceof LinkError && !err.retryable;
  if (permanent || m.attempts >= (opts.maxAttempts ?? 10)) {
    await settleAttempt(db, m, { outcome: 'dead', deadAt: now, error }, attempt.at, attempt.latencyMs);
    return undefined;
  }
  const retryAt = new Date(now.getTime() + retryDelaySeconds(m.attempts, opts.random) * 1000);
  await settleAttempt(
    db,
    m,
    { outcome: 'retry', nextAttemptAt: retryAt, error },
    attempt.at,
    attempt.latencyMs,
  );
  return retryAt;
}

/**
 * Runs deliverDue every `intervalMs` until stopped; while rounds deliver something (a backlog after
 * an outage) the next round starts at once, so the backlog drains at the link's pace, not the timer's.
 *
 * `lanes` rounds (default 2) run at the same time so that the link is not idle while a round claims
 * or settles: their claims go one at a time (claimGate), each after the one before it has committed,
 * so a lane never claims a message whose dossier has an earlier one leased by another lane — each
 * dossier's messages stay in order. A lane sends `concurrency` runs at a time.
 */
export function startOutboxWorker(
  db: Db,
  opts: OutboxOptions & { intervalMs?: number; lanes?: number; onError?: (err: unknown) => void },
) {
  let prunedAt = 0;
  let gate: Promise<unknown> = Promise.resolve();
  const claimGate = <T>(claim: () => Promise<T>): Promise<T> => {
    const result = gate.then(claim);
    gate = result.catch(() => undefined);
    return result;
  };
  // Delivery records older than their retention go once an hour (one indexed DELETE, first lane).
  const lane = (first: boolean) =>
    repeat(
      async () => {
        const now = opts.now?.() ?? new Date();
        if (first && now.getTime() - prunedAt >= 3_600_000) {
          prunedAt = now.getTime();
          await pruneAttempts(db, now);
        }
        const r = await deliverDue(db, { ...opts, claimGate });
        // Something was delivered (a backlog draining): the next round at once.
        return r.sent > 0 ? 0 : undefined;
      },
      { intervalMs: opts.intervalMs ?? 5000, onError: opts.onError },
    );
  const lanes = Array.from({ length: Math.max(1, opts.lanes ?? 2) }, (_, i) => lane(i === 0));
  return {
    async stop() {
      await Promise.all(lanes.map((l) => l.stop()));
    },
  };
}
