import { and, desc, eq, gt, inArray, lte, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { loginDevices, loginThrottle, sessions, units, users } from '../../db/schema.ts';

/** Full names of users by id (the ones that exist). */
export async function fullNamesOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

export async function findUserByUsername(db: Executor, username: string) {
  const rows = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return rows[0];
}

/**
 * Takes one wrong-password slot of a lock-out bucket, atomically, before the password is checked:
 * false when the bucket is full until its window ends. The conditional upsert locks the row on
 * PostgreSQL, so concurrent attempts cannot all read "room left". A window starts at the first
 * failure; the failure that fills the bucket starts the full lock from that moment; an expired row
 * starts over.
 */
export async function reserveLoginAttempt(
  db: Executor,
  key: string,
  max: number,
  lockSeconds: number,
  now: Date,
): Promise<boolean> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const lockEnd = new Date(now.getTime() + lockSeconds * 1000);
  const expired = sql`${loginThrottle.resetsAt} <= ${at}`;
  const rows = await db
    .insert(loginThrottle)
    .values({ key, failures: 1, resetsAt: lockEnd })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`CASE WHEN ${expired} THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
        resetsAt: sql`CASE WHEN ${expired} OR ${loginThrottle.failures} + 1 >= ${max}
          THEN ${lockEnd.toISOString()}::timestamptz ELSE ${loginThrottle.resetsAt} END`,
      },
      setWhere: sql`${expired} OR ${loginThrottle.failures} < ${max}`,
    })
    .returning({ failures: loginThrottle.failures });
  return rows.length === 1;
}

/** When a full bucket opens again (undefined when it has no row). */
export async function findThrottleResetsAt(db: Executor, key: string): Promise<Date | undefined> {
  const rows = await db
    .select({ resetsAt: loginThrottle.resetsAt })
    .from(loginThrottle)
    .where(eq(loginThrottle.key, key));
  return rows[0]?.resetsAt;
}

/** A right password empties its own bucket. */
export async function clearLoginThrottle(db: Executor, key: string) {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

/** Gives back a slot taken by an attempt whose password was right (shared buckets only). */
export async function releaseLoginAttempt(db: Executor, key: string) {
  await db
    .update(loginThrottle)
    .set({ failures: sql`${loginThrottle.failures} - 1` })
    .where(and(eq(loginThrottle.key, key), gt(loginThrottle.failures, 0)));
}

/**
 * Deletes up to `limit` rows whose window has ended (they count as absent anyway), so attempts on
 * made-up usernames do not pile up. Rows another sign-in holds are skipped: waiting for them could
 * deadlock with that sign-in's next bucket.
 */
export async function purgeExpiredThrottle(db: Executor, now: Date, limit: number) {
  const stale = db
    .select({ key: loginThrottle.key })
    .from(loginThrottle)
    .where(lte(loginThrottle.resetsAt, now))
    .limit(limit)
    .for('update', { skipLocked: true });
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, stale));
}

/** Of the presented device token hashes, the one trusted for this active user, if any. */
export async function findTrustedDevice(db: Executor, tokenHashes: string[], username: string, now: Date) {
  if (tokenHashes.length === 0) return undefined;
  const rows = await db
    .select({ tokenHash: loginDevices.tokenHash })
    .from(loginDevices)
    .innerJoin(users, eq(users.id, loginDevices.userId))
    .where(
      and(
        inArray(loginDevices.tokenHash, tokenHashes),
        eq(users.username, username),
        eq(users.isActive, true),
        gt(loginDevices.expiresAt, now),
      ),
    )
    .limit(1);
  return rows[0]?.tokenHash;
}

/** Records (or renews) a trusted device and forgets the user's expired and oldest ones beyond `keep`. */
export async function saveDevice(db: Executor, row: typeof loginDevices.$inferInsert, keep: number) {
  await db
    .insert(loginDevices)
    .values(row)
    .onConflictDoUpdate({
      target: loginDevices.tokenHash,
      set: { usedAt: row.usedAt, expiresAt: row.expiresAt },
    });
  const kept = db
    .select({ tokenHash: loginDevices.tokenHash })
    .from(loginDevices)
    .where(and(eq(loginDevices.userId, row.userId), gt(loginDevices.expiresAt, row.usedAt)))
    .orderBy(desc(loginDevices.usedAt))
    .limit(keep);
  await db
    .delete(loginDevices)
    .where(and(eq(loginDevices.userId, row.userId), notInArray(loginDevices.tokenHash, kept)));
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
