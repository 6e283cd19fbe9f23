import type { ActorRole } from '../../../domain/lifecycle/transitions.ts';
import { type AuthUser, type Scope, scopeCovers } from '../identity/types.ts';

/** A dossier's commune, with its province for the province officer's scope. */
export interface DossierUnit {
  code: string;
  provinceCode: string;
}

/**
 * Who sees a dossier (its actions, timeline, due date, slips and result): anyone whose scope covers
 * its commune. To anyone else the dossier does not exist (404, never 403).
 */
export function mayViewDossier(scope: Scope, unit: DossierUnit): boolean {
  return scopeCovers(scope, unit.code, unit.provinceCode);
}

/**
 * The role a user acts on a dossier in: the commune's own officers (reception, specialist, leader).
 * The province officer and the administrator watch but never act. Which action each of the three
 * may take in which state is the transition table's (src/domain/lifecycle/transitions.ts).
 */
export function actingRole(user: Pick<AuthUser, 'role' | 'scope'>): ActorRole | undefined {
  if (user.scope.kind !== 'unit') return undefined;
  return user.role === 'reception' || user.role === 'specialist' || user.role === 'leader'
    ? user.role
    : undefined;
}

/**
 * The commune whose work queues and tracking book the user keeps: their own commune for its
 * officers; none for the province officer and the administrator (they read reports instead).
 */
export function workingUnit(
  user: Pick<AuthUser, 'scope'>,
): { unitCode: string; provinceCode: string } | undefined {
  return user.scope.kind === 'unit'
    ? { unitCode: user.scope.unitCode, provinceCode: user.scope.provinceCode }
    : undefined;
}
