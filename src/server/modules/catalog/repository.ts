import { and, asc, eq } from 'drizzle-orm';
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

/** A procedure's publication facts (Decision 766 1.1, 1.3, 3.5); null when the code is unknown. */
export async function findPublication(db: Executor, code: string) {
  const rows = await db
    .select({
      code: procedures.code,
      decision: procedures.publicationDecision,
      decidedOn: procedures.publicationDecidedOn,
      steps: procedures.steps,
      onlinePayment: procedures.onlinePayment,
      hasFee: procedures.hasFee,
    })
    .from(procedures)
    .where(eq(procedures.code, code));
  return rows[0] ?? null;
}

export async function updatePublication(
  db: Executor,
  code: string,
  values: { decision: string; decidedOn: string; steps: string[]; onlinePayment: boolean | null },
) {
  await db
    .update(procedures)
    .set({
      publicationDecision: values.decision,
      publicationDecidedOn: values.decidedOn,
      steps: values.steps,
      onlinePayment: values.onlinePayment,
    })
    .where(eq(procedures.code, code));
}

/** A commune's listing of a procedure with the decision date; null when the commune does not list it. */
export async function findListing(db: Executor, unitCode: string, code: string) {
  const rows = await db
    .select({
      postedOn: unitProcedures.postedOn,
      postedWhere: unitProcedures.postedWhere,
      decidedOn: procedures.publicationDecidedOn,
    })
    .from(unitProcedures)
    .innerJoin(procedures, eq(procedures.code, unitProcedures.procedureCode))
    .where(and(eq(unitProcedures.unitCode, unitCode), eq(unitProcedures.procedureCode, code)));
  return rows[0] ?? null;
}

export async function updatePosting(
  db: Executor,
  unitCode: string,
  code: string,
  values: { postedOn: string | null; postedWhere: 'center' | 'portal' | 'both' | null },
) {
  await db
    .update(unitProcedures)
    .set({ postedOn: values.postedOn, postedWhere: values.postedWhere })
    .where(and(eq(unitProcedures.unitCode, unitCode), eq(unitProcedures.procedureCode, code)));
}

/** The published record of a procedure, or null. */
export async function findProcedureRecord(db: Executor, code: string) {
  const rows = await db
    .select({ record: procedures.record })
    .from(procedures)
    .where(eq(procedures.code, code));
  return rows[0]?.record ?? null;
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
