import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/*
 * Delivery records (link_attempts): the outbox worker is their only writer. Settling a message and
 * recording the attempt are ONE statement (a data-modifying CTE), so a record never exists without
 * the change it describes, and the worker makes no extra round trip per message.
 */

/** How long attempts are kept: the operations page looks back 7 days; one day more for the edges. */
export const ATTEMPT_RETENTION_MS = 8 * 24 * 3_600_000;

export type Settlement =
  | { outcome: 'sent'; sentAt: Date }
  | { outcome: 'retry'; nextAttemptAt: Date; error: string }
  | { outcome: 'dead'; deadAt: Date; error: string };

/**
 * Marks the message sent / due again / dead-lettered and records the attempt (at `at`, taking
 * `latencyMs`) in the same statement.
 */
export async function settleAttempt(
  db: Db,
  m: { unitCode: string; id: string; kind: string },
  s: Settlement,
  at: Date,
  latencyMs: number,
): Promise<void> {
  const set =
    s.outcome === 'sent'
      ? sql`sent_at = ${s.sentAt}, last_error = NULL`
      : s.outcome === 'retry'
        ? sql`next_attempt_at = ${s.nextAttemptAt}, last_error = ${s.error}, waiting_retry = true`
        : sql`dead_at = ${s.deadAt}, last_error = ${s.error}`;
  const error = s.outcome === 'sent' ? null : s.error;
  await db.execute(sql`
    WITH settled AS (
      UPDATE outbox SET ${set} WHERE unit_code = ${m.unitCode} AND id = ${m.id} RETURNING unit_code, id, kind
    )
    INSERT INTO link_attempts (unit_code, link, message_id, at, ok, latency_ms, error)
    SELECT unit_code, kind, id, ${at}, ${s.outcome === 'sent'}, ${Math.max(0, Math.round(latencyMs))}, ${error}
    FROM settled`);
}

/** A message delivered: its commune and id, when its attempt ended and how long it took. */
export interface AttemptRecord {
  unitCode: string;
  id: string;
  at: Date;
  latencyMs: number;
}

/**
 * Marks the messages a round delivered sent and records each one's attempt, in ONE statement for the
 * whole round (whatever the communes and dossiers): the worker settles after the round's runs, so a
 * drain costs one claim and one settlement per batch rather than a statement per dossier (on PGlite
 * every statement outside a transaction is also a write of its files).
 */
export async function settleSent(db: Db, done: AttemptRecord[], sentAt: Date = new Date()): Promise<void> {
  if (done.length === 0) return;
  const rows = sql.join(
    done.map(
      (d) =>
        sql`(${d.unitCode}::text, ${d.id}::uuid, ${d.at}::timestamptz, ${Math.max(0, Math.round(d.latencyMs))}::int)`,
    ),
    sql`, `,
  );
  await db.execute(sql`
    WITH done (unit_code, id, at, latency_ms) AS (VALUES ${rows}),
    settled AS (
      UPDATE outbox o SET sent_at = ${sentAt}, last_error = NULL
      FROM done WHERE o.unit_code = done.unit_code AND o.id = done.id
      RETURNING o.unit_code, o.id, o.kind, done.at, done.latency_ms
    )
    INSERT INTO link_attempts (unit_code, link, message_id, at, ok, latency_ms, error)
    SELECT unit_code, kind, id, at, true, latency_ms, NULL FROM settled`);
}

/** Deletes the attempts older than the retention; returns how many. */
export async function pruneAttempts(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - ATTEMPT_RETENTION_MS);
  const result = (await db.execute(sql`DELETE FROM link_attempts WHERE at < ${before}`)) as {
    rowCount?: number | null;
    affectedRows?: number;
  };
  return Number(result.rowCount ?? result.affectedRows ?? 0);
}
