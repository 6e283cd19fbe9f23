import { describe, expect, it } from 'vitest';
import { type AuthUser, ROLES, type Role, scopeFor } from '../identity/types.ts';
import { type KeyScope, keyMay, mayManageKeys } from './policy.ts';

type UnitOf = AuthUser['unit'];
const PROVINCE: UnitOf = { code: '82', name: 'Đồng Tháp', level: 'province', provinceCode: '82' };
const COMMUNE: UnitOf = { code: '28693', name: 'Xã Tân Thới', level: 'commune', provinceCode: '82' };

function userOf(role: Role, unit: UnitOf): AuthUser {
  return {
    id: role,
    username: role,
    fullName: role,
    role,
    unit,
    scope: scopeFor(role, unit) ?? { kind: 'all' },
  };
}

const SCOPES: Record<string, KeyScope> = {
  ownCommune: { kind: 'unit', code: '28693', provinceCode: '82' },
  neighbourCommune: { kind: 'unit', code: '28696', provinceCode: '82' },
  communeElsewhere: { kind: 'unit', code: '00004', provinceCode: '01' },
  ownProvince: { kind: 'province', code: '82' },
  otherProvince: { kind: 'province', code: '01' },
};

const row = (u: AuthUser) =>
  Object.fromEntries(Object.entries(SCOPES).map(([name, scope]) => [name, mayManageKeys(u, scope)]));
const none = Object.fromEntries(Object.keys(SCOPES).map((k) => [k, false]));

describe('partner keys policy', () => {
  it('lets administrators only manage keys, each within their own unit', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expect(row(userOf(role, role === 'province' ? PROVINCE : COMMUNE)), role).toEqual(none);
    }
    expect(row(userOf('admin', null))).toEqual(Object.fromEntries(Object.keys(SCOPES).map((k) => [k, true])));
    expect(row(userOf('admin', PROVINCE))).toEqual({
      ownCommune: true,
      neighbourCommune: true,
      communeElsewhere: false,
      ownProvince: true,
      otherProvince: false,
    });
    expect(row(userOf('admin', COMMUNE))).toEqual({ ...none, ownCommune: true });
  });

  it('grants a key only the permissions it was given', () => {
    expect(keyMay(['dossiers:read'], 'dossiers:read')).toBe(true);
    expect(keyMay(['dossiers:read'], 'applicants:read')).toBe(false);
    expect(keyMay(['webhooks'], 'dossiers:read')).toBe(false);
    expect(keyMay([], 'webhooks')).toBe(false);
  });
});
