import { describe, expect, it } from 'vitest';
import { ROLES, type Role, type Scope } from '../identity/types.ts';
import { figuresSeen, mayInvite } from './policy.ts';

const UNIT = { code: '29248', provinceCode: '87' };
const scopes: Record<Role, Scope> = {
  reception: { kind: 'unit', unitCode: '29248', provinceCode: '87' },
  specialist: { kind: 'unit', unitCode: '29248', provinceCode: '87' },
  leader: { kind: 'unit', unitCode: '29248', provinceCode: '87' },
  province: { kind: 'province', provinceCode: '87' },
  admin: { kind: 'all' },
};
const other: Scope = { kind: 'unit', unitCode: '30001', provinceCode: '87' };

describe('ratings role matrix', () => {
  const invite: Record<Role, boolean> = {
    reception: true,
    specialist: true,
    leader: true,
    province: false,
    admin: false,
  };
  const seen: Record<Role, 'all' | 'own'> = {
    reception: 'own',
    specialist: 'own',
    leader: 'all',
    province: 'all',
    admin: 'all',
  };
  for (const role of ROLES) {
    it(`${role}: invites ${invite[role]}, sees ${seen[role]}`, () => {
      expect(mayInvite({ role, scope: scopes[role] }, UNIT)).toBe(invite[role]);
      expect(figuresSeen({ role, scope: scopes[role] }, UNIT)).toBe(seen[role]);
    });
  }
  it("another commune's officers neither invite nor see", () => {
    for (const role of ['reception', 'specialist', 'leader'] as const) {
      expect(mayInvite({ role, scope: other }, UNIT)).toBe(false);
      expect(figuresSeen({ role, scope: other }, UNIT)).toBe('none');
    }
    expect(figuresSeen({ role: 'province', scope: { kind: 'province', provinceCode: '01' } }, UNIT)).toBe(
      'none',
    );
  });
});
