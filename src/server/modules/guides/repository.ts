import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { guides, procedures, trainingRegister } from '../../db/schema.ts';

/* All SQL of the guides and of the training register. */

export type GuideKind = 'intake' | 'step';
export type GuideRow = typeof guides.$inferSelect;

/** The current (highest) version of one guide. */
export async function currentGuide(
  db: Executor,
  kind: GuideKind,
  subject: string,
): Promise<GuideRow | undefined> {
  const rows = await db
    .select()
    .from(guides)
    .where(and(eq(guides.kind, kind), eq(guides.subject, subject)))
    .orderBy(desc(guides.version))
    .limit(1);
  return rows[0];
}

/** Every version of one guide, newest first. */
export async function guideVersions(db: Executor, kind: GuideKind, subject: string): Promise<GuideRow[]> {
  return db
    .select()
    .from(guides)
    .where(and(eq(guides.kind, kind), eq(guides.subject, subject)))
    .orderBy(desc(guides.version));
}

/** The current version of every guide of a kind. */
export async function currentGuides(db: Executor, kind: GuideKind): Promise<GuideRow[]> {
  const rows = await db
    .select()
    .from(guides)
    .where(
      and(
        eq(guides.kind, kind),
        sql`${guides.version} = (SELECT max(g2.version) FROM guides g2 WHERE g2.kind = ${guides.kind} AND g2.subject = ${guides.subject})`,
      ),
    )
    .orderBy(asc(guides.subject));
  return rows;
}

/** Adds a version; the primary key refuses a second writer of the same version number. */
export async function insertGuideVersion(db: Executor, row: typeof guides.$inferInsert) {
  await db.insert(guides).values(row);
}

/** Seeds version 1 of the guides that have none (a later edit is never overwritten). */
export async function seedGuideRows(db: Executor, rows: Array<typeof guides.$inferInsert>) {
  if (rows.length === 0) return;
  await db.insert(guides).values(rows).onConflictDoNothing();
}

export async function procedureName(db: Executor, code: string): Promise<string | undefined> {
  const rows = await db.select({ name: procedures.name }).from(procedures).where(eq(procedures.code, code));
  return rows[0]?.name;
}

export async function procedureNames(db: Executor): Promise<Map<string, string>> {
  const rows = await db.select({ code: procedures.code, name: procedures.name }).from(procedures);
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function insertTrainingEntry(db: Executor, row: typeof trainingRegister.$inferInsert) {
  await db.insert(trainingRegister).values(row);
}

/** Entries of the register: of one commune, one province, or everywhere; newest first. */
export async function trainingEntries(
  db: Executor,
  filter: { unitCode?: string; provinceCode?: string },
  limit = 500,
) {
  return db
    .select()
    .from(trainingRegister)
    .where(
      and(
        filter.unitCode ? eq(trainingRegister.unitCode, filter.unitCode) : undefined,
        filter.provinceCode ? eq(trainingRegister.provinceCode, filter.provinceCode) : undefined,
      ),
    )
    .orderBy(desc(trainingRegister.completedAt))
    .limit(limit);
}
