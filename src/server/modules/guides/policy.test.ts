import { describe, expect, it } from 'vitest';
import { ROLES } from '../identity/types.ts';
import { mayEditGuides } from './policy.ts';

describe('guides policy', () => {
  it('lets only the province administrator and the system administrator edit guides', () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, mayEditGuides(r)]))).toEqual({
      reception: false,
      specialist: false,
      leader: false,
      province: true,
      admin: true,
    });
  });
});
