import { vnDateOf } from '../../../domain/calendar/vn-time.ts';
import {
  bookVolume,
  checkDraftFields,
  findTemplate,
  prefill,
  RESULT_BOOKS,
  type ResultTemplate,
} from '../../../domain/results/templates.ts';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import type { ResultDocumentData } from '../../documents/result-document.ts';
import { AppError } from '../../errors.ts';
import type { AuthUser } from '../identity/types.ts';
import type { UnitRow } from '../units/repository.ts';
import type { DossierRow, DossierUpdate } from '../workflow/repository.ts';
import * as register from './repository.ts';

/*
 * A dossier's result drafted in motcua (issue 18, item 4): kept in dossiers.result_draft, changed only by
 * lifecycle actions (draft_result, approve_result, issue_result in modules/workflow/service.ts), so
 * every change is one recorded event in the dossier's transaction.
 */

export type StoredDraft = {
  template: string;
  fields: Record<string, string>;
  status: 'drafted' | 'approved';
  draftedBy: string;
  draftedAt: string;
  approvedBy?: string;
  approvedAt?: string;
  /** The approving leader's name, printed under the signature. */
  signerName?: string;
};

export function storedDraft(row: DossierRow): StoredDraft | null {
  const d = row.resultDraft as StoredDraft | null;
  return d && typeof d === 'object' && typeof d.template === 'string' ? d : null;
}

/** Where the draft stands, for the lifecycle (src/domain/lifecycle/transitions.ts). */
export function draftStatus(row: DossierRow): 'none' | 'drafted' | 'approved' {
  return storedDraft(row)?.status ?? 'none';
}

export function templateOf(row: DossierRow): ResultTemplate | undefined {
  return findTemplate(row.procedureCode);
}

/** The values a draft starts from: the stored draft, or the dossier's data. */
export function currentFields(row: DossierRow, template: ResultTemplate): Record<string, string> {
  return (
    storedDraft(row)?.fields ??
    prefill(template, {
      applicantName: row.applicantName,
      applicantIdNumber: row.applicantIdNumber,
      applicantAddress: row.applicantAddress,
      answers: row.answers ?? null,
    })
  );
}

/** draft_result: the officer's values checked against the template; a new draft replaces the old one. */
export function draftChange(
  row: DossierRow,
  user: AuthUser,
  now: Date,
  fields: Record<string, string> | undefined,
) {
  const template = templateOf(row);
  if (!template) throw new AppError('RESULT_DRAFT_NOT_APPLICABLE');
  if (!fields)
    throw new AppError('VALIDATION_FAILED', 'Thiếu nội dung dự thảo', [
      { path: 'resultDraft', message: 'Cần nội dung dự thảo kết quả' },
    ]);
  const clean = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.trim()]));
  const errors = checkDraftFields(template, clean);
  if (errors.length)
    throw new AppError(
      'VALIDATION_FAILED',
      'Dự thảo kết quả chưa hợp lệ',
      errors.map((e) => ({ path: `resultDraft.fields.${e.key}`, message: e.message })),
    );
  const draft: StoredDraft = {
    template: template.key,
    fields: clean,
    status: 'drafted',
    draftedBy: user.username,
    draftedAt: now.toISOString(),
  };
  return { set: { resultDraft: draft } satisfies DossierUpdate, facts: { template: template.key } };
}

/** approve_result: the leader approves the draft as it stands and signs it with their name. */
export function approveChange(row: DossierRow, user: AuthUser, now: Date) {
  const draft = storedDraft(row);
  if (!draft || draft.status !== 'drafted') throw new AppError('RESULT_DRAFT_REQUIRED');
  const approved: StoredDraft = {
    ...draft,
    status: 'approved',
    approvedBy: user.username,
    approvedAt: now.toISOString(),
    signerName: user.fullName,
  };
  return { set: { resultDraft: approved } satisfies DossierUpdate, facts: { template: draft.template } };
}

/** What the PDF of a draft or an issued result prints, from the dossier, its commune and the draft. */
export async function documentData(
  ctx: AppContext,
  unit: UnitRow,
  row: DossierRow,
  template: ResultTemplate,
  fields: Record<string, string>,
  issue: { at: Date; year: number; number: number; signerName: string } | null,
): Promise<ResultDocumentData> {
  const province = unit.parentCode ? await ctx.services.units.get(unit.parentCode).catch(() => null) : null;
  const year = issue?.year ?? Number(vnDateOf(ctx.now()).slice(0, 4));
  const book = RESULT_BOOKS[template.book];
  const isCertification = template.book === 'copy' || template.book === 'signature';
  return {
    template: template.key,
    title: template.title,
    book: template.book,
    issuerLine1: province ? `UBND ${province.fullName.toUpperCase()}` : '',
    issuerLine2: `ỦY BAN NHÂN DÂN ${unit.fullName.toUpperCase()}`,
    issuerName: `Ủy ban nhân dân ${unit.fullName.replace(/^\p{Lu}/u, (m) => m.toLowerCase())}`,
    place: unit.name,
    issuedAt: issue?.at ?? null,
    year,
    number: issue?.number ?? null,
    numberText: issue
      ? isCertification
        ? `${issue.number}, quyển số ${bookVolume(year)}-${book.symbol}`
        : `${issue.number}/${year}/${book.symbol}`
      : null,
    code: row.code,
    verifyUrl: `${ctx.config.publicUrl}/tra-cuu/${encodeURIComponent(row.code)}`,
    fields,
    signer: {
      authority: fields.signerAuthority?.trim() ?? template.signer.authority,
      title: fields.signerTitle?.trim() || template.signer.title,
      name: issue?.signerName ?? storedDraft(row)?.signerName ?? '',
    },
  };
}

/**
 * issue_result with the approved draft: numbers it in its register (this year's next number), renders
 * the PDF with that number, stores the file and writes the register entry, all in the dossier's
 * transaction (the caller's `tx`). Returns the stored file for the dossier's files and result.
 */
export async function issueDraft(ctx: AppContext, tx: Tx, unit: UnitRow, row: DossierRow, now: Date) {
  const draft = storedDraft(row);
  const template = templateOf(row);
  if (!draft || !template) throw new AppError('RESULT_FILE_REQUIRED');
  if (draft.status !== 'approved') throw new AppError('RESULT_DRAFT_NOT_APPROVED');
  const year = Number(vnDateOf(now).slice(0, 4));
  const number = await register.nextResultNumber(tx, unit.code, template.book, year);
  const signerName = draft.signerName ?? '';
  const data = await documentData(ctx, unit, row, template, draft.fields, {
    at: now,
    year,
    number,
    signerName,
  });
  const bytes = await ctx.workers.run('resultDocument', data);
  const stored = await ctx.files.put(Buffer.from(bytes));
  const f = draft.fields;
  await register.insertResultEntry(tx, {
    unitCode: unit.code,
    book: template.book,
    year,
    number,
    dossierCode: row.code,
    issuedAt: now,
    requesterName: f.requesterName || f.fullName || row.applicantName,
    requesterId: f.requesterId || f.idDocument || null,
    documentName: f.documentName || f.extractKind || template.title,
    copies: f.copies ? Number(f.copies) : null,
    fee: f.fee ? Number(f.fee) : null,
    signerName,
    signerTitle: data.signer.title,
    note: f.note || null,
    sha256: stored.sha256,
  });
  return {
    bytes,
    stored,
    number,
    numberText: data.numberText ?? '',
    fileName: `ket-qua-${row.code}.pdf`,
    name: template.title,
  };
}
