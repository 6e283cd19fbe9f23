import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { inboundOnlineDossiers } from '../../db/schema.ts';

/** Inserts online dossiers not seen before (by the portal's id); returns the ids that were new. */
export async function insertInboundIfNew(
  db: Executor,
  rows: Array<typeof inboundOnlineDossiers.$inferInsert>,
) {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(inboundOnlineDossiers)
    .values(rows)
    .onConflictDoNothing({ target: [inboundOnlineDossiers.unitCode, inboundOnlineDossiers.portalId] })
    .returning({ portalId: inboundOnlineDossiers.portalId });
  return inserted.map((r) => r.portalId);
}

/** The commune's queue of online dossiers waiting for reception, oldest first. */
export function listWaitingInbound(db: Executor, unitCode: string) {
  return db
    .select()
    .from(inboundOnlineDossiers)
    .where(and(eq(inboundOnlineDossiers.unitCode, unitCode), eq(inboundOnlineDossiers.state, 'waiting')))
    .orderBy(asc(inboundOnlineDossiers.submittedAt), asc(inboundOnlineDossiers.portalId));
}

export async function countInbound(db: Executor, unitCode: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inboundOnlineDossiers)
    .where(eq(inboundOnlineDossiers.unitCode, unitCode));
  return row?.n ?? 0;
}
