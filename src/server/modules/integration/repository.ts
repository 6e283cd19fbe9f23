import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { outbox, units } from '../../db/schema.ts';
import type { Placeholder } from '../audit/repository.ts';

/** One row of the outbox as a change writes it: delivered later by the worker (outbox.ts). */
export interface OutboxRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
}

/**
 * The CTE `messages` that puts messages into the outbox inside the statement of the change they
 * report, so a message exists exactly when its change was committed. The dossier is its code, or
 * `from`: a CTE with one row whose `code` is the dossier code formed by the statement, which is then
 * added to each payload.
 */
export function outboxCte(
  p: Placeholder,
  unitCode: string,
  at: Date,
  rows: OutboxRow[],
  dossier: { code: string } | { from: string },
) {
  const time = p(at.toISOString());
  const list = p(JSON.stringify(rows));
  const from = 'from' in dossier ? dossier.from : undefined;
  const code = 'from' in dossier ? `${dossier.from}.code` : `${p(dossier.code)}::text`;
  // A portal message (a PortalMessage) names the dossier in its body's MaHoSo — left empty for the
  // statement to fill, unless the dossier came from the portal and keeps the portal's code; a notice has `code`.
  const body = `CASE m.payload->>'call' WHEN 'dossier' THEN 'HoSo' WHEN 'progress' THEN 'TienTrinh' ELSE 'TrangThai' END`;
  const payload = from
    ? `CASE WHEN m.kind <> 'portal' THEN m.payload || jsonb_build_object('code', ${code})
        WHEN m.payload->(${body})->>'MaHoSo' = '' THEN jsonb_set(m.payload, ARRAY[${body}, 'MaHoSo'], to_jsonb(${code}))
        ELSE m.payload END`
    : 'm.payload';
  // WITH ORDINALITY + ORDER BY: the rows take their `seq` in the order the event lists them.
  return `messages AS (
      INSERT INTO outbox (unit_code, id, kind, payload, dossier_code, created_at, next_attempt_at)
      SELECT ${p(unitCode)}, m.id, m.kind, ${payload}, ${code},
        ${time}::timestamptz, ${time}::timestamptz
      FROM ${from ? `${from}, ` : ''}ROWS FROM (jsonb_to_recordset(${list}::jsonb) AS (id uuid, kind text, payload jsonb))
        WITH ORDINALITY AS m(id, kind, payload, n)
      ORDER BY m.n
      RETURNING 1)`;
}

/**
 * An operator's retry of a dossier's dead-lettered messages: they become due now with their tries
 * counted afresh (the worker then delivers them, and the dossier's later messages, in order).
 * Returns how many were revived.
 */
export async function retryDead(
  db: Executor,
  unitCode: string,
  dossierCode: string,
  now: Date,
): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ deadAt: null, attempts: 0, nextAttemptAt: now, waitingRetry: false })
    .where(
      sql`${outbox.unitCode} = ${unitCode} AND ${outbox.dossierCode} = ${dossierCode} AND ${outbox.deadAt} IS NOT NULL AND ${outbox.sentAt} IS NULL`,
    )
    .returning({ id: outbox.id });
  return rows.length;
}

/**
 * The CTE `sms` that enqueues the SMS of a queue ticket (modules/queue) inside the ticket's own
 * statement: `from` is a CTE with one row holding the ticket's `number` and whether it is to be sent
 * (`sms`). Not a dossier's message: no dossier code, no audit entry.
 */
