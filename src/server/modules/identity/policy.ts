import type { AuthUser } from './types.ts';

/**
 * Signing in and out is open to everyone; `me` answers any signed-in user.
 *
 * Whose colleagues a user may list (to pick whom a dossier is assigned to): the commune's own
 * officers list their own commune's active staff; the province officer and the administrator have
 * no commune and list none (they manage accounts in the staff register instead).
 */
export function staffListUnit(user: Pick<AuthUser, 'scope'>): string | undefined {
  return user.scope.kind === 'unit' ? user.scope.unitCode : undefined;
}
