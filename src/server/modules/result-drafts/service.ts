import { RESULT_BOOKS } from '../../../domain/results/templates.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { unitOfCode } from '../dossiers/service.ts';
import type { AuthUser } from '../identity/types.ts';
import { currentFields, documentData, storedDraft, templateOf } from './draft.ts';
import { mayReadDraft } from './policy.ts';
import * as repo from './repository.ts';

/** The dossier's commune and row when the user may read its draft; otherwise the dossier is not found. */
async function draftDossier(ctx: AppContext, user: AuthUser, code: string) {
  const unit = await unitOfCode(ctx, code);
  if (!unit || !mayReadDraft(user, { code: unit.code, provinceCode: unit.parentCode ?? '' }))
    throw new AppError('DOSSIER_NOT_FOUND');
  const row = await repo.findDossierRow(ctx.db, unit.code, code);
  if (!row) throw new AppError('DOSSIER_NOT_FOUND');
  return { unit, row };
}

/** The draft of a dossier's result as the drafting form shows it: template, values, who drafted and approved. */
export async function getDraft(ctx: AppContext, user: AuthUser, code: string) {
  const { unit, row } = await draftDossier(ctx, user, code);
  const template = templateOf(row);
  if (!template) return { template: null, status: 'none' as const, fields: {}, draft: null };
  const draft = storedDraft(row);
  return {
    template: {
      key: template.key,
      title: template.title,
      book: template.book,
      bookName: RESULT_BOOKS[template.book].name,
      fields: template.fields.map((f) => ({
        key: f.key,
        label: f.label,
        required: f.required,
        maxLength: f.maxLength,
        multiline: f.multiline ?? false,
        numeric: f.numeric ?? false,
      })),
    },
    status: draft?.status ?? ('none' as const),
    fields: currentFields(row, template),
    draft: draft
      ? {
          draftedBy: draft.draftedBy,
          draftedAt: draft.draftedAt,
          approvedBy: draft.approvedBy ?? null,
          approvedAt: draft.approvedAt ?? null,
        }
      : null,
  };
}

/** The draft (or the values it would start from) as a PDF marked "DỰ THẢO", without number or date. */
export async function previewPdf(ctx: AppContext, user: AuthUser, code: string) {
  const { unit, row } = await draftDossier(ctx, user, code);
  const template = templateOf(row);
  if (!template) throw new AppError('RESULT_DRAFT_NOT_APPLICABLE');
  const data = await documentData(ctx, unit, row, template, currentFields(row, template), null);
  return ctx.workers.run('resultDocument', data);
}
