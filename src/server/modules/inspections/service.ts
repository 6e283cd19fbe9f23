import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { actorOf, recordSecurityEvent } from '../audit/security.ts';
import type { AuthUser } from '../identity/types.ts';
import { communeFor } from '../registers/scope.ts';
import { hasOwnTasks, INSPECTORS } from './policy.ts';
import * as repo from './repository.ts';
import type { InspectionBody } from './schemas.ts';

/**
 * Records an inspection of a commune with its follow-up tasks, which appear in their owners' work
 * queue until done. Every owner must be an officer of that commune; nothing is written otherwise.
 */
export async function recordInspection(
  ctx: AppContext,
  user: AuthUser,
  unitCode: string,
  body: InspectionBody,
) {
  if (!INSPECTORS.includes(user.role)) throw new AppError('FORBIDDEN');
  const unit = await communeFor(ctx, user, unitCode);
  const owners = await repo.findUnitUserIds(ctx.db, unit.code, [...new Set(body.tasks.map((t) => t.owner))]);
  const errors: FieldError[] = [];
  for (const [i, t] of body.tasks.entries()) {
    if (!owners.has(t.owner))
      errors.push({ path: `tasks.${i}.owner`, message: `Không có cán bộ ${t.owner} ở ${unit.fullName}` });
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', undefined, errors);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await repo.insertInspection(
      tx,
      {
        unitCode: unit.code,
        id,
        day: body.day,
        participants: body.participants,
        findings: body.findings,
        directions: body.directions,
        createdBy: user.id,
        createdAt: ctx.now(),
      },
      body.tasks.map((t) => ({
        unitCode: unit.code,
        id: randomUUID(),
        inspectionId: id,
        title: t.title,
        ownerId: owners.get(t.owner) ?? '',
        dueDate: t.dueDate,
      })),
    );
    await recordSecurityEvent(tx, {
      action: 'inspection_recorded',
      unitCode: unit.code,
      actor: actorOf(user),
      data: { inspectionId: id, day: body.day, tasks: body.tasks.length },
      at: ctx.now(),
    });
  });
  return { id, tasks: body.tasks.length };
}

/** A commune's inspection records, newest first, each with its tasks. */
export async function listCommuneInspections(ctx: AppContext, user: AuthUser, unitCode: string | undefined) {
  const unit = await communeFor(ctx, user, unitCode);
  const [list, tasks] = await Promise.all([
    repo.listInspections(ctx.db, unit.code),
    repo.listTasksWithOwners(ctx.db, unit.code),
  ]);
  return list.map((i) => ({
    id: i.id,
    day: i.day,
    participants: i.participants,
    findings: i.findings,
    directions: i.directions,
    tasks: tasks
      .filter((t) => t.task.inspectionId === i.id)
      .map((t) => ({
        id: t.task.id,
        title: t.task.title,
        owner: t.owner,
        ownerName: t.ownerName,
        dueDate: t.task.dueDate,
        doneAt: t.task.doneAt?.toISOString() ?? null,
      })),
  }));
}

/** The signed-in officer's open follow-up tasks. */
export async function listMyTasks(ctx: AppContext, user: AuthUser) {
  if (!hasOwnTasks(user) || user.scope.kind !== 'unit') return [];
  const rows = await repo.listOpenTasksOf(ctx.db, user.scope.unitCode, user.id);
  return rows.map((t) => ({ id: t.id, title: t.title, dueDate: t.dueDate }));
}

export async function completeTask(ctx: AppContext, user: AuthUser, taskId: string) {
  if (!hasOwnTasks(user) || user.scope.kind !== 'unit') throw new AppError('FORBIDDEN');
  const unitCode = user.scope.unitCode;
  await ctx.db.transaction(async (tx) => {
    const closed = await repo.closeTask(tx, unitCode, taskId, user.id, ctx.now());
    if (!closed) throw new AppError('NOT_FOUND', 'Không có nhiệm vụ đang mở này của bạn');
    await recordSecurityEvent(tx, {
      action: 'inspection_task_done',
      unitCode,
      actor: actorOf(user),
      data: { taskId },
      at: ctx.now(),
    });
  });
}
