import { validateOnlineAnswers as validateFormAnswers } from '../../../domain/forms/online.ts';
import type { FormAnswers } from '../../../domain/forms/types.ts';
import { MULTILINE_TEXT } from '../../../domain/text/safe-text.ts';
import { AppError, type FieldError } from '../../errors.ts';

/*
 * The one place online answers are checked before they are stored: a plain, bounded JSON object of safe
 * text values (also what a draft must be), then the procedure's form definition through the shared
 * validator (issue 14, item 2).
 */

const MAX_KEYS = 200;
const MAX_DEPTH = 4;
const MAX_ARRAY = 50;
const MAX_STRING = 2000;
const MAX_BYTES = 64 * 1024;
const KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/** Problems with a plain answers object (empty when it is acceptable); paths are `answers.<key>…`. */
export function plainAnswerErrors(value: unknown, root = 'answers'): FieldError[] {
  const errors: FieldError[] = [];
  let keys = 0;
  const walk = (v: unknown, path: string, depth: number) => {
    if (errors.length >= 20) return;
    if (v === null || typeof v === 'boolean') return;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) errors.push({ path, message: 'Giá trị số không hợp lệ' });
      return;
    }
    if (typeof v === 'string') {
      if (v.length > MAX_STRING) errors.push({ path, message: `Tối đa ${MAX_STRING} ký tự` });
      else if (!MULTILINE_TEXT.test(v))
        errors.push({ path, message: 'Có ký tự không được phép (ký tự điều khiển)' });
      return;
    }
    if (depth >= MAX_DEPTH) {
      errors.push({ path, message: 'Dữ liệu lồng nhau quá sâu' });
      return;
    }
    if (Array.isArray(v)) {
      if (v.length > MAX_ARRAY) errors.push({ path, message: `Tối đa ${MAX_ARRAY} mục` });
      else
        v.forEach((x, i) => {
          walk(x, `${path}.${i}`, depth + 1);
        });
      return;
    }
    if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (++keys > MAX_KEYS) {
          errors.push({ path, message: `Tối đa ${MAX_KEYS} trường` });
          return;
        }
        if (!KEY.test(k)) {
          errors.push({ path: `${path}`, message: 'Tên trường không hợp lệ' });
          continue;
        }
        walk(x, `${path}.${k}`, depth + 1);
      }
      return;
    }
    errors.push({ path, message: 'Kiểu giá trị không được hỗ trợ' });
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [{ path: root, message: 'Phải là một đối tượng gồm các câu trả lời' }];
  }
  walk(value, root, 0);
  if (!errors.length && Buffer.byteLength(JSON.stringify(value), 'utf8') > MAX_BYTES)
    errors.push({ path: root, message: `Tổng dung lượng câu trả lời tối đa ${MAX_BYTES / 1024} KB` });
  return errors;
}

/**
 * Checks a citizen's answers to a procedure's form of `formVersion` with the forms' shared validator
 * (src/domain/forms: the same function the browser's wizard runs, so the browser never accepts what the
 * server refuses); throws VALIDATION_FAILED naming each field at fault. Returns the answers as the
 * validator normalised them (answers to hidden questions dropped): what is stored.
 */
export function validateOnlineAnswers(
  procedureCode: string,
  formVersion: number,
  answers: unknown,
  today: string,
): FormAnswers {
  // Bounded and free of control characters first: the form validator then names fields by the form.
  const plain = plainAnswerErrors(answers);
  if (plain.length)
    throw new AppError('VALIDATION_FAILED', plain.map((e) => `${e.path}: ${e.message}`).join('; '), plain);
  const verdict = validateFormAnswers(procedureCode, formVersion, answers, { today });
  if (verdict.ok) return verdict.value;
  const errors = verdict.issues.map((i) => ({
    path: i.path === 'formVersion' ? 'formVersion' : `answers.${i.path}`,
    message: i.message,
  }));
  throw new AppError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
}
