export const ROLES = ['reception', 'specialist', 'leader', 'province', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a signed-in user may see: one commune, one province, or everything. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'province'; provinceCode: string }
  | { kind: 'unit'; unitCode: string; provinceCode: string };

export interface AuthUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  unit: { code: string; name: string; level: 'province' | 'commune'; provinceCode: string } | null;
  scope: Scope;
}

/** Scope of a user from role and unit; commune roles without a commune get no scope at all. */
export function scopeFor(role: Role, unit: AuthUser['unit']): Scope | undefined {
  if (role === 'admin') return { kind: 'all' };
  if (!unit) return undefined;
  if (role === 'province')
    return unit.level === 'province' ? { kind: 'province', provinceCode: unit.code } : undefined;
  return unit.level === 'commune'
    ? { kind: 'unit', unitCode: unit.code, provinceCode: unit.provinceCode }
    : undefined;
}

/** Whether a scope covers a unit of the given province. */
export function scopeCovers(scope: Scope, unitCode: string, provinceCode: string): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'province') return scope.provinceCode === provinceCode;
  return scope.unitCode === unitCode;
}
