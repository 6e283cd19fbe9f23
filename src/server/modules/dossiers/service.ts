import { createHash, randomUUID } from 'node:crypto';
import type { TimeLimit } from '../../../domain/calendar/time-limit.ts';
import { dueForTimeLimit } from '../../../domain/calendar/time-limit.ts';
import { addDays, vnDateOf, vnInstant } from '../../../domain/calendar/vn-time.ts';
import { dossierCodePrefix, parseDossierCode } from '../../../domain/codes/dossier-code.ts';
import { validatePersonalId } from '../../../domain/identity/personal-id.ts';
import { defaultWorkflow, type WorkflowStep } from '../../../domain/lifecycle/workflow.ts';
import type { AppContext } from '../../context.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { auditHashAround } from '../audit/chain.ts';
import type { AuthUser, Scope } from '../identity/types.ts';
import { scopeCovers } from '../identity/types.ts';
import { decodeAttachments } from './attachments.ts';
import { canReceive } from './policy.ts';
import * as repo from './repository.ts';
import { CHANNEL_BY_CODE, type DossierView, type IntakeBody, NATIONAL_STATUS_NAMES } from './schemas.ts';

const INTAKE_ACTIONS = { accept: 'intake', refuse: 'refuse', supplement: 'request_pre_supplement' } as const;

/**
 * Writes one intake (repository.writeIntake) in the order of receipt: an intake that lost the race for
 * its unit's counter to a later one is built again at or after that one's time. Counter and online
 * intakes both go through here.
 */
export async function writeNumbered(
  ctx: Pick<AppContext, 'db' | 'now'>,
  build: (receivedAt: Date) => repo.IntakeWrite,
): Promise<
  | { kind: 'written'; code: string; bookNumber: number; receivedAt: Date; write: repo.IntakeWrite }
  | { kind: 'key_taken' }
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
    if (written.kind === 'key_taken') return written;
    return { ...written, receivedAt, write };
  }
}

/** Intakes of one unit that keep losing the race for its counter to later ones give up after this. */
const MAX_INTAKE_ATTEMPTS = 20;

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

function requestHash(body: IntakeBody): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('base64url');
}

