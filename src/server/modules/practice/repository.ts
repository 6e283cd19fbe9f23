import { and, eq, gte } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { auditEvents, dossiers, units, users } from '../../db/schema.ts';
import type { Role } from '../identity/types.ts';

/*
 * The practice center's SQL. Everything but the training register runs on the practice database
 * (center.ts opens it): the trainees' accounts, the demo staff who prepare an exercise, and what a
 * check reads of the trainee's work. The training register, the one write to the real database, is
 * the guides module's table.
 */

export { insertTrainingEntry, trainingEntries } from '../guides/repository.ts';

/** A practice account and its commune, by username. */
export async function findAccount(db: Executor, username: string) {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const [unit] = user?.unitCode ? await db.select().from(units).where(eq(units.code, user.unitCode)) : [];
  return { user, unit };
}

/** A trainee's account (kept if it exists already). */
export async function insertTrainee(db: Executor, row: typeof users.$inferInsert) {
  await db.insert(users).values(row).onConflictDoNothing();
}

/** The username of a demo officer of a role in a commune. */
export async function findDemoStaff(db: Executor, unitCode: string, role: Role) {
  const [u] = await db
    .select({ username: users.username })
    .from(users)
    .where(and(eq(users.unitCode, unitCode), eq(users.role, role), eq(users.isDemo, true)))
    .limit(1);
  return u?.username;
}

export async function findDossierByCode(db: Executor, code: string) {
  const [d] = await db.select().from(dossiers).where(eq(dossiers.code, code));
  return d;
}

/** Who returned a dossier (its audit events into status 10). */
export async function returnedBy(db: Executor, code: string) {
  const events = await db
    .select({ actor: auditEvents.actorUserId })
    .from(auditEvents)
    .where(and(eq(auditEvents.dossierCode, code), eq(auditEvents.toStatus, 10)));
  return events.map((e) => e.actor);
}

/** The dossiers an officer received since an instant. */
export function dossiersReceivedSince(db: Executor, userId: string, since: Date) {
  return db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.receivedBy, userId), gte(dossiers.receivedAt, since)));
}
