/**
 * The one validator of form answers (issue 14): the wizard calls it on every step and before submit,
 * the server calls it (through validateOnlineAnswers) before anything is written — so the browser
 * never accepts what the server refuses. Pure: `today` is passed in, never read from a clock here.
 */
import { isPlainDate, type PlainDate } from '../calendar/vn-time.ts';
import { normalizePhone } from '../contact/phone.ts';
import { validatePersonalId } from '../identity/personal-id.ts';
import { isSafeText } from '../text/safe-text.ts';
import type {
  Condition,
  FieldValue,
  FormAnswers,
  FormDefinition,
  FormField,
  FormGroup,
  FormIssue,
  FormVerdict,
  GroupAnswers,
} from './types.ts';

export interface ValidateOptions {
  /** Today in Vietnam (YYYY-MM-DD): dates may not be after it, personal IDs are checked against it. */
  today: PlainDate;
}

/** Longest address accepted; addresses are one line. */
export const ADDRESS_MAX = 300;
const ADDRESS_MIN = 5;
// More issues than this say nothing more to a person; the request was refused anyway.
const MAX_ISSUES = 50;

export { normalizePhone };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function q(label: string): string {
  return `«${label}»`;
}

type Check = { ok: true; value: FieldValue } | { ok: false; issue: Omit<FormIssue, 'path'> };

function bad(code: FormIssue['code'], message: string): Check {
  return { ok: false, issue: { code, message } };
}

function checkText(label: string, raw: unknown, min: number, max: number, multiline: boolean): Check {
  if (typeof raw !== 'string') return bad('wrong_type', `${q(label)} phải là chữ; hãy gõ lại nội dung.`);
  const value = raw.trim();
  if (value.length > max)
    return bad('too_long', `${q(label)} dài quá ${max} ký tự; hãy rút gọn (hiện có ${value.length}).`);
  if (!isSafeText(value, { multiline }))
    return bad(
      'unsafe_text',
      `${q(label)} chứa ký tự điều khiển hoặc ký tự không hợp lệ; hãy xóa và gõ lại bằng bàn phím.`,
    );
  if (value.length < min) return bad('too_short', `${q(label)} quá ngắn; hãy ghi ít nhất ${min} ký tự.`);
  return { ok: true, value };
}

function checkField(field: FormField, raw: unknown, opts: ValidateOptions): Check {
  const label = field.label;
  switch (field.type) {
    case 'text':
      return checkText(label, raw, field.minLength ?? 1, field.maxLength, field.multiline ?? false);
    case 'address':
      return checkText(label, raw, ADDRESS_MIN, ADDRESS_MAX, false);
    case 'date': {
      if (typeof raw !== 'string' || !isPlainDate(raw.trim()))
        return bad('invalid_date', `${q(label)} không phải ngày hợp lệ; hãy chọn ngày, tháng, năm có thật.`);
      const value = raw.trim();
      if (field.notFuture && value > opts.today)
        return bad('future_date', `${q(label)} không thể sau ngày hôm nay; hãy kiểm tra lại ngày và năm.`);
      return { ok: true, value };
    }
    case 'personalId': {
      if (typeof raw !== 'string') return bad('wrong_type', `${q(label)} phải là dãy 12 chữ số.`);
      const value = raw.replace(/\s/g, '');
      const r = validatePersonalId(value, opts.today);
      if (r.ok) return { ok: true, value };
      const why =
        r.reason === 'format'
          ? 'phải gồm đúng 12 chữ số, không có chữ cái hay dấu cách'
          : r.reason === 'province'
            ? '3 chữ số đầu không phải mã tỉnh nơi đăng ký khai sinh'
            : 'chữ số thứ 4 đến thứ 6 không khớp với năm sinh';
      return bad('invalid_personal_id', `${q(label)} ${why}; hãy đối chiếu lại với thẻ căn cước hoặc VNeID.`);
    }
    case 'phone': {
      if (typeof raw !== 'string') return bad('wrong_type', `${q(label)} phải là số điện thoại.`);
      const value = normalizePhone(raw);
      if (value) return { ok: true, value };
      return bad(
        'invalid_phone',
        `${q(label)} phải là số điện thoại Việt Nam bắt đầu bằng 0, ví dụ 0912 345 678 (di động 10 số).`,
      );
    }
    case 'select': {
      if (typeof raw !== 'string')
        return bad('wrong_type', `${q(label)}: hãy chọn một lựa chọn trong danh sách.`);
      if (!field.options.some((o) => o.value === raw))
        return bad('invalid_option', `${q(label)}: hãy chọn một trong các lựa chọn có sẵn.`);
      return { ok: true, value: raw };
    }
    case 'checkbox': {
      if (typeof raw !== 'boolean')
        return bad('wrong_type', `${q(label)}: chỉ có thể đánh dấu hoặc bỏ đánh dấu.`);
      if (field.mustBeChecked && !raw)
        return bad('must_be_checked', `Hãy đánh dấu vào ô ${q(label)} để xác nhận.`);
      return { ok: true, value: raw };
    }
    case 'number': {
      if (typeof raw !== 'number' || !Number.isFinite(raw))
        return bad('wrong_type', `${q(label)} phải là một số; hãy chỉ gõ chữ số.`);
      if (!Number.isInteger(raw))
        return bad('not_integer', `${q(label)} phải là số nguyên, không có phần lẻ.`);
      if (raw < field.min || raw > field.max) {
        const unit = field.unit ? ` ${field.unit}` : '';
        return bad('out_of_range', `${q(label)} phải từ ${field.min} đến ${field.max}${unit}.`);
      }
      return { ok: true, value: raw };
    }
  }
}

