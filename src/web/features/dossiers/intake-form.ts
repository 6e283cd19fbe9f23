import type { TFunction } from 'i18next';
import { normalizePhone } from '../../../domain/contact/phone.ts';
import { ATTACHMENT_TYPES } from '../../../domain/files/attachments.ts';
import { isSafeText } from '../../../domain/text/safe-text.ts';
import type { ApiProblem } from '../../api/client';
import type {
  AttachmentContentType,
  IntakeDecision,
  IntakeRequest,
  ProcedureDocument,
  ReturnMethod,
} from '../../api/types';
import { type MissingItemValue, toMissingItems } from '../workflow/missing-items';

export interface IntakeDocumentValue {
  id: string;
  name: string;
  required: boolean;
  checked: boolean;
  originals: number | string;
  certifiedCopies: number | string;
  photocopies: number | string;
}

export interface IntakeValues {
  procedureCode: string | null;
  applicant: { fullName: string; idNumber: string; phone: string; address: string; email: string };
  subject: string;
  returnMethod: ReturnMethod;
  documents: IntakeDocumentValue[];
  /** The counter decision: accept (default), guide to supplement, or refuse. */
  decision: IntakeDecision;
  /** Reasons for refusal / supplement, one per line. */
  reasons: string;
  /** Documents the applicant must still bring (supplement only). */
  missing: MissingItemValue[];
  /** How the fees were paid when collected (accepted dossiers); '' = not recorded. */
  feePayment: '' | FeePayment;
  /** The fees collected, in đồng. */
  feeAmount: number | string;
}

export type FeePayment = NonNullable<IntakeRequest['fee']>['payment'];
export const FEE_PAYMENT_OPTIONS: readonly FeePayment[] = ['cash', 'online', 'transfer', 'not_required'];

export { ATTACHMENT_TYPES };
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export function emptyIntake(): IntakeValues {
  return {
    procedureCode: null,
    applicant: { fullName: '', idNumber: '', phone: '', address: '', email: '' },
    subject: '',
    returnMethod: 'counter',
    documents: [],
    decision: 'accept',
    reasons: '',
    missing: [],
    feePayment: '',
    feeAmount: '',
  };
}

/** The fees of a procedure as the amount to collect by default: the known amounts added up ('' when the province sets one). */
export function defaultFeeAmount(fees: ReadonlyArray<{ amount: number | null }>): number | string {
  if (fees.some((fee) => fee.amount === null)) return '';
  const total = fees.reduce((sum, fee) => sum + (fee.amount ?? 0), 0);
  return total > 0 ? total : '';
}

/** The checklist starts unticked: the officer ticks what the citizen actually handed over. */
export function checklistFor(documents: ProcedureDocument[]): IntakeDocumentValue[] {
  return documents.map((document) => ({
    id: document.id,
    name: document.name,
    required: document.required,
    checked: false,
    originals: document.originals,
    certifiedCopies: document.certifiedCopies,
    photocopies: document.photocopies,
  }));
}

function count(value: number | string): number {
  const parsed = typeof value === 'number' ? value : Number.parseInt(value, 10);
  return Number.isFinite(parsed) && parsed > 0 ? Math.floor(parsed) : 0;
}

/** Client-side checks; the server re-validates everything (ID checksum rules included). */
export function validateIntake(values: IntakeValues, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  const { applicant } = values;
  if (!values.procedureCode) errors.procedureCode = t('intake.errors.procedureRequired');
  if (!applicant.fullName.trim()) errors['applicant.fullName'] = t('intake.errors.fullNameRequired');
  if (!/^\d{12}$/.test(applicant.idNumber.trim())) errors['applicant.idNumber'] = t('intake.errors.idNumber');
  if (normalizePhone(applicant.phone) === undefined) errors['applicant.phone'] = t('intake.errors.phone');
  if (!applicant.address.trim()) errors['applicant.address'] = t('intake.errors.addressRequired');
  if (applicant.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(applicant.email.trim())) {
    errors['applicant.email'] = t('intake.errors.email');
  }
  // Only an accepted dossier must be complete; refusing or guiding to supplement is about what is missing.
  if (values.decision === 'accept') {
    values.documents.forEach((document, index) => {
      if (document.required && !document.checked)
        errors[`documents.${index}.checked`] = t('intake.errors.documentRequired');
    });
    if (values.documents.some((document) => document.required && !document.checked)) {
      errors.documents = t('intake.errors.documentsIncomplete');
    }
    if (values.feePayment && values.feePayment !== 'not_required' && count(values.feeAmount) <= 0)
      errors.feeAmount = t('intake.feeAmountRequired');
  } else if (reasonLines(values.reasons).length === 0) {
    errors.reasons = t('workflow:intake.reasonsRequired');
  }
  // The server refuses control characters in free text; say so at the field instead of after sending.
  const texts: Array<[field: string, value: string, multiline: boolean]> = [
    ['applicant.fullName', applicant.fullName, false],
    ['applicant.address', applicant.address, false],
    ['applicant.email', applicant.email, false],
    ['subject', values.subject, false],
    ['reasons', values.reasons, true],
    ['missing', values.missing.map((item) => item.name).join(''), false],
  ];
  for (const [field, value, multiline] of texts) {
    if (!errors[field] && !isSafeText(value, { multiline })) errors[field] = t('common.unsafeText');
  }
  return errors;
}

