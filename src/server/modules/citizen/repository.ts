import { and, desc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  citizenDrafts,
  citizenLogins,
  citizenSessions,
  dossierFiles,
  dossierPauses,
  dossiers,
} from '../../db/schema.ts';

export async function insertLogin(db: Executor, row: typeof citizenLogins.$inferInsert, now: Date) {
  // Attempts that were never finished are of no use a day later.
  await db.delete(citizenLogins).where(lt(citizenLogins.expiresAt, new Date(now.getTime() - 86_400_000)));
  await db.insert(citizenLogins).values(row);
}

/** Marks a sign-in attempt used and returns it; undefined when unknown, `used` when it was used before. */
export async function takeLogin(db: Executor, state: string, now: Date) {
  const taken = await db
    .update(citizenLogins)
    .set({ usedAt: now })
    .where(and(eq(citizenLogins.state, state), isNull(citizenLogins.usedAt)))
    .returning();
  if (taken[0]) return { kind: 'taken' as const, login: taken[0] };
  const known = await db
    .select({ state: citizenLogins.state })
    .from(citizenLogins)
    .where(and(eq(citizenLogins.state, state), isNotNull(citizenLogins.usedAt)))
    .limit(1);
  return known[0] ? { kind: 'used' as const } : undefined;
}

export async function insertSession(db: Executor, row: typeof citizenSessions.$inferInsert) {
  await db.delete(citizenSessions).where(lt(citizenSessions.expiresAt, row.createdAt));
  await db.insert(citizenSessions).values(row);
}

export async function findSession(db: Executor, tokenHash: string, now: Date) {
  const rows = await db
    .select()
    .from(citizenSessions)
    .where(and(eq(citizenSessions.tokenHash, tokenHash), sql`${citizenSessions.expiresAt} > ${now}`))
    .limit(1);
  return rows[0];
}

export async function deleteSession(db: Executor, tokenHash: string) {
  await db.delete(citizenSessions).where(eq(citizenSessions.tokenHash, tokenHash));
}

export async function saveDraft(
  db: Executor,
  subject: string,
  procedureCode: string,
  data: Record<string, unknown>,
  now: Date,
) {
  await db
    .insert(citizenDrafts)
    .values({ subject, procedureCode, data, updatedAt: now })
    .onConflictDoUpdate({
      target: [citizenDrafts.subject, citizenDrafts.procedureCode],
      set: { data, updatedAt: now },
    });
}

export async function findDraft(db: Executor, subject: string, procedureCode: string) {
  const rows = await db
    .select()
    .from(citizenDrafts)
    .where(and(eq(citizenDrafts.subject, subject), eq(citizenDrafts.procedureCode, procedureCode)))
    .limit(1);
  return rows[0];
}

export async function deleteDraft(db: Executor, subject: string, procedureCode: string) {
  await db
    .delete(citizenDrafts)
    .where(and(eq(citizenDrafts.subject, subject), eq(citizenDrafts.procedureCode, procedureCode)));
}

/** A citizen's dossiers, newest first (across communes: read by the citizen's subject only). */
export async function listCitizenDossiers(db: Executor, subject: string, limit: number) {
  return db
    .select({
      unitCode: dossiers.unitCode,
      code: dossiers.code,
      procedureCode: dossiers.procedureCode,
      status: dossiers.status,
      subState: dossiers.subState,
      receivedAt: dossiers.receivedAt,
      dueAt: dossiers.dueAt,
    })
    .from(dossiers)
    .where(eq(dossiers.citizenSubject, subject))
    .orderBy(desc(dossiers.receivedAt))
    .limit(limit);
}

/** The dossier when it was filed by this citizen; undefined otherwise (another's is not found). */
export async function findCitizenDossier(db: Executor, unitCode: string, code: string, subject: string) {
  const rows = await db
    .select()
    .from(dossiers)
    .where(
      and(eq(dossiers.unitCode, unitCode), eq(dossiers.code, code), eq(dossiers.citizenSubject, subject)),
    )
    .limit(1);
  return rows[0];
}

export async function listFiles(db: Executor, unitCode: string, code: string) {
  return db
    .select()
    .from(dossierFiles)
    .where(and(eq(dossierFiles.unitCode, unitCode), eq(dossierFiles.dossierCode, code)));
}

export async function insertFiles(db: Executor, rows: Array<typeof dossierFiles.$inferInsert>) {
  if (rows.length) await db.insert(dossierFiles).values(rows);
}

export async function openPause(db: Executor, unitCode: string, code: string) {
  const rows = await db
    .select()
    .from(dossierPauses)
    .where(
      and(
        eq(dossierPauses.unitCode, unitCode),
        eq(dossierPauses.dossierCode, code),
        isNull(dossierPauses.toAt),
      ),
    )
    .orderBy(desc(dossierPauses.seq))
    .limit(1);
  return rows[0];
}

// The ratings table is the ratings module's (one per dossier or served ticket, online or at the counter).
export { findRating, insertRating } from '../ratings/repository.ts';
