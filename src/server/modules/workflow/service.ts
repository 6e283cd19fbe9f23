import { randomUUID } from 'node:crypto';
import { dueForTimeLimit, type TimeLimit } from '../../../domain/calendar/time-limit.ts';
import { vnDateOf } from '../../../domain/calendar/vn-time.ts';
import { CALENDAR_YEARS, type WorkCalendar } from '../../../domain/calendar/work-calendar.ts';
import type { ActionFacts, PerformedEvent } from '../../../domain/lifecycle/events.ts';
import type { NationalStatus, SubState } from '../../../domain/lifecycle/statuses.ts';
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
import { actorTitleOf } from '../../../domain/portal/sync.ts';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { isConcurrentWrite } from '../../db/errors.ts';
import { AppError, type AppErrorCode } from '../../errors.ts';
import { recordDossierEvent } from '../dossier-events/recorder.ts';
import { decodeAttachments } from '../dossiers/attachments.ts';
import { addFile, syncAfterEnqueued } from '../dossiers/repository.ts';
import { presentFound, unitOfCode } from '../dossiers/service.ts';
import type { AuthUser } from '../identity/types.ts';
import { eventPortalView } from '../portal/view.ts';
import { approveChange, draftChange, draftStatus, issueDraft, templateOf } from '../result-drafts/draft.ts';
import { actingRole, mayViewDossier } from './policy.ts';
import * as repo from './repository.ts';
import type { ActionBody } from './schemas.ts';

/** National channel code of a dossier filed online (KenhThucHien 2, docs/domain-vn.md §8.2). */
const ONLINE_CHANNEL = 2;

function isOnline(row: repo.DossierRow) {
  return row.channel === ONLINE_CHANNEL;
}

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
  NO_RESULT_TEMPLATE: 'RESULT_DRAFT_NOT_APPLICABLE',
  NOT_DRAFTING_STEP: 'STEP_ORDER',
  NO_RESULT_DRAFT: 'RESULT_DRAFT_REQUIRED',
};

/** The unit a dossier belongs to, when the user may see it; otherwise the dossier does not exist for them. */
export async function dossierUnit(ctx: AppContext, user: AuthUser, code: string) {
  const unit = await unitOfCode(ctx, code);
  if (!unit || !mayViewDossier(user.scope, { code: unit.code, provinceCode: unit.parentCode ?? '' }))
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
    hasResultTemplate: templateOf(row) !== undefined,
    resultDraft: draftStatus(row),
  };
}

function actorRole(user: AuthUser): ActorRole {
  const role = actingRole(user);
  if (role) return role;
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
  const role = actingRole(user);
  if (!role) return { version: row.version, actions: [] };
  const cal = await calendarOf(ctx, row.provinceCode);
  const actions = availableActions(lifecycleState(row, cal, ctx.now()), role);
  return {
    version: row.version,
    actions: actions.map((a) => ({
      action: a,
      label: TRANSITIONS[a].label,
      reasonRequired: TRANSITIONS[a].reason === 'required',
    })),
  };
}

/** What a request for an action brings, checked before the transaction. */
interface ActionRequest {
  role: ActorRole;
  unit: Awaited<ReturnType<typeof dossierUnit>>;
  code: string;
  body: ActionBody;
  reason: string | undefined;
  resultFile: ReturnType<typeof decodeAttachments>[number] | undefined;
}

/**
 * Performs one lifecycle action in one transaction: validate the request → load the dossier (locked)
 * → decide (pure, src/domain/lifecycle/transitions.ts) → write the action's changes → record its
 * event (audit entry and notifications, dossier-events/recorder.ts). Returns the dossier's JSON as
 * the transaction left it.
 */
