import { describe, expect, it } from 'vitest';
import { byRole } from '../../test-support/roles.ts';
import { mayReadCatalog } from './policy.ts';

describe('catalog policy', () => {
  it('is read by every role and by a visitor who is not signed in', () => {
    expect(byRole(mayReadCatalog)).toEqual({
      reception: true,
      specialist: true,
      leader: true,
      province: true,
      admin: true,
    });
    expect(mayReadCatalog(undefined)).toBe(true);
  });
});
