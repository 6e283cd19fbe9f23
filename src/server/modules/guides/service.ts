import type { ProcedureRecord } from '../../../domain/catalog/procedure.ts';
import {
  GENERAL_CHECKS,
  GENERAL_MISTAKES,
  GENERAL_REFUSALS,
  INTAKE_GUIDES,
  STEP_GUIDES,
} from '../../../domain/guides/content.ts';
import {
  IntakeGuideBody,
  STEP_KEYS,
  type StepGuideBody,
  type StepKey,
} from '../../../domain/guides/guide.ts';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { isConcurrentWrite } from '../../db/errors.ts';
import { AppError } from '../../errors.ts';
import type { AuthUser } from '../identity/types.ts';
import { mayEditGuides } from './policy.ts';
import * as repo from './repository.ts';

function meta(row: repo.GuideRow) {
  return { version: row.version, editedBy: row.editedByName ?? null, createdAt: row.createdAt.toISOString() };
}

/** The current intake guide of a procedure. */
export async function intakeGuide(ctx: AppContext, code: string) {
  const name = await repo.procedureName(ctx.db, code);
  if (!name) throw new AppError('PROCEDURE_NOT_FOUND', `Mã thủ tục ${code}`);
  const row = await repo.currentGuide(ctx.db, 'intake', code);
  if (!row) throw new AppError('GUIDE_NOT_FOUND', `Thủ tục ${code} chưa có hướng dẫn tiếp nhận`);
  return { procedureCode: code, procedureName: name, ...meta(row), body: row.body as IntakeGuideBody };
}

/** The current guide of every lifecycle step, in lifecycle order. */
export async function stepGuides(ctx: AppContext) {
  const rows = await repo.currentGuides(ctx.db, 'step');
  const byKey = new Map(rows.map((r) => [r.subject, r]));
  return STEP_KEYS.flatMap((key) => {
    const row = byKey.get(key);
    return row ? [{ key, ...meta(row), body: row.body as StepGuideBody }] : [];
  });
}

/** The list an editor starts from: every procedure's current intake guide and every step guide. */
export async function guideList(ctx: AppContext) {
  const [rows, names, steps] = await Promise.all([
    repo.currentGuides(ctx.db, 'intake'),
    repo.procedureNames(ctx.db),
    stepGuides(ctx),
  ]);
  return {
    intake: rows.map((r) => ({
      procedureCode: r.subject,
      procedureName: names.get(r.subject) ?? r.subject,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
    })),
    steps,
  };
}

export async function versions(ctx: AppContext, kind: repo.GuideKind, subject: string) {
  const rows = await repo.guideVersions(ctx.db, kind, subject);
  if (rows.length === 0) throw new AppError('GUIDE_NOT_FOUND');
  return { kind, subject, versions: rows.map((r) => ({ ...meta(r), body: r.body })) };
}

/**
 * Saves an edit as a new version. `baseVersion` is the version the editor read: if someone saved in
 * between, the edit is refused (409) instead of silently replacing theirs.
 */
export async function saveGuide(
  ctx: AppContext,
  user: AuthUser,
  kind: repo.GuideKind,
  subject: string,
  input: { baseVersion: number; body: Record<string, unknown> },
) {
  if (!mayEditGuides(user.role))
    throw new AppError('FORBIDDEN', 'Chỉ quản trị viên cấp tỉnh được sửa hướng dẫn nghiệp vụ');
  if (kind === 'intake' && !(await repo.procedureName(ctx.db, subject)))
    throw new AppError('PROCEDURE_NOT_FOUND', `Mã thủ tục ${subject}`);
  try {
    return await ctx.db.transaction(async (tx) => {
      const current = await repo.currentGuide(tx, kind, subject);
      if ((current?.version ?? 0) !== input.baseVersion)
        throw new AppError(
          'GUIDE_VERSION_CONFLICT',
          `Bản đang có là ${current?.version ?? 0}, bản bạn sửa là ${input.baseVersion}`,
        );
      const version = input.baseVersion + 1;
      await repo.insertGuideVersion(tx, {
        kind,
        subject,
        version,
        body: input.body,
        editedBy: user.id,
        editedByName: user.fullName,
        createdAt: ctx.now(),
      });
      return { version };
    });
  } catch (err) {
    if (isConcurrentWrite(err)) throw new AppError('GUIDE_VERSION_CONFLICT');
    throw err;
  }
}

/** Version 1 of a procedure's intake guide: its own text, or the general rules with its document list. */
export function seedIntakeBody(record: ProcedureRecord): IntakeGuideBody {
  const own = INTAKE_GUIDES[record.code];
  if (own) return own;
  const copies = record.documents
    .filter((d) => d.certifiedCopies + d.photocopies > 0)
    .map(
      (d) =>
        `${d.name}: ${d.certifiedCopies > 0 ? 'bản sao có chứng thực' : 'bản sao/bản chụp'}${d.originals > 0 ? ' hoặc bản chính' : ''}.`,
    );
  return IntakeGuideBody.parse({
    checks: [
      ...GENERAL_CHECKS,
      ...record.documents.map((d) => `${d.required ? 'Bắt buộc' : 'Nếu có'}: ${d.name}.`),
      `Thời hạn giải quyết: ${record.timeLimit.text}`,
    ],
    mistakes: GENERAL_MISTAKES,
    copies: copies.length
      ? copies
      : ['Các giấy tờ của thủ tục này nộp bản chính; giấy tờ tùy thân xuất trình để đối chiếu.'],
    refusals: GENERAL_REFUSALS,
    notes:
      'Hướng dẫn chung, dựng từ danh mục thành phần hồ sơ đã công bố. Quản trị viên cấp tỉnh bổ sung các trường hợp riêng của thủ tục.',
  });
}

/** Seeds version 1 of every guide that has none; never touches a later version. */
export async function seedGuides(db: Executor, records: readonly ProcedureRecord[], now = new Date()) {
  await repo.seedGuideRows(db, [
    ...records.map((r) => ({
      kind: 'intake' as const,
      subject: r.code,
      version: 1,
      body: seedIntakeBody(r),
      createdAt: now,
    })),
    ...(Object.entries(STEP_GUIDES) as Array<[StepKey, StepGuideBody]>).map(([key, body]) => ({
      kind: 'step' as const,
      subject: key,
      version: 1,
      body,
      createdAt: now,
    })),
  ]);
}
