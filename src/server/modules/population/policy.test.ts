import { describe, expect, it } from 'vitest';
import { byRole } from '../../test-support/roles.ts';
import { canLookUpCitizens } from './policy.ts';

describe('population policy', () => {
  it('lets only the commune’s reception officers and specialists look a person up', () => {
    expect(byRole(canLookUpCitizens)).toEqual({
      reception: true,
      specialist: true,
      leader: false,
      province: false,
      admin: false,
    });
  });
});
