import { randomUUID } from 'node:crypto';
import { vnDateOf } from '../../../domain/calendar/vn-time.ts';
import {
  expiresOnOf,
  expiryInstant,
  isShown,
  looksLikePdf,
  NOTICE_FILE_TYPE,
  noticeProblems,
} from '../../../domain/notices/rules.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { AuthUser } from '../identity/types.ts';
import { isPublisher, mayPublish, type NoticeUnit, ownNoticeUnit } from './policy.ts';
import * as repo from './repository.ts';
import type { CreateNoticeBody, UpdateNoticeBody } from './schemas.ts';

type Unit = NonNullable<Awaited<ReturnType<AppContext['services']['units']['find']>>>;
type Fields = Omit<CreateNoticeBody, 'unitCode' | 'attachments'>;
type NewFile = { fileName: string; dataBase64: string };

const noticeUnit = (u: Unit): NoticeUnit => ({
  code: u.code,
  level: u.level,
  provinceCode: u.level === 'province' ? u.code : (u.parentCode ?? ''),
});
const unitRef = (u: Unit) => ({ code: u.code, name: u.fullName, level: u.level });

async function unitOf(ctx: AppContext, code: string): Promise<Unit> {
  const unit = await ctx.services.units.find(code);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', `Không có đơn vị hành chính mã ${code}`);
  return unit;
}

/** The unit the user publishes for, checked: a publisher, a known unit, and one of theirs. */
async function publishingUnit(ctx: AppContext, user: AuthUser, code: string): Promise<Unit> {
  if (!isPublisher(user)) throw new AppError('FORBIDDEN');
  const unit = await unitOf(ctx, code);
  if (!mayPublish(user, noticeUnit(unit)))
    throw new AppError(
      'NOTICE_UNIT_FORBIDDEN',
      user.role === 'leader'
        ? 'Lãnh đạo xã chỉ đăng thông báo, văn bản của xã mình'
        : 'Cán bộ tỉnh chỉ đăng thông báo, văn bản toàn tỉnh của tỉnh mình',
    );
  return unit;
}

/** The fields as stored: empty optional text is none; a notice's dates checked. */
function checkedFields(ctx: AppContext, f: Fields) {
  const clean = (v: string | undefined) => (v?.length ? v : null);
  const row = {
    kind: f.kind,
    title: f.title,
    summary: f.summary ?? '',
    body: f.body ?? '',
    docNumber: clean(f.docNumber),
    issuer: clean(f.issuer),
    issuedOn: f.issuedOn ?? null,
    effectiveOn: f.effectiveOn ?? null,
    expiresAt: f.expiresOn ? expiryInstant(f.expiresOn) : null,
  };
  const problems = noticeProblems({ ...row, expiresOn: f.expiresOn ?? null }, vnDateOf(ctx.now()));
  if (problems.length)
    throw new AppError('NOTICE_INVALID', problems.map((p) => p.message).join('; '), problems);
  return row;
}

/** Decodes and checks the attachments: count, size, and that each really is a PDF (by its first bytes). */
function decodeFiles(ctx: AppContext, files: NewFile[] | undefined, path: string) {
  if (!files?.length) return [];
  if (files.length > ctx.config.maxAttachments)
    throw new AppError('ATTACHMENTS_TOO_MANY', `Tối đa ${ctx.config.maxAttachments} tệp`);
  const max = ctx.config.maxUploadBytes;
  return files.map((f, i) => {
    // The encoded size first, so an oversized upload is never decoded.
    if (Math.floor((f.dataBase64.length * 3) / 4) - 2 > max)
      throw new AppError('ATTACHMENT_TOO_LARGE', `${f.fileName} vượt quá ${Math.round(max / 1048576)} MB`, [
        { path: `${path}.${i}`, message: 'Tệp quá lớn' },
      ]);
    if (f.dataBase64.length % 4 !== 0)
      throw new AppError('VALIDATION_FAILED', `${f.fileName}: nội dung không phải base64`, [
        { path: `${path}.${i}.dataBase64`, message: 'Nội dung tệp không đúng mã hóa base64' },
      ]);
    const bytes = Buffer.from(f.dataBase64, 'base64');
    if (bytes.length > max)
      throw new AppError('ATTACHMENT_TOO_LARGE', f.fileName, [
        { path: `${path}.${i}`, message: 'Tệp quá lớn' },
      ]);
    if (!looksLikePdf(bytes))
      throw new AppError('ATTACHMENT_TYPE_MISMATCH', `${f.fileName} không phải tệp PDF`, [
        { path: `${path}.${i}.dataBase64`, message: 'Chỉ nhận tệp PDF (kiểm tra theo nội dung tệp)' },
      ]);
    return { fileName: f.fileName, bytes };
  });
}

