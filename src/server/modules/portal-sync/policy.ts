import type { AuthUser } from '../identity/types.ts';

/** Who may send a dossier's failed portal messages again: an administrator (an operations task). */
export function canRetrySync(user: AuthUser): boolean {
  return user.role === 'admin';
}

/** Who may fetch the portal's online dossiers now, outside the schedule: an administrator. */
export function canFetchInbound(user: AuthUser): boolean {
  return user.role === 'admin';
}

/**
 * Who may see a commune's portal dossiers that wait because its catalogue lacks their procedure: an
 * administrator, or the commune's own reception and leaders.
 */
export function canSeeUnmatchedInbound(user: AuthUser, unitCode: string): boolean {
  if (user.role === 'admin') return true;
  return (
    (user.role === 'reception' || user.role === 'leader') &&
    user.unit?.level === 'commune' &&
    user.unit.code === unitCode
  );
}

/**
 * Who may map or refuse a commune's unmatched portal dossier (take it into the online queue under a
 * procedure of the catalogue, or refuse it with a reason sent to the portal): the commune's reception
 * officers — receiving and refusing at intake is their task (domain-vn.md §2.1 status 2/3) — and its
 * leaders, who sign some refusals; an administrator (no commune) only sees them.
 */
export function canHandleUnmatchedInbound(user: AuthUser, unitCode: string): boolean {
  return (
    (user.role === 'reception' || user.role === 'leader') &&
    user.unit?.level === 'commune' &&
    user.unit.code === unitCode
  );
}
