import type { AuthUser, Role } from '../identity/types.ts';

/*
 * Every signed-in officer may practise: the exercises run on the practice database only, and a pass
 * writes their own line of the training register. Who reads that register, and whose lines, is here.
 */

/** Who may read the training register: the province (its own communes) and the administrator; a commune's leader their own commune. */
export function mayReadTrainingRegister(role: Role): boolean {
  return role === 'province' || role === 'admin' || role === 'leader';
}

/**
 * The lines of the training register a user reads (`unit`: the commune asked for), or undefined when
 * they may not read it: a leader their own commune whatever they ask, the province officer their
 * province (one commune of it when asked), the administrator everywhere (one commune when asked).
 */
export function trainingRegisterFilter(
  user: Pick<AuthUser, 'role' | 'scope'>,
  unit: string | undefined,
): { unitCode?: string; provinceCode?: string } | undefined {
  if (!mayReadTrainingRegister(user.role)) return undefined;
  return user.scope.kind === 'unit'
    ? { unitCode: user.scope.unitCode }
    : user.scope.kind === 'province'
      ? { provinceCode: user.scope.provinceCode, unitCode: unit }
      : { unitCode: unit };
}
