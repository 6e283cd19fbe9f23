import type { PlainDate } from './vn-time.ts';

/**
 * Why a date departs from the Monday–Friday rule. Only `makeup_workday` turns a day into a working
 * day; the other kinds are days off, kept apart so slips and the admin screen can say why.
 */
export type DayKind = 'holiday' | 'compensatory' | 'swapped_day_off' | 'makeup_workday';

export const DAY_KINDS: readonly DayKind[] = ['holiday', 'compensatory', 'swapped_day_off', 'makeup_workday'];

export interface CalendarDay {
  date: PlainDate;
  kind: DayKind;
  /** Vietnamese name shown to users, e.g. 'Tết Nguyên đán Bính Ngọ'. */
  name: string;
  /** 'official' = published schedule for civil servants; 'derived' = computed from the Labour Code. */
  source: 'official' | 'derived';
  note?: string;
}

/** Office hours as 'HH:MM' wall times in Vietnam; provinces configure their own (docs/domain-vn.md §7.1). */
export interface OfficeHours {
  amStart: string;
  amEnd: string;
  pmStart: string;
  pmEnd: string;
  /** Same-day procedures received at or after this time are due the next working day. */
  sameDayCutoff: string;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze({
  amStart: '07:00',
  amEnd: '11:30',
  pmStart: '13:30',
  pmEnd: '17:00',
  sameDayCutoff: '15:00',
});

export type TimeLimitUnit = 'working_days' | 'working_hours' | 'same_day';

export interface SkippedDay {
  date: PlainDate;
  /** Vietnamese: 'Thứ Bảy', 'Chủ nhật' or the day's name from the calendar. */
  reason: string;
}

export interface DueResult {
  dueAt: Date;
  skipped: SkippedDay[];
  /** `from` moved to the start of the next working period: where the clock actually starts. */
  startAt: Date;
}
