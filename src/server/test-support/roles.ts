import { type AuthUser, ROLES, type Role, scopeFor } from '../modules/identity/types.ts';

/** A user of each role as sign-in makes them: commune roles in Tân Thới (82), the province officer of 82. */
export function userOf(role: Role): AuthUser {
  const unit =
    role === 'admin'
      ? null
      : role === 'province'
        ? { code: '82', name: 'Đồng Tháp', level: 'province' as const, provinceCode: '82' }
        : { code: '28693', name: 'Xã Tân Thới', level: 'commune' as const, provinceCode: '82' };
  const scope = scopeFor(role, unit);
  if (!scope) throw new Error(role);
  return { id: role, username: role, fullName: role, role, unit, scope };
}

/** What a policy answers for each role: `{ reception: …, specialist: …, leader: …, province: …, admin: … }`. */
export function byRole<T>(answer: (user: AuthUser) => T): Record<Role, T> {
  return Object.fromEntries(ROLES.map((role) => [role, answer(userOf(role))])) as Record<Role, T>;
}