export async function performAction(
  ctx: AppContext,
  user: AuthUser,
  code: string,
  body: ActionBody,
  meta: { requestId: string },
) {
  const req = await validateAction(ctx, user, code, body);
  const now = ctx.now();
  // The dossier's province is its commune's: the calendar is known without reading the dossier first.
  const cal = await calendarOf(ctx, req.unit.parentCode ?? '');
  const stored = req.resultFile ? await ctx.files.put(req.resultFile.bytes) : undefined;

  const applied = ctx.db.transaction(async (tx) => {
    const { dossier: row, lastStep } = await loadForAction(tx, req);
    const state = lifecycleState(row, cal, now);
    const decision = decide(body.action, state, req.role, req.reason);
    if (!decision.ok) throw new AppError(REFUSALS[decision.code], TRANSITIONS[body.action].label);

    const change = await applyAction(body.action, {
      tx,
      ctx,
      user,
      req,
      row,
      lastStep,
      steps: state.steps,
      stepIndex: decision.stepIndex,
      cal,
      now,
      stored,
    });
    const set: repo.DossierUpdate = {
      status: decision.to,
      subState: decision.toSubState,
      stepIndex: decision.stepIndex,
      ...change.set,
    };
    const updated = await repo.updateDossierForView(tx, req.unit.code, code, row.version, set, change.steps);
    if (!updated) throw new AppError('DOSSIER_CONFLICT');
    const event = {
      type: 'performed',
      id: randomUUID(),
      unitCode: req.unit.code,
      dossierCode: code,
      at: now,
      actorUserId: user.id,
      actorRole: req.role,
      requestId: meta.requestId,
      reason: req.reason ?? null,
      action: body.action,
      fromStatus: row.status as NationalStatus,
      toStatus: decision.to,
      ...change.facts,
    } as PerformedEvent;
    const portal = await eventPortalView(
      ctx,
      tx,
      event,
      { unit: req.unit, code, portalCode: row.portalCode },
      { fullName: user.fullName, title: actorTitleOf(req.role) },
    );
    const recorded = await recordDossierEvent(tx, event, updated.dossier, portal);
    return { ...updated, sync: syncAfterEnqueued(updated.sync, recorded.portalMessages) };
  });
  let done: Awaited<typeof applied>;
  try {
    done = await applied;
  } catch (err) {
    // The row lock rules these out between two actions; they remain possible against a writer that
    // does not take it, or on a database whose default isolation is REPEATABLE READ or SERIALIZABLE.
    if (isConcurrentWrite(err)) throw new AppError('DOSSIER_CONFLICT');
    throw err;
  }
  // The response is the dossier as the transaction left it (its update returned the view's parts and
  // the event's statement enqueued the portal messages counted in): nothing is read after the commit.
  return { dossier: await presentFound(ctx, req.unit, done), action: body.action as Action };
}

/** Who acts, on which commune's dossier, with which reason and result file; nothing read or written yet. */
async function validateAction(ctx: AppContext, user: AuthUser, code: string, body: ActionBody) {
  const role = actorRole(user);
  const unit = await dossierUnit(ctx, user, code);
  const resultFiles =
    body.action === 'issue_result'
      ? decodeAttachments(body.resultFile ? [body.resultFile] : [], {
          maxBytes: ctx.config.maxUploadBytes,
          maxCount: 1,
        })
      : [];
  // Without a file, issue_result issues the approved draft (or refuses, in its handler).
  return {
    role,
    unit,
    code,
    body,
    reason: body.reason?.trim() || undefined,
    resultFile: resultFiles[0],
  } satisfies ActionRequest;
}

/**
 * The dossier row, locked: simultaneous actions on it wait here, then read what the one before wrote.
 * The version the client saw wins over the one read now: acting on a stale screen is a conflict.
 */
async function loadForAction(tx: Tx, req: ActionRequest) {
  const found = await repo.lockForAction(tx, req.unit.code, req.code);
  if (!found) throw new AppError('DOSSIER_NOT_FOUND');
  const version = found.dossier.version;
  if ((req.body.expectedVersion ?? version) !== version) throw new AppError('DOSSIER_CONFLICT');
  return found;
}

/** What an action's handler has at hand, inside the transaction that holds the dossier's lock. */
interface ActionScope {
  tx: Tx;
  ctx: AppContext;
  user: AuthUser;
  req: ActionRequest;
  row: repo.DossierRow;
  /** The dossier's last hand-off, read with the locked row. */
  lastStep: repo.LastStep | null;
  steps: readonly WorkflowStep[];
  /** The workflow step the dossier is at after the action (decide()). */
  stepIndex: number;
  cal: WorkCalendar;
  now: Date;
  stored: Awaited<ReturnType<AppContext['files']['put']>> | undefined;
}

/** An action's changes to the dossier row, to its steps (written by the row's update) and the facts its event carries. */
interface ActionChange<F> {
  set: repo.DossierUpdate;
  steps?: repo.StepWrites;
  facts: F;
}

type Handler<F> = (s: ActionScope) => Promise<ActionChange<F>>;

const nothing = async () => ({ set: {}, facts: {} });

/** The dossier's last hand-off (dossier_steps), closed with its verdict unless closed already. */
function closeCurrentStep(s: ActionScope, note?: string): repo.StepWrites['close'] {
  const current = s.lastStep;
  if (!current || current.endedAt) return undefined;
  const verdict = current.dueAt ? classifySettlement({ dueAt: current.dueAt, endedAt: s.now }) : null;
  return { seq: current.seq, endedAt: s.now, verdict, note: note ?? null };
}

