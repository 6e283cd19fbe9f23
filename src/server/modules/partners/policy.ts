import type { AuthUser } from '../identity/types.ts';

/** What a partner key is scoped to: one commune (with its province) or one province. */
export type KeyScope =
  | { kind: 'unit'; code: string; provinceCode: string }
  | { kind: 'province'; code: string };

/** Named permissions of a partner key. */
export const PARTNER_PERMISSIONS = ['dossiers:read', 'applicants:read', 'webhooks'] as const;
export type PartnerPermission = (typeof PARTNER_PERMISSIONS)[number];

/**
 * Who may create, list and revoke partner keys of a scope: administrators only. A system
 * administrator (no unit) any scope; a province's administrator (an admin account of the province)
 * keys of the province and of its communes; a commune's administrator keys of that commune only.
 * Other roles none.
 */
export function mayManageKeys(user: AuthUser, scope: KeyScope): boolean {
  if (user.role !== 'admin') return false;
  if (!user.unit) return true;
  if (user.unit.level === 'province')
    return scope.kind === 'province' ? scope.code === user.unit.code : scope.provinceCode === user.unit.code;
  return scope.kind === 'unit' && scope.code === user.unit.code;
}

/** Whether the user may manage partner keys at all (the admin page). */
export function mayManagePartners(user: AuthUser): boolean {
  return user.role === 'admin';
}

/** Whether a key with these permissions may make a call needing `needed`. */
export function keyMay(permissions: readonly string[], needed: PartnerPermission): boolean {
  return permissions.includes(needed);
}
