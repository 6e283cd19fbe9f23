/*
 * All SQL of notices: `notices` (a commune's or a province's notices and legal documents) and
 * `notice_files` (their PDF attachments, the bytes in the file store).
 */
import { and, asc, count, desc, eq, gt, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { noticeFiles, notices } from '../../db/schema.ts';

export type NoticeRow = typeof notices.$inferSelect;
export type NoticeFileRow = typeof noticeFiles.$inferSelect;

/** Shown to citizens at `now`: published, not taken down, not past its last day. */
function shownAt(now: Date): SQL {
  return and(
    isNull(notices.unpublishedAt),
    lte(notices.publishedAt, now),
    or(isNull(notices.expiresAt), gt(notices.expiresAt, now)),
  )!;
}

export async function insertNotice(
  db: Executor,
  row: typeof notices.$inferInsert,
  files: Array<typeof noticeFiles.$inferInsert>,
) {
  await db.insert(notices).values(row);
  if (files.length) await db.insert(noticeFiles).values(files);
}

/** The notice, locked for the edit that follows (in the caller's transaction). */
export async function lockNotice(db: Executor, unitCode: string, id: string): Promise<NoticeRow | undefined> {
  const rows = await db
    .select()
    .from(notices)
    .where(and(eq(notices.unitCode, unitCode), eq(notices.id, id)))
    .for('update');
  return rows[0];
}

export async function findNotice(db: Executor, unitCode: string, id: string): Promise<NoticeRow | undefined> {
  const rows = await db
    .select()
    .from(notices)
    .where(and(eq(notices.unitCode, unitCode), eq(notices.id, id)))
    .limit(1);
  return rows[0];
}

/** The notice if citizens see it at `now`. */
export async function findShownNotice(db: Executor, unitCode: string, id: string, now: Date) {
  const rows = await db
    .select()
    .from(notices)
    .where(and(eq(notices.unitCode, unitCode), eq(notices.id, id), shownAt(now)))
    .limit(1);
  return rows[0];
}

/** Writes the edited fields when the version is still `expectedVersion`; false when it is not. */
export async function updateNotice(
  db: Executor,
  unitCode: string,
  id: string,
  expectedVersion: number,
  set: Partial<typeof notices.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(notices)
    .set({ ...set, version: expectedVersion + 1 })
    .where(and(eq(notices.unitCode, unitCode), eq(notices.id, id), eq(notices.version, expectedVersion)))
    .returning({ id: notices.id });
  return rows.length === 1;
}

export async function insertFiles(db: Executor, files: Array<typeof noticeFiles.$inferInsert>) {
  if (files.length) await db.insert(noticeFiles).values(files);
}

/** Removes the named files of a notice; how many were removed. */
export async function deleteFiles(db: Executor, unitCode: string, noticeId: string, ids: string[]) {
  if (!ids.length) return 0;
  const rows = await db
    .delete(noticeFiles)
    .where(
      and(
        eq(noticeFiles.unitCode, unitCode),
        eq(noticeFiles.noticeId, noticeId),
        inArray(noticeFiles.id, ids),
      ),
    )
    .returning({ id: noticeFiles.id });
  return rows.length;
}

/** The attachments of the given notices of the given units, oldest first. */
export async function filesOf(db: Executor, unitCodes: string[], noticeIds: string[]) {
  if (!noticeIds.length) return [];
  return db
    .select()
    .from(noticeFiles)
    .where(and(inArray(noticeFiles.unitCode, unitCodes), inArray(noticeFiles.noticeId, noticeIds)))
    .orderBy(asc(noticeFiles.createdAt), asc(noticeFiles.fileName));
}

export async function findFile(db: Executor, unitCode: string, noticeId: string, fileId: string) {
  const rows = await db
    .select()
    .from(noticeFiles)
    .where(
      and(eq(noticeFiles.unitCode, unitCode), eq(noticeFiles.noticeId, noticeId), eq(noticeFiles.id, fileId)),
    )
    .limit(1);
  return rows[0];
}

/** A page of the notices citizens see at `now` of the given units (a commune and its province), newest first. */
export async function listShown(
  db: Executor,
  unitCodes: string[],
  now: Date,
  opts: { kind?: NoticeRow['kind']; offset: number; limit: number },
): Promise<{ rows: NoticeRow[]; total: number }> {
  const where = and(
    inArray(notices.unitCode, unitCodes),
    shownAt(now),
    opts.kind ? eq(notices.kind, opts.kind) : undefined,
  );
  const rows = await db
    .select()
    .from(notices)
    .where(where)
    .orderBy(desc(notices.publishedAt), desc(notices.id))
    .limit(opts.limit)
    .offset(opts.offset);
  const [total] = await db.select({ n: count() }).from(notices).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Every notice of a unit, taken down and expired ones too (the staff page), newest first. */
export async function listAll(db: Executor, unitCode: string, limit: number) {
  return db
    .select()
    .from(notices)
    .where(eq(notices.unitCode, unitCode))
    .orderBy(desc(notices.publishedAt), desc(notices.id))
    .limit(limit);
}
