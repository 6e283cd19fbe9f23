import { eq } from 'drizzle-orm';
import type { CalendarDay } from '../../../domain/calendar/types.ts';
import type { Executor } from '../../db/client.ts';
import { calendarDays, provinceSettings } from '../../db/schema.ts';

export async function listCalendarDays(db: Executor): Promise<CalendarDay[]> {
  const rows = await db.select().from(calendarDays).orderBy(calendarDays.day);
  return rows.map((r) => ({ date: r.day, kind: r.kind, name: r.name, source: r.source, ...(r.note ? { note: r.note } : {}) }));
}

export async function findProvinceSettings(db: Executor, provinceCode: string) {
  const rows = await db.select().from(provinceSettings).where(eq(provinceSettings.provinceCode, provinceCode)).limit(1);
  return rows[0];
}
