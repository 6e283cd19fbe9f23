import { deriveStatutoryHolidays } from '../../../domain/calendar/derived-calendar.ts';
import { type CalendarDay, DEFAULT_OFFICE_HOURS, type OfficeHours } from '../../../domain/calendar/types.ts';
import { WorkCalendar } from '../../../domain/calendar/work-calendar.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { cached } from '../../lib/cache.ts';
import type { UnitsService } from '../units/service.ts';
import { findProvinceSettings, listCalendarDays } from './repository.ts';

// Years the working calendar covers around today; deadlines never reach further.
const YEARS_BEFORE = 2;
const YEARS_AFTER = 3;

/**
 * The official schedule imported into the database wins for any year it covers; other years use the
 * statutory holidays derived from the Labour Code and the Vietnamese lunar calendar.
 */
export function mergeOfficialAndDerived(official: CalendarDay[], years: number[]): CalendarDay[] {
  const officialYears = new Set(official.map((d) => Number(d.date.slice(0, 4))));
  const derived = years.filter((y) => !officialYears.has(y)).flatMap((y) => deriveStatutoryHolidays(y));
  return [...official, ...derived].sort((a, b) => a.date.localeCompare(b.date));
}

export function createCalendarService(db: Db, units: UnitsService, now: () => Date) {
  const days = cached(async () => {
    const official = await listCalendarDays(db);
    const year = now().getUTCFullYear();
    const years = Array.from({ length: YEARS_BEFORE + YEARS_AFTER + 1 }, (_, i) => year - YEARS_BEFORE + i);
    return { official, all: mergeOfficialAndDerived(official, years) };
  }, 60_000);

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
    return new WorkCalendar((await days(undefined)).all, hours);
  }, 60_000);

  return {
    invalidate() {
      days.clear();
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
      const { official } = await days(undefined);
      const prefix = `${year}-`;
      const imported = official.filter((d) => d.date.startsWith(prefix));
      return imported.length > 0 ? imported : deriveStatutoryHolidays(year);
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
