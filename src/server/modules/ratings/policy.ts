import type { AuthUser } from '../identity/types.ts';
import { scopeCovers } from '../identity/types.ts';

export interface RatingUnit {
  code: string;
  provinceCode: string;
}

/**
 * Who invites a citizen to rate a visit (the tablet at the counter, a slip's QR): the commune's own
 * officers who serve at its counters — reception, specialist, leader.
 */
export function mayInvite(user: Pick<AuthUser, 'role' | 'scope'>, unit: RatingUnit): boolean {
  if (user.role !== 'reception' && user.role !== 'specialist' && user.role !== 'leader') return false;
  return user.scope.kind === 'unit' && user.scope.unitCode === unit.code;
}

/**
 * Whose figures a user sees for a commune: the leader (the center's head), the province officer of
 * its province and the administrator see the center and every officer; a reception officer or a
 * specialist sees the center and only their own line.
 */
export function figuresSeen(
  user: Pick<AuthUser, 'role' | 'scope'>,
  unit: RatingUnit,
): 'all' | 'own' | 'none' {
  if (!scopeCovers(user.scope, unit.code, unit.provinceCode)) return 'none';
  if (user.role === 'reception' || user.role === 'specialist') return 'own';
  return 'all';
}
