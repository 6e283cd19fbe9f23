import { describe, expect, it } from 'vitest';
import { byRole } from '../../test-support/roles.ts';
import { canCorrectFormerUnits } from './policy.ts';

describe('units policy', () => {
  it('lets only the administrator correct the former-units mapping', () => {
    expect(byRole((u) => canCorrectFormerUnits(u.role))).toEqual({
      reception: false,
      specialist: false,
      leader: false,
      province: false,
      admin: true,
    });
  });
});
