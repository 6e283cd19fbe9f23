import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { executePrepared, placeholders } from '../../db/prepared.ts';
import { inboundOnlineDossiers, portalFiles } from '../../db/schema.ts';
import { type OutboxRow, outboxCte } from '../integration/repository.ts';

/** Inserts online dossiers not seen before (by the portal's id); returns the ids that were new. */
export async function insertInboundIfNew(
  db: Executor,
  rows: Array<typeof inboundOnlineDossiers.$inferInsert>,
) {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(inboundOnlineDossiers)
    .values(rows)
    .onConflictDoNothing({ target: [inboundOnlineDossiers.unitCode, inboundOnlineDossiers.portalId] })
    .returning({ portalId: inboundOnlineDossiers.portalId });
  return inserted.map((r) => r.portalId);
}

/** The commune's queue of online dossiers waiting for reception, oldest first. */
export function listWaitingInbound(db: Executor, unitCode: string) {
  return db
    .select()
    .from(inboundOnlineDossiers)
    .where(and(eq(inboundOnlineDossiers.unitCode, unitCode), eq(inboundOnlineDossiers.state, 'waiting')))
    .orderBy(asc(inboundOnlineDossiers.submittedAt), asc(inboundOnlineDossiers.portalId));
}

export async function countInbound(db: Executor, unitCode: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inboundOnlineDossiers)
    .where(eq(inboundOnlineDossiers.unitCode, unitCode));
  return row?.n ?? 0;
}

/** SQLSTATE of an intake whose portal dossier was no longer waiting (motcua_inbound_not_waiting). */
export const INBOUND_NOT_WAITING = 'MC015';

/**
 * The part of an intake's statement (dossiers/repository.ts writeIntake) that takes a portal dossier:
 * CTE `taken` over the intake's CTE `from` (which returns `code`) marks its inbound row taken — only
 * while it is still waiting — with the officer and procedure when an officer mapped it, and a
 * select-list item that aborts the whole statement (SQLSTATE MC015, numbers given back) otherwise.
 */
export function takeInboundPart(
  p: (value: unknown) => string,
  from: string,
  take: {
    unitCode: string;
    portalId: string;
    mapped: { procedureCode: string; by: string; at: Date } | null;
  },
): { cte: string; check: string } {
  const cte = `taken AS (
      UPDATE inbound_online_dossiers i SET state = 'taken', dossier_code = ${from}.code,
        mapped_procedure_code = ${p(take.mapped?.procedureCode ?? null)}::text,
        handled_by = ${p(take.mapped?.by ?? null)}::uuid,
        handled_at = ${p(take.mapped?.at.toISOString() ?? null)}::timestamptz
      FROM ${from}
      WHERE i.unit_code = ${p(take.unitCode)} AND i.portal_id = ${p(take.portalId)} AND i.state = 'waiting'
      RETURNING 1)`;
  const check = `(SELECT CASE WHEN count(*) = 1 THEN 1 ELSE motcua_inbound_not_waiting() END FROM taken) AS inbound_taken`;
  return { cte, check };
}

/** One inbound portal dossier of a commune (any state). */
export async function findInbound(db: Executor, unitCode: string, portalId: string) {
  const [row] = await db
    .select()
    .from(inboundOnlineDossiers)
    .where(and(eq(inboundOnlineDossiers.unitCode, unitCode), eq(inboundOnlineDossiers.portalId, portalId)))
    .limit(1);
  return row;
}

/**
 * Refuses a waiting inbound dossier and puts the messages that tell the portal into the outbox, in ONE
 * statement: nothing is written when it is no longer waiting (taken or refused meanwhile: false).
 */
export async function refuseInbound(
  db: Executor,
  r: {
    unitCode: string;
    portalId: string;
    reason: string;
    by: string;
    at: Date;
    messages: OutboxRow[];
  },
): Promise<boolean> {
  const { p, params } = placeholders();
  const text = `WITH refused AS (
      UPDATE inbound_online_dossiers SET state = 'refused', refusal_reason = ${p(r.reason)}::text,
        handled_by = ${p(r.by)}::uuid, handled_at = ${p(r.at.toISOString())}::timestamptz
      WHERE unit_code = ${p(r.unitCode)} AND portal_id = ${p(r.portalId)} AND state = 'waiting'
      RETURNING portal_code AS code),
    ${outboxCte(p, r.unitCode, r.at, r.messages, { from: 'refused' })}
    SELECT (SELECT count(*) FROM refused) AS refused, (SELECT count(*) FROM messages) AS messages`;
  const result = (await executePrepared(db, 'motcua_inbound_refuse', { sql: text, params })) as {
    rows: Array<{ refused: number | string; messages: number | string }>;
  };
  const row = result.rows[0];
  if (!row || Number(row.refused) === 0) return false;
  if (Number(row.messages) !== r.messages.length)
    throw new Error(`refusal wrote ${row.messages} of ${r.messages.length} messages`);
  return true;
}

/** The portal's address of a dossier file uploaded before (portal_files), if any. */
export async function findUploadedFile(db: Executor, unitCode: string, fileId: string) {
  const [known] = await db
    .select({ url: portalFiles.url })
    .from(portalFiles)
    .where(and(eq(portalFiles.unitCode, unitCode), eq(portalFiles.fileId, fileId)))
    .limit(1);
  return known;
}

/** Keeps a file's portal address; of two deliveries racing on one file, the first kept is used after. */
export async function rememberUploadedFile(db: Executor, row: typeof portalFiles.$inferInsert) {
  await db.insert(portalFiles).values(row).onConflictDoNothing();
}
