import { dueForTimeLimit, type TimeLimit } from '../../../domain/calendar/time-limit.ts';
import { addDays, vnDateOf, vnInstant } from '../../../domain/calendar/vn-time.ts';
import { QUEUES, type Queue } from '../../../domain/lifecycle/queues.ts';
import { type NationalStatus, statusName } from '../../../domain/lifecycle/statuses.ts';
import { deadlineState } from '../../../domain/lifecycle/timeliness.ts';
import { type Action, TRANSITIONS } from '../../../domain/lifecycle/transitions.ts';
import { defaultWorkflow } from '../../../domain/lifecycle/workflow.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { listEvents } from '../audit/repository.ts';
import type { AuthUser } from '../identity/types.ts';
import { workingUnit } from './policy.ts';
import { predictedState, predictOpen, presentPrediction } from './prediction.ts';
import * as repo from './repository.ts';
import { DUE_SOON_MINUTES, dossierUnit } from './service.ts';

const EVENT_LABELS: Record<string, string> = {
  intake: 'Tiếp nhận hồ sơ tại quầy',
  submit_online: 'Công dân nộp hồ sơ trực tuyến',
  citizen_supplement: 'Công dân gửi bổ sung',
  citizen_withdraw: 'Công dân đề nghị rút hồ sơ',
};

/** The dossier's audit events, oldest first. */
export async function timeline(ctx: AppContext, user: AuthUser, code: string) {
  const unit = await dossierUnit(ctx, user, code);
  const rows = await listEvents(ctx.db, unit.code, code);
  if (rows.length === 0) throw new AppError('DOSSIER_NOT_FOUND');
  return rows.map(({ event: e, username, fullName }) => ({
    seq: e.seq,
    action: e.action,
    label: EVENT_LABELS[e.action] ?? TRANSITIONS[e.action as Action]?.label ?? e.action,
    actor: { username: username ?? null, fullName: fullName ?? null, role: e.actorRole },
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    toStatusName: e.toStatus ? statusName(e.toStatus as NationalStatus) : null,
    reason: e.reason,
    data: e.data ?? null,
    at: e.at.toISOString(),
    requestId: e.requestId,
    hash: e.hash,
  }));
}

