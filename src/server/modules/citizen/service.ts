import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { vnDateOf } from '../../../domain/calendar/vn-time.ts';
import { dossierCodePrefix } from '../../../domain/codes/dossier-code.ts';
import { findFormVersion } from '../../../domain/forms/registry.ts';
import type { CitizenAction, CitizenEvent, CitizenFacts } from '../../../domain/lifecycle/events.ts';
import { type NationalStatus, statusName } from '../../../domain/lifecycle/statuses.ts';
import { TRANSITIONS } from '../../../domain/lifecycle/transitions.ts';
import { defaultWorkflow } from '../../../domain/lifecycle/workflow.ts';
import { actorTitleOf } from '../../../domain/portal/sync.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { listEvents } from '../audit/repository.ts';
import { recordSecurityEvent, SYSTEM_CHAIN } from '../audit/security.ts';
import { receivedEventPart, recordDossierEvent } from '../dossier-events/recorder.ts';
import { decodeAttachments } from '../dossiers/attachments.ts';
import { CHANNEL_BY_CODE } from '../dossiers/schemas.ts';
import { unitOfCode, writeNumbered } from '../dossiers/service.ts';
import type { AuthUser } from '../identity/types.ts';
import { eventPortalView, portalActor, portalSyncOn, portalView } from '../portal/view.ts';
import { lockDossierRow, updateDossier } from '../workflow/repository.ts';
import { plainAnswerErrors, validateOnlineAnswers } from './answers.ts';
import { type CitizenOidc, OidcRefusal } from './oidc.ts';
import { assistedFiling, canDownloadResult, canRate, canWithdraw, supplementKind } from './policy.ts';
import * as repo from './repository.ts';
import type { CitizenDossierView, OnlineSubmission, RATINGS, SupplementBody } from './schemas.ts';

/** A signed-in citizen: the identity the provider verified (never typed in by the citizen). */
export interface Citizen {
  subject: string;
  personalId: string;
  fullName: string;
  birthDate: string | null;
  verified: boolean;
}

/** How long a sign-in started here may take at the provider. */
const LOGIN_TTL_MS = 10 * 60_000;
const ONLINE_CHANNEL = 2;
/** An online dossier waits for reception at national status 1 (Mới tiếp nhận, docs/domain-vn.md §8.2). */
const ONLINE_QUEUE_STATUS = 1;
const CITIZEN_ROLE = 'citizen';
/** How the portal's progress entries name a citizen acting on their own dossier (ChucDanh). */
const CITIZEN_TITLE = 'Công dân';

function hashToken(token: string): string {
  return createHash('sha256').update(`citizen:${token}`).digest('base64url');
}

/** Only paths of this web app may be returned to after sign-in (no open redirect). */
export function safeReturnPath(p: string | undefined): string {
  if (!p || !/^\/(?![/\\])[A-Za-z0-9\-._~/%?=&]*$/.test(p)) return '/ho-so-cua-toi';
  return p;
}

export async function startLogin(ctx: AppContext, oidc: CitizenOidc, returnTo: string | undefined) {
  const checks = oidc.newChecks();
  const url = await oidc.authorizationUrl(checks);
  const now = ctx.now();
  await repo.insertLogin(
    ctx.db,
    {
      state: checks.state,
      nonce: checks.nonce,
      codeVerifier: checks.codeVerifier,
      returnTo: safeReturnPath(returnTo),
      createdAt: now,
      expiresAt: new Date(now.getTime() + LOGIN_TTL_MS),
    },
    now,
  );
  return url;
}

/**
 * Finishes a sign-in from the provider's redirect: the state must be one this server issued, unused
 * and unexpired; openid-client then redeems the code and checks the ID token. Refusals are logged by
 * the caller with `reason` only — no identity, code or token.
 */
