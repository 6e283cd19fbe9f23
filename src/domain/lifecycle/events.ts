import type { NationalStatus } from './statuses.ts';
import { statusName } from './statuses.ts';
import type { Action } from './transitions.ts';

/*
 * Dossier events: what happened to a dossier, as typed data. Intake and every lifecycle action emit
 * exactly one event (src/server/modules/dossier-events records it in the caller's transaction). From
 * an event this module derives, purely, its effects: the audit chain entry (whose fields are the hash
 * input, so they must stay as they are for kinds already recorded) and the messages to the applicant.
 * A new consumer (the national portal's synchronisation) is a new kind of effect here.
 */

/** What every event carries: whose dossier, who acted, when, for which request. */
export interface EventBase {
  id: string;
  unitCode: string;
  dossierCode: string;
  at: Date;
  actorUserId: string | null;
  actorRole: string | null;
  requestId: string | null;
  reason: string | null;
}

/** The counter's decision on a dossier brought in (docs/domain-vn.md §2.4). */
export type IntakeDecision = 'accept' | 'refuse' | 'supplement';

/** A dossier received at the counter: accepted, refused, or sent back for completion. */
export interface ReceivedEvent extends EventBase {
  type: 'received';
  decision: IntakeDecision;
  toStatus: NationalStatus;
  procedureCode: string;
  /** The appointment (accepted) or the time of receipt (the others). */
  dueAt: Date;
  /** Days off skipped when counting the appointment. */
  skippedDays: number;
}

/**
 * A dossier a citizen filed online (channel 2): numbered at once and waiting in the commune's online
 * queue at status 1; reception then accepts, refuses or asks for a supplement (performed events).
 */
export interface SubmittedOnlineEvent extends EventBase {
  type: 'submitted_online';
  toStatus: NationalStatus;
  procedureCode: string;
  /** The version of the online form the answers were given in. */
  formVersion: number;
  /** Filled in by a reception officer at the counter on the citizen's behalf (issue 14 item 5). */
  assisted?: boolean;
}

/** An event recorded by the statement that numbers the dossier: counter receipt or online filing. */
export type IntakeEvent = ReceivedEvent | SubmittedOnlineEvent;

/** What a citizen does to their own dossier online, beyond the change of status. */
export interface CitizenFacts {
  /** Files sent for what was asked (before receipt, or while processing is paused). */
  citizen_supplement: { files: number };
  /** The citizen asks for the dossier back (reception confirms with `confirm_withdrawal`). */
  citizen_withdraw: Record<never, never>;
}
export type CitizenAction = keyof CitizenFacts;

/** A citizen's own change to their dossier, with the status before and after. */
export type CitizenEvent<A extends CitizenAction = CitizenAction> = {
  [K in A]: EventBase & {
    type: 'citizen';
    action: K;
    fromStatus: NationalStatus;
    toStatus: NationalStatus;
  } & CitizenFacts[K];
}[A];

/** What an action adds to its event beyond the change of status. */
export interface ActionFacts {
  /** `online`: the dossier was filed online (channel 2), so its applicant is told of the decision. */
  accept: { dueAt: Date; online: boolean };
  refuse: { online: boolean };
  request_pre_supplement: { items: RequestedItem[]; online: boolean };
  pre_supplement_received: Record<never, never>;
  transfer: Record<never, never>;
  assign: { assignee: string };
  complete_step: Record<never, never>;
  return_step: Record<never, never>;
  request_supplement: { items: RequestedItem[] };
  supplement_received: Resumption;
  request_payment: { items: RequestedItem[] };
  payment_received: Resumption;
  stop: Record<never, never>;
  issue_result: { timeliness: 'early' | 'on_time' | 'late' };
  return_result: { returnMethod: string };
  withdraw: Record<never, never>;
  confirm_withdrawal: Record<never, never>;
  draft_apology: { newDueAt: Date };
  approve_apology: { dueBefore: Date; dueAfter: Date };
  reject_apology: Record<never, never>;
  /** The result template drafted or approved (the values themselves stay with the dossier). */
  draft_result: { template: string };
  approve_result: { template: string };
}

/** A document the applicant is asked to bring (docs/domain-vn.md §2.3). */
export interface RequestedItem {
  name: string;
  originals: number;
  certifiedCopies: number;
  photocopies: number;
}

/** A pause ended: the working time it lasted moved the appointment. */
interface Resumption {
  pausedMinutes: number;
  dueBefore: Date;
  dueAfter: Date;
}

/** A lifecycle action performed on a dossier, with the status before and after. */
export type PerformedEvent<A extends Action = Action> = {
  [K in A]: EventBase & {
    type: 'performed';
    action: K;
    fromStatus: NationalStatus;
    toStatus: NationalStatus;
  } & ActionFacts[K];
}[A];

export type DossierEvent = IntakeEvent | PerformedEvent | CitizenEvent;

/** The dossier as the change left it: what a message to the applicant says and where it goes. */
export interface DossierAfter {
  code: string;
  status: number;
  dueAt: Date;
  applicantName: string;
  applicantEmail: string | null;
  applicantPhone: string;
}

