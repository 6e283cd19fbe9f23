import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { ResultBook } from '../../../domain/results/templates.ts';
import type { Executor } from '../../db/client.ts';
import { consultations, equipment, resultRegisterEntries, staff, trainings } from '../../db/schema.ts';

/* All SQL of the registers: staff, trainings, equipment and consultations of a commune. */

export function listActiveStaff(db: Executor, unitCode: string) {
  return db
    .select()
    .from(staff)
    .where(and(eq(staff.unitCode, unitCode), eq(staff.isActive, true)))
    .orderBy(asc(staff.orgUnit), asc(staff.fullName));
}

/** Ids of the commune's people with at least one training that covers the one-stop mechanism. */
export async function findOneStopTrainedIds(db: Executor, unitCode: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ staffId: trainings.staffId })
    .from(trainings)
    .where(and(eq(trainings.unitCode, unitCode), eq(trainings.coversOneStop, true)));
  return new Set(rows.map((r) => r.staffId));
}

export function findStaffByPersonalIds(db: Executor, unitCode: string, personalIds: string[]) {
  return db
    .select({ personalId: staff.personalId, fullName: staff.fullName })
    .from(staff)
    .where(and(eq(staff.unitCode, unitCode), inArray(staff.personalId, personalIds)));
}

export async function insertStaff(db: Executor, rows: Array<typeof staff.$inferInsert>) {
  for (let i = 0; i < rows.length; i += 200) await db.insert(staff).values(rows.slice(i, i + 200));
}

export async function findStaffMember(db: Executor, unitCode: string, id: string) {
  const rows = await db
    .select()
    .from(staff)
    .where(and(eq(staff.unitCode, unitCode), eq(staff.id, id)))
    .limit(1);
  return rows[0];
}

export async function insertTraining(db: Executor, row: typeof trainings.$inferInsert) {
  await db.insert(trainings).values(row);
}

export function listTrainings(db: Executor, unitCode: string, staffId?: string) {
  return db
    .select({
      id: trainings.id,
      staffId: trainings.staffId,
      fullName: staff.fullName,
      course: trainings.course,
      day: trainings.day,
      hours: trainings.hours,
      coversOneStop: trainings.coversOneStop,
    })
    .from(trainings)
    .innerJoin(staff, and(eq(staff.unitCode, trainings.unitCode), eq(staff.id, trainings.staffId)))
    .where(and(eq(trainings.unitCode, unitCode), staffId ? eq(trainings.staffId, staffId) : undefined))
    .orderBy(desc(trainings.day), asc(staff.fullName));
}

export function listEquipment(db: Executor, unitCode: string) {
  return db
    .select()
    .from(equipment)
    .where(eq(equipment.unitCode, unitCode))
    .orderBy(asc(equipment.kind), asc(equipment.name));
}

export async function insertEquipment(db: Executor, row: typeof equipment.$inferInsert) {
  await db.insert(equipment).values(row);
}

export function listConsultations(db: Executor, unitCode: string, from: Date, to: Date) {
  return db
    .select()
    .from(consultations)
    .where(and(eq(consultations.unitCode, unitCode), gte(consultations.at, from), lt(consultations.at, to)))
    .orderBy(asc(consultations.at));
}

export async function insertConsultation(db: Executor, row: typeof consultations.$inferInsert) {
  await db.insert(consultations).values(row);
}

/*
 * The registers of results of results the commune issues (sổ chứng thực bản sao, sổ chứng thực chữ ký,
 * XNTTHN, trích lục): entries numbered from 1 each calendar year per book. The entry is written by
 * issue_result in the dossier's transaction (modules/result-drafts/issue.ts).
 */

export type ResultRegisterEntry = typeof resultRegisterEntries.$inferSelect;

/**
 * The next number of a book's year. Two results issued at the same instant in one book compute the same
 * number: the second insert breaks the primary key, its transaction rolls back and the officer is asked
 * to try again (DOSSIER_CONFLICT), so the book never has a gap or a duplicate.
 */
export async function nextResultNumber(db: Executor, unitCode: string, book: ResultBook, year: number) {
  const rows = await db
    .select({ n: sql<number>`coalesce(max(${resultRegisterEntries.number}), 0)::int` })
    .from(resultRegisterEntries)
    .where(
      and(
        eq(resultRegisterEntries.unitCode, unitCode),
        eq(resultRegisterEntries.book, book),
        eq(resultRegisterEntries.year, year),
      ),
    );
  return Number(rows[0]?.n ?? 0) + 1;
}

export async function insertResultEntry(db: Executor, entry: typeof resultRegisterEntries.$inferInsert) {
  await db.insert(resultRegisterEntries).values(entry);
}

export function listResultEntries(db: Executor, unitCode: string, book: ResultBook, year: number) {
  return db
    .select()
    .from(resultRegisterEntries)
    .where(
      and(
        eq(resultRegisterEntries.unitCode, unitCode),
        eq(resultRegisterEntries.book, book),
        eq(resultRegisterEntries.year, year),
      ),
    )
    .orderBy(asc(resultRegisterEntries.number));
}

export async function findResultEntryOf(db: Executor, unitCode: string, dossierCode: string) {
  const rows = await db
    .select()
    .from(resultRegisterEntries)
    .where(
      and(eq(resultRegisterEntries.unitCode, unitCode), eq(resultRegisterEntries.dossierCode, dossierCode)),
    )
    .limit(1);
  return rows[0];
}