export async function finishLogin(
  ctx: AppContext,
  oidc: CitizenOidc,
  callbackUrl: URL,
  warn: (reason: string) => void,
) {
  const state = callbackUrl.searchParams.get('state') ?? '';
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(state)) {
    warn('state missing or malformed');
    throw new AppError('OIDC_RESPONSE_INVALID');
  }
  const now = ctx.now();
  const taken = await repo.takeLogin(ctx.db, state, now);
  if (!taken) {
    warn('state unknown');
    throw new AppError('OIDC_RESPONSE_INVALID');
  }
  if (taken.kind === 'used') {
    warn('state used before (replay)');
    throw new AppError('OIDC_RESPONSE_REPLAYED');
  }
  const login = taken.login;
  if (login.expiresAt.getTime() <= now.getTime()) {
    warn('sign-in attempt expired');
    throw new AppError('OIDC_RESPONSE_EXPIRED');
  }
  if (callbackUrl.searchParams.has('error')) {
    warn(`provider answered error ${callbackUrl.searchParams.get('error')?.slice(0, 40)}`);
    throw new AppError('OIDC_RESPONSE_INVALID', 'Đăng nhập không thành công hoặc đã bị hủy');
  }
  let identity: Awaited<ReturnType<CitizenOidc['redeem']>>;
  try {
    identity = await oidc.redeem(callbackUrl, {
      state: login.state,
      nonce: login.nonce,
      codeVerifier: login.codeVerifier,
    });
  } catch (err) {
    if (err instanceof OidcRefusal) {
      warn(`ID token or code refused: ${err.reason}`);
      throw new AppError(err.kind === 'expired' ? 'OIDC_RESPONSE_EXPIRED' : 'OIDC_RESPONSE_INVALID');
    }
    throw err;
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.config.citizenSessionHours * 3_600_000);
  await ctx.db.transaction(async (tx) => {
    await repo.insertSession(tx, {
      tokenHash: hashToken(token),
      subject: identity.subject,
      personalId: identity.personalId,
      fullName: identity.fullName,
      birthDate: identity.birthDate,
      verified: true,
      createdAt: now,
      expiresAt,
    });
    // The provider's subject may be a personal ID: the trail keeps a digest that names the same
    // person across sign-ins and reveals nothing.
    await recordSecurityEvent(tx, {
      action: 'citizen_sign_in',
      unitCode: SYSTEM_CHAIN,
      actor: { userId: null, role: CITIZEN_ROLE, username: null },
      data: { subjectRef: createHash('sha256').update(identity.subject).digest('hex').slice(0, 16) },
      at: now,
    });
  });
  return { token, expiresAt, returnTo: login.returnTo };
}

export async function citizenForToken(
  ctx: AppContext,
  token: string | undefined,
): Promise<Citizen | undefined> {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const row = await repo.findSession(ctx.db, hashToken(token), ctx.now());
  if (!row) return undefined;
  return {
    subject: row.subject,
    personalId: row.personalId,
    fullName: row.fullName,
    birthDate: row.birthDate,
    verified: row.verified,
  };
}

export async function logoutCitizen(ctx: AppContext, token: string) {
  await repo.deleteSession(ctx.db, hashToken(token));
}

export async function saveDraft(
  ctx: AppContext,
  c: Citizen,
  procedureCode: string,
  data: Record<string, unknown>,
) {
  const errors = plainAnswerErrors(data, 'data');
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors[0]?.message, errors);
  const now = ctx.now();
  await repo.saveDraft(ctx.db, c.subject, procedureCode, data, now);
  return { procedureCode, data, updatedAt: now.toISOString() };
}

export async function getDraft(ctx: AppContext, c: Citizen, procedureCode: string) {
  const d = await repo.findDraft(ctx.db, c.subject, procedureCode);
  if (!d) throw new AppError('NOT_FOUND', 'Chưa có bản nháp cho thủ tục này');
  return { procedureCode, data: d.data, updatedAt: d.updatedAt.toISOString() };
}

function decodeUploads(ctx: AppContext, list: OnlineSubmission['documents']) {
  return decodeAttachments(
    list.map((d) => ({ fileName: d.fileName, contentType: d.contentType, dataBase64: d.dataBase64 })),
    { maxBytes: ctx.config.maxUploadBytes, maxCount: ctx.config.maxAttachments },
  ).map((a, i) => ({ ...a, documentId: list[i]!.documentId }));
}

async function storeUploads(ctx: AppContext, uploads: ReturnType<typeof decodeUploads>) {
  const files = [];
  for (const u of uploads) {
    const put = await ctx.files.put(u.bytes);
    files.push({
      id: randomUUID(),
      fileName: u.fileName,
      contentType: u.contentType,
      size: u.bytes.length,
      sha256: put.sha256,
      storageKey: put.key,
    });
  }
  return files;
}

