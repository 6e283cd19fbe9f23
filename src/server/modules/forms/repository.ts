import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { procedures } from '../../db/schema.ts';

/** The published record of a procedure (shared catalogue), or undefined. */
export async function findProcedureRecord(db: Executor, code: string) {
  const rows = await db
    .select({ name: procedures.name, record: procedures.record })
    .from(procedures)
    .where(eq(procedures.code, code))
    .limit(1);
  return rows[0];
}
