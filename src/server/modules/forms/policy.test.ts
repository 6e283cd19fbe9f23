import { describe, expect, it } from 'vitest';
import { byRole } from '../../test-support/roles.ts';
import { mayReadForms } from './policy.ts';

describe('forms policy', () => {
  it('is read by every role and by a visitor who is not signed in', () => {
    expect(byRole(mayReadForms)).toEqual({
      reception: true,
      specialist: true,
      leader: true,
      province: true,
      admin: true,
    });
    expect(mayReadForms(undefined)).toBe(true);
  });
});
