import type { AuthUser } from '../identity/types.ts';

/**
 * Who may verify the audit trail and write an anchor: administrators only. The trail spans every
 * commune and the system chain; a commune's or province's officer is one of the people it watches.
 */
export function mayVerifyAudit(user: Pick<AuthUser, 'role'>): boolean {
  return user.role === 'admin';
}

export function mayWriteAnchor(user: Pick<AuthUser, 'role'>): boolean {
  return user.role === 'admin';
}
