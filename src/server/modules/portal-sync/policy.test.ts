import { describe, expect, it } from 'vitest';
import type { AuthUser, Role } from '../identity/types.ts';
import { canFetchInbound, canRetrySync, canSeeUnmatchedInbound } from './policy.ts';

/* Role matrix of the portal synchronisation's operations. */

const user = (role: Role, unit: AuthUser['unit']): AuthUser => ({
  id: 'u',
  username: role,
  fullName: role,
  role,
  unit,
  scope: { kind: 'all' },
});
const commune = { code: '28693', name: 'Tân Thới', level: 'commune' as const, provinceCode: '82' };
const province = { code: '82', name: 'Đồng Tháp', level: 'province' as const, provinceCode: '82' };

describe('portal-sync policy', () => {
  it.each([
    ['reception', commune, false, false, true],
    ['leader', commune, false, false, true],
    ['specialist', commune, false, false, false],
    ['province', province, false, false, false],
    ['admin', null, true, true, true],
  ] as const)(
    '%s: retry %s, fetch %s, unmatched of its commune %s',
    (role, unit, retry, fetch, unmatched) => {
      const u = user(role, unit);
      expect(canRetrySync(u)).toBe(retry);
      expect(canFetchInbound(u)).toBe(fetch);
      expect(canSeeUnmatchedInbound(u, '28693')).toBe(unmatched);
      // Never another commune's, unless an administrator.
      expect(canSeeUnmatchedInbound(u, '28696')).toBe(role === 'admin');
    },
  );
});
