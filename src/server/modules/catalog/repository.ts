import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { procedures, unitProcedures } from '../../db/schema.ts';

export type ProcedureRow = typeof procedures.$inferSelect;

/** The procedures a unit offers, in the order of its published list. */
export async function listUnitProcedures(db: Executor, unitCode: string) {
  return db
    .select({ position: unitProcedures.position, procedure: procedures })
    .from(unitProcedures)
    .innerJoin(procedures, eq(procedures.code, unitProcedures.procedureCode))
    .where(eq(unitProcedures.unitCode, unitCode))
    .orderBy(asc(unitProcedures.position));
}

/** Whether the national catalogue (every unit's procedures) has a procedure of this code. */
export async function procedureExists(db: Executor, code: string): Promise<boolean> {
  const rows = await db
    .select({ code: procedures.code })
    .from(procedures)
    .where(eq(procedures.code, code))
    .limit(1);
  return rows.length > 0;
}
