import { randomBytes } from 'node:crypto';
import { normalizeDossierCode } from '../../../domain/codes/dossier-code.ts';
import {
  clocksOf,
  dueAtReceipt,
  FEEDBACK_TRANSITIONS,
  type FeedbackAction,
  type FeedbackRating,
  type FeedbackStatus,
  feedbackActionAllowed,
  feedbackStatusAfter,
  lateClocks,
  parseReceiptCode,
  pendingClock,
  receiptCode,
  workingDaysAfter,
} from '../../../domain/feedback/feedback.ts';
import {
  type FeedbackCounts,
  type FeedbackFact,
  feedbackCounts,
} from '../../../domain/reports/feedback-766.ts';
import type { PeriodInstants } from '../../../domain/reports/periods.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { AuthUser } from '../identity/types.ts';
import { feedbackActionsOf, mayActOnFeedback, mayReadFeedback } from './policy.ts';
import type { FeedbackRow } from './repository.ts';
import * as repo from './repository.ts';
import type { ActionBody, SubmitBody } from './schemas.ts';

/* Citizens' feedback and petitions (PAKN): receipt, the handling steps and their clocks, the rating. */

type Unit = NonNullable<Awaited<ReturnType<AppContext['services']['units']['find']>>>;
const feedbackUnit = (u: Unit) => ({ code: u.code, provinceCode: u.parentCode ?? '' });
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const LIST_LIMIT = 300;

async function communeOf(ctx: AppContext, code: string): Promise<Unit | undefined> {
  const unit = await ctx.services.units.find(code);
  return unit && unit.level === 'commune' ? unit : undefined;
}

async function calendarOf(ctx: AppContext, unit: Unit) {
  return ctx.services.calendar.forProvince(unit.parentCode ?? ctx.config.defaultProvince);
}

/** The clocks of an item as seen now, and the step waiting (its due time, overdue or not). */
function clockView(row: FeedbackRow, now: Date) {
  const late = new Set(lateClocks(row, now));
  const clocks = clocksOf(row).map((c) => ({
    clock: c.clock,
    dueAt: c.dueAt.toISOString(),
    doneAt: iso(c.doneAt),
    late: late.has(c.clock),
  }));
  const clock = pendingClock(row.status);
  const dueAt =
    clock === 'decision'
      ? row.decisionDueAt
      : clock === 'handling'
        ? row.handlingDueAt
        : clock === 'publication'
          ? row.publicationDueAt
          : null;
  const pending =
    clock && dueAt ? { clock, dueAt: dueAt.toISOString(), overdue: now.getTime() > dueAt.getTime() } : null;
  return { clocks, pending, late: late.size > 0 };
}

/**
 * A citizen sends feedback to a commune's center (no sign-in): checked first (commune, contact, the
 * dossier it concerns), then stored in one statement with its receipt code and the due instants of the
 * decision and handling clocks on the province's working calendar.
 */
export async function submitFeedback(ctx: AppContext, body: SubmitBody) {
  const unit = await communeOf(ctx, body.unit);
  if (!unit)
    throw new AppError('UNIT_NOT_FOUND', `Mã xã ${body.unit}`, [
      { path: 'unit', message: 'Không có xã này' },
    ]);
  if (!unit.isActive) throw new AppError('UNIT_INACTIVE');
  if (!body.phone && !body.email)
    throw new AppError('FEEDBACK_CONTACT_REQUIRED', undefined, [
      { path: 'phone', message: 'Cần số điện thoại hoặc thư điện tử' },
    ]);
  let dossierCode: string | null = null;
  if (body.dossierCode) {
    dossierCode = normalizeDossierCode(body.dossierCode);
    if (!dossierCode || !(await repo.dossierExists(ctx.db, unit.code, dossierCode)))
      throw new AppError('FEEDBACK_DOSSIER_UNKNOWN', `Mã hồ sơ ${body.dossierCode}`, [
        { path: 'dossierCode', message: 'Không có hồ sơ này tại Trung tâm đã chọn' },
      ]);
  }
  const submittedAt = ctx.now();
  const dues = dueAtReceipt(await calendarOf(ctx, unit), ctx.config.feedbackClocks, submittedAt);
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = receiptCode(unit.code, randomBytes(10));
    const stored = await repo.insertItem(ctx.db, {
      unitCode: unit.code,
      code,
      category: body.category,
      status: 'received',
      senderName: body.name,
      phone: body.phone ?? null,
      email: body.email?.toLowerCase() ?? null,
      dossierCode,
      content: body.content,
      submittedAt,
      ...dues,
    });
    if (stored)
      return {
        code,
        url: `${ctx.config.publicUrl}/phan-anh/${code}`,
        submittedAt: submittedAt.toISOString(),
        decisionDueAt: dues.decisionDueAt.toISOString(),
        handlingDueAt: dues.handlingDueAt.toISOString(),
      };
  }
  throw new AppError('INTERNAL', 'Không cấp được mã phản ánh');
}

