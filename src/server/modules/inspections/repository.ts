import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { inspections, inspectionTasks, users } from '../../db/schema.ts';

/** Usernames of a commune's staff → their ids, for the owners named in an inspection's tasks. */
export async function findUnitUserIds(db: Executor, unitCode: string, usernames: string[]) {
  if (usernames.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(eq(users.unitCode, unitCode), inArray(users.username, usernames)));
  return new Map(rows.map((r) => [r.username, r.id]));
}

export async function insertInspection(
  db: Executor,
  row: typeof inspections.$inferInsert,
  tasks: Array<typeof inspectionTasks.$inferInsert>,
) {
  await db.insert(inspections).values(row);
  if (tasks.length) await db.insert(inspectionTasks).values(tasks);
}

export function listInspections(db: Executor, unitCode: string) {
  return db
    .select()
    .from(inspections)
    .where(eq(inspections.unitCode, unitCode))
    .orderBy(desc(inspections.day));
}

export function listTasksWithOwners(db: Executor, unitCode: string) {
  return db
    .select({ task: inspectionTasks, owner: users.username, ownerName: users.fullName })
    .from(inspectionTasks)
    .leftJoin(users, eq(users.id, inspectionTasks.ownerId))
    .where(eq(inspectionTasks.unitCode, unitCode))
    .orderBy(asc(inspectionTasks.dueDate));
}

export function listOpenTasksOf(db: Executor, unitCode: string, ownerId: string) {
  return db
    .select()
    .from(inspectionTasks)
    .where(
      and(
        eq(inspectionTasks.unitCode, unitCode),
        eq(inspectionTasks.ownerId, ownerId),
        isNull(inspectionTasks.doneAt),
      ),
    )
    .orderBy(asc(inspectionTasks.dueDate));
}

/** Closes an open task of its owner; false when there is no such open task. */
export async function closeTask(db: Executor, unitCode: string, id: string, ownerId: string, at: Date) {
  const done = await db
    .update(inspectionTasks)
    .set({ doneAt: at })
    .where(
      and(
        eq(inspectionTasks.unitCode, unitCode),
        eq(inspectionTasks.id, id),
        eq(inspectionTasks.ownerId, ownerId),
        isNull(inspectionTasks.doneAt),
      ),
    )
    .returning({ id: inspectionTasks.id });
  return done.length > 0;
}
