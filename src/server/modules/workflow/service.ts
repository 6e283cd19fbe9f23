import { randomUUID } from 'node:crypto';
import { dueForTimeLimit, type TimeLimit } from '../../../domain/calendar/time-limit.ts';
import { vnDateOf } from '../../../domain/calendar/vn-time.ts';
import { CALENDAR_YEARS, type WorkCalendar } from '../../../domain/calendar/work-calendar.ts';
import { type NationalStatus, type SubState, statusName } from '../../../domain/lifecycle/statuses.ts';
import { classifySettlement, deadlineState, shiftByPause } from '../../../domain/lifecycle/timeliness.ts';
import {
  type Action,
  type ActorRole,
  availableActions,
  decide,
  type LifecycleState,
  type RefusalCode,
  TRANSITIONS,
} from '../../../domain/lifecycle/transitions.ts';
import { defaultWorkflow, type WorkflowStep } from '../../../domain/lifecycle/workflow.ts';
import type { AppContext } from '../../context.ts';
import { isConcurrentWrite } from '../../db/errors.ts';
import { dossierFiles } from '../../db/schema.ts';
import { AppError, type AppErrorCode } from '../../errors.ts';
import { appendEvent, lastEvent } from '../audit/repository.ts';
import { decodeAttachments } from '../dossiers/attachments.ts';
import { unitOfCode } from '../dossiers/service.ts';
import type { AuthUser } from '../identity/types.ts';
import { scopeCovers } from '../identity/types.ts';
import * as repo from './repository.ts';
import type { ActionBody } from './schemas.ts';

/** National channel code of a dossier filed online (KenhThucHien 2, docs/domain-vn.md §8.2). */
const ONLINE_CHANNEL = 2;

/** Working minutes before the appointment from which a dossier counts as due soon (one working day). */
export const DUE_SOON_MINUTES = 480;

const REFUSALS: Record<RefusalCode, AppErrorCode> = {
  ILLEGAL_TRANSITION: 'ACTION_NOT_ALLOWED',
  ROLE_NOT_ALLOWED: 'ACTION_FORBIDDEN',
  REASON_REQUIRED: 'REASON_REQUIRED',
  ALREADY_RESCHEDULED: 'ALREADY_RESCHEDULED',
  NOT_DUE_YET: 'NOT_DUE_YET',
  NO_PREVIOUS_STEP: 'STEP_ORDER',
  NOT_LAST_STEP: 'STEP_ORDER',
  LAST_STEP: 'STEP_ORDER',
};

/** The unit a dossier belongs to, when the user may see it; otherwise the dossier does not exist for them. */
export async function dossierUnit(ctx: AppContext, user: AuthUser, code: string) {
  const unit = await unitOfCode(ctx, code);
  if (!unit || !scopeCovers(user.scope, unit.code, unit.parentCode ?? ''))
    throw new AppError('DOSSIER_NOT_FOUND');
  return unit;
}

export function stepsOf(row: repo.DossierRow): WorkflowStep[] {
  return (
    (row.workflow as WorkflowStep[] | null) ??
    defaultWorkflow(row.timeLimit as { amount: number; unit: 'working_days' })
  );
}

export function lifecycleState(row: repo.DossierRow, cal: WorkCalendar, now: Date): LifecycleState {
  return {
    status: row.status as NationalStatus,
    subState: row.subState as SubState,
    stepIndex: row.stepIndex,
    steps: stepsOf(row),
    rescheduled: row.rescheduledAt !== null,
    dueSoonOrOverdue: deadlineState(cal, now, row.dueAt, DUE_SOON_MINUTES) !== 'on_track',
  };
}

function actorRole(user: AuthUser): ActorRole {
  if (user.role === 'reception' || user.role === 'specialist' || user.role === 'leader') return user.role;
  throw new AppError('ACTION_FORBIDDEN', 'Chỉ cán bộ của xã thao tác trên hồ sơ');
}

async function calendarOf(ctx: AppContext, provinceCode: string) {
  return ctx.services.calendar.forProvince(provinceCode || ctx.config.defaultProvince);
}

