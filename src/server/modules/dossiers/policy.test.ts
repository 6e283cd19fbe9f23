import { describe, expect, it } from 'vitest';
import { byRole } from '../../test-support/roles.ts';
import { canReceive } from './policy.ts';

describe('dossiers policy', () => {
  it('lets only a commune’s reception officers receive dossiers at the counter', () => {
    expect(byRole(canReceive)).toEqual({
      reception: true,
      specialist: false,
      leader: false,
      province: false,
      admin: false,
    });
  });
});