/** Why the dossier's appointment is what it is: the legal limit, the days skipped, the pauses, any re-appointment. */
export async function explainDue(ctx: AppContext, user: AuthUser, code: string) {
  const unit = await dossierUnit(ctx, user, code);
  const row = await repo.getDossierRow(ctx.db, unit.code, code);
  if (!row) throw new AppError('DOSSIER_NOT_FOUND');
  const cal = await ctx.services.calendar.forProvince(row.provinceCode || ctx.config.defaultProvince);
  const limit = row.timeLimit as {
    amount: number;
    unit: 'working_days' | 'working_hours' | 'same_day' | 'calendar_days';
    text: string;
  };
  const base = dueForTimeLimit(cal, row.receivedAt, limit);
  const pauses = await repo.listPauses(ctx.db, unit.code, code);
  const apology = row.apology as {
    reason?: string;
    newDueAt?: string;
    approvedAt?: string;
    approvedBy?: string;
  } | null;
  const now = ctx.now();
  const prediction = (
    await predictOpen(ctx.db, cal, now, { unitCode: unit.code, provinceCode: row.provinceCode }, [
      { ...row, procedureTimeLimit: row.timeLimit },
    ])
  ).get(code);
  const hours = cal.hours;
  const lines = [
    `Tiếp nhận lúc ${fmt(row.receivedAt)}; thời hạn giải quyết: ${limit.text.replace(/[\s.;]+$/, '')}.`,
    `Giờ làm việc: ${hours.amStart}–${hours.amEnd} và ${hours.pmStart}–${hours.pmEnd}; thủ tục trong ngày tiếp nhận sau ${hours.sameDayCutoff} trả vào ngày làm việc tiếp theo.`,
    `Bắt đầu tính từ ${fmt(base.startAt)}; hẹn trả ban đầu ${fmt(row.dueAtOriginal)}.`,
    ...base.skipped.map((s) => `Không tính ngày ${s.date.split('-').reverse().join('/')}: ${s.reason}.`),
    ...pauses.map((p) =>
      p.toAt
        ? `Tạm dừng (${p.kind === 'supplement' ? 'chờ bổ sung' : 'chờ thực hiện nghĩa vụ tài chính'}) từ ${fmt(p.fromAt)} đến ${fmt(p.toAt)}: cộng ${p.pausedMinutes} phút làm việc, hẹn trả thành ${fmt(p.dueAfter!)}.`
        : `Đang tạm dừng (${p.kind === 'supplement' ? 'chờ bổ sung' : 'chờ thực hiện nghĩa vụ tài chính'}) từ ${fmt(p.fromAt)}.`,
    ),
    ...(row.rescheduledAt && apology?.newDueAt
      ? [
          `Hẹn lại ngày trả ${fmt(new Date(apology.newDueAt))} theo văn bản xin lỗi được duyệt lúc ${fmt(row.rescheduledAt)}: ${apology.reason ?? ''}`,
        ]
      : []),
  ];
  return {
    code,
    timeLimit: limit,
    receivedAt: row.receivedAt.toISOString(),
    startAt: base.startAt.toISOString(),
    dueAtOriginal: row.dueAtOriginal.toISOString(),
    dueAtLegal: (row.dueAtLegal ?? row.dueAtOriginal).toISOString(),
    dueAt: row.dueAt.toISOString(),
    skipped: base.skipped,
    pauses: pauses.map((p) => ({
      kind: p.kind,
      from: p.fromAt.toISOString(),
      to: p.toAt?.toISOString() ?? null,
      pausedMinutes: p.pausedMinutes ?? null,
      reason: p.reason,
    })),
    rescheduled: row.rescheduledAt
      ? {
          at: row.rescheduledAt.toISOString(),
          dueAt: row.dueAt.toISOString(),
          reason: apology?.reason ?? null,
        }
      : null,
    deadlineState: row.processingEndedAt
      ? null
      : predictedState(now, row.dueAt, prediction, () =>
          deadlineState(cal, now, row.dueAt, DUE_SOON_MINUTES),
        ),
    prediction: presentPrediction(prediction),
    explanation: lines,
  };
}

/** The result file the leader issued, with its stored bytes; only for users who may see the dossier. */
export async function resultFile(ctx: AppContext, user: AuthUser, code: string) {
  const unit = await dossierUnit(ctx, user, code);
  const row = await repo.getDossierRow(ctx.db, unit.code, code);
  if (!row) throw new AppError('DOSSIER_NOT_FOUND');
  const fileId = (row.result as { fileId?: string } | null)?.fileId;
  const file = fileId ? await repo.getDossierFile(ctx.db, unit.code, code, fileId) : undefined;
  if (!file) throw new AppError('RESULT_NOT_FOUND');
  return {
    fileName: file.fileName,
    contentType: file.contentType,
    size: file.size,
    bytes: await ctx.files.get(file.storageKey),
  };
}

/**
 * A file the applicant attached (at the counter, online, or as a supplement), for an officer whose
 * scope covers the dossier's commune: another commune's dossier is DOSSIER_NOT_FOUND, a file of
 * another dossier ATTACHMENT_NOT_FOUND (both 404, nothing said about what exists elsewhere).
 */
export async function attachmentFile(ctx: AppContext, user: AuthUser, code: string, fileId: string) {
  const unit = await dossierUnit(ctx, user, code);
  const file = await repo.getDossierFile(ctx.db, unit.code, code, fileId);
  if (!file) throw new AppError('ATTACHMENT_NOT_FOUND');
  return {
    unitCode: unit.code,
    fileName: file.fileName,
    contentType: file.contentType,
    size: file.size,
    bytes: await ctx.files.get(file.storageKey),
  };
}

