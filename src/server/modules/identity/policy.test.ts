import { describe, expect, it } from 'vitest';
import { byRole } from '../../test-support/roles.ts';
import { staffListUnit } from './policy.ts';

describe('identity policy', () => {
  it('lets the commune’s officers list their own commune’s staff, and no one else any', () => {
    expect(byRole(staffListUnit)).toEqual({
      reception: '28693',
      specialist: '28693',
      leader: '28693',
      province: undefined,
      admin: undefined,
    });
  });
});
