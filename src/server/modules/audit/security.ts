import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/client.ts';
import { auditHash, type ChainedEvent } from './chain.ts';
import { insertUnitChainEntry, lastUnitChainEntry, lockUnitChain } from './repository.ts';

/*
 * Security events: everything that is not a dossier's own lifecycle but that an auditor must be able
 * to reconstruct — sign-ins, register changes, imports, exports of personal data, population lookups,
 * sync retries. They are hash-chained in `audit_events` like dossier events, with no dossier code:
 * one chain per unit (SYSTEM_CHAIN for events that belong to no unit, e.g. a citizen's sign-in or a
 * province-wide import). This module is the only writer of that chain; other modules call
 * `recordSecurityEvent` inside their own transaction, so the event and the change commit together.
 *
 * The payload carries identifiers only (officer username, dossier code, counts, years): never a
 * name, a personal ID, a phone number or an address.
 */

/** The chain of events that belong to no commune or province. */
export const SYSTEM_CHAIN = '*';

export const SECURITY_ACTIONS = [
  'staff_login',
  'staff_login_failed',
  'staff_login_locked',
  'staff_logout',
  'citizen_sign_in',
  'register_staff_added',
  'register_staff_imported',
  'register_training_added',
  'register_equipment_added',
  'register_consultation_added',
  'calendar_imported',
  'inspection_recorded',
  'inspection_task_done',
  'catalogue_imported',
  'units_imported',
  'users_imported',
  'unit_former_corrected',
  'export_tracking_book',
  'export_staff_register',
  'export_dossiers',
  'export_reports',
  'population_lookup',
  'dossier_attachment_opened',
  'portal_sync_retry',
  'audit_anchor_written',
  'partner_key_created',
  'partner_key_revoked',
] as const;
export type SecurityAction = (typeof SECURITY_ACTIONS)[number];

/** Who did it: a signed-in officer, the command line (no user), or nobody known (a failed sign-in). */
export interface AuditActor {
  userId: string | null;
  role: string | null;
  /** The officer's username (an identifier, kept in the payload); 'cli' for the command line. */
  username: string | null;
}

export const CLI_ACTOR: AuditActor = { userId: null, role: 'cli', username: 'cli' };

export function actorOf(user: { id: string; role: string; username: string }): AuditActor {
  return { userId: user.id, role: user.role, username: user.username };
}

export interface SecurityEvent {
  action: SecurityAction;
  /** The unit whose chain records it (the commune or province concerned), or SYSTEM_CHAIN. */
  unitCode: string;
  actor: AuditActor;
  /** Identifiers and counts only. */
  data?: Record<string, string | number | boolean | null>;
  requestId?: string | null;
  at?: Date;
}

/**
 * Appends a security event to its unit's chain, in the caller's transaction (a savepoint when given
 * one; its own transaction otherwise). Appends to one chain take turns on a transaction-scoped
 * advisory lock, held until the caller commits, so two sign-ins at once never take the same position.
 */
export async function recordSecurityEvent(db: Executor, e: SecurityEvent) {
  return db.transaction(async (tx) => {
    await lockUnitChain(tx, e.unitCode);
    const prev = await lastUnitChainEntry(tx, e.unitCode);
    const entry: ChainedEvent = {
      id: randomUUID(),
      unitCode: e.unitCode,
      dossierCode: null,
      action: e.action,
      actorUserId: e.actor.userId,
      actorRole: e.actor.role,
      fromStatus: null,
      toStatus: null,
      reason: null,
      requestId: e.requestId ?? null,
      data: { ...(e.actor.username ? { username: e.actor.username } : {}), ...(e.data ?? {}) },
      // Millisecond precision, as timestamptz keeps it (the hash covers the ISO text of the instant).
      at: new Date(Math.floor((e.at ?? new Date()).getTime())),
      seq: prev ? prev.seq + 1 : 1,
    };
    const prevHash = prev?.hash ?? '';
    const hash = auditHash(prevHash, entry);
    await insertUnitChainEntry(tx, entry, prevHash, hash);
    return { seq: entry.seq, hash };
  });
}