/** Content-Disposition for a download: an ASCII fallback name and the exact UTF-8 name (RFC 6266). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

function fmt(d: Date): string {
  const v = new Date(d.getTime() + 7 * 3_600_000).toISOString();
  return `${v.slice(11, 16)} ${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}`;
}

/** Rows a queue returns; `hasMore` says when there are more (ordered by appointment). */
export const QUEUE_LIMIT = 500;

export { QUEUES, type Queue };

/** A work queue of the signed-in officer (or, for leaders, what awaits their approval). */
export async function workQueue(ctx: AppContext, user: AuthUser, queue: Queue) {
  const commune = workingUnit(user);
  if (!commune) throw new AppError('FORBIDDEN', 'Hàng đợi công việc dành cho cán bộ của xã');
  const { unitCode, provinceCode } = commune;
  const now = ctx.now();
  const cal = await ctx.services.calendar.forProvince(provinceCode || ctx.config.defaultProvince);
  const working = [4];
  const endOfToday = vnInstant(addDays(vnDateOf(now), 1), 0);
  const filters: Record<Queue, Parameters<typeof repo.listQueue>[2]> = {
    mine:
      user.role === 'reception'
        ? { statuses: working, assigneeId: user.id }
        : { statuses: working, mine: { userId: user.id, role: user.role } },
    due_today: { statuses: working, dueBefore: endOfToday, dueAfter: now, notPaused: true },
    due_soon: { statuses: working, dueAfter: now, notPaused: true },
    overdue: { statuses: working, dueBefore: now },
    waiting_supplement: { statuses: [5] },
    awaiting_approval: { statuses: [4, 5, 6], subState: 'apology_pending' },
    to_transfer: { statuses: [2] },
    to_return: { statuses: [9] },
    // Dossiers filed online and waiting for reception (accept, ask for a supplement, or refuse).
    online: { statuses: [1], channel: 2 },
  };
  let rows = await repo.listQueue(ctx.db, unitCode, filters[queue], QUEUE_LIMIT + 1);
  if (queue === 'awaiting_approval') {
    // Apologies waiting for a leader, and dossiers at a leader's step (approve, sign).
    const atLeaderStep = await repo.listQueue(
      ctx.db,
      unitCode,
      { statuses: working, stepRole: 'leader' },
      QUEUE_LIMIT + 1,
    );
    rows = [...rows, ...atLeaderStep.filter((e) => !rows.some((r) => r.code === e.code))];
  }
  const hasMore = rows.length > QUEUE_LIMIT;
  rows = rows.slice(0, QUEUE_LIMIT);
  const catalog = ctx.services.catalog;
  const procedureNames = new Map<string, string | null>();
  for (const r of rows) {
    if (!procedureNames.has(r.procedureCode))
      procedureNames.set(
        r.procedureCode,
        (await catalog.find(unitCode, r.procedureCode))?.record.name ?? null,
      );
  }
  const predictions = await predictOpen(
    ctx.db,
    cal,
    now,
    { unitCode, provinceCode: provinceCode || ctx.config.defaultProvince },
    rows,
  );
  const items = rows
    .map((r) => ({
      r,
      prediction: predictions.get(r.code),
      state: predictedState(now, r.dueAt, predictions.get(r.code), () =>
        deadlineState(cal, now, r.dueAt, DUE_SOON_MINUTES),
      ),
    }))
    .filter(({ state }) => queue !== 'due_soon' || state === 'due_soon')
    .map(({ r, state, prediction }) => ({
      code: r.code,
      procedureCode: r.procedureCode,
      procedureName: procedureNames.get(r.procedureCode) ?? null,
      applicantName: r.applicantName,
      status: r.status,
      statusName: statusName(r.status as NationalStatus),
      subState: r.subState,
      step:
        r.stepName ??
        (r.timeLimit ? defaultWorkflow(r.timeLimit as TimeLimit)[r.stepIndex]?.name : undefined) ??
        null,
      receivedAt: r.receivedAt.toISOString(),
      dueAt: r.dueAt.toISOString(),
      deadlineState: r.status === 9 ? null : state,
      prediction: presentPrediction(prediction),
    }));
  return { queue, items, hasMore };
}
