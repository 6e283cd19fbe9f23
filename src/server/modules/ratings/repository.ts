/*
 * All SQL of ratings: `dossier_ratings` (the citizen portal's ratings and the counter's, one per dossier
 * or per served queue ticket) and `rating_invitations` (the tokens handed to the counter's tablet or
 * printed as a QR). Reads of dossiers, queue tickets and users are read-only lookups.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { dossierRatings, ratingInvitations } from '../../db/schema.ts';

export async function findRating(db: Executor, unitCode: string, code: string) {
  const rows = await db
    .select()
    .from(dossierRatings)
    .where(and(eq(dossierRatings.unitCode, unitCode), eq(dossierRatings.dossierCode, code)))
    .limit(1);
  return rows[0];
}

/** Stores the rating unless its dossier or ticket has one already; true when stored. */
export async function insertRating(db: Executor, row: typeof dossierRatings.$inferInsert) {
  const inserted = await db
    .insert(dossierRatings)
    .values(row)
    .onConflictDoNothing()
    .returning({ rating: dossierRatings.rating });
  return inserted.length === 1;
}

/** Whether the visit (its dossier or its ticket) was rated already. */
export async function visitRated(
  db: Executor,
  unitCode: string,
  dossierCode: string | null,
  ticketId: string | null,
): Promise<boolean> {
  const result = await db.execute(sql`
    SELECT 1 FROM dossier_ratings
    WHERE (${dossierCode}::text IS NOT NULL AND unit_code = ${unitCode} AND dossier_code = ${dossierCode})
       OR (${ticketId}::uuid IS NOT NULL AND ticket_id = ${ticketId}::uuid)
    LIMIT 1`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}

export async function insertInvitation(db: Executor, row: typeof ratingInvitations.$inferInsert) {
  await db.insert(ratingInvitations).values(row);
}

export async function findInvitation(db: Executor, tokenHash: string) {
  const rows = await db
    .select()
    .from(ratingInvitations)
    .where(eq(ratingInvitations.tokenHash, tokenHash))
    .limit(1);
  return rows[0];
}

/** Forgets invitations expired more than a day ago (called when a new one is made). */
export async function pruneInvitations(db: Executor, before: Date) {
  await db.execute(
    sql`DELETE FROM rating_invitations WHERE expires_at < ${before.toISOString()}::timestamptz`,
  );
}

/** A dossier of the commune (who received it): read-only. */
export async function findDossier(db: Executor, unitCode: string, code: string) {
  const result = await db.execute(sql`
    SELECT code, received_by FROM dossiers WHERE unit_code = ${unitCode} AND code = ${code} LIMIT 1`);
  const row = (result as unknown as { rows: Array<{ code: string; received_by: string | null }> }).rows[0];
  return row ? { code: row.code, receivedBy: row.received_by } : undefined;
}

/** A queue ticket of the commune (its state, who finished it, the dossier it became): read-only. */
export async function findTicket(db: Executor, unitCode: string, id: string) {
  const result = await db.execute(sql`
    SELECT id, status, finished_by, dossier_code FROM queue_tickets
    WHERE unit_code = ${unitCode} AND id = ${id}::uuid LIMIT 1`);
  const row = (
    result as unknown as {
      rows: Array<{ id: string; status: string; finished_by: string | null; dossier_code: string | null }>;
    }
  ).rows[0];
  return row
    ? { id: row.id, status: row.status, finishedBy: row.finished_by, dossierCode: row.dossier_code }
    : undefined;
}

export interface CountRow {
  officer_id: string | null;
  full_name: string | null;
  channel: 'online' | 'counter';
  rating: 'very_satisfied' | 'satisfied' | 'dissatisfied';
  n: string | number;
}

/** Ratings of a commune given in [start, end), counted by officer, channel and level. */
export async function countRatings(
  db: Executor,
  unitCode: string,
  start: Date,
  end: Date,
): Promise<CountRow[]> {
  const result = await db.execute(sql`
    SELECT r.officer_id, u.full_name, r.channel, r.rating, count(*) AS n
    FROM dossier_ratings r
    LEFT JOIN users u ON u.id = r.officer_id
    WHERE r.unit_code = ${unitCode}
      AND r.rated_at >= ${start.toISOString()}::timestamptz AND r.rated_at < ${end.toISOString()}::timestamptz
    GROUP BY r.officer_id, u.full_name, r.channel, r.rating`);
  return (result as unknown as { rows: CountRow[] }).rows;
}

export interface ReasonRow {
  rating: 'very_satisfied' | 'satisfied' | 'dissatisfied';
  comment: string;
  rated_at: Date | string;
  channel: 'online' | 'counter';
  full_name: string | null;
}

/** The reasons citizens wrote with their ratings in [start, end), newest first (one officer's, if named). */
export async function listReasons(
  db: Executor,
  unitCode: string,
  start: Date,
  end: Date,
  opts: { officerId?: string; limit: number },
): Promise<ReasonRow[]> {
  const officer = opts.officerId ?? null;
  const result = await db.execute(sql`
    SELECT r.rating, r.comment, r.rated_at, r.channel, u.full_name
    FROM dossier_ratings r
    LEFT JOIN users u ON u.id = r.officer_id
    WHERE r.unit_code = ${unitCode}
      AND r.rated_at >= ${start.toISOString()}::timestamptz AND r.rated_at < ${end.toISOString()}::timestamptz
      AND r.comment IS NOT NULL AND r.comment <> ''
      AND (${officer}::uuid IS NULL OR r.officer_id = ${officer}::uuid)
    ORDER BY r.rated_at DESC, r.comment
    LIMIT ${opts.limit}`);
  return (result as unknown as { rows: ReasonRow[] }).rows;
}