export function queueTicketSmsCte(
  p: Placeholder,
  m: { id: string; unitCode: string; at: Date; to: string; unitName: string; url: string },
  from: string,
) {
  const time = p(m.at.toISOString());
  return `sms AS (
      INSERT INTO outbox (unit_code, id, kind, payload, created_at, next_attempt_at)
      SELECT ${p(m.unitCode)}, ${p(m.id)}::uuid, 'sms',
        jsonb_build_object('template', 'queue_ticket', 'to', ${p(m.to)}::text, 'code', ${from}.number::text,
          'number', ${from}.number, 'unitName', ${p(m.unitName)}::text, 'url', ${p(m.url)}::text || ${from}.id::text,
          'applicantName', '', 'dueAt', ${p(m.at.toISOString())}::text),
        ${time}::timestamptz, ${time}::timestamptz
      FROM ${from} WHERE ${from}.sms
      RETURNING 1)`;
}

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
        -- the communes as values too: on Citus their shards alone (by the column only, every shard)
        AND o.unit_code = ANY(${codeArray([...new Set(done.map((d) => d.unitCode))])}::text[])
      RETURNING o.unit_code, o.id, o.kind, done.at, done.latency_ms
    )
    INSERT INTO link_attempts (unit_code, link, message_id, at, ok, latency_ms, error)
    SELECT unit_code, kind, id, at, true, latency_ms, NULL FROM settled`);
}

/** Deletes the attempts before `before`; returns how many. */
export async function deleteAttemptsBefore(db: Db, before: Date): Promise<number> {
  const result = (await db.execute(sql`DELETE FROM link_attempts WHERE at < ${before}`)) as {
    rowCount?: number | null;
    affectedRows?: number;
  };
  return Number(result.rowCount ?? result.affectedRows ?? 0);
}

/** An outbox row as stored. */
export type OutboxRecord = typeof outbox.$inferSelect;

/** A PostgreSQL text[] literal of commune codes (digits only), as one parameter. */
const codeArray = (codes: readonly string[]) => `{${codes.join(',')}}`;

/** `AND <table>.unit_code = ANY(communes)`, or nothing without communes (on Citus: their shards alone). */
const ofCommunes = (table: string, communes?: readonly string[]) =>
  communes ? sql`AND ${sql.raw(table)}.unit_code = ANY(${codeArray(communes)}::text[])` : sql``;

/**
 * Claims up to `batch` due messages (see deliverDue): one UPDATE … RETURNING. With `communes`, of those
 * communes only (on Citus: their shards alone, so a node that does not answer is left out; the filter
 * is on every reading of the table, the NOT EXISTS's too, or Citus plans the join over every shard).
 */
export function claimDue(
  db: Db,
  now: Date,
  lease: Date,
  batch: number,
  communes?: readonly string[],
): Promise<OutboxRecord[]> {
  return claimDueStatement(db, now, lease, batch, communes);
}

/** claimDue's statement, unexecuted (its plan is read by db/maintenance.test.ts). */
export function claimDueStatement(
  db: Db,
  now: Date,
  lease: Date,
  batch: number,
  communes?: readonly string[],
) {
  const mine = (t: string) => ofCommunes(t, communes);
  return db
    .update(outbox)
    .set({ nextAttemptAt: lease, attempts: sql`${outbox.attempts} + 1`, waitingRetry: false })
    .where(
      // A dossier's portal message waits while an earlier one of the same dossier is unsent and not
      // claimable now (dead, waiting for its retry, or leased by another worker or lane).
      sql`${outbox.sentAt} IS NULL AND ${outbox.deadAt} IS NULL AND ${outbox.nextAttemptAt} <= ${now} ${mine('"outbox"')} AND (${outbox.unitCode}, ${outbox.id}) IN (
        SELECT o.unit_code, o.id FROM outbox o
        WHERE o.sent_at IS NULL AND o.dead_at IS NULL AND o.next_attempt_at <= ${now} ${mine('o')}
          AND (o.kind <> 'portal' OR NOT EXISTS (SELECT 1 FROM outbox e WHERE e.unit_code = o.unit_code ${mine('e')}
            AND e.dossier_code = o.dossier_code AND e.kind = 'portal' AND e.seq < o.seq AND e.sent_at IS NULL
            AND (e.dead_at IS NOT NULL OR e.next_attempt_at > ${now})))
        ORDER BY o.seq LIMIT ${batch})`,
    )
    .returning();
}

/**
 * Messages of a run that were claimed but not tried (their try not counted): due at `dueAt`; with
 * `waiting`, as waiting for a retry (brought forward with the message they wait behind).
 */
export async function releaseClaimed(db: Db, unitCode: string, ids: string[], dueAt: Date, waiting: boolean) {
  await db
    .update(outbox)
    .set({ nextAttemptAt: dueAt, attempts: sql`${outbox.attempts} - 1`, waitingRetry: waiting })
    .where(and(eq(outbox.unitCode, unitCode), inArray(outbox.id, ids)));
}

/**
 * The portal answered again: the portal messages waiting for their backoff after failures (the heads
 * of the dossiers' queues during an outage, and the rest of their runs) are due now, so a backlog
 * drains right after recovery instead of when each head's backoff — up to an hour — ends. At most
 * `limit`, the earliest first (seq): the worker brings the next chunk forward after each round that
 * delivered, so no single statement rewrites a whole outage's backlog (72,000 rows after 30 minutes,
 * on the embedded database's one connection). Leased messages are not touched.
 */
export async function bringForwardPortalRetries(
  db: Db,
  now: Date,
  limit: number,
  communes?: readonly string[],
) {
  const mine = (t: string) => ofCommunes(t, communes);
  await db.execute(sql`
    UPDATE outbox SET next_attempt_at = ${now}, waiting_retry = false
    WHERE kind = 'portal' AND waiting_retry AND sent_at IS NULL AND dead_at IS NULL ${mine('outbox')}
      AND (unit_code, id) IN (
        SELECT w.unit_code, w.id FROM outbox w
        WHERE w.kind = 'portal' AND w.waiting_retry AND w.sent_at IS NULL AND w.dead_at IS NULL ${mine('w')}
        ORDER BY w.seq LIMIT ${limit})`);
}

/**
 * Citus: every unit's code grouped by the node group holding its shards (co-located: the node of its
 * `outbox` shard holds all its rows). `units` is a reference table (a copy on the coordinator) and the
 * placements are the coordinator's metadata: no worker is asked.
 */
export async function communesByNode(db: Db): Promise<string[][]> {
  const all = await db.select({ code: units.code }).from(units);
  const r = (await db.execute(sql`
    SELECT array_agg(c ORDER BY c) AS units FROM unnest(${codeArray(all.map((u) => u.code))}::text[]) AS c
    JOIN pg_dist_placement p ON p.shardid = get_shard_id_for_distribution_column('outbox', c)
    GROUP BY p.groupid ORDER BY p.groupid`)) as unknown as { rows: Array<{ units: string[] }> };
  return r.rows.map((row) => row.units);
}
