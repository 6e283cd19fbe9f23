import type { TFunction } from 'i18next';
import { defaultWorkflow } from '../../../domain/lifecycle/workflow.ts';
import type { DossierDocument } from '../../api/endpoints';
import type {
  DeadlineState,
  Dossier,
  LifecycleAction,
  QueueName,
  Role,
  TimelineEvent,
  Timeliness,
} from '../../api/types';

/** Roles that work on dossiers inside a commune center. */
export const COMMUNE_STAFF_ROLES = ['reception', 'specialist', 'leader'] as const satisfies readonly Role[];
export type CommuneStaffRole = (typeof COMMUNE_STAFF_ROLES)[number];

export function isCommuneStaff(role: Role | undefined): role is CommuneStaffRole {
  return (COMMUNE_STAFF_ROLES as readonly string[]).includes(role ?? '');
}

/** The queues each role works from, in tab order (the first is the default tab). */
export const ROLE_QUEUES: Record<CommuneStaffRole, readonly QueueName[]> = {
  reception: ['to_transfer', 'waiting_supplement', 'to_return', 'overdue'],
  specialist: ['mine', 'due_today', 'due_soon', 'overdue', 'waiting_supplement'],
  leader: ['mine', 'awaiting_approval', 'overdue', 'due_soon'],
};

export const DEADLINE_COLORS: Record<DeadlineState, string> = {
  on_track: 'green',
  due_soon: 'orange',
  overdue: 'red',
};

export const TIMELINESS_COLORS: Record<Timeliness, string> = {
  early: 'green',
  on_time: 'teal',
  late: 'red',
};

/** Received and in process are blue, paused orange, done green, refused/stopped grey-red. */
export function statusColor(status: number): string {
  if (status === 9 || status === 10) return 'green';
  if (status === 5 || status === 6 || status === 7) return 'orange';
  if (status === 3 || status === 8) return 'gray';
  return 'blue';
}

/** A status name in the interface language; Vietnamese keeps the national wording from the server. */
export function statusLabel(t: TFunction, status: number | null, serverName: string | null): string {
  if (status === null) return serverName ?? '';
  return t(`workflow:statuses.${status}`, { defaultValue: serverName ?? String(status) });
}

const STEP_KEYS_BY_NAME = new Map(
  defaultWorkflow({ amount: 1, unit: 'working_days' }).map((step) => [step.name, step.key]),
);

/** A workflow step's name in the interface language (queues only carry the Vietnamese name). */
export function stepLabel(t: TFunction, step: { key?: string; name: string } | string | null): string {
  if (!step) return '';
  const name = typeof step === 'string' ? step : step.name;
  const key =
    typeof step === 'string' ? STEP_KEYS_BY_NAME.get(step) : (step.key ?? STEP_KEYS_BY_NAME.get(name));
  return key ? t(`workflow:steps.${key}`, { defaultValue: name }) : name;
}

export function actionLabel(t: TFunction, action: string, serverLabel: string): string {
  return t(`workflow:actions.${action}`, { defaultValue: serverLabel });
}

/** Statuses in which the dossier has an appointment (accepted and not refused). */
export function hasAppointment(status: number): boolean {
  return status !== 1 && status !== 3;
}

const SUPPLEMENT_EVENTS = new Set(['request_supplement', 'request_pre_supplement']);

/** The official documents that exist for a dossier in its current state, in the order an officer needs them. */
export function availableDocuments(
  dossier: Dossier,
  events: readonly TimelineEvent[] = [],
): DossierDocument[] {
  const docs: DossierDocument[] = [];
  const { status } = dossier;
  if (hasAppointment(status)) docs.push('receipt');
  if (status === 3) docs.push('refusal-slip');
  if (
    dossier.subState === 'pre_supplement' ||
    dossier.supplementRequests > 0 ||
    events.some((event) => SUPPLEMENT_EVENTS.has(event.action))
  )
    docs.push('supplement-slip');
  const wasTransferred = events.some((event) => event.action === 'transfer');
  if (wasTransferred || (status >= 4 && status <= 10 && status !== 7 && status !== 8))
    docs.push('control-slip');
  if (dossier.subState === 'apology_pending' || events.some((event) => event.action === 'draft_apology'))
    docs.push('apology');
  if (status === 8) docs.push('stop-notice');
  return docs;
}

/** What a modal asks for before an action is sent. */
export interface ActionFields {
  assignee: boolean;
  items: boolean;
  newDueAt: boolean;
  resultFile: boolean;
  returnMethod: boolean;
}

export function fieldsFor(action: LifecycleAction): ActionFields {
  return {
    assignee: action === 'assign',
    items: action === 'request_supplement',
    newDueAt: action === 'draft_apology',
    resultFile: action === 'issue_result',
    returnMethod: action === 'return_result',
  };
}

/** The step forward in each state: shown as the filled button, the others as light ones. */
const FORWARD_ACTIONS: ReadonlySet<LifecycleAction> = new Set([
  'accept',
  'pre_supplement_received',
  'transfer',
  'complete_step',
  'supplement_received',
  'payment_received',
  'issue_result',
  'return_result',
  'approve_apology',
  'confirm_withdrawal',
]);

export function isForward(action: LifecycleAction): boolean {
  return FORWARD_ACTIONS.has(action);
}

/** Actions that end or refuse something are shown as red outlined buttons. */
export function isDestructive(action: LifecycleAction): boolean {
  return action === 'refuse' || action === 'stop' || action === 'reject_apology' || action === 'withdraw';
}
