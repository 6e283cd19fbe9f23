import { and, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { sessions, units, users } from '../../db/schema.ts';

export async function findUserByUsername(db: Executor, username: string) {
  const rows = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return rows[0];
}

export async function recordLoginFailure(
  db: Executor,
  userId: string,
  maxFailures: number,
  lockSeconds: number,
) {
  await db
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: sql`CASE WHEN ${users.failedLogins} + 1 >= ${maxFailures}
        THEN now() + make_interval(secs => ${lockSeconds}) ELSE ${users.lockedUntil} END`,
    })
    .where(eq(users.id, userId));
}

export async function resetLoginFailures(db: Executor, userId: string) {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function insertSession(db: Executor, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

export async function deleteSession(db: Executor, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** The active user behind a session token hash, with the unit they belong to. */
export async function findSessionUser(db: Executor, tokenHash: string, now: Date) {
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      role: users.role,
      unitCode: users.unitCode,
      unitName: units.name,
      unitLevel: units.level,
      unitParent: units.parentCode,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(units, eq(units.code, users.unitCode))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.isActive, true)))
    .limit(1);
  return rows[0];
}

/** Active staff of one commune (optionally of one role), by name; only what a picker shows. */
export async function listUnitStaff(
  db: Executor,
  unitCode: string,
  role?: (typeof users.$inferSelect)['role'],
) {
  return db
    .select({ username: users.username, fullName: users.fullName, role: users.role })
    .from(users)
    .where(
      and(eq(users.unitCode, unitCode), eq(users.isActive, true), role ? eq(users.role, role) : undefined),
    )
    .orderBy(users.fullName, users.username);
}
