import { describe, expect, it } from 'vitest';
import { byRole } from '../../test-support/roles.ts';
import { ROLES } from '../identity/types.ts';
import { mayReadTrainingRegister, trainingRegisterFilter } from './policy.ts';

describe('practice policy', () => {
  it('shows the training register to the province, the administrator and a commune leader', () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, mayReadTrainingRegister(r)]))).toEqual({
      reception: false,
      specialist: false,
      leader: true,
      province: true,
      admin: true,
    });
  });

  it('gives each reader the lines of their scope, whatever commune they ask for', () => {
    expect(byRole((u) => trainingRegisterFilter(u, '00004'))).toEqual({
      reception: undefined,
      specialist: undefined,
      leader: { unitCode: '28693' },
      province: { provinceCode: '82', unitCode: '00004' },
      admin: { unitCode: '00004' },
    });
    expect(byRole((u) => trainingRegisterFilter(u, undefined))).toEqual({
      reception: undefined,
      specialist: undefined,
      leader: { unitCode: '28693' },
      province: { provinceCode: '82', unitCode: undefined },
      admin: { unitCode: undefined },
    });
  });
});
