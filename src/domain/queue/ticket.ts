/*
 * Queue tickets of a commune center's hall (issue 16 item 1): what a counter may do to a ticket, as a
 * table the compiler checks. Pure: no I/O; the server's queue module applies it.
 *
 * A ticket waits in its line (a field, or the general line) until a counter calls it. A called ticket
 * is then recalled (announced again), skipped (the citizen did not come: back to the end of the
 * line), transferred (waiting again, first in line at the other counter), served, or marked no-show.
 * Tickets belong to one day (Vietnam time): a ticket of an earlier day is never called nor changed.
 */
import type { PlainDate } from '../calendar/vn-time.ts';

export const TICKET_STATUSES = ['waiting', 'called', 'served', 'no_show'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_ACTIONS = ['recall', 'skip', 'transfer', 'served', 'no_show'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** What each action does: from which status, to which, and whether the ticket is announced again. */
export const TICKET_TRANSITIONS = {
  recall: { from: ['called'], to: 'called', announce: true },
  skip: { from: ['called'], to: 'waiting', announce: false },
  transfer: { from: ['called'], to: 'waiting', announce: false },
  served: { from: ['called'], to: 'served', announce: false },
  no_show: { from: ['called'], to: 'no_show', announce: false },
} as const satisfies Record<
  TicketAction,
  { from: readonly TicketStatus[]; to: TicketStatus; announce: boolean }
>;

export type TicketDecision =
  | { ok: true; to: TicketStatus; announce: boolean }
  | { ok: false; reason: 'expired' | 'status' | 'other_counter' | 'same_counter' };

/**
 * Whether `action` may be done to a ticket by `counter`: the ticket must be of `today`, called at this
 * very counter; a transfer must name another counter.
 */
export function decideTicketAction(
  ticket: { day: PlainDate; status: TicketStatus; counterNumber: number | null },
  action: TicketAction,
  counter: number,
  today: PlainDate,
  transferTo?: number,
): TicketDecision {
  if (ticket.day !== today) return { ok: false, reason: 'expired' };
  const rule = TICKET_TRANSITIONS[action];
  if (!(rule.from as readonly TicketStatus[]).includes(ticket.status)) return { ok: false, reason: 'status' };
  if (ticket.counterNumber !== counter) return { ok: false, reason: 'other_counter' };
  if (action === 'transfer' && (transferTo === undefined || transferTo === counter))
    return { ok: false, reason: 'same_counter' };
  return { ok: true, to: rule.to, announce: rule.announce };
}

/** Whether a counter serving `fields` (none: every field) takes tickets of `field` (null: the general line). */
export function counterServes(fields: readonly string[], field: string | null): boolean {
  return fields.length === 0 || field === null || fields.includes(field);
}

/** The words the hall's board speaks for a call, in Vietnamese. */
export function callAnnouncement(number: number, counter: number): string {
  return `Mời số ${number} đến quầy ${counter}`;
}

/** Vietnamese mobile numbers as a citizen types them: 0 or +84, then 9 digits starting 3, 5, 7, 8 or 9. */
export const VN_MOBILE = /^(?:0|\+84)[35789]\d{8}$/;

/** A mobile number in its national form (0xxxxxxxxx), spaces and dots removed; undefined if it is not one. */
export function normalizeMobile(input: string): string | undefined {
  const compact = input.replace(/[\s.-]/g, '');
  if (!VN_MOBILE.test(compact)) return undefined;
  return compact.startsWith('+84') ? `0${compact.slice(3)}` : compact;
}