/**
 * Files a dossier online: numbered at once and put in the commune's online queue at national status 1
 * (channel 2); reception accepts it (code kept, appointment counted from acceptance), asks for a
 * supplement or refuses it through the lifecycle actions.
 */
export async function submitOnline(
  ctx: AppContext,
  c: Citizen,
  body: OnlineSubmission,
  meta: { requestId: string },
) {
  const code = await fileOnline(ctx, { kind: 'citizen', citizen: c }, body, meta);
  await repo.deleteDraft(ctx.db, c.subject, body.procedureCode);
  return getCitizenDossier(ctx, c, code);
}

/** Who files an online dossier: the signed-in citizen, or a reception officer at the counter for them. */
type OnlineFiler = { kind: 'citizen'; citizen: Citizen } | { kind: 'officer'; user: AuthUser };

/**
 * Assisted filing (issue 14 item 5): at the counter a reception officer fills the same online form for
 * a citizen who cannot. The dossier is an online one (channel 2, the same answers, the same validator)
 * flagged `assisted`, filed by the officer and waiting in the commune's online queue like any other; the
 * applicant is the person the form's applicant group names.
 */
export async function fileAssisted(
  ctx: AppContext,
  user: AuthUser,
  body: OnlineSubmission,
  meta: { requestId: string },
) {
  const may = assistedFiling(user, body.unitCode);
  if (may === 'not_receiving') throw new AppError('FORBIDDEN');
  if (may === 'other_commune')
    throw new AppError('FORBIDDEN', 'Cán bộ chỉ nộp hồ sơ giúp công dân vào xã của mình');
  return fileOnline(ctx, { kind: 'officer', user }, body, meta);
}

/** The applicant an officer files for: the name and personal ID the form's applicant group gives. */
function applicantOfAnswers(procedureCode: string, formVersion: number, answers: Record<string, unknown>) {
  const form = findFormVersion(procedureCode, formVersion);
  const group = form?.groups.find(
    (g) => !g.repeat && !g.showWhen && g.fields.some((f) => f.type === 'personalId' && !f.showWhen),
  );
  const given = group ? (answers[group.id] as Record<string, unknown> | undefined) : undefined;
  const idField = group?.fields.find((f) => f.type === 'personalId' && !f.showWhen);
  const fullName = typeof given?.fullName === 'string' ? given.fullName : '';
  const personalId = idField && typeof given?.[idField.id] === 'string' ? String(given[idField.id]) : '';
  if (!group || !fullName || !personalId)
    throw new AppError('VALIDATION_FAILED', 'Chưa có họ tên và số định danh của người nộp', [
      { path: 'answers', message: 'Điền họ tên và số định danh cá nhân của người nộp hồ sơ' },
    ]);
  return { fullName, personalId };
}

