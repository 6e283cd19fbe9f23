import type { AuthUser } from '../identity/types.ts';

/** Counter intake is done by the reception officers of a commune center. */
export function canReceive(user: AuthUser): boolean {
  return user.role === 'reception' && user.scope.kind === 'unit';
}
