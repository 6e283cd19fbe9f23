import type { TFunction } from 'i18next';
import { isoToVnLocal, vnLocalToIso } from '../../../domain/calendar/vn-time.ts';
import { isSafeText } from '../../../domain/text/safe-text.ts';
import type { ActionRequest, AttachmentContentType, AvailableAction, ReturnMethod } from '../../api/types';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, readAsBase64 } from '../dossiers/intake-form';
import { emptyMissingItem, type MissingItemValue, toMissingItems } from './missing-items';
import { fieldsFor } from './workflow-model';

export interface ActionValues {
  reason: string;
  assignee: string;
  items: MissingItemValue[];
  /** `datetime-local` value in Vietnam time. */
  newDueAt: string;
  file: File | null;
  resultName: string;
  returnMethod: ReturnMethod;
}

const DAY_MS = 24 * 3_600_000;

/**
 * Starting values. The suggested new appointment is the day after the later of now and the current
 * appointment, at the current appointment's time of day (appointments fall within office hours).
 */
export function initialActionValues(
  dossier: { dueAt: string | null; returnMethod: ReturnMethod },
  now: Date = new Date(),
): ActionValues {
  const due = dossier.dueAt ? Date.parse(dossier.dueAt) : Number.NaN;
  const base = Number.isNaN(due) ? now.getTime() : Math.max(due, now.getTime());
  const day = isoToVnLocal(new Date(base + DAY_MS).toISOString()).slice(0, 10);
  const time = Number.isNaN(due) ? '16:00' : isoToVnLocal(new Date(due).toISOString()).slice(11, 16);
  return {
    reason: '',
    assignee: '',
    items: [emptyMissingItem()],
    newDueAt: `${day}T${time}`,
    file: null,
    resultName: '',
    returnMethod: dossier.returnMethod,
  };
}

export type ActionErrors = Partial<
  Record<'reason' | 'assignee' | 'newDueAt' | 'file' | 'resultName', string>
>;

/** Client-side checks before sending; the server decides again (role, state, version). */
export function validateAction(
  available: AvailableAction,
  values: ActionValues,
  dossier: { dueAt: string | null; hasApprovedDraft?: boolean },
  t: TFunction,
  now: Date = new Date(),
): ActionErrors {
  const errors: ActionErrors = {};
  const fields = fieldsFor(available.action);
  if (available.reasonRequired && !values.reason.trim()) errors.reason = t('workflow:modal.reasonRequired');
  else if (!isSafeText(values.reason, { multiline: true })) errors.reason = t('common.unsafeText');
  if (fields.resultFile && !isSafeText(values.resultName)) errors.resultName = t('common.unsafeText');
  if (fields.assignee && !values.assignee.trim()) errors.assignee = t('workflow:modal.assigneeRequired');
  if (fields.newDueAt) {
    const iso = vnLocalToIso(values.newDueAt);
    const at = iso ? Date.parse(iso) : Number.NaN;
    const current = dossier.dueAt ? Date.parse(dossier.dueAt) : 0;
    if (Number.isNaN(at)) errors.newDueAt = t('workflow:modal.newDueRequired');
    else if (at <= now.getTime() || at <= current) errors.newDueAt = t('workflow:modal.newDueInvalid');
  }
  if (fields.resultFile) {
    const file = values.file;
    // With an approved result draft, the server issues the draft: a file is optional.
    if (!file && dossier.hasApprovedDraft) return errors;
    if (!file) errors.file = t('workflow:modal.resultFileRequired');
    else if (!ATTACHMENT_TYPES.includes(file.type as AttachmentContentType))
      errors.file = t('workflow:modal.resultFileType');
    else if (file.size > MAX_ATTACHMENT_BYTES) errors.file = t('workflow:modal.resultFileSize');
  }
  return errors;
}

/** The request body for an action, with the version the officer was looking at. */
export async function toActionRequest(
  available: AvailableAction,
  values: ActionValues,
  expectedVersion: number,
): Promise<ActionRequest> {
  const fields = fieldsFor(available.action);
  const reason = values.reason.trim();
  const body: ActionRequest = { action: available.action, expectedVersion, ...(reason ? { reason } : {}) };
  if (fields.assignee) body.assignee = values.assignee.trim();
  if (fields.items) {
    const items = toMissingItems(values.items);
    if (items.length > 0) body.items = items;
  }
  if (fields.newDueAt) body.newDueAt = vnLocalToIso(values.newDueAt);
  if (fields.resultFile && values.file) {
    body.resultFile = {
      fileName: values.file.name,
      contentType: values.file.type as AttachmentContentType,
      dataBase64: await readAsBase64(values.file),
    };
    const name = values.resultName.trim();
    if (name) body.resultName = name;
  }
  if (fields.returnMethod) body.returnMethod = values.returnMethod;
  return body;
}
