import type { AuthUser } from '../identity/types.ts';

/** Who may send a dossier's failed portal messages again: an administrator (an operations task). */
export function canRetrySync(user: AuthUser): boolean {
  return user.role === 'admin';
}

/** Who may fetch the portal's online dossiers now, outside the schedule: an administrator. */
export function canFetchInbound(user: AuthUser): boolean {
  return user.role === 'admin';
}
