import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { runPrepared } from '../../db/prepared.ts';
import { auditEvents, users } from '../../db/schema.ts';
import { auditHash, type BrokenLink, type ChainedEvent, verifyChain } from './chain.ts';

export async function lastEvent(db: Executor, unitCode: string, dossierCode: string) {
  const rows = await runPrepared(
    db
      .select({ seq: auditEvents.seq, hash: auditEvents.hash })
      .from(auditEvents)
      .where(and(eq(auditEvents.unitCode, unitCode), eq(auditEvents.dossierCode, dossierCode)))
      .orderBy(desc(auditEvents.seq))
      .limit(1),
    'motcua_audit_last',
  );
  return rows[0];
}

/** Appends an event to a dossier's chain (the caller holds the dossier's version check in the same transaction). */
export async function appendEvent(
  db: Executor,
  prev: { seq: number; hash: string } | undefined,
  e: Omit<ChainedEvent, 'seq'>,
) {
  const seq = (prev?.seq ?? 0) + 1;
  const prevHash = prev?.hash ?? '';
  const event: ChainedEvent = { ...e, seq };
  const hash = auditHash(prevHash, event);
  await runPrepared(db.insert(auditEvents).values({ ...event, prevHash, hash }), 'motcua_audit_append');
  return { seq, hash };
}

export async function listEvents(db: Executor, unitCode: string, dossierCode: string) {
  return db
    .select({ event: auditEvents, username: users.username, fullName: users.fullName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(eq(auditEvents.unitCode, unitCode), eq(auditEvents.dossierCode, dossierCode)))
    .orderBy(asc(auditEvents.seq));
}

/** Walks every dossier's chain (optionally of one unit) and reports the first broken link. */
export async function verifyAll(
  db: Executor,
  unitCode?: string,
): Promise<{ checked: number; broken?: BrokenLink }> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(unitCode ? eq(auditEvents.unitCode, unitCode) : sql`true`)
    .orderBy(asc(auditEvents.unitCode), asc(auditEvents.dossierCode), asc(auditEvents.seq));
  let checked = 0;
  let i = 0;
  while (i < rows.length) {
    const first = rows[i]!;
    const group = [];
    while (
      i < rows.length &&
      rows[i]!.unitCode === first.unitCode &&
      rows[i]!.dossierCode === first.dossierCode
    )
      group.push(rows[i++]!);
    const broken = verifyChain(
      group.map((r) => ({ ...r, dossierCode: r.dossierCode ?? '', data: r.data ?? null })),
    );
    checked += group.length;
    if (broken) return { checked, broken };
  }
  return { checked };
}
