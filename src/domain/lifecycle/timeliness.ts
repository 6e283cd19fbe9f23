import { vnDateOf } from '../calendar/vn-time.ts';
import { addWorkingMinutes, type WorkCalendar, workingMinutesBetween } from '../calendar/work-calendar.ts';

export type Timeliness = 'early' | 'on_time' | 'late';
export type DeadlineState = 'on_track' | 'due_soon' | 'overdue';

export const TIMELINESS_NAMES: Record<Timeliness, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

/**
 * Early / on time / late of a finished dossier or step (docs/domain-vn.md §1.4, §6.1). `dueAt` is the
 * appointment after supplement and payment pauses were added back (so paused time is excluded once),
 * and before any apology re-appointment (a re-appointed dossier was late). The appointment is an
 * instant: finishing after it is late; finishing on an earlier Vietnamese day is early; otherwise on
 * time. More than one supplement request counts as late (Index 766, indicator 2.1).
 */
export function classifySettlement(input: {
  dueAt: Date;
  endedAt: Date;
  supplementRequests?: number;
}): Timeliness {
  if ((input.supplementRequests ?? 0) > 1) return 'late';
  if (input.endedAt.getTime() > input.dueAt.getTime()) return 'late';
  return vnDateOf(input.endedAt) < vnDateOf(input.dueAt) ? 'early' : 'on_time';
}

/** Whether an open dossier is past its appointment, within `warnMinutes` working minutes of it, or neither. */
export function deadlineState(cal: WorkCalendar, now: Date, dueAt: Date, warnMinutes: number): DeadlineState {
  if (now.getTime() > dueAt.getTime()) return 'overdue';
  // Only the working time up to just past the window matters: an appointment beyond it is on track
  // however far it is (an apology may set it years ahead), and no year past it needs loading.
  const horizon = addWorkingMinutes(cal, now, warnMinutes + 1);
  const until = dueAt.getTime() < horizon.getTime() ? dueAt : horizon;
  return workingMinutesBetween(cal, now, until) <= warnMinutes ? 'due_soon' : 'on_track';
}

/** The appointment moved by the working time a pause lasted (supplement or payment). */
export function shiftByPause(
  cal: WorkCalendar,
  dueAt: Date,
  pausedFrom: Date,
  pausedTo: Date,
): { dueAt: Date; pausedMinutes: number } {
  // Whole minutes, rounded up: the applicant never loses part of a minute they waited, and the
  // count is stored as an integer (a pause of a few seconds during office hours counts as one minute).
  const pausedMinutes = Math.max(0, Math.ceil(workingMinutesBetween(cal, pausedFrom, pausedTo)));
  return { dueAt: addWorkingMinutes(cal, dueAt, pausedMinutes), pausedMinutes };
}
