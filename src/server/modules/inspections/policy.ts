import type { AuthUser, Role } from '../identity/types.ts';

/** Who records an inspection of a commune: the province, an administrator, the commune's leader. */
export const INSPECTORS: readonly Role[] = ['province', 'admin', 'leader'];

/** Follow-up tasks belong to officers of a commune: only they have tasks to see or close. */
export function hasOwnTasks(user: AuthUser): boolean {
  return user.scope.kind === 'unit';
}
