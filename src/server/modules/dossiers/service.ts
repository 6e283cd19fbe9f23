import { createHash, randomUUID } from 'node:crypto';
import { dueForTimeLimit } from '../../../domain/calendar/time-limit.ts';
import { addDays, vnDateOf, vnInstant } from '../../../domain/calendar/vn-time.ts';
import type { WorkCalendar } from '../../../domain/calendar/work-calendar.ts';
import { feePaymentError } from '../../../domain/catalog/fee-payment.ts';
import { dossierCodePrefix, parseDossierCode } from '../../../domain/codes/dossier-code.ts';
import { validatePersonalId } from '../../../domain/identity/personal-id.ts';
import type { IntakeDecision } from '../../../domain/lifecycle/events.ts';
import { type IntakeOutcome, intakeOutcome, missingDocuments } from '../../../domain/lifecycle/intake.ts';
import { defaultWorkflow } from '../../../domain/lifecycle/workflow.ts';
import { actorTitleOf } from '../../../domain/portal/sync.ts';
import type { AppContext } from '../../context.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { receivedEventPart } from '../dossier-events/recorder.ts';
import type { AuthUser, Scope } from '../identity/types.ts';
import { scopeCovers } from '../identity/types.ts';
import { portalActor, portalSyncOn, portalView } from '../portal/view.ts';
import { linkTicketPart, type Telling, ticketForIntake } from '../queue/service.ts';
import { decodeAttachments } from './attachments.ts';
import { canReceive } from './policy.ts';
import { presentDossier } from './present.ts';
import * as repo from './repository.ts';
import { type DossierView, type IntakeBody, NATIONAL_STATUS_NAMES } from './schemas.ts';

/**
 * Numbers and writes one intake (repository.writeIntake) in the order of receipt: its time of receipt
 * must not be earlier than that of the unit's last numbered dossier, so that codes follow receipt
 * order; an intake that lost the race for the unit's counter to a later one is built again at or after
 * that one's time. Counter (writeReceived) and online (citizen/service.ts) intakes both go through here.
 */
export async function writeNumbered<W extends repo.IntakeWrite>(
  ctx: Pick<AppContext, 'db' | 'now'>,
  build: (receivedAt: Date) => W,
): Promise<
  | { kind: 'written'; code: string; bookNumber: number; receivedAt: Date; dossier: W['dossier'] }
  | { kind: 'key_taken' }
  | { kind: 'portal_taken' }
  | { kind: 'ticket_gone' }
> {
  let notBefore = 0;
  for (let attempt = 1; ; attempt++) {
    const taken = ctx.now();
    const receivedAt = taken.getTime() >= notBefore ? taken : new Date(notBefore);
    const write = build(receivedAt);
    const written = await repo.writeIntake(ctx.db, write);
    if (written.kind === 'out_of_order') {
      if (attempt >= MAX_INTAKE_ATTEMPTS) throw new AppError('INTAKE_BUSY');
      notBefore = written.lastAt.getTime();
      continue;
    }
    if (written.kind === 'key_taken' || written.kind === 'portal_taken' || written.kind === 'ticket_gone')
      return written;
    return { ...written, receivedAt, dossier: write.dossier };
  }
}

/** Intakes of one unit that keep losing the race for its counter to later ones give up after this. */
const MAX_INTAKE_ATTEMPTS = 20;

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

type Unit = Awaited<ReturnType<AppContext['services']['units']['get']>>;
type Procedure = NonNullable<Awaited<ReturnType<AppContext['services']['catalog']['find']>>>['record'];

/** An intake request once validated: everything the write needs, nothing written yet. */
interface ValidIntake {
  proc: Procedure;
  decision: IntakeDecision;
  outcome: IntakeOutcome;
  documents: repo.DossierRow['documents'];
  attachments: ReturnType<typeof decodeAttachments>;
}

