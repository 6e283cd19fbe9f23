import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { auditEvents, users } from '../../db/schema.ts';
import {
  auditHashAround,
  auditHashAroundSeq,
  type BrokenLink,
  type ChainedEvent,
  verifyChain,
} from './chain.ts';

/** Records a value of a statement built as text and returns its placeholder (db/prepared.ts). */
export type Placeholder = (value: unknown) => string;

const AUDIT_COLUMNS = `unit_code, id, dossier_code, action, actor_user_id, actor_role, from_status, to_status,
        reason, request_id, data, at, seq, prev_hash, hash`;

function entryRest(p: Placeholder, e: Omit<ChainedEvent, 'seq' | 'dossierCode'>) {
  return `${p(e.action)}, ${p(e.actorUserId)}::uuid, ${p(e.actorRole)}, ${p(e.fromStatus)}::smallint,
        ${p(e.toStatus)}::smallint, ${p(e.reason)}, ${p(e.requestId)}, ${p(e.data === null ? null : JSON.stringify(e.data))}::jsonb,
        ${p(e.at.toISOString())}::timestamptz`;
}

/**
 * The CTE \`audit\` that starts a dossier's chain inside a statement that forms the dossier's code as
 * it runs (the counter intake): \`from\` is a CTE with one row whose \`code\` is the dossier code. The
 * hash is SHA-256 in SQL of the canonical entry with the code put in (auditHashAround).
 */
export function firstEntryCte(p: Placeholder, e: Omit<ChainedEvent, 'seq' | 'dossierCode'>, from: string) {
  const { before, after } = auditHashAround('', { ...e, seq: 1 });
  return `audit AS (
      INSERT INTO audit_events (${AUDIT_COLUMNS})
      SELECT ${p(e.unitCode)}, ${p(e.id)}, code, ${entryRest(p, e)}, 1, '',
        encode(sha256(convert_to(${p(before)}::text || code || ${p(after)}::text, 'UTF8')), 'hex')
      FROM ${from} RETURNING seq, hash)`;
}

/**
 * The CTE \`audit\` that appends an entry to a dossier's chain: the previous entry is read by the same
 * statement, and the hash computed in SQL around the new position (auditHashAroundSeq). The caller
 * holds the dossier's row lock, so no other entry of the dossier is appended meanwhile.
 */
export function nextEntryCte(p: Placeholder, e: Omit<ChainedEvent, 'seq'>) {
  const { before, after } = auditHashAroundSeq(e);
  const unit = p(e.unitCode);
  const code = p(e.dossierCode);
  return `audit AS (
      INSERT INTO audit_events (${AUDIT_COLUMNS})
      SELECT ${unit}, ${p(e.id)}, ${code}, ${entryRest(p, e)}, n.seq, n.prev_hash,
        encode(sha256(convert_to(n.prev_hash || chr(10) || ${p(before)}::text || n.seq::text || ${p(after)}::text, 'UTF8')), 'hex')
      FROM (
        SELECT coalesce(max(seq), 0) + 1 AS seq,
          coalesce((SELECT hash FROM audit_events WHERE unit_code = ${unit} AND dossier_code = ${code}
                    ORDER BY seq DESC LIMIT 1), '') AS prev_hash
        FROM audit_events WHERE unit_code = ${unit} AND dossier_code = ${code}) n
      RETURNING seq, hash)`;
}

/*
 * A unit's security chain (security.ts): appends take turns on a transaction-scoped advisory lock,
 * held until the caller commits, then read the chain's last entry and insert the next.
 */