/** The actions the user may take on a dossier now. */
export async function listActions(ctx: AppContext, user: AuthUser, code: string) {
  const unit = await dossierUnit(ctx, user, code);
  const row = await repo.getDossierRow(ctx.db, unit.code, code);
  if (!row) throw new AppError('DOSSIER_NOT_FOUND');
  if (user.scope.kind !== 'unit' || !['reception', 'specialist', 'leader'].includes(user.role))
    return { version: row.version, actions: [] };
  const cal = await calendarOf(ctx, row.provinceCode);
  const actions = availableActions(lifecycleState(row, cal, ctx.now()), user.role as ActorRole);
  return {
    version: row.version,
    actions: actions.map((a) => ({
      action: a,
      label: TRANSITIONS[a].label,
      reasonRequired: TRANSITIONS[a].reason === 'required',
    })),
  };
}

/** Performs one lifecycle action in one transaction: state, step rows, pauses, audit event, notifications. */
export async function performAction(
  ctx: AppContext,
  user: AuthUser,
  code: string,
  body: ActionBody,
  meta: { requestId: string },
) {
  const role = actorRole(user);
  const unit = await dossierUnit(ctx, user, code);
  if (user.scope.kind !== 'unit') throw new AppError('ACTION_FORBIDDEN');
  const now = ctx.now();
  const reason = body.reason?.trim() || undefined;
  const resultFiles =
    body.action === 'issue_result'
      ? decodeAttachments(body.resultFile ? [body.resultFile] : [], {
          maxBytes: ctx.config.maxUploadBytes,
          maxCount: 1,
        })
      : [];
  if (body.action === 'issue_result' && resultFiles.length === 0) throw new AppError('RESULT_FILE_REQUIRED');

  // The dossier's province is its commune's: the calendar is known without reading the dossier first.
  const cal = await calendarOf(ctx, unit.parentCode ?? '');
  const stored = resultFiles[0] ? await ctx.files.put(resultFiles[0].bytes) : undefined;

  const applied = ctx.db.transaction(async (tx) => {
    // Locked: simultaneous actions on this dossier wait here, then read what the one before wrote.
    const row = await repo.lockDossierRow(tx, unit.code, code);
    if (!row) throw new AppError('DOSSIER_NOT_FOUND');
    // The version the client saw wins over the one read now: acting on a stale screen is a conflict.
    const version = body.expectedVersion ?? row.version;
    if (version !== row.version) throw new AppError('DOSSIER_CONFLICT');
    const state = lifecycleState(row, cal, now);
    const decision = decide(body.action, state, role, reason);
    if (!decision.ok) throw new AppError(REFUSALS[decision.code], TRANSITIONS[body.action].label);

    const steps = state.steps;
    const set: repo.DossierUpdate = {
      status: decision.to,
      subState: decision.toSubState,
      stepIndex: decision.stepIndex,
    };
    const notify: Array<{ template: string; data: Record<string, unknown> }> = [];
    const eventData: Record<string, unknown> = {};
    const current = await repo.lastStep(tx, unit.code, code);

    const closeCurrent = async (note?: string) => {
      if (!current || current.endedAt) return;
      const verdict = current.dueAt ? classifySettlement({ dueAt: current.dueAt, endedAt: now }) : null;
      await repo.closeStep(tx, unit.code, code, current.seq, { endedAt: now, verdict, note: note ?? null });
    };
    const openStepAt = async (index: number, toUserId: string | null) => {
      const step = steps[index]!;
      const due = dueForTimeLimit(cal, now, step.allowance).dueAt;
      await repo.openStep(tx, {
        unitCode: unit.code,
        dossierCode: code,
        seq: (current?.seq ?? 0) + 1,
        stepKey: step.key,
        stepName: step.name,
        fromRole: role,
        toRole: step.role,
        fromUserId: user.id,
        toUserId,
        handedAt: now,
        dueAt: due,
      });
      set.stepStartedAt = now;
      set.stepDueAt = due;
    };

    switch (body.action) {
      case 'accept': {
        // The legal clock starts at acceptance of the completed dossier, not at first contact.
        const due = dueForTimeLimit(cal, now, row.timeLimit as TimeLimit).dueAt;
        set.receivedAt = now;
        set.dueAt = due;
        set.dueAtOriginal = due;
        set.dueAtLegal = due;
        // An online dossier has no receiving officer until now (it was numbered when submitted).
        if (!row.receivedBy) set.receivedBy = user.id;
        eventData.dueAt = due.toISOString();
        if (row.channel === ONLINE_CHANNEL) notify.push({ template: 'received', data: {} });
        break;
      }
      case 'refuse':
        set.intakeNote = { decision: 'refuse', reasons: [reason ?? ''] };
        if (row.channel === ONLINE_CHANNEL) notify.push({ template: 'refused', data: { reason } });
        break;
      case 'request_pre_supplement':
        // What the citizen is asked for is shown in "Hồ sơ của tôi" and sent to them.
        set.intakeNote = { decision: 'supplement', reasons: [reason ?? ''], missing: body.items ?? [] };
        if (row.channel === ONLINE_CHANNEL)
          notify.push({ template: 'supplement_requested', data: { reason, items: body.items ?? [] } });
        break;
      case 'transfer':
        await openStepAt(0, null);
        break;
      case 'complete_step':
      case 'return_step':
        await closeCurrent(reason);
        await openStepAt(decision.stepIndex, null);
        set.assigneeId = null;
        break;
      case 'assign': {
        if (!body.assignee) throw new AppError('ASSIGNEE_INVALID', 'Thiếu tên đăng nhập cán bộ');
        const assignee = await repo.findUnitUser(tx, unit.code, body.assignee);
        const stepRole = steps[row.stepIndex]?.role;
        if (!assignee || assignee.role !== stepRole) throw new AppError('ASSIGNEE_INVALID', body.assignee);
        set.assigneeId = assignee.id;
        eventData.assignee = assignee.username;
        break;
      }
      case 'request_supplement':
      case 'request_payment': {
        const kind = body.action === 'request_supplement' ? 'supplement' : 'payment';
        const pauses = await repo.listPauses(tx, unit.code, code);
        await repo.insertPause(tx, {
          unitCode: unit.code,
          dossierCode: code,
          seq: pauses.length + 1,
          kind,
          fromAt: now,
          reason: reason ?? '',
          items: body.items ?? null,
          dueBefore: row.dueAt,
        });
        set.pausedAt = now;
        set.pauseKind = kind;
        if (kind === 'supplement') {
          set.supplementRequests = row.supplementRequests + 1;
          notify.push({ template: 'supplement_requested', data: { reason, items: body.items ?? [] } });
        }
        break;
      }
      case 'supplement_received':
      case 'payment_received': {
        const pauses = await repo.listPauses(tx, unit.code, code);
        const open = pauses.findLast((p) => p.toAt === null);
        const from = open?.fromAt ?? row.pausedAt ?? now;
        const shifted = shiftByPause(cal, row.dueAt, from, now);
        const legal = shiftByPause(cal, row.dueAtLegal ?? row.dueAt, from, now).dueAt;
        if (open)
          await repo.closePause(tx, unit.code, code, open.seq, {
            toAt: now,
            pausedMinutes: shifted.pausedMinutes,
            dueAfter: shifted.dueAt,
          });
        set.dueAt = shifted.dueAt;
        set.dueAtLegal = legal;
        if (row.stepDueAt) set.stepDueAt = shiftByPause(cal, row.stepDueAt, from, now).dueAt;
        set.pausedAt = null;
        set.pauseKind = null;
        set.pausedMinutes = row.pausedMinutes + shifted.pausedMinutes;
        eventData.pausedMinutes = shifted.pausedMinutes;
        eventData.dueBefore = row.dueAt.toISOString();
        eventData.dueAfter = shifted.dueAt.toISOString();
        if (shifted.pausedMinutes > 0)
          notify.push({ template: 'appointment_moved', data: { dueAt: shifted.dueAt.toISOString() } });
        break;
      }
      case 'stop':
      case 'confirm_withdrawal':
        await closeCurrent(reason);
        set.processingEndedAt = now;
        set.pausedAt = null;
        break;
      case 'issue_result': {
        await closeCurrent();
        const file = resultFiles[0]!;
        const fileId = randomUUID();
        await tx.insert(dossierFiles).values({
          unitCode: unit.code,
          dossierCode: code,
          id: fileId,
          fileName: file.fileName,
          contentType: file.contentType,
          size: file.bytes.length,
          sha256: stored!.sha256,
          storageKey: stored!.key,
        });
        set.processingEndedAt = now;
        set.result = {
          fileId,
          fileName: file.fileName,
          name: body.resultName ?? file.fileName,
          issuedBy: user.username,
        };
        set.timeliness = classifySettlement({
          dueAt: row.dueAtLegal ?? row.dueAt,
          endedAt: now,
          supplementRequests: row.supplementRequests,
        });
        eventData.timeliness = set.timeliness;
        notify.push({ template: 'result_ready', data: {} });
        break;
      }
      case 'return_result':
        set.returnedAt = now;
        eventData.returnMethod = body.returnMethod ?? row.returnMethod;
        break;
      case 'withdraw':
        set.pausedAt = null;
        break;
      case 'draft_apology': {
        if (!body.newDueAt) throw new AppError('NEW_DUE_INVALID', 'Thiếu ngày hẹn trả mới');
        const newDue = new Date(body.newDueAt);
        if (!(newDue.getTime() > row.dueAt.getTime()) || !(newDue.getTime() > now.getTime())) {
          throw new AppError(
            'NEW_DUE_INVALID',
            'Ngày hẹn mới phải sau ngày hẹn hiện tại và sau thời điểm hiện tại',
          );
        }
        // Later deadlines (a pause moves the appointment) are counted on the calendar, which ends there.
        if (Number(vnDateOf(newDue).slice(0, 4)) > CALENDAR_YEARS.max)
          throw new AppError('NEW_DUE_INVALID', `Ngày hẹn mới phải trước năm ${CALENDAR_YEARS.max + 1}`);
        set.apology = {
          reason,
          newDueAt: newDue.toISOString(),
          draftedBy: user.username,
          draftedAt: now.toISOString(),
        };
        eventData.newDueAt = newDue.toISOString();
        break;
      }
      case 'approve_apology': {
        const apology = row.apology as { newDueAt: string } | null;
        if (!apology?.newDueAt) throw new AppError('ACTION_NOT_ALLOWED', 'Không có dự thảo văn bản xin lỗi');
        set.apology = { ...apology, approvedBy: user.username, approvedAt: now.toISOString() };
        set.dueAt = new Date(apology.newDueAt);
        set.rescheduledAt = now;
        eventData.dueBefore = row.dueAt.toISOString();
        eventData.dueAfter = apology.newDueAt;
        notify.push({ template: 'appointment_moved', data: { dueAt: apology.newDueAt, apology: true } });
        break;
      }
      case 'reject_apology':
        set.apology = {
          ...(row.apology ?? {}),
          rejectedBy: user.username,
          rejectedAt: now.toISOString(),
          rejectReason: reason,
        };
        break;
      default:
        break;
    }

    const updated = await repo.updateDossier(tx, unit.code, code, version, set);
    if (!updated) throw new AppError('DOSSIER_CONFLICT');
    const prev = await lastEvent(tx, unit.code, code);
    await appendEvent(tx, prev, {
      unitCode: unit.code,
      id: randomUUID(),
      dossierCode: code,
      action: body.action,
      actorUserId: user.id,
      actorRole: role,
      fromStatus: row.status,
      toStatus: decision.to,
      reason: reason ?? null,
      requestId: meta.requestId,
      data: Object.keys(eventData).length ? eventData : null,
      at: now,
    });
    await repo.enqueue(
      tx,
      notify.flatMap((n) => notificationRows(unit.code, updated, n.template, n.data, now)),
    );
    return { dossier: updated, action: body.action as Action };
  });
  try {
    return await applied;
  } catch (err) {
    // The row lock rules these out between two actions; they remain possible against a writer that
    // does not take it, or on a database whose default isolation is REPEATABLE READ or SERIALIZABLE.
    if (isConcurrentWrite(err)) throw new AppError('DOSSIER_CONFLICT');
    throw err;
  }
}

function notificationRows(
  unitCode: string,
  d: repo.UpdatedDossier,
  template: string,
  data: Record<string, unknown>,
  now: Date,
) {
  const base = {
    code: d.code,
    template,
    applicantName: d.applicantName,
    dueAt: d.dueAt.toISOString(),
    status: statusName(d.status as NationalStatus),
    ...data,
  };
  const rows = [];
  if (d.applicantEmail) {
    rows.push({
      unitCode,
      id: randomUUID(),
      kind: 'email',
      payload: { ...base, to: d.applicantEmail },
      createdAt: now,
      nextAttemptAt: now,
    });
  }
  rows.push({
    unitCode,
    id: randomUUID(),
    kind: 'sms',
    payload: { ...base, to: d.applicantPhone },
    createdAt: now,
    nextAttemptAt: now,
  });
  return rows;
}
