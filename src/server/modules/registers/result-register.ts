import { and, asc, eq, sql } from 'drizzle-orm';
import type { ResultBook } from '../../../domain/results/templates.ts';
import type { Executor } from '../../db/client.ts';
import { resultRegisterEntries } from '../../db/schema.ts';

/*
 * SQL of the registers of results the commune issues (sổ chứng thực bản sao, sổ chứng thực chữ ký,
 * XNTTHN, trích lục): entries numbered from 1 each calendar year per book. The entry is written by
 * issue_result in the dossier's transaction (modules/result-drafts/issue.ts).
 */

export type ResultRegisterEntry = typeof resultRegisterEntries.$inferSelect;

/**
 * The next number of a book's year. Two results issued at the same instant in one book compute the same
 * number: the second insert breaks the primary key, its transaction rolls back and the officer is asked
 * to try again (DOSSIER_CONFLICT), so the book never has a gap or a duplicate.
 */
export async function nextNumber(db: Executor, unitCode: string, book: ResultBook, year: number) {
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

export async function insertEntry(db: Executor, entry: typeof resultRegisterEntries.$inferInsert) {
  await db.insert(resultRegisterEntries).values(entry);
}

export function listEntries(db: Executor, unitCode: string, book: ResultBook, year: number) {
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

export async function findEntryOf(db: Executor, unitCode: string, dossierCode: string) {
  const rows = await db
    .select()
    .from(resultRegisterEntries)
    .where(
      and(eq(resultRegisterEntries.unitCode, unitCode), eq(resultRegisterEntries.dossierCode, dossierCode)),
    )
    .limit(1);
  return rows[0];
}