function kindOf(field: FormField): string {
  return field.type === 'checkbox' ? 'đánh dấu' : field.type === 'select' ? 'chọn' : 'điền';
}

/** Looks up the raw value a condition names: same group (item) first, `group.field` across groups. */
interface Scope {
  definition: FormDefinition;
  answers: Record<string, unknown>;
  item: Record<string, unknown>;
  group: FormGroup;
}

function conditionHolds(cond: Condition, scope: Scope, depth = 0): boolean {
  if (depth > 8) return false;
  const dot = cond.field.indexOf('.');
  let group = scope.group;
  let item = scope.item;
  let fieldId = cond.field;
  if (dot >= 0) {
    const g = scope.definition.groups.find((x) => x.id === cond.field.slice(0, dot));
    if (!g || g.repeat) return false;
    group = g;
    const raw = scope.answers[g.id];
    item = isRecord(raw) ? raw : {};
    fieldId = cond.field.slice(dot + 1);
    if (g.showWhen && !conditionHolds(g.showWhen, { ...scope, group: g, item }, depth + 1)) return false;
  }
  const field = group.fields.find((f) => f.id === fieldId);
  if (!field) return false;
  if (field.showWhen && !conditionHolds(field.showWhen, { ...scope, group, item }, depth + 1)) return false;
  const raw = Object.hasOwn(item, fieldId) ? item[fieldId] : undefined;
  const v = typeof raw === 'string' ? raw.trim() : raw;
  if ('equals' in cond) return v === cond.equals;
  return (typeof v === 'string' || typeof v === 'number') && cond.in.includes(v);
}

/** True when `field` is shown for this group item (exported for the wizard, which hides the rest). */
export function isFieldShown(
  definition: FormDefinition,
  answers: FormAnswers | Record<string, unknown>,
  group: FormGroup,
  item: Record<string, unknown>,
  field: FormField,
): boolean {
  return !field.showWhen || conditionHolds(field.showWhen, { definition, answers, group, item });
}

/** True when `field` must be answered for this group item. */
export function isFieldRequired(
  definition: FormDefinition,
  answers: FormAnswers | Record<string, unknown>,
  group: FormGroup,
  item: Record<string, unknown>,
  field: FormField,
): boolean {
  if (field.required) return true;
  return !!field.requiredWhen && conditionHolds(field.requiredWhen, { definition, answers, group, item });
}

/** True when the whole group is shown (groups hidden by a condition are skipped by the wizard). */
export function isGroupShown(
  definition: FormDefinition,
  answers: FormAnswers | Record<string, unknown>,
  group: FormGroup,
): boolean {
  return !group.showWhen || conditionHolds(group.showWhen, { definition, answers, group, item: {} });
}

