import { describe, expect, it } from 'vitest';
import { byRole } from '../../test-support/roles.ts';
import { hasOwnTasks, INSPECTORS } from './policy.ts';

describe('inspections policy', () => {
  it('lets the province officer, the administrator and the commune’s leader record inspections', () => {
    expect(byRole((u) => INSPECTORS.includes(u.role))).toEqual({
      reception: false,
      specialist: false,
      leader: true,
      province: true,
      admin: true,
    });
  });

  it('gives follow-up tasks to the commune’s officers only', () => {
    expect(byRole(hasOwnTasks)).toEqual({
      reception: true,
      specialist: true,
      leader: true,
      province: false,
      admin: false,
    });
  });
});
