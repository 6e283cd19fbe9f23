import { describe, expect, it } from 'vitest';
import { ROLES } from '../identity/types.ts';
import { CALENDAR_EDITORS } from './policy.ts';

describe('calendar policy', () => {
  it('lets only an administrator import a year of days off', () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, CALENDAR_EDITORS.includes(r)]))).toEqual({
      reception: false,
      specialist: false,
      leader: false,
      province: false,
      admin: true,
    });
  });
});