/** The reasons as the API takes them: one per non-empty line. */
export function reasonLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Required documents the officer did not tick, as the start of a supplement list. */
export function uncheckedRequired(documents: IntakeDocumentValue[]): IntakeDocumentValue[] {
  return documents.filter((document) => document.required && !document.checked);
}

export interface AttachmentPayload {
  fileName: string;
  contentType: AttachmentContentType;
  dataBase64: string;
}

export function toRequest(values: IntakeValues, attachments: AttachmentPayload[]): IntakeRequest {
  const email = values.applicant.email.trim();
  const subject = values.subject.trim();
  return {
    procedureCode: values.procedureCode ?? '',
    applicant: {
      fullName: values.applicant.fullName.trim(),
      idNumber: values.applicant.idNumber.trim(),
      phone: normalizePhone(values.applicant.phone) ?? values.applicant.phone.trim(),
      address: values.applicant.address.trim(),
      ...(email ? { email } : {}),
    },
    ...(subject ? { subject } : {}),
    returnMethod: values.returnMethod,
    documents: values.documents
      .filter((document) => document.checked)
      .map((document) => ({
        id: document.id,
        originals: count(document.originals),
        certifiedCopies: count(document.certifiedCopies),
        photocopies: count(document.photocopies),
      })),
    ...(attachments.length > 0 ? { attachments } : {}),
    ...decisionFields(values),
    ...feeFields(values),
  };
}

/** The fee record, only for an accepted dossier whose officer said how the fees were paid. */
function feeFields(values: IntakeValues): Pick<IntakeRequest, 'fee'> {
  if (values.decision !== 'accept' || !values.feePayment) return {};
  if (values.feePayment === 'not_required') return { fee: { payment: 'not_required' } };
  return { fee: { payment: values.feePayment, amount: count(values.feeAmount) } };
}

function decisionFields(values: IntakeValues): Pick<IntakeRequest, 'decision' | 'reasons' | 'missing'> {
  if (values.decision === 'accept') return {};
  const missing = values.decision === 'supplement' ? toMissingItems(values.missing) : [];
  return {
    decision: values.decision,
    reasons: reasonLines(values.reasons),
    ...(missing.length > 0 ? { missing } : {}),
  };
}

/** Identifies "the same submission" for Idempotency-Key reuse without holding file contents. */
export function submissionFingerprint(request: IntakeRequest, files: File[]): string {
  const { attachments: _ignored, ...rest } = request;
  return JSON.stringify({ rest, files: files.map((file) => [file.name, file.size, file.lastModified]) });
}

/** Reads a file as base64 (no data: prefix) with the browser's FileReader. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = String(reader.result);
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

const DOCUMENT_COUNT_FIELDS = new Set(['originals', 'certifiedCopies', 'photocopies']);

/** "body/applicant/idNumber", "/applicant/idNumber" and "applicant.idNumber" all become the dotted form. */
function normalisePath(path: string): string {
  return path
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^body\./, '');
}

const CODE_TO_FIELD: Record<string, string> = {
  PERSONAL_ID_INVALID: 'applicant.idNumber',
  DOCUMENTS_INCOMPLETE: 'documents',
  DOCUMENT_UNKNOWN: 'documents',
  PROCEDURE_UNKNOWN: 'procedureCode',
  PROCEDURE_NOT_FOUND: 'procedureCode',
  ATTACHMENT_TYPE_MISMATCH: 'attachments',
  ATTACHMENT_TOO_LARGE: 'attachments',
  ATTACHMENTS_TOO_MANY: 'attachments',
  PAYLOAD_TOO_LARGE: 'attachments',
  REASON_REQUIRED: 'reasons',
};

export interface MappedErrors {
  fields: Record<string, string>;
  unmapped: string[];
}

/**
 * Puts problem+json `errors[].path` onto form fields. A document is named either by its id
 * (`documents.<id>`) or by its index in the submitted (ticked) list (`documents.<n>`); both are
 * translated back to the position in the checklist.
 */
export function mapProblemToFields(
  problem: ApiProblem,
  values: IntakeValues,
  submittedIds: string[],
): MappedErrors {
  const fields: Record<string, string> = {};
  const unmapped: string[] = [];
  for (const error of problem.errors) {
    const path = normalisePath(error.path);
    const [head, second, third] = path.split('.');
    if (head === 'applicant' || head === 'procedureCode' || head === 'subject' || head === 'returnMethod') {
      fields[path] = error.message;
    } else if (head === 'reasons' || head === 'missing') {
      fields[head] = error.message;
    } else if (head === 'attachments') {
      fields.attachments = error.message;
    } else if (head === 'documents') {
      const byIndex = second !== undefined && /^\d+$/.test(second) ? submittedIds[Number(second)] : undefined;
      const documentId = byIndex ?? second;
      const index = values.documents.findIndex((document) => document.id === documentId);
      if (index < 0) fields.documents = error.message;
      else if (third && DOCUMENT_COUNT_FIELDS.has(third))
        fields[`documents.${index}.${third}`] = error.message;
      else fields[`documents.${index}.checked`] = error.message;
    } else {
      unmapped.push(error.message);
    }
  }
  const codeField = CODE_TO_FIELD[problem.code];
  if (codeField && !fields[codeField]) fields[codeField] = problem.title;
  return { fields, unmapped };
}
