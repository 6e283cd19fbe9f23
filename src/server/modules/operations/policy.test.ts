import { describe, expect, it } from 'vitest';
import { userOf } from '../../test-support/roles.ts';
import { ROLES } from '../identity/types.ts';
import { mayRetryDeadLetters, operationsTarget } from './policy.ts';

describe('operations policy', () => {
  it('shows each role the transmission of its own scope only; retry is the administrator’s', () => {
    const matrix = Object.fromEntries(
      ROLES.map((role) => [
        role,
        {
          none: operationsTarget(userOf(role), undefined, '01'),
          own: operationsTarget(userOf(role), '82', '01'),
          other: operationsTarget(userOf(role), '01', '01'),
          retry: mayRetryDeadLetters(userOf(role)),
        },
      ]),
    );
    const commune = {
      none: { level: 'commune', code: '28693' },
      own: { level: 'commune', code: '28693' },
      other: { level: 'commune', code: '28693' },
      retry: false,
    };
    expect(matrix).toEqual({
      reception: commune,
      specialist: commune,
      leader: commune,
      province: {
        none: { level: 'province', code: '82' },
        own: { level: 'province', code: '82' },
        other: undefined,
        retry: false,
      },
      admin: {
        none: { level: 'province', code: '01' },
        own: { level: 'province', code: '82' },
        other: { level: 'province', code: '01' },
        retry: true,
      },
    });
  });
});
