import { describe, expect, it } from 'vitest';
import { byRole } from '../../test-support/roles.ts';
import type { AuthUser, Role } from '../identity/types.ts';
import {
  canFetchInbound,
  canHandleUnmatchedInbound,
  canRetrySync,
  canSeeUnmatchedInbound,
} from './policy.ts';

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
    ['reception', commune, false, false, true, true],
    ['leader', commune, false, false, true, true],
    ['specialist', commune, false, false, false, false],
    ['province', province, false, false, false, false],
    ['admin', null, true, true, true, false],
  ] as const)(
    '%s: retry %s, fetch %s, sees unmatched of its commune %s, maps or refuses them %s',
    (role, unit, retry, fetch, unmatched, handles) => {
      const u = user(role, unit);
      expect(canRetrySync(u)).toBe(retry);
      expect(canFetchInbound(u)).toBe(fetch);
      expect(canSeeUnmatchedInbound(u, '28693')).toBe(unmatched);
      expect(canHandleUnmatchedInbound(u, '28693')).toBe(handles);
      // Never another commune's, unless an administrator (who only sees them).
      expect(canSeeUnmatchedInbound(u, '28696')).toBe(role === 'admin');
      expect(canHandleUnmatchedInbound(u, '28696')).toBe(false);
    },
  );
  it('a commune role without a commune handles nothing', () => {
    expect(canHandleUnmatchedInbound(user('reception', null), '28693')).toBe(false);
  });
  it('maps or refuses Tân Thới’s unmatched portal dossiers: its reception and leader, by role', () => {
    expect(byRole((u) => canHandleUnmatchedInbound(u, '28693'))).toEqual({
      reception: true,
      specialist: false,
      leader: true,
      province: false,
      admin: false,
    });
  });
});
