import type { Executor } from '../../db/client.ts';
import { populationLookups } from '../../db/schema.ts';

export type LookupOutcome = (typeof populationLookups.$inferInsert)['outcome'];

/** One row of the lookup log (never the person's data). */
export async function insertLookupLog(db: Executor, row: typeof populationLookups.$inferInsert) {
  await db.insert(populationLookups).values(row);
}