/** Receives a dossier at the counter: validates everything, then writes it in one statement. */
export async function receiveAtCounter(
  ctx: AppContext,
  user: AuthUser,
  body: IntakeBody,
  meta: { requestId: string; idempotencyKey?: string },
): Promise<{ dossier: DossierView; replayed: boolean }> {
  const unit = await receivingUnit(ctx, user);
  const key = idempotencyOf(body, meta.idempotencyKey);
  if (key) {
    const replay = await replayIfKnown(ctx, user, unit.code, key);
    if (replay) return { dossier: replay, replayed: true };
  }
  const intake = await validateIntake(ctx, unit, body);
  // Received from a queue ticket called at a counter: checked now, linked and re-checked by the
  // intake's own statement (the queue module's part), so the ticket and the dossier are one visit.
  const ticket = body.queueTicketId ? await ticketForIntake(ctx, user, body.queueTicketId) : undefined;
  const calendar = await ctx.services.calendar.forProvince(unit.parentCode ?? ctx.config.defaultProvince);
  const files = await storeAttachments(ctx, intake.attachments);
  return writeReceived(ctx, {
    user,
    unit,
    body,
    intake,
    calendar,
    files,
    key,
    ticket,
    requestId: meta.requestId,
  });
}

/** Only a commune's reception officer receives, and only for an active center. */
async function receivingUnit(ctx: AppContext, user: AuthUser) {
  if (!canReceive(user) || user.scope.kind !== 'unit')
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ tiếp nhận của xã');
  const unit = await ctx.services.units.get(user.scope.unitCode);
  if (!unit.isActive) throw new AppError('UNIT_INACTIVE');
  return unit;
}

interface IdempotencyKey {
  key: string;
  requestHash: string;
}

function idempotencyOf(body: IntakeBody, key: string | undefined): IdempotencyKey | undefined {
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key))
    throw new AppError('IDEMPOTENCY_KEY_INVALID', '8–128 ký tự chữ, số, dấu chấm, gạch, hai chấm');
  if (!key) return undefined;
  return { key, requestHash: createHash('sha256').update(JSON.stringify(body)).digest('base64url') };
}

/** Checks the personal ID, the procedure, the document checklist, the reasons and the attachments. */
async function validateIntake(ctx: AppContext, unit: Unit, body: IntakeBody): Promise<ValidIntake> {
  const pid = validatePersonalId(body.applicant.idNumber, vnDateOf(ctx.now()));
  if (!pid.ok) {
    throw new AppError('PERSONAL_ID_INVALID', PERSONAL_ID_MESSAGES[pid.reason], [
      { path: 'applicant.idNumber', message: PERSONAL_ID_MESSAGES[pid.reason] },
    ]);
  }
  const entry = await ctx.services.catalog.find(unit.code, body.procedureCode);
  if (!entry) {
    throw new AppError('PROCEDURE_UNKNOWN', body.procedureCode, [
      { path: 'procedureCode', message: 'Mã thủ tục không có trong danh mục của xã' },
    ]);
  }
  const proc = entry.record;
  for (const d of body.documents) {
    if (!proc.documents.some((p) => p.id === d.id)) {
      throw new AppError('DOCUMENT_UNKNOWN', d.id, [
        { path: 'documents', message: `Thành phần "${d.id}" không thuộc thủ tục` },
      ]);
    }
  }
  const decision = body.decision;
  if (decision !== 'accept' && !body.reasons?.length) {
    throw new AppError('REASON_REQUIRED', decision === 'refuse' ? 'Lý do từ chối' : 'Nội dung cần bổ sung', [
      { path: 'reasons', message: 'Cần nêu rõ lý do' },
    ]);
  }
  // A refused or to-be-supplemented dossier is incomplete by nature; only acceptance needs every document.
  const errors: FieldError[] = missingDocuments(proc.documents, body.documents).map((p) => ({
    path: `documents.${p.id}`,
    message: `Thiếu: ${p.name}`,
  }));
  if (decision === 'accept' && errors.length)
    throw new AppError('DOCUMENTS_INCOMPLETE', errors.map((e) => e.message).join('; '), errors);
  const feeError = body.fee ? feePaymentError(proc.fees, decision === 'accept', body.fee) : null;
  if (feeError) throw new AppError('VALIDATION_FAILED', feeError.message, [feeError]);
  const attachments = decodeAttachments(body.attachments, {
    maxBytes: ctx.config.maxUploadBytes,
    maxCount: ctx.config.maxAttachments,
  });
  const ticked = new Map(body.documents.map((d) => [d.id, d]));
  const documents = proc.documents
    .filter((p) => ticked.has(p.id))
    .map((p) => {
      const t = ticked.get(p.id)!;
      return {
        id: p.id,
        name: p.name,
        originals: t.originals,
        certifiedCopies: t.certifiedCopies,
        photocopies: t.photocopies,
      };
    });
  return { proc, decision, outcome: intakeOutcome(decision), documents, attachments };
}

