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
