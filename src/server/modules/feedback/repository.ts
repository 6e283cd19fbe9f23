/*
 * All SQL of feedback: `feedback_items` (citizens' feedback and petitions, their handling steps and
 * rating). Reads of dossiers (does a code exist in the commune) and users (officers' names) are
 * read-only lookups.
 */
import { and, desc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { FeedbackStatus } from '../../../domain/feedback/feedback.ts';
import type { Executor } from '../../db/client.ts';
import { feedbackItems, users } from '../../db/schema.ts';

export type FeedbackRow = typeof feedbackItems.$inferSelect;

/** Stores a new item; false when its code is taken already (the caller draws another). */
export async function insertItem(db: Executor, row: typeof feedbackItems.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(feedbackItems)
    .values(row)
    .onConflictDoNothing()
    .returning({ code: feedbackItems.code });
  return inserted.length === 1;
}

export async function findItem(db: Executor, unitCode: string, code: string) {
  const rows = await db
    .select()
    .from(feedbackItems)
    .where(and(eq(feedbackItems.unitCode, unitCode), eq(feedbackItems.code, code)))
    .limit(1);
  return rows[0];
}

/** The names of the officers who took the steps (read-only). */
export async function officerNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

/** The commune's feedback, newest first (at most `limit`). */
export async function listItems(
  db: Executor,
  unitCode: string,
  status: FeedbackStatus | undefined,
  limit: number,
) {
  return db
    .select()
    .from(feedbackItems)
    .where(and(eq(feedbackItems.unitCode, unitCode), status ? eq(feedbackItems.status, status) : undefined))
    .orderBy(desc(feedbackItems.submittedAt))
    .limit(limit);
}

/**
 * Moves the item from one of `from` to its next status with the step's columns, in one statement: the
 * status in the WHERE clause makes two officers acting at once take the step once. True when moved.
 */
export async function moveItem(
  db: Executor,
  unitCode: string,
  code: string,
  from: readonly FeedbackStatus[],
  set: Partial<typeof feedbackItems.$inferInsert>,
  onlyFirstInfoRequest = false,
): Promise<boolean> {
  const moved = await db
    .update(feedbackItems)
    .set(set)
    .where(
      and(
        eq(feedbackItems.unitCode, unitCode),
        eq(feedbackItems.code, code),
        inArray(feedbackItems.status, [...from]),
        onlyFirstInfoRequest ? isNull(feedbackItems.infoRequestedAt) : undefined,
      ),
    )
    .returning({ code: feedbackItems.code });
  return moved.length === 1;
}

/** Stores the citizen's one rating of a published answer; true when stored. */
export async function rateItem(
  db: Executor,
  unitCode: string,
  code: string,
  rating: 'satisfied' | 'dissatisfied',
  at: Date,
): Promise<boolean> {
  const rated = await db
    .update(feedbackItems)
    .set({ rating, ratedAt: at })
    .where(
      and(
        eq(feedbackItems.unitCode, unitCode),
        eq(feedbackItems.code, code),
        eq(feedbackItems.status, 'published'),
        isNull(feedbackItems.rating),
      ),
    )
    .returning({ code: feedbackItems.code });
  return rated.length === 1;
}

/** Whether a dossier with this code was received by the commune (read-only). */
export async function dossierExists(db: Executor, unitCode: string, code: string): Promise<boolean> {
  const result = await db.execute(
    sql`SELECT 1 FROM dossiers WHERE unit_code = ${unitCode} AND code = ${code} LIMIT 1`,
  );
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}

/**
 * The items of the communes that matter to a period [start, end): submitted before its end and not
 * ended (refused, published) before its start, or rated in it.
 */
export async function itemsForPeriod(db: Executor, unitCodes: string[], start: Date, end: Date) {
  if (unitCodes.length === 0) return [];
  return db
    .select()
    .from(feedbackItems)
    .where(
      and(
        inArray(feedbackItems.unitCode, unitCodes),
        lt(feedbackItems.submittedAt, end),
        or(
          and(isNull(feedbackItems.refusedAt), isNull(feedbackItems.publishedAt)),
          gte(feedbackItems.refusedAt, start),
          gte(feedbackItems.publishedAt, start),
          gte(feedbackItems.ratedAt, start),
        ),
      ),
    );
}
