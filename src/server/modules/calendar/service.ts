import {
  DEFAULT_DERIVATION_RULES,
  type DerivationRules,
  officialOrDerived,
} from '../../../domain/calendar/derived-calendar.ts';
import { type CalendarDay, DEFAULT_OFFICE_HOURS, type OfficeHours } from '../../../domain/calendar/types.ts';
import { CALENDAR_YEARS, computeDue, WorkCalendar } from '../../../domain/calendar/work-calendar.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { cached } from '../../lib/cache.ts';
import type { UnitsService } from '../units/service.ts';
import { findProvinceSettings, listCalendarDays } from './repository.ts';
import type { DueQuery } from './schemas.ts';

/** A date outside the years the working calendar answers for (CALENDAR_YEARS). */
export function calendarRangeError(year: number): AppError {
  return new AppError(
    'CALENDAR_RANGE',
    `Lịch làm việc chỉ tính cho các năm ${CALENDAR_YEARS.min}–${CALENDAR_YEARS.max}, không tính được năm ${year}`,
  );
}

/**
 * The official schedule imported into the database wins for any year it covers; every other year uses
 * the statutory holidays derived from the Labour Code and the Vietnamese lunar calendar. Calendars
 * load a year the first time a date in it is asked about, so a deadline in any year up to
 * CALENDAR_YEARS.max counts that year's holidays; a later one is a CALENDAR_RANGE problem.
 */
export function createCalendarService(
  db: Db,
  units: UnitsService,
  rules: DerivationRules = DEFAULT_DERIVATION_RULES,
) {
  // The official days of every year (a few dozen rows a year); each year's days are worked out once
  // per reading and shared by the calendars of every province.
  const yearDays = cached(async () => officialOrDerived(await listCalendarDays(db), rules), 60_000);

  const calendars = cached(async (provinceCode: string) => {
    const settings = await findProvinceSettings(db, provinceCode);
    const hours: OfficeHours = settings
      ? {
          amStart: settings.amStart,
          amEnd: settings.amEnd,
          pmStart: settings.pmStart,
          pmEnd: settings.pmEnd,
          sameDayCutoff: settings.sameDayCutoff,
        }
      : DEFAULT_OFFICE_HOURS;
    return new WorkCalendar(await yearDays(undefined), hours, { outOfRange: calendarRangeError });
  }, 60_000);

  return {
    invalidate() {
      yearDays.clear();
      calendars.clear();
    },
    /** The working calendar of a province (its office hours, national holidays). */
    async forProvince(provinceCode: string) {
      const unit = await units.get(provinceCode);
      if (unit.level !== 'province')
        throw new AppError('UNIT_NOT_FOUND', `${provinceCode} không phải mã tỉnh`);
      return calendars(provinceCode);
    },
    /** Days off and make-up working days of one year, official where imported, else derived. */
    async daysOfYear(year: number): Promise<CalendarDay[]> {
      if (!Number.isInteger(year) || year < CALENDAR_YEARS.min || year > CALENDAR_YEARS.max)
        throw calendarRangeError(year);
      return [...(await yearDays(undefined))(year)];
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;

/** GET /api/v1/calendar/due: the appointment for a time limit counted from an instant, in a province's calendar. */
export async function dueDate(ctx: Pick<AppContext, 'config' | 'services'>, query: DueQuery) {
  const { from, amount, unit, province } = query;
  const cal = await ctx.services.calendar.forProvince(province ?? ctx.config.defaultProvince);
  const fromDate = new Date(from);
  const year = fromDate.getUTCFullYear();
  if (year < 2000 || year > 2100) throw new AppError('CALENDAR_RANGE', 'Năm phải trong khoảng 2000–2100');
  const due = computeDue(cal, fromDate, amount, unit);
  return { dueAt: due.dueAt.toISOString(), startAt: due.startAt.toISOString(), skipped: due.skipped };
}
