import { createHash } from 'node:crypto';
import type { ProcedureRecord } from '../../../domain/catalog/procedure.ts';
import { findForm, findFormVersion } from '../../../domain/forms/registry.ts';
import type { FormDefinition } from '../../../domain/forms/types.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { findProcedureRecord } from './repository.ts';

export interface ServedForm {
  definition: FormDefinition;
  /** Strong validator of the served JSON: a version never changes, so neither does its tag. */
  etag: string;
}

const etags = new Map<string, string>();

function etagOf(d: FormDefinition): string {
  const key = `${d.procedureCode}@${d.version}`;
  let tag = etags.get(key);
  if (!tag) {
    const hash = createHash('sha256').update(JSON.stringify(d)).digest('base64url').slice(0, 16);
    tag = `"form-${d.procedureCode}-v${d.version}-${hash}"`;
    etags.set(key, tag);
  }
  return tag;
}

/** The latest (or the given) version of a procedure's form; FORM_NOT_FOUND when there is none. */
export function getServedForm(code: string, version?: number): ServedForm {
  const definition = version === undefined ? findForm(code) : findFormVersion(code, version);
  if (!definition) {
    throw new AppError(
      'FORM_NOT_FOUND',
      version === undefined
        ? `Thủ tục ${code} chưa có mẫu đơn điện tử; hãy tải mẫu giấy tại Trung tâm hoặc nộp trực tiếp.`
        : `Thủ tục ${code} không có mẫu đơn phiên bản ${version}.`,
    );
  }
  return { definition, etag: etagOf(definition) };
}

/** The blank PDF of a form, built on the worker pool from the definition and the procedure's document list. */
export async function renderBlankFormPdf(ctx: AppContext, code: string, version?: number) {
  const { definition, etag } = getServedForm(code, version);
  const row = await findProcedureRecord(ctx.db, code);
  if (!row) throw new AppError('FORM_NOT_FOUND', `Thủ tục ${code} không có trong danh mục.`);
  const record = row.record as unknown as ProcedureRecord;
  const pdf = await ctx.workers.run('blankForm', {
    definition: structuredClone(definition) as FormDefinition,
    procedureName: row.name,
    documents: (record.documents ?? []).map((d) => ({ name: d.name, required: d.required })),
  });
  return { pdf, definition, etag };
}
