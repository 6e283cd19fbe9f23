import y2025 from '../../../data/holidays/2025.json' with { type: 'json' };
import y2026 from '../../../data/holidays/2026.json' with { type: 'json' };
import { type CalendarDay, DAY_KINDS, type DayKind } from './types.ts';
import { isPlainDate } from './vn-time.ts';

interface HolidayFile {
  year: number;
  source: string;
  days: readonly { date: string; kind: string; name: string; source: string; note?: string }[];
}

/** Checks one holiday data file and returns its days; throws on anything a calendar must not trust. */
export function parseHolidayFile(file: HolidayFile): CalendarDay[] {
  if (!Number.isInteger(file.year) || typeof file.source !== 'string' || file.source.trim() === '') {
    throw new RangeError(`Holiday file must carry an integer year and its source: ${file.year}`);
  }
  const seen = new Set<string>();
  return file.days.map((day) => {
    const where = `holidays ${file.year}, ${JSON.stringify(day.date)}`;
    // A day listed under the wrong year or twice is a typing slip in the data, not a policy choice.
    if (!isPlainDate(day.date) || !day.date.startsWith(`${file.year}-`)) {
      throw new RangeError(`${where}: date is not a valid day of ${file.year}`);
    }
    if (seen.has(day.date)) throw new RangeError(`${where}: listed twice`);
    seen.add(day.date);
    if (!DAY_KINDS.includes(day.kind as DayKind)) throw new RangeError(`${where}: unknown kind ${day.kind}`);
    if (day.source !== 'official') throw new RangeError(`${where}: source must be 'official'`);
    if (day.name.trim() === '') throw new RangeError(`${where}: name is empty`);
    const parsed: CalendarDay = {
      date: day.date,
      kind: day.kind as DayKind,
      name: day.name,
      source: 'official',
    };
    if (day.note !== undefined) parsed.note = day.note;
    return parsed;
  });
}

/** Official civil-servant schedules (docs/domain-vn.md §7.3–7.4), keyed by year. */
export const OFFICIAL_CALENDARS: Record<number, CalendarDay[]> = {
  2025: parseHolidayFile(y2025),
  2026: parseHolidayFile(y2026),
};

/** Where each official year's schedule comes from, for display beside the calendar. */
export const OFFICIAL_CALENDAR_SOURCES: Record<number, string> = {
  2025: y2025.source,
  2026: y2026.source,
};