/** The item of a typed receipt code (any case); unknown and malformed codes alike are 404. */
async function byReceipt(ctx: AppContext, raw: string) {
  const parsed = parseReceiptCode(raw);
  const row = parsed ? await repo.findItem(ctx.db, parsed.unitCode, parsed.code) : undefined;
  if (!row) throw new AppError('FEEDBACK_NOT_FOUND');
  return row;
}

/** What the follow page shows: no name or contact of the sender; the answer once published. */
export async function publicFeedback(ctx: AppContext, raw: string) {
  const row = await byReceipt(ctx, raw);
  const unit = await ctx.services.units.get(row.unitCode);
  const published = row.status === 'published';
  return {
    code: row.code,
    unit: { code: unit.code, name: unit.fullName },
    category: row.category,
    status: row.status,
    submittedAt: row.submittedAt.toISOString(),
    ...clockView(row, ctx.now()),
    dossierCode: row.dossierCode,
    content: row.content,
    infoRequest: row.infoRequest,
    infoReply: row.infoReply,
    refusalReason: row.refusalReason,
    answer: published ? row.answer : null,
    publishedAt: iso(row.publishedAt),
    rating: row.rating,
    ratedAt: iso(row.ratedAt),
    canSupplyInfo: row.status === 'info_requested',
    canRate: published && row.rating === null,
  };
}

/** The citizen supplies the information asked for: handling resumes, its clock counted from now. */
export async function supplyInfo(ctx: AppContext, raw: string, reply: string) {
  const row = await byReceipt(ctx, raw);
  if (row.status !== 'info_requested') throw new AppError('FEEDBACK_ACTION_NOT_ALLOWED');
  const unit = await ctx.services.units.get(row.unitCode);
  const now = ctx.now();
  const handlingDueAt = workingDaysAfter(
    await calendarOf(ctx, unit),
    now,
    ctx.config.feedbackClocks.handling,
  );
  const moved = await repo.moveItem(ctx.db, row.unitCode, row.code, ['info_requested'], {
    status: 'accepted',
    infoReply: reply,
    infoSuppliedAt: now,
    handlingDueAt,
  });
  if (!moved) throw new AppError('FEEDBACK_ACTION_NOT_ALLOWED');
  return publicFeedback(ctx, row.code);
}

/** The citizen's one rating, only of a published answer. */
export async function rateFeedback(ctx: AppContext, raw: string, rating: FeedbackRating) {
  const row = await byReceipt(ctx, raw);
  if (row.status !== 'published') throw new AppError('FEEDBACK_NOT_PUBLISHED');
  if (row.rating !== null) throw new AppError('FEEDBACK_ALREADY_RATED');
  const stored = await repo.rateItem(ctx.db, row.unitCode, row.code, rating, ctx.now());
  if (!stored) throw new AppError('FEEDBACK_ALREADY_RATED');
  return publicFeedback(ctx, row.code);
}

/** A commune the user may read; out of scope is answered like unknown (codes cannot be probed). */
async function readableCommune(ctx: AppContext, user: AuthUser, code: string | undefined) {
  const wanted = code ?? (user.scope.kind === 'unit' ? user.scope.unitCode : undefined);
  if (!wanted)
    throw new AppError('VALIDATION_FAILED', 'Cần chọn xã', [{ path: 'unit', message: 'Cần mã xã' }]);
  const unit = await communeOf(ctx, wanted);
  if (!unit || !mayReadFeedback(user, feedbackUnit(unit)))
    throw new AppError('UNIT_NOT_FOUND', `Mã xã ${wanted}`);
  return unit;
}

export async function listFeedback(
  ctx: AppContext,
  user: AuthUser,
  q: { unit?: string; status?: FeedbackStatus },
) {
  const unit = await readableCommune(ctx, user, q.unit);
  const rows = await repo.listItems(ctx.db, unit.code, q.status, LIST_LIMIT);
  const now = ctx.now();
  return {
    unit: { code: unit.code, name: unit.fullName },
    items: rows.map((r) => ({
      code: r.code,
      unit: { code: unit.code, name: unit.fullName },
      category: r.category,
      status: r.status,
      submittedAt: r.submittedAt.toISOString(),
      senderName: r.senderName,
      dossierCode: r.dossierCode,
      ...clockView(r, now),
    })),
  };
}

/** The staff's item of a code: the code names its commune; another commune's is answered as unknown. */
async function staffItem(ctx: AppContext, user: AuthUser, raw: string) {
  const parsed = parseReceiptCode(raw);
  const unit = parsed ? await communeOf(ctx, parsed.unitCode) : undefined;
  if (!parsed || !unit || !mayReadFeedback(user, feedbackUnit(unit)))
    throw new AppError('FEEDBACK_NOT_FOUND');
  const row = await repo.findItem(ctx.db, unit.code, parsed.code);
  if (!row) throw new AppError('FEEDBACK_NOT_FOUND');
  return { unit, row };
}