/** Files first (content-addressed and shared); a rolled-back intake leaves only an unreferenced file. */
async function storeAttachments(ctx: AppContext, attachments: ValidIntake['attachments']) {
  const files = [];
  for (const a of attachments) {
    const put = await ctx.files.put(a.bytes);
    files.push({
      id: randomUUID(),
      fileName: a.fileName,
      contentType: a.contentType,
      size: a.bytes.length,
      sha256: put.sha256,
      storageKey: put.key,
    });
  }
  return files;
}

/** Numbers and writes the dossier with its received event in one statement (writeNumbered). */
async function writeReceived(
  ctx: AppContext,
  w: {
    user: AuthUser;
    unit: Unit;
    body: IntakeBody;
    intake: ValidIntake;
    calendar: WorkCalendar;
    files: Awaited<ReturnType<typeof storeAttachments>>;
    key: IdempotencyKey | undefined;
    ticket: Awaited<ReturnType<typeof ticketForIntake>> | undefined;
    requestId: string;
  },
): Promise<{ dossier: DossierView; replayed: boolean }> {
  const { user, unit, body, intake, key } = w;
  const { proc, outcome } = intake;
  const written = await writeNumbered(ctx, (receivedAt) => {
    const day = vnDateOf(receivedAt);
    const year = day.slice(0, 4);
    const due = outcome.startsClock
      ? dueForTimeLimit(w.calendar, receivedAt, proc.timeLimit)
      : { dueAt: receivedAt, skipped: [] };
    const dossier = {
      unitCode: unit.code,
      provinceCode: unit.parentCode ?? '',
      procedureCode: proc.code,
      fieldCode: proc.field.code,
      channel: 1,
      status: outcome.status,
      subState: outcome.subState,
      intakeNote:
        intake.decision === 'accept'
          ? null
          : { decision: intake.decision, reasons: body.reasons ?? [], missing: body.missing ?? [] },
      applicantName: body.applicant.fullName,
      applicantIdNumber: body.applicant.idNumber.trim(),
      applicantPhone: body.applicant.phone,
      applicantAddress: body.applicant.address,
      applicantEmail: body.applicant.email ?? null,
      subject: body.subject?.trim() || proc.name,
      returnMethod: body.returnMethod,
      feePayment: body.fee?.payment ?? null,
      feeAmount: body.fee ? (body.fee.amount ?? 0) : null,
      documents: intake.documents,
      timeLimit: proc.timeLimit,
      receivedAt,
      dueAt: due.dueAt,
      dueAtOriginal: due.dueAt,
      receivedBy: user.id,
      bookVolume: year,
      workflow: defaultWorkflow(proc.timeLimit),
    };
    const event = receivedEventPart(
      {
        type: 'received',
        id: randomUUID(),
        unitCode: unit.code,
        at: receivedAt,
        actorUserId: user.id,
        actorRole: user.role,
        requestId: w.requestId,
        reason: body.reasons?.join('; ') ?? null,
        decision: intake.decision,
        toStatus: outcome.status,
        procedureCode: proc.code,
        dueAt: due.dueAt,
        skippedDays: due.skipped.length,
      },
      dossier,
      portalSyncOn(ctx)
        ? portalView({
            // The code is formed by the statement, which puts it into MaHoSo.
            code: '',
            unit,
            procedure: proc,
            dossier,
            files: w.files,
            actor: portalActor(unit, { fullName: user.fullName, title: actorTitleOf(user.role) }),
            refusedAt: intake.decision === 'refuse' ? receivedAt : null,
          })
        : undefined,
    );
    return {
      codePrefix: dossierCodePrefix(unit.agencyCode, day),
      counters: { day: `code:${day}`, book: `book:${year}` },
      dossier,
      event,
      idempotency: key,
      files: w.files,
      ticket: w.ticket
        ? (p: (value: unknown) => string, from: string, telling: Telling) =>
            linkTicketPart(p, { ...w.ticket!, at: receivedAt }, from, telling)
        : undefined,
    };
  });
  if (written.kind === 'portal_taken') throw new Error('a counter intake has no portal id');
  if (written.kind === 'ticket_gone')
    throw new AppError(
      'QUEUE_ACTION_NOT_ALLOWED',
      'Số thứ tự vừa được thay đổi tại quầy, hồ sơ chưa được tiếp nhận',
      [{ path: 'queueTicketId', message: 'Số thứ tự không còn đang được gọi tại quầy' }],
    );
  if (written.kind === 'key_taken') {
    const replay = key ? await replayIfKnown(ctx, user, unit.code, key) : undefined;
    if (replay) return { dossier: replay, replayed: true };
    throw new AppError('IDEMPOTENCY_KEY_REUSED');
  }
  const view = presentDossier({
    dossier: {
      ...written.dossier,
      code: written.code,
      bookNumber: written.bookNumber,
      version: 1,
      assisted: false,
      stepIndex: 0,
      stepDueAt: null,
      pausedAt: null,
      supplementRequests: 0,
      processingEndedAt: null,
      returnedAt: null,
      timeliness: null,
      result: null,
    },
    unit,
    procedureName: proc.name,
    files: w.files,
    receivedBy: { username: user.username, fullName: user.fullName },
    assignee: null,
  });
  return { dossier: view, replayed: false };
}

