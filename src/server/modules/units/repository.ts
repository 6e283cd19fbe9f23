import { asc } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { units } from '../../db/schema.ts';

export type UnitRow = typeof units.$inferSelect;

export function listAllUnits(db: Executor): Promise<UnitRow[]> {
  return db.select().from(units).orderBy(asc(units.level), asc(units.code));
}
