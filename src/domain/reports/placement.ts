import { classifySettlement, type Timeliness } from '../lifecycle/timeliness.ts';
import {
  type DossierFacts,
  earliest,
  invalidDateField,
  NEVER_RECEIVED_STATUSES,
  OPEN_STATUSES,
  PAUSED_STATUSES,
  SETTLED_STATUSES,
  WITHDRAWN_OR_STOPPED_STATUSES,
} from './facts.ts';
import type { PeriodInstants } from './periods.ts';

/**
 * How a dossier's processing ended, read from its timestamps (not from when the report is made).
 * - status 9/10: settled at `processingEndedAt` (NgayKetThucXuLy), or `returnedAt` when that is missing;
 * - status 7/8: withdrawn or stopped at the earlier of `withdrawnAt` and `processingEndedAt` (the first
 *   terminal event: the applicant's request to withdraw ends processing, Index 766 §1.4);
 * - anything else, or a finished status without any end timestamp: still open.
 * An end earlier than the receipt (bad data) is taken as the receipt time, so the dossier is never
 * finished before it was received.
 */
export type Outcome = { kind: 'open' } | { kind: 'settled' | 'withdrawn_or_stopped'; at: Date };

export function outcomeOf(f: DossierFacts): Outcome {
  let kind: 'settled' | 'withdrawn_or_stopped';
  let at: Date | null;
  if (SETTLED_STATUSES.includes(f.status)) {
    kind = 'settled';
    at = f.processingEndedAt ?? f.returnedAt;
  } else if (WITHDRAWN_OR_STOPPED_STATUSES.includes(f.status)) {
    kind = 'withdrawn_or_stopped';
    at = earliest(f.processingEndedAt, f.withdrawnAt);
  } else {
    return { kind: 'open' };
  }
  if (!at) return { kind: 'open' };
  if (f.receivedAt && at.getTime() < f.receivedAt.getTime()) at = f.receivedAt;
  return { kind, at };
}

/** Which "received" column a dossier counts in: received in the period by channel, or carried over. */
export type ReceiptColumn = 'online' | 'direct' | 'carried_over';

/**
 * Where one dossier lands in a period's settlement report (Biểu II.06a). Every dossier counted as
 * received lands in exactly one of settled, withdrawn/stopped or in process, so
 * received = settled + in process + withdrawn/stopped holds by construction.
 */
export type Placement =
  | { column: 'none' }
  | { column: 'settled'; receipt: ReceiptColumn; endedAt: Date; timeliness: Timeliness }
  | { column: 'withdrawn_or_stopped'; receipt: ReceiptColumn; endedAt: Date; timeliness: Timeliness }
  | { column: 'in_process'; receipt: ReceiptColumn; withinTime: boolean; waiting: boolean };

/**
 * The column of `f` in the period bounded by `b` (`start ≤ t < end`, see `periodInstants`).
 *
 * - Not counted: never accepted (status 1 or 3, or no `receivedAt`), received at or after `end`, or
 *   finished before `start`.
 * - Received: `online` when channel 2, `direct` when channel 1 (counter) or 3 (postal) and received in
 *   the period; `carried_over` when received before `start` and not finished before `start`.
 * - Settled: finished with a result (status 9/10) with its end in the period; early / on time / late by
 *   `classifySettlement` against `dueAtLegal` (the appointment after pause shifts, before any apology
 *   re-appointment, so a re-appointed dossier stays late; more than one supplement request is late).
 * - Withdrawn or stopped: status 7/8 with its end in the period. Its timeliness (same rule) is only
 *   used by Index 766 indicator 2.1.
 * - In process at the end: received before `end` and not finished before `end` (whatever its status
 *   now). Judged at the cut-off `b.cutoff` (the earlier of `end` and now, docs/domain-vn.md §1.4) when
 *   its status is open (2, 4, 5, 6), else at `end`; call that instant `at`. Within time when
 *   `dueAtLegal ≥ at`, or when it was waiting for the applicant at `at` (status 5/6 now, with the open
 *   pause begun before `at`) and the pause began no later than `dueAtLegal` — Index 766 takes the
 *   supplement request time as the end for a waiting dossier, and the appointment of a paused dossier
 *   is only moved when the pause closes. Otherwise overdue.
 *
 * Throws RangeError when a timestamp of `f` is an Invalid Date.
 */
export function placeInPeriod(f: DossierFacts, b: PeriodInstants): Placement {
  const bad = invalidDateField(f);
  if (bad) throw new RangeError(`Dossier ${f.code}: ${bad} is an invalid date`);
  if (NEVER_RECEIVED_STATUSES.includes(f.status) || !f.receivedAt) return { column: 'none' };
  const start = b.start.getTime();
  const end = b.end.getTime();
  const received = f.receivedAt.getTime();
  if (received >= end) return { column: 'none' };
  const outcome = outcomeOf(f);
  const endedAt = outcome.kind === 'open' ? null : outcome.at;
  if (endedAt && endedAt.getTime() < start) return { column: 'none' };

  const receipt: ReceiptColumn = received < start ? 'carried_over' : f.channel === 2 ? 'online' : 'direct';

  if (outcome.kind !== 'open' && outcome.at.getTime() < end) {
    const timeliness = classifySettlement({
      dueAt: f.dueAtLegal,
      endedAt: outcome.at,
      supplementRequests: f.supplementRequests,
    });
    return { column: outcome.kind, receipt, endedAt: outcome.at, timeliness };
  }

  const due = f.dueAtLegal.getTime();
  const pausedAt = f.pausedSince && PAUSED_STATUSES.includes(f.status) ? f.pausedSince.getTime() : null;
  const waiting = pausedAt !== null && pausedAt < end;
  // Judged at the cut-off (§1.4), so a dossier received a minute ago is within time until its
  // appointment passes, even in a month that has days to run. A finished status without its end
  // timestamp (bad data, `missing_end`) stays judged at the period's end, as the rollup counts it.
  const at = b.cutoff && OPEN_STATUSES.includes(f.status) ? Math.min(b.cutoff.getTime(), end) : end;
  const withinTime = due >= at || (pausedAt !== null && pausedAt < at && pausedAt <= due);
  return { column: 'in_process', receipt, withinTime, waiting };
}