/** Files first (content-addressed, shared): a rolled-back write leaves only an unreferenced file. */
async function storeFiles(
  ctx: AppContext,
  unitCode: string,
  noticeId: string,
  files: ReturnType<typeof decodeFiles>,
) {
  const rows = [];
  for (const f of files) {
    const put = await ctx.files.put(f.bytes);
    rows.push({
      unitCode,
      noticeId,
      id: randomUUID(),
      fileName: f.fileName,
      contentType: NOTICE_FILE_TYPE,
      size: f.bytes.length,
      sha256: put.sha256,
      storageKey: put.key,
      createdAt: ctx.now(),
    });
  }
  return rows;
}

function present(n: repo.NoticeRow, unit: Unit, files: repo.NoticeFileRow[]) {
  return {
    id: n.id,
    unit: unitRef(unit),
    kind: n.kind,
    title: n.title,
    summary: n.summary,
    body: n.body,
    docNumber: n.docNumber,
    issuer: n.issuer,
    issuedOn: n.issuedOn,
    effectiveOn: n.effectiveOn,
    publishedAt: n.publishedAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
    expiresOn: n.expiresAt ? expiresOnOf(n.expiresAt) : null,
    attachments: files
      .filter((f) => f.noticeId === n.id && f.unitCode === n.unitCode)
      .map((f) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, size: f.size })),
  };
}

function presentManaged(ctx: AppContext, n: repo.NoticeRow, unit: Unit, files: repo.NoticeFileRow[]) {
  const now = ctx.now();
  return {
    ...present(n, unit, files),
    version: n.version,
    state: n.unpublishedAt
      ? ('unpublished' as const)
      : isShown(n, now)
        ? ('shown' as const)
        : ('expired' as const),
    createdAt: n.createdAt.toISOString(),
    createdBy: n.createdBy,
    updatedBy: n.updatedBy,
    unpublishedAt: n.unpublishedAt?.toISOString() ?? null,
    unpublishedBy: n.unpublishedBy,
  };
}

async function managedOne(ctx: AppContext, unit: Unit, id: string) {
  const n = await repo.findNotice(ctx.db, unit.code, id);
  if (!n) throw new AppError('NOTICE_NOT_FOUND');
  return presentManaged(ctx, n, unit, await repo.filesOf(ctx.db, [unit.code], [id]));
}

/** Publishes a notice or legal document of a commune or of the province, with its PDF attachments. */
export async function createNotice(ctx: AppContext, user: AuthUser, body: CreateNoticeBody) {
  const unit = await publishingUnit(ctx, user, body.unitCode);
  const fields = checkedFields(ctx, body);
  const decoded = decodeFiles(ctx, body.attachments, 'attachments');
  const id = randomUUID();
  const files = await storeFiles(ctx, unit.code, id, decoded);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await repo.insertNotice(
      tx,
      {
        unitCode: unit.code,
        id,
        ...fields,
        publishedAt: now,
        createdAt: now,
        createdBy: user.id,
        updatedAt: now,
        updatedBy: user.id,
        version: 1,
      },
      files,
    );
  });
  return managedOne(ctx, unit, id);
}

/** Edits a notice (all its fields), adds and removes attachments: against the version the editor saw. */
export async function updateNotice(
  ctx: AppContext,
  user: AuthUser,
  unitCode: string,
  id: string,
  body: UpdateNoticeBody,
) {
  const unit = await publishingUnit(ctx, user, unitCode);
  const fields = checkedFields(ctx, body);
  const decoded = decodeFiles(ctx, body.addAttachments, 'addAttachments');
  const files = await storeFiles(ctx, unit.code, id, decoded);
  await ctx.db.transaction(async (tx) => {
    const current = await repo.lockNotice(tx, unit.code, id);
    if (!current) throw new AppError('NOTICE_NOT_FOUND');
    if (current.version !== body.expectedVersion) throw new AppError('NOTICE_CONFLICT');
    const remove = [...new Set(body.removeAttachments ?? [])];
    if ((await repo.deleteFiles(tx, unit.code, id, remove)) !== remove.length)
      throw new AppError('NOTICE_FILE_NOT_FOUND', 'Tệp cần bỏ không thuộc thông báo này');
    await repo.insertFiles(tx, files);
    const now = ctx.now();
    // The expiry may not fall before the original publication (the table's check says so too).
    if (fields.expiresAt && fields.expiresAt.getTime() <= current.publishedAt.getTime())
      throw new AppError('NOTICE_INVALID', 'Ngày hết hạn đăng không được trước ngày đăng', [
        { path: 'expiresOn', message: 'Ngày hết hạn đăng không được trước ngày đăng' },
      ]);
    const ok = await repo.updateNotice(tx, unit.code, id, body.expectedVersion, {
      ...fields,
      updatedAt: now,
      updatedBy: user.id,
    });
    if (!ok) throw new AppError('NOTICE_CONFLICT');
  });
  return managedOne(ctx, unit, id);
}