/** Receives a dossier at the counter: validates everything, then writes it in one transaction. */
export async function receiveAtCounter(
  ctx: AppContext,
  user: AuthUser,
  body: IntakeBody,
  meta: { requestId: string; idempotencyKey?: string },
): Promise<{ dossier: DossierView; replayed: boolean }> {
  if (!canReceive(user) || user.scope.kind !== 'unit')
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ tiếp nhận của xã');
  const unitCode = user.scope.unitCode;
  const unit = await ctx.services.units.get(unitCode);
  if (!unit.isActive) throw new AppError('UNIT_INACTIVE');

  const key = meta.idempotencyKey;
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new AppError('IDEMPOTENCY_KEY_INVALID', '8–128 ký tự chữ, số, dấu chấm, gạch, hai chấm');
  }
  const hash = key ? requestHash(body) : '';
  if (key) {
    const replay = await replayIfKnown(ctx, user, unitCode, key, hash);
    if (replay) return { dossier: replay, replayed: true };
  }

  // Validate everything before anything is written.
  const now = ctx.now();
  const errors: FieldError[] = [];
  const pid = validatePersonalId(body.applicant.idNumber, vnDateOf(now));
  if (!pid.ok) {
    throw new AppError('PERSONAL_ID_INVALID', PERSONAL_ID_MESSAGES[pid.reason], [
      { path: 'applicant.idNumber', message: PERSONAL_ID_MESSAGES[pid.reason] },
    ]);
  }
  const entry = await ctx.services.catalog.find(unitCode, body.procedureCode);
  if (!entry) {
    throw new AppError('PROCEDURE_UNKNOWN', body.procedureCode, [
      { path: 'procedureCode', message: 'Mã thủ tục không có trong danh mục của xã' },
    ]);
  }
  const proc = entry.record;
  const ticked = new Map(body.documents.map((d) => [d.id, d]));
  for (const d of body.documents) {
    if (!proc.documents.some((p) => p.id === d.id)) {
      throw new AppError('DOCUMENT_UNKNOWN', d.id, [
        { path: 'documents', message: `Thành phần "${d.id}" không thuộc thủ tục` },
      ]);
    }
  }
  proc.documents.forEach((p) => {
    const t = ticked.get(p.id);
    if (p.required && (!t || t.originals + t.certifiedCopies + t.photocopies === 0)) {
      errors.push({ path: `documents.${p.id}`, message: `Thiếu: ${p.name}` });
    }
  });
  const decision = body.decision;
  if (decision !== 'accept' && !body.reasons?.length) {
    throw new AppError('REASON_REQUIRED', decision === 'refuse' ? 'Lý do từ chối' : 'Nội dung cần bổ sung', [
      { path: 'reasons', message: 'Cần nêu rõ lý do' },
    ]);
  }
  // A refused or to-be-supplemented dossier is incomplete by nature; only acceptance needs every document.
  if (decision === 'accept' && errors.length)
    throw new AppError('DOCUMENTS_INCOMPLETE', errors.map((e) => e.message).join('; '), errors);
  const status = decision === 'accept' ? 2 : decision === 'refuse' ? 3 : 1;
  const attachments = decodeAttachments(body.attachments, {
    maxBytes: ctx.config.maxUploadBytes,
    maxCount: ctx.config.maxAttachments,
  });
  const calendar = await ctx.services.calendar.forProvince(unit.parentCode ?? ctx.config.defaultProvince);

  // Files first (content-addressed and shared); a rolled-back intake leaves only an unreferenced file.
  const stored: Array<{
    a: (typeof attachments)[number];
    put: Awaited<ReturnType<AppContext['files']['put']>>;
  }> = [];
  for (const a of attachments) stored.push({ a, put: await ctx.files.put(a.bytes) });

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
  const subject = body.subject?.trim() || proc.name;
  const files = stored.map(({ a, put }) => ({
    id: randomUUID(),
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.bytes.length,
    sha256: put.sha256,
    storageKey: put.key,
  }));
  const auditReason = body.reasons?.join('; ') ?? null;

  // One statement numbers and writes the dossier (repository.writeIntake), at a time of receipt no
  // earlier than that of the unit's last numbered dossier (writeNumbered).
  const written = await writeNumbered(ctx, (receivedAt) => {
    const day = vnDateOf(receivedAt);
    const year = day.slice(0, 4);
    // Only an accepted dossier has an appointment; the others carry the time of receipt.
    const due =
      decision === 'accept'
        ? dueForTimeLimit(calendar, receivedAt, proc.timeLimit)
        : { dueAt: receivedAt, skipped: [] };
    const auditId = randomUUID();
    const auditData = {
      procedureCode: proc.code,
      dueAt: due.dueAt.toISOString(),
      skipped: due.skipped.length,
    };
    return {
      codePrefix: dossierCodePrefix(unit.agencyCode, day),
      counters: { day: `code:${day}`, book: `book:${year}` },
      dossier: {
        unitCode,
        provinceCode: unit.parentCode ?? '',
        procedureCode: proc.code,
        fieldCode: proc.field.code,
        channel: 1,
        status,
        subState: decision === 'supplement' ? 'pre_supplement' : 'none',
        intakeNote:
          decision === 'accept'
            ? null
            : { decision, reasons: body.reasons ?? [], missing: body.missing ?? [] },
        applicantName: body.applicant.fullName,
        applicantIdNumber: body.applicant.idNumber.trim(),
        applicantPhone: body.applicant.phone,
        applicantAddress: body.applicant.address,
        applicantEmail: body.applicant.email ?? null,
        subject,
        returnMethod: body.returnMethod,
        documents,
        timeLimit: proc.timeLimit,
        receivedAt,
        dueAt: due.dueAt,
        dueAtOriginal: due.dueAt,
        receivedBy: user.id,
        bookVolume: year,
        workflow: defaultWorkflow(proc.timeLimit),
      },
      audit: {
        id: auditId,
        action: INTAKE_ACTIONS[decision],
        reason: auditReason,
        requestId: meta.requestId,
        actorRole: user.role,
        data: auditData,
        hashAround: auditHashAround('', {
          unitCode,
          id: auditId,
          seq: 1,
          action: INTAKE_ACTIONS[decision],
          actorUserId: user.id,
          actorRole: user.role,
          fromStatus: null,
          toStatus: status,
          reason: auditReason,
          requestId: meta.requestId,
          data: auditData,
          at: receivedAt,
        }),
      },
      idempotency: key ? { key, requestHash: hash } : undefined,
      files,
    };
  });
  if (written.kind === 'key_taken') {
    const replay = key ? await replayIfKnown(ctx, user, unitCode, key, hash) : undefined;
    if (replay) return { dossier: replay, replayed: true };
    throw new AppError('IDEMPOTENCY_KEY_REUSED');
  }
  const receivedAt = written.receivedAt;
  const due = { dueAt: written.write.dossier.dueAt };
  const year = written.write.dossier.bookVolume;
  const { code, bookNumber } = written;
  const view: DossierView = {
    code,
    status,
    statusName: NATIONAL_STATUS_NAMES[status]!,
    channel: 'counter',
    unit: { code: unit.code, name: unit.fullName },
    procedure: { code: proc.code, name: proc.name, timeLimit: proc.timeLimit },
    applicant: {
      fullName: body.applicant.fullName,
      idNumber: body.applicant.idNumber.trim(),
      phone: body.applicant.phone,
      address: body.applicant.address,
      email: body.applicant.email ?? null,
    },
    subject,
    returnMethod: body.returnMethod,
    documents,
    attachments: files.map((f) => ({
      id: f.id,
      fileName: f.fileName,
      contentType: f.contentType,
      size: f.size,
    })),
    receivedAt: receivedAt.toISOString(),
    dueAt: due.dueAt.toISOString(),
    receivedBy: { username: user.username, fullName: user.fullName },
    book: { volume: year, number: bookNumber },
    version: 1,
    subState: decision === 'supplement' ? 'pre_supplement' : 'none',
    dueAtOriginal: due.dueAt.toISOString(),
    step: null,
    assignee: null,
    pausedSince: null,
    supplementRequests: 0,
    processingEndedAt: null,
    returnedAt: null,
    timeliness: null,
    result: null,
  };
  return { dossier: view, replayed: false };
}

