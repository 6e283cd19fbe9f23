import type { AuthUser } from '../identity/types.ts';

/** What the operations figures are about: one commune, or the communes of one province. */
export type OperationsTarget = { level: 'commune'; code: string } | { level: 'province'; code: string };

/**
 * Whose transmission a user may watch: a commune's officers (reception, specialist, leader) their
 * own commune — a `province` they name is ignored, as on the dashboard; a province officer their
 * province (another province is refused: undefined); an administrator any province, by default the
 * configured one.
 */
export function operationsTarget(
  user: AuthUser,
  province: string | undefined,
  defaultProvince: string,
): OperationsTarget | undefined {
  const s = user.scope;
  if (s.kind === 'unit') return { level: 'commune', code: s.unitCode };
  if (s.kind === 'province') {
    if (province !== undefined && province !== s.provinceCode) return undefined;
    return { level: 'province', code: s.provinceCode };
  }
  return { level: 'province', code: province ?? defaultProvince };
}

/** Who may send dead-lettered messages again from the page: an administrator (the portal-sync retry route). */
export function mayRetryDeadLetters(user: AuthUser): boolean {
  return user.role === 'admin';
}
