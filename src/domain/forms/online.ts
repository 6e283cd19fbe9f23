/**
 * What the server calls to validate an online submission (POST /api/v1/citizen/dossiers): the form
 * version the citizen filled, the same validator the wizard ran in the browser.
 */
import { vnDateOf } from '../calendar/vn-time.ts';
import { findFormVersion } from './registry.ts';
import type { FormVerdict } from './types.ts';
import { type ValidateOptions, validateAnswers } from './validate.ts';

/** Validates answers against `formVersion` of the procedure's form; an unknown form or version is an issue. */
export function validateOnlineAnswers(
  procedureCode: string,
  formVersion: number,
  answers: unknown,
  opts: Partial<ValidateOptions> = {},
): FormVerdict {
  const definition = Number.isInteger(formVersion) ? findFormVersion(procedureCode, formVersion) : undefined;
  if (!definition) {
    return {
      ok: false,
      issues: [
        {
          path: 'formVersion',
          code: 'unknown_form',
          message: `Thủ tục ${String(procedureCode).slice(0, 40)} không có mẫu đơn phiên bản ${String(formVersion).slice(0, 10)}; hãy tải lại trang để dùng mẫu mới nhất.`,
        },
      ],
    };
  }
  return validateAnswers(definition, answers, { today: opts.today ?? vnDateOf(new Date()) });
}