/** Takes a notice down (citizens no longer see it) or puts it back up. */
export async function setPublished(
  ctx: AppContext,
  user: AuthUser,
  unitCode: string,
  id: string,
  expectedVersion: number,
  published: boolean,
) {
  const unit = await publishingUnit(ctx, user, unitCode);
  await ctx.db.transaction(async (tx) => {
    const current = await repo.lockNotice(tx, unit.code, id);
    if (!current) throw new AppError('NOTICE_NOT_FOUND');
    if (current.version !== expectedVersion) throw new AppError('NOTICE_CONFLICT');
    const now = ctx.now();
    const ok = await repo.updateNotice(tx, unit.code, id, expectedVersion, {
      unpublishedAt: published ? null : now,
      unpublishedBy: published ? null : user.id,
      updatedAt: now,
      updatedBy: user.id,
    });
    if (!ok) throw new AppError('NOTICE_CONFLICT');
  });
  return managedOne(ctx, unit, id);
}

/** The staff page: every notice of a unit the user publishes for, taken down and expired ones too. */
export async function manageList(ctx: AppContext, user: AuthUser, q: { unit?: string }) {
  const code = q.unit ?? ownNoticeUnit(user);
  if (!isPublisher(user)) throw new AppError('FORBIDDEN');
  if (!code) return { units: [], items: [] };
  const unit = await publishingUnit(ctx, user, code);
  const rows = await repo.listAll(ctx.db, unit.code, 200);
  const files = await repo.filesOf(
    ctx.db,
    [unit.code],
    rows.map((r) => r.id),
  );
  return { units: [unitRef(unit)], items: rows.map((r) => presentManaged(ctx, r, unit, files)) };
}

/**
 * What a commune's citizens read: the commune's notices and legal documents and its province's, newest
 * first, a page at a time; only those published, not taken down and not past their last day. A
 * province's code lists the province-wide ones.
 */
export async function publicList(
  ctx: AppContext,
  code: string,
  q: { kind?: 'notice' | 'legal_document'; page: number; pageSize: number },
) {
  const unit = await unitOf(ctx, code);
  const province = unit.level === 'commune' ? await ctx.services.units.find(unit.parentCode ?? '') : unit;
  const codes = [...new Set([unit.code, ...(province ? [province.code] : [])])];
  const { rows, total } = await repo.listShown(ctx.db, codes, ctx.now(), {
    kind: q.kind,
    offset: (q.page - 1) * q.pageSize,
    limit: q.pageSize,
  });
  const files = await repo.filesOf(
    ctx.db,
    codes,
    rows.map((r) => r.id),
  );
  const owner = (c: string) => (c === unit.code ? unit : (province ?? unit));
  return {
    unit: unitRef(unit),
    province: province && province.code !== unit.code ? unitRef(province) : null,
    page: q.page,
    pageSize: q.pageSize,
    total,
    items: rows.map((r) => {
      const { body: _body, ...rest } = present(r, owner(r.unitCode), files);
      return rest;
    }),
  };
}

/** One notice as citizens read it (404 when it is not shown now). */
export async function publicDetail(ctx: AppContext, unitCode: string, id: string) {
  const unit = await unitOf(ctx, unitCode);
  const n = await repo.findShownNotice(ctx.db, unit.code, id, ctx.now());
  if (!n) throw new AppError('NOTICE_NOT_FOUND');
  return present(n, unit, await repo.filesOf(ctx.db, [unit.code], [id]));
}

/** An attachment of a notice citizens see now: its name, type and bytes. */
export async function publicFile(ctx: AppContext, unitCode: string, id: string, fileId: string) {
  const n = await repo.findShownNotice(ctx.db, unitCode, id, ctx.now());
  if (!n) throw new AppError('NOTICE_NOT_FOUND');
  const file = await repo.findFile(ctx.db, unitCode, id, fileId);
  if (!file) throw new AppError('NOTICE_FILE_NOT_FOUND');
  return {
    fileName: file.fileName,
    contentType: file.contentType,
    bytes: await ctx.files.get(file.storageKey),
  };
}