function validateItem(
  definition: FormDefinition,
  answers: Record<string, unknown>,
  group: FormGroup,
  rawItem: unknown,
  prefix: string,
  opts: ValidateOptions,
  issues: FormIssue[],
): GroupAnswers | undefined {
  if (!isRecord(rawItem)) {
    issues.push({
      path: prefix,
      code: 'wrong_type',
      message: `Phần «${group.title}» phải là một nhóm câu trả lời.`,
    });
    return undefined;
  }
  const out: GroupAnswers = {};
  for (const key of Object.keys(rawItem)) {
    if (!group.fields.some((f) => f.id === key)) {
      issues.push({
        path: `${prefix}.${key}`,
        code: 'unknown_field',
        message: `Mẫu đơn không có mục «${key.slice(0, 40)}» trong phần «${group.title}»; hãy bỏ mục này.`,
      });
    }
  }
  for (const field of group.fields) {
    const path = `${prefix}.${field.id}`;
    if (!isFieldShown(definition, answers, group, rawItem, field)) continue;
    const raw = Object.hasOwn(rawItem, field.id) ? rawItem[field.id] : undefined;
    const required = isFieldRequired(definition, answers, group, rawItem, field);
    if (isEmpty(raw)) {
      if (required)
        issues.push({
          path,
          code: 'required',
          message: `Chưa ${kindOf(field)} ${q(field.label)}; mục này bắt buộc, hãy ${kindOf(field)} để tiếp tục.`,
        });
      else if (field.type === 'checkbox' && field.mustBeChecked)
        issues.push({
          path,
          code: 'must_be_checked',
          message: `Hãy đánh dấu vào ô ${q(field.label)} để xác nhận.`,
        });
      continue;
    }
    const check = checkField(field, raw, opts);
    if (!check.ok) {
      issues.push({ path, ...check.issue });
      continue;
    }
    // An unticked optional box says nothing: leave it out so both sides store the same answers.
    if (check.value === false && !required) continue;
    if (check.value === false && required) {
      issues.push({
        path,
        code: 'must_be_checked',
        message: `Hãy đánh dấu vào ô ${q(field.label)} để xác nhận.`,
      });
      continue;
    }
    out[field.id] = check.value;
  }
  return out;
}

/** Validates a whole form's answers: refuses unknown groups and fields, wrong types, missing answers. */
export function validateAnswers(
  definition: FormDefinition,
  answers: unknown,
  opts: ValidateOptions,
): FormVerdict {
  if (!isPlainDate(opts.today))
    throw new RangeError(`today must be YYYY-MM-DD: ${JSON.stringify(opts.today)}`);
  if (!isRecord(answers))
    return {
      ok: false,
      issues: [
        { path: '', code: 'not_object', message: 'Câu trả lời phải là một tờ khai (đối tượng JSON).' },
      ],
    };
  const issues: FormIssue[] = [];
  for (const key of Object.keys(answers)) {
    if (!definition.groups.some((g) => g.id === key))
      issues.push({
        path: key,
        code: 'unknown_group',
        message: `Mẫu đơn không có phần «${key.slice(0, 40)}»; hãy bỏ phần này.`,
      });
  }
  const value: FormAnswers = {};
  for (const group of definition.groups) {
    if (!isGroupShown(definition, answers, group)) continue;
    const raw = Object.hasOwn(answers, group.id) ? answers[group.id] : undefined;
    if (group.repeat) {
      const { min, max, itemLabel } = group.repeat;
      const list = raw === undefined || raw === null ? [] : raw;
      if (!Array.isArray(list)) {
        issues.push({
          path: group.id,
          code: 'wrong_type',
          message: `Phần «${group.title}» phải là một danh sách.`,
        });
        continue;
      }
      if (list.length < min)
        issues.push({
          path: group.id,
          code: 'too_few_items',
          message: `Cần ít nhất ${min} ${itemLabel}; hãy bấm «Thêm ${itemLabel}» và điền.`,
        });
      if (list.length > max) {
        issues.push({
          path: group.id,
          code: 'too_many_items',
          message: `Chỉ được tối đa ${max} ${itemLabel}; hãy xóa bớt ${list.length - max}.`,
        });
        continue;
      }
      const items: GroupAnswers[] = [];
      list.forEach((item, i) => {
        const checked = validateItem(definition, answers, group, item, `${group.id}[${i}]`, opts, issues);
        if (checked) items.push(checked);
      });
      value[group.id] = items;
    } else {
      const item = raw === undefined || raw === null ? {} : raw;
      const checked = validateItem(definition, answers, group, item, group.id, opts, issues);
      if (checked && Object.keys(checked).length > 0) value[group.id] = checked;
    }
    if (issues.length >= MAX_ISSUES) break;
  }
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, MAX_ISSUES) };
  return { ok: true, value };
}

/** The issues of one wizard step (one group): what the browser shows before letting the user go on. */
export function validateGroup(
  definition: FormDefinition,
  answers: unknown,
  groupId: string,
  opts: ValidateOptions,
): FormIssue[] {
  const verdict = validateAnswers(definition, answers, opts);
  if (verdict.ok) return [];
  return verdict.issues.filter(
    (i) => i.path === groupId || i.path.startsWith(`${groupId}.`) || i.path.startsWith(`${groupId}[`),
  );
}