async function fileOnline(
  ctx: AppContext,
  filer: OnlineFiler,
  body: OnlineSubmission,
  meta: { requestId: string },
): Promise<string> {
  const unit = await ctx.services.units.find(body.unitCode);
  if (!unit || unit.level !== 'commune')
    throw new AppError('UNIT_NOT_FOUND', body.unitCode, [{ path: 'unitCode', message: 'Không có xã này' }]);
  if (!unit.isActive) throw new AppError('UNIT_INACTIVE');
  const entry = await ctx.services.catalog.find(unit.code, body.procedureCode);
  if (!entry)
    throw new AppError('PROCEDURE_UNKNOWN', body.procedureCode, [
      { path: 'procedureCode', message: 'Mã thủ tục không có trong danh mục của xã' },
    ]);
  const proc = entry.record;
  const answers = validateOnlineAnswers(proc.code, body.formVersion, body.answers, vnDateOf(ctx.now()));
  const officer = filer.kind === 'officer' ? filer.user : null;
  const applicant =
    filer.kind === 'citizen'
      ? { fullName: filer.citizen.fullName, personalId: filer.citizen.personalId }
      : applicantOfAnswers(proc.code, body.formVersion, answers);
  body.documents.forEach((d, i) => {
    if (!proc.documents.some((p) => p.id === d.documentId))
      throw new AppError('DOCUMENT_UNKNOWN', d.documentId, [
        { path: `documents.${i}.documentId`, message: `Thành phần "${d.documentId}" không thuộc thủ tục` },
      ]);
  });
  const uploads = decodeUploads(ctx, body.documents);
  const files = await storeUploads(ctx, uploads);
  const uploaded = new Set(body.documents.map((d) => d.documentId));
  // Electronic copies, one per component uploaded; reception checks completeness before accepting.
  const documents = proc.documents
    .filter((p) => uploaded.has(p.id))
    .map((p) => ({ id: p.id, name: p.name, originals: 1, certifiedCopies: 0, photocopies: 0 }));

  // The intake statement of the counter numbers it, with its event (dossiers/service.ts writeNumbered).
  const written = await writeNumbered(ctx, (receivedAt) => {
    const day = vnDateOf(receivedAt);
    const dossier = {
      unitCode: unit.code,
      provinceCode: unit.parentCode ?? '',
      procedureCode: proc.code,
      fieldCode: proc.field.code,
      channel: ONLINE_CHANNEL,
      status: ONLINE_QUEUE_STATUS,
      subState: 'none',
      applicantName: applicant.fullName,
      applicantIdNumber: applicant.personalId,
      applicantPhone: body.contact.phone,
      applicantAddress: body.contact.address,
      applicantEmail: body.contact.email ?? null,
      subject: proc.name,
      returnMethod: body.returnMethod,
      documents,
      timeLimit: proc.timeLimit,
      receivedAt,
      // No appointment before acceptance: the clock starts then (workflow `accept`).
      dueAt: receivedAt,
      dueAtOriginal: receivedAt,
      receivedBy: officer?.id ?? null,
      bookVolume: day.slice(0, 4),
      workflow: defaultWorkflow(proc.timeLimit),
      answers,
      formCode: proc.code,
      formVersion: body.formVersion,
      assisted: officer !== null,
      citizenSubject: filer.kind === 'citizen' ? filer.citizen.subject : null,
    };
    const event = receivedEventPart(
      {
        type: 'submitted_online',
        id: randomUUID(),
        unitCode: unit.code,
        at: receivedAt,
        actorUserId: officer?.id ?? null,
        actorRole: officer ? officer.role : CITIZEN_ROLE,
        requestId: meta.requestId,
        reason: null,
        toStatus: ONLINE_QUEUE_STATUS,
        procedureCode: proc.code,
        formVersion: body.formVersion,
        ...(officer ? { assisted: true } : {}),
      },
      dossier,
      portalSyncOn(ctx)
        ? portalView({
            code: '',
            unit,
            procedure: proc,
            dossier,
            files,
            actor: portalActor(
              unit,
              filer.kind === 'officer'
                ? { fullName: filer.user.fullName, title: actorTitleOf(filer.user.role) }
                : { fullName: filer.citizen.fullName, title: CITIZEN_TITLE },
            ),
            submittedAt: receivedAt,
          })
        : undefined,
    );
    return {
      codePrefix: dossierCodePrefix(unit.agencyCode, day),
      counters: { day: `code:${day}`, book: `book:${day.slice(0, 4)}` },
      dossier,
      event,
      files,
    };
  });
  if (written.kind !== 'written')
    throw new Error('online intake without an idempotency key or portal id reported one taken');
  return written.code;
}

export async function listCitizenDossiers(ctx: AppContext, c: Citizen) {
  const rows = await repo.listCitizenDossiers(ctx.db, c.subject, 200);
  const items = [];
  for (const r of rows) {
    const unit = await ctx.services.units.find(r.unitCode);
    const entry = await ctx.services.catalog.find(r.unitCode, r.procedureCode);
    const rated = r.status === 10 ? await repo.findRating(ctx.db, r.unitCode, r.code) : undefined;
    items.push({
      code: r.code,
      procedure: { code: r.procedureCode, name: entry?.record.name ?? r.procedureCode },
      unit: { code: r.unitCode, name: unit?.fullName ?? r.unitCode },
      status: r.status,
      statusName: statusName(r.status as NationalStatus),
      actionNeeded: Boolean(supplementKind(r)) || (canRate(r) && !rated),
      submittedAt: r.receivedAt.toISOString(),
    });
  }
  return items;
}

