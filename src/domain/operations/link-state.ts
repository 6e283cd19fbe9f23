/*
 * The state of a link to another system (national portal, population platform, SMS/e-mail gateways)
 * as the operations page shows it, from evidence the product already has: the outcome of the latest
 * delivery attempts, a cheap health probe, and the messages waiting (docs/OPERATIONS.md, "Operations
 * page"). Pure: the figures are gathered by modules/operations.
 */

export type LinkState = 'up' | 'degraded' | 'down' | 'idle' | 'off';

/** Why a link is not simply up (codes the page translates). */
export type LinkReason = 'probe_failed' | 'failing' | 'last_failed' | 'slow' | 'lagging' | 'not_configured';

export interface LinkEvidence {
  configured: boolean;
  /** The health probe, where the link has one (SMS/e-mail have none). */
  probe?: { ok: boolean; latencyMs: number };
  /** Latest attempts first (within the look-back the caller chose). */
  recent: ReadonlyArray<{ ok: boolean }>;
  /** Messages whose due time passed more than LAG_MS ago and are still unsent (the worker is behind). */
  overdue: number;
}

/** Consecutive failed attempts after which a link is down. */
export const DOWN_AFTER_FAILURES = 3;
/** A probe answering slower than this marks the link degraded. */
export const SLOW_PROBE_MS = 2000;
/** A pending message due longer ago than this means the worker is not keeping up. */
export const LAG_MS = 5 * 60_000;

/** Failed attempts in a row, counted from the latest. */
export function consecutiveFailures(recent: ReadonlyArray<{ ok: boolean }>): number {
  let n = 0;
  for (const a of recent) {
    if (a.ok) break;
    n++;
  }
  return n;
}

/**
 * down: the probe gets no healthy answer, or the latest DOWN_AFTER_FAILURES attempts all failed;
 * degraded: the latest attempt failed, the probe is slow, or due messages wait longer than LAG_MS;
 * up: otherwise, when there is an attempt or a healthy probe to go by; idle: nothing to go by.
 */
export function linkState(e: LinkEvidence): { state: LinkState; reasons: LinkReason[] } {
  if (!e.configured) return { state: 'off', reasons: ['not_configured'] };
  const failures = consecutiveFailures(e.recent);
  const down: LinkReason[] = [];
  if (e.probe && !e.probe.ok) down.push('probe_failed');
  if (failures >= DOWN_AFTER_FAILURES) down.push('failing');
  if (down.length > 0) return { state: 'down', reasons: down };
  const degraded: LinkReason[] = [];
  if (failures > 0) degraded.push('last_failed');
  if (e.probe && e.probe.latencyMs > SLOW_PROBE_MS) degraded.push('slow');
  if (e.overdue > 0) degraded.push('lagging');
  if (degraded.length > 0) return { state: 'degraded', reasons: degraded };
  if (!e.probe && e.recent.length === 0) return { state: 'idle', reasons: [] };
  return { state: 'up', reasons: [] };
}

/** The worst of several states (a province's link is as bad as its worst commune). */
export function worstState(states: readonly LinkState[]): LinkState {
  const rank: Record<LinkState, number> = { down: 4, degraded: 3, up: 2, idle: 1, off: 0 };
  return states.reduce<LinkState>((w, s) => (rank[s] > rank[w] ? s : w), 'off');
}

/** Error-rate buckets: `at` is the bucket's start; the rate is null when nothing was attempted. */
export interface Bucket {
  at: string;
  attempts: number;
  failures: number;
  errorRate: number | null;
}

/**
 * Dense buckets of `bucketMs` ending with the one holding `now` (count of them: `n`), filled from
 * sparse counts keyed by bucket index (floor(epoch ms / bucketMs)).
 */
export function denseBuckets(
  counts: ReadonlyMap<number, { attempts: number; failures: number }>,
  now: Date,
  bucketMs: number,
  n: number,
): Bucket[] {
  const last = Math.floor(now.getTime() / bucketMs);
  const out: Bucket[] = [];
  for (let i = last - n + 1; i <= last; i++) {
    const c = counts.get(i) ?? { attempts: 0, failures: 0 };
    out.push({
      at: new Date(i * bucketMs).toISOString(),
      attempts: c.attempts,
      failures: c.failures,
      errorRate: c.attempts === 0 ? null : Math.round((c.failures * 10_000) / c.attempts) / 100,
    });
  }
  return out;
}