function presentStaff(user: AuthUser, unit: Unit, row: FeedbackRow, names: Map<string, string>, now: Date) {
  const step = (at: Date | null, by: string | null) =>
    at ? { at: at.toISOString(), by: by ? (names.get(by) ?? null) : null } : null;
  return {
    code: row.code,
    unit: { code: unit.code, name: unit.fullName },
    category: row.category,
    status: row.status,
    submittedAt: row.submittedAt.toISOString(),
    ...clockView(row, now),
    senderName: row.senderName,
    phone: row.phone,
    email: row.email,
    dossierCode: row.dossierCode,
    content: row.content,
    infoRequest: row.infoRequest,
    infoRequestedAt: iso(row.infoRequestedAt),
    infoReply: row.infoReply,
    infoSuppliedAt: iso(row.infoSuppliedAt),
    refusalReason: row.refusalReason,
    answer: row.answer,
    decided: step(row.decidedAt, row.decidedBy),
    answered: step(row.answeredAt, row.answeredBy),
    approved: step(row.approvedAt, row.approvedBy),
    published: step(row.publishedAt, row.publishedBy),
    rating: row.rating,
    ratedAt: iso(row.ratedAt),
    actions: feedbackActionsOf(user, feedbackUnit(unit)).filter((a) =>
      feedbackActionAllowed(a, row.status, row.infoRequestedAt !== null),
    ),
  };
}

export async function feedbackDetail(ctx: AppContext, user: AuthUser, raw: string) {
  const { unit, row } = await staffItem(ctx, user, raw);
  const ids = [row.decidedBy, row.answeredBy, row.approvedBy, row.publishedBy].filter(
    (x): x is string => !!x,
  );
  return presentStaff(user, unit, row, await repo.officerNames(ctx.db, ids), ctx.now());
}

function required(value: string | undefined, path: string, message: string): string {
  if (!value) throw new AppError('VALIDATION_FAILED', message, [{ path, message }]);
  return value;
}

/**
 * One handling step by an officer of the commune. Checked before any write: the officer's role, the
 * step allowed in the item's status, the text the step needs; then one statement moves the item only
 * if its status is still the one read (else 409, nothing written).
 */
export async function actOnFeedback(ctx: AppContext, user: AuthUser, raw: string, body: ActionBody) {
  const { unit, row } = await staffItem(ctx, user, raw);
  const action: FeedbackAction = body.action;
  if (!mayActOnFeedback(user, feedbackUnit(unit), action)) throw new AppError('FORBIDDEN');
  if (!feedbackActionAllowed(action, row.status, row.infoRequestedAt !== null))
    throw new AppError(
      'FEEDBACK_ACTION_NOT_ALLOWED',
      action === 'request_info' && row.infoRequestedAt ? 'Đã yêu cầu bổ sung thông tin một lần' : undefined,
    );
  const now = ctx.now();
  const to = feedbackStatusAfter(action);
  let set: Parameters<typeof repo.moveItem>[4];
  switch (action) {
    case 'accept':
      set = { decidedAt: now, decidedBy: user.id };
      break;
    case 'refuse': {
      if (!body.reason)
        throw new AppError('REASON_REQUIRED', 'Cần nêu lý do từ chối tiếp nhận', [
          { path: 'reason', message: 'Cần nêu lý do' },
        ]);
      set = {
        refusedAt: now,
        refusalReason: body.reason,
        decidedAt: row.decidedAt ?? now,
        decidedBy: row.decidedBy ?? user.id,
      };
      break;
    }
    case 'request_info':
      set = {
        infoRequest: required(body.request, 'request', 'Cần nêu thông tin người gửi phải bổ sung'),
        infoRequestedAt: now,
        decidedAt: row.decidedAt ?? now,
        decidedBy: row.decidedBy ?? user.id,
      };
      break;
    case 'answer':
      set = {
        answer: required(body.answer, 'answer', 'Cần nội dung trả lời'),
        answeredAt: now,
        answeredBy: user.id,
      };
      break;
    case 'approve': {
      const publicationDueAt = workingDaysAfter(
        await calendarOf(ctx, unit),
        now,
        ctx.config.feedbackClocks.publication,
      );
      set = { approvedAt: now, approvedBy: user.id, publicationDueAt };
      break;
    }
    case 'publish':
      set = { publishedAt: now, publishedBy: user.id };
      break;
  }
  const moved = await repo.moveItem(
    ctx.db,
    unit.code,
    row.code,
    FEEDBACK_TRANSITIONS[action].from,
    { ...set, status: to },
    action === 'request_info',
  );
  if (!moved)
    throw new AppError('FEEDBACK_ACTION_NOT_ALLOWED', 'Phản ánh vừa được người khác xử lý; tải lại');
  return feedbackDetail(ctx, user, row.code);
}

/**
 * Decision 766 5.1–5.3 figures of communes over a period judged at `cutoff` (the reports module calls
 * this; the counting rules are src/domain/reports/feedback-766.ts).
 */
export async function feedbackIndicatorCounts(
  ctx: Pick<AppContext, 'db'>,
  unitCodes: string[],
  period: PeriodInstants,
  cutoff: Date,
): Promise<FeedbackCounts> {
  const rows = await repo.itemsForPeriod(ctx.db, unitCodes, period.start, period.end);
  const facts: FeedbackFact[] = rows;
  return feedbackCounts(facts, period, cutoff);
}