/** The citizen's own dossier; another's (or an unknown code) is DOSSIER_NOT_FOUND, indistinguishably. */
async function ownDossier(ctx: AppContext, c: Citizen, code: string) {
  const unit = await unitOfCode(ctx, code);
  const row = unit ? await repo.findCitizenDossier(ctx.db, unit.code, code, c.subject) : undefined;
  if (!unit || !row) throw new AppError('DOSSIER_NOT_FOUND');
  return { unit, row };
}

const ACTION_NAMES: Record<string, string> = {
  submit_online: 'Nộp hồ sơ trực tuyến',
  citizen_supplement: 'Công dân nộp bổ sung',
  citizen_withdraw: 'Công dân yêu cầu rút hồ sơ',
};

export async function getCitizenDossier(
  ctx: AppContext,
  c: Citizen,
  code: string,
): Promise<CitizenDossierView> {
  const { unit, row } = await ownDossier(ctx, c, code);
  const entry = await ctx.services.catalog.find(unit.code, row.procedureCode);
  const events = await listEvents(ctx.db, unit.code, code);
  const files = await repo.listFiles(ctx.db, unit.code, code);
  const rating = await repo.findRating(ctx.db, unit.code, code);
  const pause = row.status === 5 ? await repo.openPause(ctx.db, unit.code, code) : undefined;
  const kind = supplementKind(row);
  const note = row.intakeNote;
  const result = row.result as { fileId?: string; fileName?: string } | null;
  const hasResult = Boolean(result?.fileId);
  return {
    code: row.code,
    procedure: { code: row.procedureCode, name: entry?.record.name ?? row.procedureCode },
    unit: { code: unit.code, name: unit.fullName },
    status: row.status,
    statusName: statusName(row.status as NationalStatus),
    subState: row.subState,
    channel: CHANNEL_BY_CODE[row.channel] ?? 'online',
    actionNeeded: Boolean(kind) || (canRate(row) && !rating),
    submittedAt: (events[0]?.event.at ?? row.receivedAt).toISOString(),
    formVersion: row.formVersion,
    answers: row.answers,
    appointment: row.status >= 2 && row.status !== 3 ? row.dueAt.toISOString() : null,
    asked:
      kind === 'pre_receipt'
        ? {
            kind: 'pre_receipt_supplement',
            reasons: note?.reasons ?? [],
            items: ((note?.missing ?? []) as Array<{ name: string }>).map((m) => ({ name: m.name })),
          }
        : kind === 'processing'
          ? {
              kind: 'supplement',
              reasons: pause?.reason ? [pause.reason] : [],
              items: ((pause?.items ?? []) as Array<{ name: string }>).map((m) => ({ name: m.name })),
            }
          : null,
    refusal: row.status === 3 ? (note?.reasons ?? []) : null,
    timeline: events.map(({ event: e }) => ({
      at: e.at.toISOString(),
      code: e.action,
      action:
        ACTION_NAMES[e.action] ??
        (TRANSITIONS as Record<string, { label: string }>)[e.action]?.label ??
        e.action,
      status: e.toStatus,
      statusName: e.toStatus ? statusName(e.toStatus as NationalStatus) : '',
    })),
    files: files
      .filter((f) => f.id !== result?.fileId)
      .map((f) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, size: f.size })),
    result:
      hasResult && canDownloadResult({ ...row, hasResult })
        ? {
            fileName: String(result?.fileName),
            url: `/api/v1/citizen/dossiers/${encodeURIComponent(row.code)}/result`,
          }
        : null,
    can: { withdraw: canWithdraw(row), supplement: Boolean(kind), rate: canRate(row) && !rating },
    rating: rating?.rating ?? null,
  };
}

/** A citizen's change as its event states it: the action and that action's facts. */
type CitizenChangeFacts = { [K in CitizenAction]: { action: K } & CitizenFacts[K] }[CitizenAction];

