import { createHash, randomUUID } from 'node:crypto';
import type { AuditEntry } from '../../../domain/lifecycle/events.ts';

/**
 * The fields of an audit event that its hash covers: the entry an event determines, and its position.
 * A security event (security.ts) has no dossier code: its chain is its unit's security chain.
 */
export type ChainedEvent = Omit<AuditEntry, 'dossierCode'> & { dossierCode: string | null; seq: number };

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value as Record<string, unknown>).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/**
 * Hash of an audit event chained to the previous event of the same dossier. Editing any covered field,
 * removing an event or reordering events breaks the chain from that point on.
 */
export function auditHash(prevHash: string, e: ChainedEvent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalBody(e)).digest('hex');
}

function canonicalBody(e: ChainedEvent): string {
  return canonical({
    unitCode: e.unitCode,
    id: e.id,
    dossierCode: e.dossierCode,
    seq: e.seq,
    action: e.action,
    actorUserId: e.actorUserId,
    actorRole: e.actorRole,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    reason: e.reason,
    requestId: e.requestId,
    data: e.data,
    at: e.at.toISOString(),
  });
}

/**
 * The hash input of an event around its dossier code, for a statement that learns the code only as
 * it runs (the counter intake): `auditHash(prev, e)` is the hex SHA-256 of `before + code + after`.
 */
export function auditHashAround(
  prevHash: string,
  e: Omit<ChainedEvent, 'dossierCode'>,
): { before: string; after: string } {
  // A dossier code is letters, digits, dots and hyphens, which JSON writes between quotes unchanged;
  // so is this mark, random so that no text of the event can contain it.
  const mark = `code-${randomUUID()}`;
  const marked = canonicalBody({ ...e, dossierCode: mark });
  const at = marked.indexOf(mark);
  if (at < 0 || marked.indexOf(mark, at + 1) >= 0) throw new Error('the code mark must occur exactly once');
  return { before: `${prevHash}\n${marked.slice(0, at)}`, after: marked.slice(at + mark.length) };
}

/**
 * The hash input of an event around its position in the chain, for a statement that reads the
 * previous entry as it runs (the lifecycle's recorder): `auditHash(prev, e)` with `seq` is the hex
 * SHA-256 of `prev + "\n" + before + seq + after`.
 */
export function auditHashAroundSeq(e: Omit<ChainedEvent, 'seq'>): { before: string; after: string } {
  const mark = `seq-${randomUUID()}`;
  // The canonical JSON writes a number bare: cut the mark out with the quotes around it.
  const marked = canonicalBody({ ...e, seq: mark as unknown as number });
  const quoted = JSON.stringify(mark);
  const at = marked.indexOf(quoted);
  if (at < 0 || marked.indexOf(quoted, at + 1) >= 0) throw new Error('the seq mark must occur exactly once');
  return { before: marked.slice(0, at), after: marked.slice(at + quoted.length) };
}

export interface BrokenLink {
  unitCode: string;
  /** null: the unit's security chain. */
  dossierCode: string | null;
  seq: number;
  id: string;
  problem: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';
}

/** Checks one dossier's events (ordered by seq); returns the first broken link or undefined. */
export function verifyChain(
  events: Array<ChainedEvent & { prevHash: string; hash: string }>,
): BrokenLink | undefined {
  let prev = '';
  let expectedSeq = 1;
  for (const e of events) {
    const at = { unitCode: e.unitCode, dossierCode: e.dossierCode, seq: e.seq, id: e.id };
    if (e.seq !== expectedSeq) return { ...at, problem: 'sequence_gap' };
    if (e.prevHash !== prev) return { ...at, problem: 'prev_hash_mismatch' };
    if (auditHash(prev, e) !== e.hash) return { ...at, problem: 'hash_mismatch' };
    prev = e.hash;
    expectedSeq++;
  }
  return undefined;
}
