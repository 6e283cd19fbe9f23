import { describe, expect, it } from 'vitest';
import { ROLES } from '../identity/types.ts';
import { CONSULTATION_LOGGERS, REGISTER_EDITORS } from './policy.ts';

describe('registers policy', () => {
  it('lets a commune leader and an administrator edit the registers, no one else', () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, REGISTER_EDITORS.includes(r)]))).toEqual({
      reception: false,
      specialist: false,
      leader: true,
      province: false,
      admin: true,
    });
  });
  it('lets the officers of a commune log consultations, not the province or an administrator', () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, CONSULTATION_LOGGERS.includes(r)]))).toEqual({
      reception: true,
      specialist: true,
      leader: true,
      province: false,
      admin: false,
    });
  });
});