/** A change the citizen makes to their dossier, with its event (dossier-events), in one transaction. */
async function citizenChange(
  ctx: AppContext,
  c: Citizen,
  code: string,
  meta: { requestId: string },
  change: (row: NonNullable<Awaited<ReturnType<typeof lockDossierRow>>>) => {
    event: CitizenChangeFacts;
    set: Parameters<typeof updateDossier>[4];
    reason?: string | null;
    files?: Awaited<ReturnType<typeof storeUploads>>;
  },
) {
  const { unit } = await ownDossier(ctx, c, code);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const row = await lockDossierRow(tx, unit.code, code);
    if (!row || row.citizenSubject !== c.subject) throw new AppError('DOSSIER_NOT_FOUND');
    const ch = change(row);
    const updated = await updateDossier(tx, unit.code, code, row.version, ch.set);
    if (!updated) throw new AppError('DOSSIER_CONFLICT');
    await repo.insertFiles(
      tx,
      (ch.files ?? []).map((f) => ({ ...f, unitCode: unit.code, dossierCode: code })),
    );
    const event = {
      type: 'citizen',
      id: randomUUID(),
      unitCode: unit.code,
      dossierCode: code,
      at: now,
      actorUserId: null,
      actorRole: CITIZEN_ROLE,
      requestId: meta.requestId,
      reason: ch.reason ?? null,
      fromStatus: row.status as NationalStatus,
      toStatus: updated.status as NationalStatus,
      ...ch.event,
    } as CitizenEvent;
    const portal = await eventPortalView(
      ctx,
      tx,
      event,
      { unit, code, portalCode: row.portalCode },
      { fullName: c.fullName, title: CITIZEN_TITLE },
    );
    await recordDossierEvent(tx, event, updated, portal);
  });
  return getCitizenDossier(ctx, c, code);
}

/**
 * The citizen sends what was asked: before receipt the dossier goes back to the online queue; while
 * processing is paused (status 5) the files wait for reception to record the supplement.
 */
export async function supplement(
  ctx: AppContext,
  c: Citizen,
  code: string,
  body: SupplementBody,
  meta: { requestId: string },
) {
  const { row } = await ownDossier(ctx, c, code);
  if (!supplementKind(row)) throw new AppError('ACTION_NOT_ALLOWED', 'Hồ sơ không đang chờ bổ sung');
  const files = await storeUploads(ctx, decodeUploads(ctx, body.documents));
  return citizenChange(ctx, c, code, meta, (locked) => {
    const kind = supplementKind(locked);
    if (!kind) throw new AppError('ACTION_NOT_ALLOWED', 'Hồ sơ không đang chờ bổ sung');
    return {
      event: { action: 'citizen_supplement', files: files.length },
      set: kind === 'pre_receipt' ? { subState: 'none' } : {},
      reason: body.note ?? null,
      files,
    };
  });
}

export async function withdraw(
  ctx: AppContext,
  c: Citizen,
  code: string,
  reason: string,
  meta: { requestId: string },
) {
  return citizenChange(ctx, c, code, meta, (row) => {
    if (!canWithdraw(row)) throw new AppError('ACTION_NOT_ALLOWED', 'Hồ sơ ở trạng thái này không rút được');
    return {
      event: { action: 'citizen_withdraw' },
      set: { status: 7, subState: 'none', pausedAt: null },
      reason,
    };
  });
}

export async function rate(
  ctx: AppContext,
  c: Citizen,
  code: string,
  rating: (typeof RATINGS)[number],
  comment?: string,
) {
  const { unit, row } = await ownDossier(ctx, c, code);
  if (!canRate(row)) throw new AppError('ACTION_NOT_ALLOWED', 'Chỉ đánh giá khi đã nhận kết quả');
  const stored = await repo.insertRating(ctx.db, {
    unitCode: unit.code,
    dossierCode: code,
    rating,
    ratedAt: ctx.now(),
    comment: comment?.trim() || null,
  });
  if (!stored) throw new AppError('ALREADY_RATED');
  return getCitizenDossier(ctx, c, code);
}

export async function citizenResultFile(ctx: AppContext, c: Citizen, code: string) {
  const { unit, row } = await ownDossier(ctx, c, code);
  const result = row.result as { fileId?: string } | null;
  if (!result?.fileId || !canDownloadResult({ ...row, hasResult: true }))
    throw new AppError('RESULT_NOT_FOUND');
  const file = (await repo.listFiles(ctx.db, unit.code, code)).find((f) => f.id === result.fileId);
  if (!file) throw new AppError('RESULT_NOT_FOUND');
  return {
    fileName: file.fileName,
    contentType: file.contentType,
    bytes: await ctx.files.get(file.storageKey),
  };
}