/** Hands the dossier to step `index` (a new dossier_steps row after the last) with that step's deadline. */
function openStep(s: ActionScope, index: number) {
  const step = s.steps[index]!;
  const due = dueForTimeLimit(s.cal, s.now, step.allowance).dueAt;
  const open: repo.OpenedStep = {
    unitCode: s.req.unit.code,
    dossierCode: s.req.code,
    seq: (s.lastStep?.seq ?? 0) + 1,
    stepKey: step.key,
    stepName: step.name,
    fromRole: s.req.role,
    toRole: step.role,
    fromUserId: s.user.id,
    toUserId: null,
    handedAt: s.now,
    dueAt: due,
  };
  return { set: { stepStartedAt: s.now, stepDueAt: due } satisfies repo.DossierUpdate, open };
}

const moveStep: Handler<ActionFacts['complete_step']> = async (s) => {
  const opened = openStep(s, s.stepIndex);
  return {
    set: { ...opened.set, assigneeId: null },
    steps: { close: closeCurrentStep(s, s.req.reason), open: opened.open },
    facts: {},
  };
};

const pause =
  (kind: 'supplement' | 'payment'): Handler<ActionFacts['request_supplement']> =>
  async (s) => {
    const { unit, code } = s.req;
    const pauses = await repo.listPauses(s.tx, unit.code, code);
    await repo.insertPause(s.tx, {
      unitCode: unit.code,
      dossierCode: code,
      seq: pauses.length + 1,
      kind,
      fromAt: s.now,
      reason: s.req.reason ?? '',
      items: s.req.body.items ?? null,
      dueBefore: s.row.dueAt,
    });
    const set: repo.DossierUpdate = { pausedAt: s.now, pauseKind: kind };
    if (kind === 'supplement') set.supplementRequests = s.row.supplementRequests + 1;
    return { set, facts: { items: s.req.body.items ?? [] } };
  };

/** The pause ends: the appointment (legal and current) and the step deadline move by its working time. */
const resume: Handler<ActionFacts['supplement_received']> = async (s) => {
  const { unit, code } = s.req;
  const { row, cal, now } = s;
  const pauses = await repo.listPauses(s.tx, unit.code, code);
  const open = pauses.findLast((p) => p.toAt === null);
  const from = open?.fromAt ?? row.pausedAt ?? now;
  const shifted = shiftByPause(cal, row.dueAt, from, now);
  if (open)
    await repo.closePause(s.tx, unit.code, code, open.seq, {
      toAt: now,
      pausedMinutes: shifted.pausedMinutes,
      dueAfter: shifted.dueAt,
    });
  const set: repo.DossierUpdate = {
    dueAt: shifted.dueAt,
    dueAtLegal: shiftByPause(cal, row.dueAtLegal ?? row.dueAt, from, now).dueAt,
    pausedAt: null,
    pauseKind: null,
    pausedMinutes: row.pausedMinutes + shifted.pausedMinutes,
  };
  if (row.stepDueAt) set.stepDueAt = shiftByPause(cal, row.stepDueAt, from, now).dueAt;
  return {
    set,
    facts: { pausedMinutes: shifted.pausedMinutes, dueBefore: row.dueAt, dueAfter: shifted.dueAt },
  };
};

const endProcessing: Handler<ActionFacts['stop']> = async (s) => ({
  set: { processingEndedAt: s.now, pausedAt: null },
  steps: { close: closeCurrentStep(s, s.req.reason) },
  facts: {},
});

