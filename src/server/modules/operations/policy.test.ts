import { describe, expect, it } from 'vitest';
import { type AuthUser, ROLES, type Role, scopeFor } from '../identity/types.ts';
import { mayRetryDeadLetters, operationsTarget } from './policy.ts';

/** A user of each role as sign-in makes them: commune roles in Tân Thới (82), the province officer of 82. */
function userOf(role: Role): AuthUser {
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

describe('operations policy', () => {
  it('shows each role the transmission of its own scope only; retry is the administrator’s', () => {
    const matrix = Object.fromEntries(
      ROLES.map((role) => [
        role,
        {
          none: operationsTarget(userOf(role), undefined, '01'),
          own: operationsTarget(userOf(role), '82', '01'),
          other: operationsTarget(userOf(role), '01', '01'),
          retry: mayRetryDeadLetters(userOf(role)),
        },
      ]),
    );
    const commune = {
      none: { level: 'commune', code: '28693' },
      own: { level: 'commune', code: '28693' },
      other: { level: 'commune', code: '28693' },
      retry: false,
    };
    expect(matrix).toEqual({
      reception: commune,
      specialist: commune,
      leader: commune,
      province: {
        none: { level: 'province', code: '82' },
        own: { level: 'province', code: '82' },
        other: undefined,
        retry: false,
      },
      admin: {
        none: { level: 'province', code: '01' },
        own: { level: 'province', code: '82' },
        other: { level: 'province', code: '01' },
        retry: true,
      },
    });
  });
});