const PERSONAL_ID_MESSAGES: Record<'format' | 'province' | 'century' | 'future_birth_year', string> = {
  format: 'Số định danh cá nhân phải gồm đúng 12 chữ số',
  province: 'Ba chữ số đầu không phải mã tỉnh nơi đăng ký khai sinh',
  century: 'Chữ số thứ tư (thế kỷ, giới tính) không hợp lệ',
  future_birth_year: 'Năm sinh trong số định danh lớn hơn năm hiện tại',
};

async function replayIfKnown(ctx: AppContext, user: AuthUser, unitCode: string, key: IdempotencyKey) {
  const known = await repo.findIdempotencyKey(ctx.db, unitCode, key.key);
  if (!known) return undefined;
  if (known.requestHash !== key.requestHash || known.userId !== user.id)
    throw new AppError('IDEMPOTENCY_KEY_REUSED');
  return getDossier(ctx, user.scope, known.dossierCode);
}

/** The unit a dossier code belongs to, when the scope covers it. */
export async function unitOfCode(ctx: AppContext, code: string) {
  const parsed = parseDossierCode(code);
  if (!parsed) return undefined;
  return ctx.services.units.findByAgency(parsed.agencyCode);
}

/** A dossier the scope may see; unknown and out-of-scope dossiers are indistinguishable (404). */
export async function getDossier(ctx: AppContext, scope: Scope, code: string): Promise<DossierView> {
  const unit = await unitOfCode(ctx, code);
  if (!unit || !scopeCovers(scope, unit.code, unit.parentCode ?? '')) throw new AppError('DOSSIER_NOT_FOUND');
  const found = await repo.findDossier(ctx.db, unit.code, code);
  if (!found) throw new AppError('DOSSIER_NOT_FOUND');
  return presentFound(ctx, unit, found);
}

/** A dossier read with its view's parts: findDossier's, or a lifecycle action's update (no read). */
export interface FoundDossier {
  dossier: repo.DossierRow;
  receiverUsername: string | null;
  receiverName: string | null;
  assigneeUsername: string | null;
  files: repo.ListedFile[];
  sync: DossierView['sync'] | undefined;
  portalFiles: repo.PortalFileState[];
}

