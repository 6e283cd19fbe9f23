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
