import { computeDue, type WorkCalendar } from '../calendar/work-calendar.ts';
import type { FeedbackAction, FeedbackStatus } from './names.ts';

export * from './names.ts';

/*
 * Citizens' feedback and petitions about administrative procedures (phản ánh, kiến nghị — PAKN; Decree
 * 20/2008/NĐ-CP as amended, docs/domain-vn.md §6.3): the categories, the handling steps and the clocks
 * Decision 766 indicator 5.2 judges them by. Pure: the server stores the due instants computed here.
 */

/** From which statuses an action may be taken, and the status it leads to. */
export const FEEDBACK_TRANSITIONS: Readonly<
  Record<FeedbackAction, { from: readonly FeedbackStatus[]; to: FeedbackStatus }>
> = {
  accept: { from: ['received'], to: 'accepted' },
  refuse: { from: ['received', 'info_requested'], to: 'refused' },
  request_info: { from: ['received', 'accepted'], to: 'info_requested' },
  answer: { from: ['accepted'], to: 'answered' },
  approve: { from: ['answered'], to: 'approved' },
  publish: { from: ['approved'], to: 'published' },
};

/** Whether `action` may be taken on feedback in `status` (`infoRequested`: a request was made already). */
export function feedbackActionAllowed(
  action: FeedbackAction,
  status: FeedbackStatus,
  infoRequested: boolean,
): boolean {
  if (action === 'request_info' && infoRequested) return false;
  return FEEDBACK_TRANSITIONS[action].from.includes(status);
}

/** The next status after `action` (assumes `feedbackActionAllowed`). */
export function feedbackStatusAfter(action: FeedbackAction): FeedbackStatus {
  return FEEDBACK_TRANSITIONS[action].to;
}

/**
 * The clocks in working days (docs/domain-vn.md §6.3, tagged [S]: configurable). `decision`: accept or
 * refuse (or ask for more information) after receipt; `infoRequest`: the first request for more
 * information after receipt; `handling`: the answer approved after receipt (or after the information
 * was supplied); `publication`: the answer published after its approval.
 */
export interface FeedbackClocks {
  decision: number;
  infoRequest: number;
  handling: number;
  publication: number;
}

export const DEFAULT_FEEDBACK_CLOCKS: FeedbackClocks = Object.freeze({
  decision: 2,
  infoRequest: 5,
  handling: 15,
  publication: 2,
});

/** "2,5,15,2" → clocks; undefined when not four whole numbers from 1 to 90. */
export function parseFeedbackClocks(raw: string): FeedbackClocks | undefined {
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,2}$/.test(p))) return undefined;
  const [decision, infoRequest, handling, publication] = parts.map(Number) as [
    number,
    number,
    number,
    number,
  ];
  if ([decision, infoRequest, handling, publication].some((n) => n < 1 || n > 90)) return undefined;
  return { decision, infoRequest, handling, publication };
}

/** `days` working days after `from`, on the province's calendar (office hours, holidays, make-up days). */
export function workingDaysAfter(cal: WorkCalendar, from: Date, days: number): Date {
  return computeDue(cal, from, days, 'working_days').dueAt;
}

/** The due instants set at receipt. */
export function dueAtReceipt(cal: WorkCalendar, clocks: FeedbackClocks, submittedAt: Date) {
  return {
    decisionDueAt: workingDaysAfter(cal, submittedAt, clocks.decision),
    infoDueAt: workingDaysAfter(cal, submittedAt, clocks.infoRequest),
    handlingDueAt: workingDaysAfter(cal, submittedAt, clocks.handling),
  };
}

/** The times a feedback item's clocks are judged on (null: not happened, or no such clock). */
export interface FeedbackTimes {
  status: FeedbackStatus;
  submittedAt: Date;
  decidedAt: Date | null;
  decisionDueAt: Date;
  infoRequestedAt: Date | null;
  infoDueAt: Date;
  handlingDueAt: Date;
  approvedAt: Date | null;
  publicationDueAt: Date | null;
  publishedAt: Date | null;
  refusedAt: Date | null;
}

export type FeedbackClock = 'decision' | 'infoRequest' | 'handling' | 'publication';

/** The clocks that apply to the item and their (due, done) instants. */
export function clocksOf(f: FeedbackTimes): { clock: FeedbackClock; dueAt: Date; doneAt: Date | null }[] {
  const out: { clock: FeedbackClock; dueAt: Date; doneAt: Date | null }[] = [
    { clock: 'decision', dueAt: f.decisionDueAt, doneAt: f.decidedAt },
  ];
  // The first request for more information is judged only when one was made.
  if (f.infoRequestedAt) out.push({ clock: 'infoRequest', dueAt: f.infoDueAt, doneAt: f.infoRequestedAt });
  if (f.refusedAt) return out;
  // While the citizen is asked for information the handling clock waits; it restarts on the reply.
  if (f.status !== 'info_requested')
    out.push({ clock: 'handling', dueAt: f.handlingDueAt, doneAt: f.approvedAt });
  if (f.publicationDueAt)
    out.push({ clock: 'publication', dueAt: f.publicationDueAt, doneAt: f.publishedAt });
  return out;
}

/** The clocks missed as seen at instant `at`: a step done after its due time, or not done and past due. */
export function lateClocks(f: FeedbackTimes, at: Date): FeedbackClock[] {
  const t = at.getTime();
  return clocksOf(f)
    .filter(
      ({ dueAt, doneAt }) => Math.min(doneAt?.getTime() ?? Number.POSITIVE_INFINITY, t) > dueAt.getTime(),
    )
    .map((c) => c.clock);
}

/** When handling ended (refused or answer published), else null. */
export function endedAt(f: Pick<FeedbackTimes, 'refusedAt' | 'publishedAt'>): Date | null {
  return f.refusedAt ?? f.publishedAt;
}

/** The clock of the step pending in `status`, if any. */
export function pendingClock(status: FeedbackStatus): Exclude<FeedbackClock, 'infoRequest'> | null {
  switch (status) {
    case 'received':
      return 'decision';
    case 'accepted':
    case 'answered':
      return 'handling';
    case 'approved':
      return 'publication';
    default:
      return null;
  }
}

/*
 * Receipt codes: "PA" + the commune's code + "-" + 10 characters of an alphabet without 0/O, 1/I/L
 * (read from paper and typed on a phone). The commune in the code lets a lookup go to its shard; the
 * random part (50 bits) is what makes the code a secret worth following the feedback with.
 */
export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const RECEIPT_PATTERN = /^PA(\d{5})-([2-9A-HJKMNP-Z]{10})$/;

/** A receipt code from 10 random bytes (each taken modulo the alphabet: a small, harmless bias). */
export function receiptCode(unitCode: string, random: Uint8Array): string {
  let tail = '';
  for (let i = 0; i < 10; i++) tail += RECEIPT_ALPHABET[(random[i] ?? 0) % RECEIPT_ALPHABET.length];
  return `PA${unitCode}-${tail}`;
}

/** A typed receipt code → its canonical form and commune; undefined when it cannot be one. */
export function parseReceiptCode(raw: string): { code: string; unitCode: string } | undefined {
  const code = raw.trim().toUpperCase().replace(/\s+/g, '');
  const m = RECEIPT_PATTERN.exec(code);
  return m ? { code, unitCode: m[1]! } : undefined;
}