/** Each action's changes beyond status, sub-state and step (decide()); the compiler wants every action. */
const HANDLERS: { [A in Action]: Handler<ActionFacts[A]> } = {
  accept: async (s) => {
    // The legal clock starts at acceptance of the completed dossier, not at first contact.
    const due = dueForTimeLimit(s.cal, s.now, s.row.timeLimit as TimeLimit).dueAt;
    const set: repo.DossierUpdate = { receivedAt: s.now, dueAt: due, dueAtOriginal: due, dueAtLegal: due };
    // An online dossier has no receiving officer until now (it was numbered when submitted).
    if (!s.row.receivedBy) set.receivedBy = s.user.id;
    return { set, facts: { dueAt: due, online: isOnline(s.row) } };
  },
  refuse: async (s) => ({
    set: { intakeNote: { decision: 'refuse', reasons: [s.req.reason ?? ''] } },
    facts: { online: isOnline(s.row) },
  }),
  request_pre_supplement: async (s) => {
    // What the applicant is asked for is kept with the dossier (an online citizen sees it in "Hồ sơ
    // của tôi") and, online, sent to them (the event's notice).
    const items = s.req.body.items ?? [];
    return {
      set: { intakeNote: { decision: 'supplement', reasons: [s.req.reason ?? ''], missing: items } },
      facts: { items, online: isOnline(s.row) },
    };
  },
  pre_supplement_received: nothing,
  transfer: async (s) => {
    const opened = openStep(s, 0);
    return { set: opened.set, steps: { open: opened.open }, facts: {} };
  },
  assign: async (s) => {
    const wanted = s.req.body.assignee;
    if (!wanted) throw new AppError('ASSIGNEE_INVALID', 'Thiếu tên đăng nhập cán bộ');
    const assignee = await repo.findUnitUser(s.tx, s.req.unit.code, wanted);
    if (!assignee || assignee.role !== s.steps[s.row.stepIndex]?.role)
      throw new AppError('ASSIGNEE_INVALID', wanted);
    return { set: { assigneeId: assignee.id }, facts: { assignee: assignee.username } };
  },
  complete_step: moveStep,
  return_step: moveStep,
  request_supplement: pause('supplement'),
  supplement_received: resume,
  request_payment: pause('payment'),
  payment_received: resume,
  stop: endProcessing,
  confirm_withdrawal: endProcessing,
  issue_result: async (s) => {
    // An uploaded file wins; without one, the approved draft becomes the result (result-drafts/draft.ts).
    const issued = s.req.resultFile ? undefined : await issueDraft(s.ctx, s.tx, s.req.unit, s.row, s.now);
    const file = s.req.resultFile
      ? {
          fileName: s.req.resultFile.fileName,
          contentType: s.req.resultFile.contentType,
          size: s.req.resultFile.bytes.length,
          ...s.stored!,
        }
      : {
          fileName: issued!.fileName,
          contentType: 'application/pdf',
          size: issued!.bytes.length,
          ...issued!.stored,
        };
    const fileId = randomUUID();
    await addFile(s.tx, {
      unitCode: s.req.unit.code,
      dossierCode: s.req.code,
      id: fileId,
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.size,
      sha256: file.sha256,
      storageKey: file.key,
    });
    const timeliness = classifySettlement({
      dueAt: s.row.dueAtLegal ?? s.row.dueAt,
      endedAt: s.now,
      supplementRequests: s.row.supplementRequests,
    });
    return {
      set: {
        processingEndedAt: s.now,
        result: {
          fileId,
          fileName: file.fileName,
          name: s.req.body.resultName ?? issued?.name ?? file.fileName,
          issuedBy: s.user.username,
          sha256: file.sha256,
          ...(issued ? { number: issued.numberText } : {}),
        },
        timeliness,
      },
      steps: { close: closeCurrentStep(s) },
      facts: { timeliness },
    };
  },
  return_result: async (s) => ({
    set: { returnedAt: s.now },
    facts: { returnMethod: s.req.body.returnMethod ?? s.row.returnMethod },
  }),
  withdraw: async () => ({ set: { pausedAt: null }, facts: {} }),
  draft_apology: async (s) => {
    if (!s.req.body.newDueAt) throw new AppError('NEW_DUE_INVALID', 'Thiếu ngày hẹn trả mới');
    const newDue = new Date(s.req.body.newDueAt);
    if (!(newDue.getTime() > s.row.dueAt.getTime()) || !(newDue.getTime() > s.now.getTime())) {
      throw new AppError(
        'NEW_DUE_INVALID',
        'Ngày hẹn mới phải sau ngày hẹn hiện tại và sau thời điểm hiện tại',
      );
    }
    // Later deadlines (a pause moves the appointment) are counted on the calendar, which ends there.
    if (Number(vnDateOf(newDue).slice(0, 4)) > CALENDAR_YEARS.max)
      throw new AppError('NEW_DUE_INVALID', `Ngày hẹn mới phải trước năm ${CALENDAR_YEARS.max + 1}`);
    return {
      set: {
        apology: {
          reason: s.req.reason,
          newDueAt: newDue.toISOString(),
          draftedBy: s.user.username,
          draftedAt: s.now.toISOString(),
        },
      },
      facts: { newDueAt: newDue },
    };
  },
  approve_apology: async (s) => {
    const apology = s.row.apology as { newDueAt: string } | null;
    if (!apology?.newDueAt) throw new AppError('ACTION_NOT_ALLOWED', 'Không có dự thảo văn bản xin lỗi');
    const dueAfter = new Date(apology.newDueAt);
    return {
      set: {
        apology: { ...apology, approvedBy: s.user.username, approvedAt: s.now.toISOString() },
        dueAt: dueAfter,
        rescheduledAt: s.now,
      },
      facts: { dueBefore: s.row.dueAt, dueAfter },
    };
  },
  draft_result: async (s) => draftChange(s.row, s.user, s.now, s.req.body.resultDraft?.fields),
  approve_result: async (s) => approveChange(s.row, s.user, s.now),
  reject_apology: async (s) => ({
    set: {
      apology: {
        ...(s.row.apology ?? {}),
        rejectedBy: s.user.username,
        rejectedAt: s.now.toISOString(),
        rejectReason: s.req.reason,
      },
    },
    facts: {},
  }),
};

function applyAction<A extends Action>(action: A, s: ActionScope): Promise<ActionChange<ActionFacts[A]>> {
  return (HANDLERS[action] as Handler<ActionFacts[A]>)(s);
}
