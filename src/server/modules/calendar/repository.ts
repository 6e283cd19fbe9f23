import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { CalendarDay } from '../../../domain/calendar/types.ts';
import type { Executor } from '../../db/client.ts';
import { calendarDays, provinceSettings } from '../../db/schema.ts';

export async function listCalendarDays(db: Executor): Promise<CalendarDay[]> {
  const rows = await db.select().from(calendarDays).orderBy(calendarDays.day);
  return rows.map((r) => ({
    date: r.day,
    kind: r.kind,
    name: r.name,
    source: r.source,
    ...(r.note ? { note: r.note } : {}),
  }));
}

export async function findProvinceSettings(db: Executor, provinceCode: string) {
  const rows = await db
    .select()
    .from(provinceSettings)
    .where(eq(provinceSettings.provinceCode, provinceCode))
    .limit(1);
  return rows[0];
}

/**
 * Replaces one year's official schedule (the imported one overrides the derived holidays). Runs inside
 * the caller's transaction; two imports of one year take turns on a transaction-scoped advisory lock,
 * so the later one replaces the earlier instead of colliding with its rows.
 */
export async function replaceYear(db: Executor, year: number, days: Array<typeof calendarDays.$inferInsert>) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('motcua.calendar_days'), ${year}::int)`);
  await db
    .delete(calendarDays)
    .where(and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`)));
  if (days.length) await db.insert(calendarDays).values(days);
}