export async function lockUnitChain(tx: Executor, unitCode: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('motcua.audit'), hashtext(${unitCode}))`);
}

/** The last entry of a unit's security chain (the events with no dossier code), if any. */
export async function lastUnitChainEntry(
  tx: Executor,
  unitCode: string,
): Promise<{ seq: number; hash: string } | undefined> {
  const last = (await tx.execute(sql`
    SELECT seq, hash FROM audit_events WHERE unit_code = ${unitCode} AND dossier_code IS NULL
    ORDER BY seq DESC LIMIT 1`)) as unknown as { rows: Array<{ seq: number | string; hash: string }> };
  const row = last.rows[0];
  return row ? { seq: Number(row.seq), hash: row.hash } : undefined;
}

/** Inserts a security-chain entry (no dossier, no status change) with its hashes. */
export async function insertUnitChainEntry(
  tx: Executor,
  entry: ChainedEvent,
  prevHash: string,
  hash: string,
) {
  await tx.execute(sql`
    INSERT INTO audit_events (unit_code, id, dossier_code, action, actor_user_id, actor_role, from_status,
      to_status, reason, request_id, data, at, seq, prev_hash, hash)
    VALUES (${entry.unitCode}, ${entry.id}::uuid, NULL, ${entry.action}, ${entry.actorUserId}::uuid,
      ${entry.actorRole}, NULL, NULL, NULL, ${entry.requestId}, ${JSON.stringify(entry.data)}::jsonb,
      ${entry.at.toISOString()}::timestamptz, ${entry.seq}, ${prevHash}, ${hash})`);
}

export async function listEvents(db: Executor, unitCode: string, dossierCode: string) {
  return db
    .select({ event: auditEvents, username: users.username, fullName: users.fullName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(eq(auditEvents.unitCode, unitCode), eq(auditEvents.dossierCode, dossierCode)))
    .orderBy(asc(auditEvents.seq));
}

/**
 * Walks every chain (dossiers' and the units' security chains; of one unit when given) and reports
 * the first broken link of each broken chain, at most `maxBreaks` of them. Reads the rows in pages
 * of whole units so a large trail is never held at once.
 */
export async function verifyChains(
  db: Executor,
  unitCode?: string,
  maxBreaks = 50,
): Promise<{ checkedEvents: number; checkedChains: number; breaks: BrokenLink[] }> {
  const unitRows = unitCode
    ? [{ unit_code: unitCode }]
    : (
        (await db.execute(
          sql`SELECT DISTINCT unit_code FROM audit_events ORDER BY unit_code`,
        )) as unknown as {
          rows: Array<{ unit_code: string }>;
        }
      ).rows;
  let checkedEvents = 0;
  let checkedChains = 0;
  const breaks: BrokenLink[] = [];
  for (const { unit_code: unit } of unitRows) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.unitCode, unit))
      .orderBy(asc(auditEvents.dossierCode), asc(auditEvents.seq));
    let i = 0;
    while (i < rows.length) {
      const first = rows[i]!;
      const group = [];
      while (i < rows.length && rows[i]!.dossierCode === first.dossierCode) group.push(rows[i++]!);
      const broken = verifyChain(group.map((r) => ({ ...r, data: r.data ?? null })));
      checkedEvents += group.length;
      checkedChains++;
      if (broken && breaks.length < maxBreaks) breaks.push(broken);
    }
  }
  return { checkedEvents, checkedChains, breaks };
}

/** Walks every chain (optionally of one unit) and reports the first broken link. */
export async function verifyAll(
  db: Executor,
  unitCode?: string,
): Promise<{ checked: number; broken?: BrokenLink }> {
  const { checkedEvents, breaks } = await verifyChains(db, unitCode, 1);
  return breaks[0] ? { checked: checkedEvents, broken: breaks[0] } : { checked: checkedEvents };
}

/**
 * The head of every chain as of a cut-off (its last event at or before it) and the events per unit up
 * to it: what an anchor fixes (anchor.ts).
 */
export async function chainHeadsUntil(db: Executor, until: Date, unitCode?: string) {
  const unitFilter = unitCode ? sql`AND unit_code = ${unitCode}` : sql``;
  const heads = (await db.execute(sql`
    SELECT DISTINCT ON (unit_code, dossier_code) unit_code, dossier_code, seq, hash
    FROM audit_events WHERE at <= ${until.toISOString()}::timestamptz ${unitFilter}
    ORDER BY unit_code, dossier_code, seq DESC`)) as unknown as {
    rows: Array<{ unit_code: string; dossier_code: string | null; seq: number | string; hash: string }>;
  };
  const counts = (await db.execute(sql`
    SELECT unit_code, count(*) AS n FROM audit_events
    WHERE at <= ${until.toISOString()}::timestamptz ${unitFilter} GROUP BY unit_code`)) as unknown as {
    rows: Array<{ unit_code: string; n: number | string }>;
  };
  return {
    heads: heads.rows.map((r) => ({
      unitCode: r.unit_code,
      dossierCode: r.dossier_code,
      seq: Number(r.seq),
      hash: r.hash,
    })),
    eventsPerUnit: new Map(counts.rows.map((r) => [r.unit_code, Number(r.n)])),
  };
}