/** The fields of an audit chain entry that an event determines (the hash covers them). */
export interface AuditEntry {
  id: string;
  unitCode: string;
  dossierCode: string;
  action: string;
  actorUserId: string | null;
  actorRole: string | null;
  fromStatus: number | null;
  toStatus: number | null;
  reason: string | null;
  requestId: string | null;
  data: Record<string, unknown> | null;
  at: Date;
}

/** A message to the applicant, delivered from the outbox (src/server/modules/integration). */
export interface OutboundMessage {
  channel: 'email' | 'sms' | 'portal';
  payload: Record<string, unknown>;
}

/** Templates of the messages to applicants (src/server/modules/integration/messages.ts renders them). */
export type NotificationTemplate =
  | 'received'
  | 'refused'
  | 'supplement_requested'
  | 'appointment_moved'
  | 'result_ready';

interface Notice {
  template: NotificationTemplate;
  data: Record<string, unknown>;
}

/** An action's effects: the data its audit entry carries and the notices it sends the applicant. */
interface ActionEffects<A extends Action> {
  audit: (e: PerformedEvent<A>) => Record<string, unknown> | null;
  notify: (e: PerformedEvent<A>) => Notice[];
}

const none = () => null;
const silent = (): Notice[] => [];
const resumed: ActionEffects<'supplement_received' | 'payment_received'> = {
  audit: (e) => ({
    pausedMinutes: e.pausedMinutes,
    dueBefore: e.dueBefore.toISOString(),
    dueAfter: e.dueAfter.toISOString(),
  }),
  notify: (e) =>
    e.pausedMinutes > 0 ? [{ template: 'appointment_moved', data: { dueAt: e.dueAfter.toISOString() } }] : [],
};

/** Every action's effects, checked by the compiler: a new action without an entry does not compile. */
const ACTION_EFFECTS: { [A in Action]: ActionEffects<A> } = {
  // Only an online applicant is told of reception's decision: at the counter it is handed over in person.
  accept: {
    audit: (e) => ({ dueAt: e.dueAt.toISOString() }),
    notify: (e) => (e.online ? [{ template: 'received', data: {} }] : []),
  },
  refuse: {
    audit: none,
    notify: (e) => (e.online ? [{ template: 'refused', data: { reason: e.reason ?? undefined } }] : []),
  },
  request_pre_supplement: {
    audit: none,
    notify: (e) =>
      e.online
        ? [{ template: 'supplement_requested', data: { reason: e.reason ?? undefined, items: e.items } }]
        : [],
  },
  pre_supplement_received: { audit: none, notify: silent },
  transfer: { audit: none, notify: silent },
  assign: { audit: (e) => ({ assignee: e.assignee }), notify: silent },
  complete_step: { audit: none, notify: silent },
  return_step: { audit: none, notify: silent },
  request_supplement: {
    audit: none,
    notify: (e) => [
      { template: 'supplement_requested', data: { reason: e.reason ?? undefined, items: e.items } },
    ],
  },
  supplement_received: resumed,
  request_payment: { audit: none, notify: silent },
  payment_received: resumed,
  stop: { audit: none, notify: silent },
  issue_result: {
    audit: (e) => ({ timeliness: e.timeliness }),
    notify: () => [{ template: 'result_ready', data: {} }],
  },
  return_result: { audit: (e) => ({ returnMethod: e.returnMethod }), notify: silent },
  withdraw: { audit: none, notify: silent },
  confirm_withdrawal: { audit: none, notify: silent },
  draft_apology: { audit: (e) => ({ newDueAt: e.newDueAt.toISOString() }), notify: silent },
  approve_apology: {
    audit: (e) => ({ dueBefore: e.dueBefore.toISOString(), dueAfter: e.dueAfter.toISOString() }),
    notify: (e) => [
      { template: 'appointment_moved', data: { dueAt: e.dueAfter.toISOString(), apology: true } },
    ],
  },
  reject_apology: { audit: none, notify: silent },
  draft_result: { audit: (e) => ({ template: e.template }), notify: silent },
  approve_result: { audit: (e) => ({ template: e.template }), notify: silent },
};

/** The audit action recorded for each intake decision (names kept from the first recorded chains). */
export const INTAKE_AUDIT_ACTIONS = {
  accept: 'intake',
  refuse: 'refuse',
  supplement: 'request_pre_supplement',
} as const satisfies Record<IntakeDecision, string>;

/** The audit data of a citizen's change (audit action: the citizen action's name). */
const CITIZEN_AUDIT: { [A in CitizenAction]: (e: CitizenEvent<A>) => Record<string, unknown> | null } = {
  citizen_supplement: (e) => ({ files: e.files }),
  citizen_withdraw: () => null,
};

/** The audit action of an online filing. */
export const ONLINE_SUBMISSION_AUDIT_ACTION = 'submit_online';

function effectsOf<A extends Action>(e: PerformedEvent<A>): ActionEffects<A> {
  return ACTION_EFFECTS[e.action] as ActionEffects<A>;
}