const PERSONAL_ID_MESSAGES: Record<'format' | 'province' | 'century' | 'future_birth_year', string> = {
  format: 'Số định danh cá nhân phải gồm đúng 12 chữ số',
  province: 'Ba chữ số đầu không phải mã tỉnh nơi đăng ký khai sinh',
  century: 'Chữ số thứ tư (thế kỷ, giới tính) không hợp lệ',
  future_birth_year: 'Năm sinh trong số định danh lớn hơn năm hiện tại',
};

async function replayIfKnown(ctx: AppContext, user: AuthUser, unitCode: string, key: string, hash: string) {
  const known = await repo.findIdempotencyKey(ctx.db, unitCode, key);
  if (!known) return undefined;
  if (known.requestHash !== hash || known.userId !== user.id) throw new AppError('IDEMPOTENCY_KEY_REUSED');
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
  const d = found.dossier;
  const files = found.files;
  const entry = await ctx.services.catalog.find(unit.code, d.procedureCode);
  const steps = (d.workflow as WorkflowStep[] | null) ?? defaultWorkflow(d.timeLimit as TimeLimit);
  const step = steps[d.stepIndex];
  return {
    code: d.code,
    status: d.status,
    statusName: NATIONAL_STATUS_NAMES[d.status] ?? String(d.status),
    channel: CHANNEL_BY_CODE[d.channel] ?? 'counter',
    unit: { code: unit.code, name: unit.fullName },
    procedure: {
      code: d.procedureCode,
      name: entry?.record.name ?? d.procedureCode,
      timeLimit: d.timeLimit as DossierView['procedure']['timeLimit'],
    },
    applicant: {
      fullName: d.applicantName,
      idNumber: d.applicantIdNumber,
      phone: d.applicantPhone,
      address: d.applicantAddress,
      email: d.applicantEmail,
    },
    subject: d.subject,
    returnMethod: d.returnMethod,
    documents: d.documents,
    attachments: files.map((f) => ({
      id: f.id,
      fileName: f.fileName,
      contentType: f.contentType,
      size: f.size,
    })),
    receivedAt: d.receivedAt.toISOString(),
    dueAt: d.dueAt.toISOString(),
    receivedBy: { username: found.receiverUsername ?? '', fullName: found.receiverName ?? '' },
    book: { volume: d.bookVolume, number: d.bookNumber },
    version: d.version,
    subState: d.subState,
    dueAtOriginal: d.dueAtOriginal.toISOString(),
    step:
      d.status === 4 && step
        ? {
            index: d.stepIndex,
            key: step.key,
            name: step.name,
            role: step.role,
            dueAt: d.stepDueAt?.toISOString() ?? null,
          }
        : null,
    assignee: found.assigneeUsername ?? null,
    pausedSince: d.pausedAt?.toISOString() ?? null,
    supplementRequests: d.supplementRequests,
    processingEndedAt: d.processingEndedAt?.toISOString() ?? null,
    returnedAt: d.returnedAt?.toISOString() ?? null,
    timeliness: (d.timeliness as 'early' | 'on_time' | 'late' | null) ?? null,
    result: d.result ? { fileId: String(d.result.fileId), fileName: String(d.result.fileName) } : null,
  };
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