/** The dossier's JSON from what was read of it; the procedure's name comes from the catalogue's cache. */
export async function presentFound(
  ctx: AppContext,
  unit: { code: string; fullName: string },
  found: FoundDossier,
): Promise<DossierView> {
  const entry = await ctx.services.catalog.find(unit.code, found.dossier.procedureCode);
  return presentDossier({
    sync: found.sync,
    portalFiles: found.portalFiles,
    dossier: found.dossier,
    unit,
    procedureName: entry?.record.name ?? found.dossier.procedureCode,
    files: found.files,
    receivedBy: { username: found.receiverUsername ?? '', fullName: found.receiverName ?? '' },
    assignee: found.assigneeUsername ?? null,
  });
}

/** Public status by code and the last four digits of the applicant's phone; nothing more personal. */
export async function track(ctx: AppContext, code: string, phoneLast4: string) {
  const unit = await unitOfCode(ctx, code);
  const found = unit ? await repo.findDossier(ctx.db, unit.code, code) : undefined;
  if (!unit || !found || found.dossier.applicantPhone.replace(/\D/g, '').slice(-4) !== phoneLast4) {
    throw new AppError('DOSSIER_NOT_FOUND', 'Kiểm tra lại mã hồ sơ và 4 số cuối điện thoại');
  }
  const d = found.dossier;
  const entry = await ctx.services.catalog.find(unit.code, d.procedureCode);
  return {
    code: d.code,
    procedure: { code: d.procedureCode, name: entry?.record.name ?? d.procedureCode },
    status: d.status,
    statusName: NATIONAL_STATUS_NAMES[d.status] ?? String(d.status),
    receivedAt: d.receivedAt.toISOString(),
    dueAt: d.dueAt.toISOString(),
    unit: { code: unit.code, name: unit.fullName },
    result: publicResult(d),
  };
}

/** What the tracking page says of an issued result: number, kind and hash, never its content. */
function publicResult(d: { result: Record<string, unknown> | null; processingEndedAt: Date | null }) {
  const r = d.result;
  if (!r) return null;
  const number = typeof r.number === 'string' ? r.number : null;
  return {
    issuedAt: d.processingEndedAt ? d.processingEndedAt.toISOString() : null,
    number,
    // An uploaded file's name is the officer's free text: only a template's title is shown.
    title: number && typeof r.name === 'string' ? r.name : null,
    sha256: typeof r.sha256 === 'string' ? r.sha256 : null,
  };
}

/** Dossiers received on one Vietnamese calendar day in the user's scope (optionally one unit). */
export async function listReceivedOn(ctx: AppContext, user: AuthUser, day: string, unitCode?: string) {
  let scope: Scope = user.scope;
  if (unitCode) {
    const unit = await ctx.services.units.get(unitCode);
    if (!scopeCovers(user.scope, unit.code, unit.parentCode ?? '')) throw new AppError('FORBIDDEN');
    scope = { kind: 'unit', unitCode: unit.code, provinceCode: unit.parentCode ?? '' };
  } else if (scope.kind === 'all') {
    throw new AppError('VALIDATION_FAILED', 'Cần chọn đơn vị', [
      { path: 'unit', message: 'Cần chọn đơn vị' },
    ]);
  }
  const rows = await repo.listReceived(ctx.db, scope, vnInstant(day, 0), vnInstant(addDays(day, 1), 0), 500);
  const items = [];
  for (const r of rows) {
    const entry = await ctx.services.catalog.find(r.unitCode, r.procedureCode);
    items.push({
      code: r.code,
      procedure: { code: r.procedureCode, name: entry?.record.name ?? r.procedureCode },
      applicantName: r.applicantName,
      status: r.status,
      statusName: NATIONAL_STATUS_NAMES[r.status] ?? String(r.status),
      receivedAt: r.receivedAt.toISOString(),
      dueAt: r.dueAt.toISOString(),
    });
  }
  return items;
}