/** The audit chain entry of an event: the same fields (and so the same hash input) as ever recorded. */
export function auditEntryOf(e: DossierEvent): AuditEntry {
  const base = {
    id: e.id,
    unitCode: e.unitCode,
    dossierCode: e.dossierCode,
    actorUserId: e.actorUserId,
    actorRole: e.actorRole,
    reason: e.reason,
    requestId: e.requestId,
    at: e.at,
  };
  if (e.type === 'received') {
    return {
      ...base,
      action: INTAKE_AUDIT_ACTIONS[e.decision],
      fromStatus: null,
      toStatus: e.toStatus,
      data: { procedureCode: e.procedureCode, dueAt: e.dueAt.toISOString(), skipped: e.skippedDays },
    };
  }
  if (e.type === 'submitted_online') {
    return {
      ...base,
      action: ONLINE_SUBMISSION_AUDIT_ACTION,
      fromStatus: null,
      toStatus: e.toStatus,
      data: {
        procedureCode: e.procedureCode,
        formVersion: e.formVersion,
        channel: 'online',
        ...(e.assisted ? { assisted: true } : {}),
      },
    };
  }
  if (e.type === 'citizen') {
    const audit = CITIZEN_AUDIT[e.action] as (c: CitizenEvent) => Record<string, unknown> | null;
    return { ...base, action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, data: audit(e) };
  }
  return {
    ...base,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    data: effectsOf(e).audit(e),
  };
}

/**
 * The notices an event sends the applicant: none at intake (the receipt slip is handed over; online,
 * the citizen sees the filing in "Hồ sơ của tôi") nor for the citizen's own changes.
 */
function noticesOf(e: DossierEvent): Notice[] {
  return e.type === 'performed' ? effectsOf(e).notify(e) : [];
}

/**
 * The outbound messages of an event: each notice by e-mail when the applicant gave an address, and
 * always by SMS. `dossier` is the dossier after the change (its appointment and status).
 */
export function messagesOf(e: DossierEvent, dossier: DossierAfter): OutboundMessage[] {
  const messages: OutboundMessage[] = [];
  for (const n of noticesOf(e)) {
    const base = {
      code: dossier.code,
      template: n.template,
      applicantName: dossier.applicantName,
      dueAt: dossier.dueAt.toISOString(),
      status: statusName(dossier.status as NationalStatus),
      ...n.data,
    };
    if (dossier.applicantEmail)
      messages.push({ channel: 'email', payload: { ...base, to: dossier.applicantEmail } });
    messages.push({ channel: 'sms', payload: { ...base, to: dossier.applicantPhone } });
  }
  return messages;
}

/** Kinds of dossier events a partner system's webhook endpoint may subscribe to (docs/API.md, "Partner API"). */
export const WEBHOOK_EVENT_KINDS = ['dossier.received', 'dossier.status_changed', 'dossier.updated'] as const;
export type WebhookEventKind = (typeof WEBHOOK_EVENT_KINDS)[number];

/**
 * The body a partner's webhook endpoint receives for an event: what happened to which dossier, no
 * personal data (the partner reads the dossier through the Partner API with its key when it needs
 * more). `dossier.sequence` is the event's position in the dossier's audit chain, filled in by the
 * statement that records it, so a receiver can put a dossier's events in order.
 */
export interface WebhookBody {
  id: string;
  type: WebhookEventKind;
  occurredAt: string;
  dossier: { code: string; unitCode: string; status: number; statusName: string; sequence: number | null };
  change: { action: string; fromStatus: number | null; toStatus: number | null };
}

/** The kind of webhook event an event is: intake, a change of status, or any other recorded change. */
export function webhookKindOf(e: DossierEvent): WebhookEventKind {
  if (e.type === 'received' || e.type === 'submitted_online') return 'dossier.received';
  return e.fromStatus !== e.toStatus ? 'dossier.status_changed' : 'dossier.updated';
}

/** The webhook body of an event (one for every event; the recorder sends it to each subscribed endpoint). */
export function webhookBodyOf(e: DossierEvent, dossier: DossierAfter, audit: AuditEntry): WebhookBody {
  return {
    id: e.id,
    type: webhookKindOf(e),
    occurredAt: e.at.toISOString(),
    dossier: {
      code: dossier.code,
      unitCode: e.unitCode,
      status: dossier.status,
      statusName: statusName(dossier.status as NationalStatus),
      sequence: null,
    },
    change: { action: audit.action, fromStatus: audit.fromStatus, toStatus: audit.toStatus },
  };
}

/**
 * Everything an event causes, as data: one audit entry, the messages to the applicant and the body
 * sent to partners' webhook endpoints, executed in one transaction.
 */
export interface EventEffects {
  audit: AuditEntry;
  messages: OutboundMessage[];
  webhook: WebhookBody;
}

export function effectsOfEvent(e: DossierEvent, dossier: DossierAfter): EventEffects {
  const audit = auditEntryOf(e);
  return { audit, messages: messagesOf(e, dossier), webhook: webhookBodyOf(e, dossier, audit) };
}
