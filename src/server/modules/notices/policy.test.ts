import { describe, expect, it } from 'vitest';
import { byRole, userOf } from '../../test-support/roles.ts';
import { ROLES, type Role } from '../identity/types.ts';
import { isPublisher, mayPublish, ownNoticeUnit } from './policy.ts';

// userOf: commune roles in Tân Thới (28693, province 82), the province officer of 82.
const COMMUNE = { code: '28693', level: 'commune' as const, provinceCode: '82' };
const OTHER_COMMUNE = { code: '28696', level: 'commune' as const, provinceCode: '82' };
const PROVINCE = { code: '82', level: 'province' as const, provinceCode: '82' };
const OTHER_PROVINCE = { code: '01', level: 'province' as const, provinceCode: '01' };
const FAR_COMMUNE = { code: '00004', level: 'commune' as const, provinceCode: '01' };

describe('notices role matrix', () => {
  const expected: Record<
    Role,
    { own: boolean; otherCommune: boolean; province: boolean; otherProvince: boolean; far: boolean }
  > = {
    reception: { own: false, otherCommune: false, province: false, otherProvince: false, far: false },
    specialist: { own: false, otherCommune: false, province: false, otherProvince: false, far: false },
    leader: { own: true, otherCommune: false, province: false, otherProvince: false, far: false },
    province: { own: false, otherCommune: false, province: true, otherProvince: false, far: false },
    admin: { own: true, otherCommune: true, province: true, otherProvince: true, far: true },
  };
  const answers = byRole((u) => ({
    own: mayPublish(u, COMMUNE),
    otherCommune: mayPublish(u, OTHER_COMMUNE),
    province: mayPublish(u, PROVINCE),
    otherProvince: mayPublish(u, OTHER_PROVINCE),
    far: mayPublish(u, FAR_COMMUNE),
  }));
  for (const role of ROLES) {
    it(`${role} publishes: ${JSON.stringify(expected[role])}`, () => {
      expect(answers[role]).toEqual(expected[role]);
    });
  }

  it('publishers are the leader, the province officer and the administrator', () => {
    expect(byRole(isPublisher)).toEqual({
      reception: false,
      specialist: false,
      leader: true,
      province: true,
      admin: true,
    });
  });

  it("a publisher's own unit is their commune or their province", () => {
    expect(ownNoticeUnit(userOf('leader'))).toBe('28693');
    expect(ownNoticeUnit(userOf('province'))).toBe('82');
    expect(ownNoticeUnit(userOf('admin'))).toBeUndefined();
  });
});
