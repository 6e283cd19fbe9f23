/**
 * Forms as data (issue 14, item 2): one versioned definition per procedure, rendered as a wizard in the
 * browser and checked by the same validator on the server. Pure data, no I/O: imported by both sides.
 *
 * Answers are keyed by group, then by field: `{ child: { fullName: '…' }, copies: [{ … }, { … }] }` —
 * an object for a single group, an array of objects for a repeatable group.
 */

/** A question's value type. `address` is one line of free text ("số nhà, đường/thôn, xã, tỉnh"). */
export type FieldType =
  | 'text'
  | 'date'
  | 'personalId'
  | 'phone'
  | 'select'
  | 'checkbox'
  | 'number'
  | 'address';

/**
 * "Field X equals …". `field` names a field of the same group (and, in a repeatable group, of the same
 * item), or `group.field` for a field of another, non-repeatable group.
 */
export type Condition =
  | { field: string; equals: string | number | boolean }
  | { field: string; in: readonly (string | number)[] };

interface FieldBase {
  /** camelCase, unique in its group. */
  id: string;
  /** The question as printed, in Vietnamese. */
  label: string;
  /** Plain-Vietnamese help shown under the question. */
  help?: string;
  /** Always required. */
  required?: boolean;
  /** Required only when the condition holds (e.g. "số định danh của mẹ" when the mother is known). */
  requiredWhen?: Condition;
  /** Shown (and accepted) only when the condition holds; otherwise its answer is dropped. */
  showWhen?: Condition;
}

export interface TextField extends FieldBase {
  type: 'text';
  maxLength: number;
  minLength?: number;
  multiline?: boolean;
}
export interface AddressField extends FieldBase {
  type: 'address';
}
export interface DateField extends FieldBase {
  type: 'date';
  /** The date cannot be after today (births, deaths, issue dates). */
  notFuture?: boolean;
}
export interface PersonalIdField extends FieldBase {
  type: 'personalId';
}
export interface PhoneField extends FieldBase {
  type: 'phone';
}
export interface SelectField extends FieldBase {
  type: 'select';
  options: readonly { value: string; label: string }[];
}
export interface CheckboxField extends FieldBase {
  type: 'checkbox';
  /** A declaration that must be ticked ("Tôi cam đoan …"). */
  mustBeChecked?: boolean;
}
export interface NumberField extends FieldBase {
  type: 'number';
  min: number;
  max: number;
  /** Shown after the value: "bản", "trang", "người". */
  unit?: string;
}

export type FormField =
  | TextField
  | AddressField
  | DateField
  | PersonalIdField
  | PhoneField
  | SelectField
  | CheckboxField
  | NumberField;

export interface FormGroup {
  /** camelCase, unique in the form. */
  id: string;
  title: string;
  help?: string;
  /** Several copies of the group (several documents, several children); at least `min`, at most `max`. */
  repeat?: { min: number; max: number; itemLabel: string };
  /** The whole group is shown only when the condition (on another, non-repeatable group) holds. */
  showWhen?: Condition;
  fields: readonly FormField[];
}

export interface FormDefinition {
  procedureCode: string;
  /** 1, 2, …: a published version is never edited; a change is a new version. */
  version: number;
  /** Title of the paper form (tờ khai), e.g. "TỜ KHAI ĐĂNG KÝ KHAI SINH". */
  title: string;
  /** Where the paper form comes from (circular and annex), for the blank PDF and the reviewer. */
  source: string;
  /** Addressee line printed on the blank form ("Kính gửi: …"). */
  addressee: string;
  intro?: string;
  /** The procedure document ("Thành phần hồ sơ" id) that this form itself is, when it is one. */
  formDocumentId?: string;
  groups: readonly FormGroup[];
}

export type FieldValue = string | number | boolean;
export type GroupAnswers = Record<string, FieldValue>;
export type FormAnswers = Record<string, GroupAnswers | GroupAnswers[]>;

export type FormIssueCode =
  | 'not_object'
  | 'unknown_group'
  | 'unknown_field'
  | 'wrong_type'
  | 'required'
  | 'must_be_checked'
  | 'too_short'
  | 'too_long'
  | 'unsafe_text'
  | 'invalid_date'
  | 'future_date'
  | 'invalid_personal_id'
  | 'invalid_phone'
  | 'invalid_option'
  | 'not_integer'
  | 'out_of_range'
  | 'too_few_items'
  | 'too_many_items'
  | 'unknown_form';

export interface FormIssue {
  /** `group.field`, or `group[i].field` in a repeatable group, or `group` for the group itself. */
  path: string;
  code: FormIssueCode;
  /** Vietnamese: what is wrong and how to fix it. */
  message: string;
}

export type FormVerdict = { ok: true; value: FormAnswers } | { ok: false; issues: FormIssue[] };
