import { describe, expect, it } from 'vitest';
import { byRole, userOf } from '../../test-support/roles.ts';
import { type AuthUser, ROLES } from '../identity/types.ts';
import {
  counterCommune,
  mayConfigureCounters,
  mayViewQueue,
  mayWorkCounter,
  type QueueUnit,
} from './policy.ts';

const UNITS: Record<string, QueueUnit> = {
  own: { code: '28693', provinceCode: '82' },
  neighbour: { code: '28696', provinceCode: '82' },
  elsewhere: { code: '00004', provinceCode: '01' },
};

function matrix(may: (user: AuthUser, unit: QueueUnit) => boolean) {
  return Object.fromEntries(
    ROLES.map((role) => [
      role,
      Object.fromEntries(Object.entries(UNITS).map(([name, unit]) => [name, may(userOf(role), unit)])),
    ]),
  );
}

describe('queue policy', () => {
  it('lets only the commune’s own officers work its counters', () => {
    const own = { own: true, neighbour: false, elsewhere: false };
    const none = { own: false, neighbour: false, elsewhere: false };
    expect(matrix(mayWorkCounter)).toEqual({
      reception: own,
      specialist: own,
      leader: own,
      province: none,
      admin: none,
    });
  });

  it('lets the leader, the province officer and the administrator configure counters in their scope', () => {
    const none = { own: false, neighbour: false, elsewhere: false };
    expect(matrix(mayConfigureCounters)).toEqual({
      reception: none,
      specialist: none,
      leader: { own: true, neighbour: false, elsewhere: false },
      province: { own: true, neighbour: true, elsewhere: false },
      admin: { own: true, neighbour: true, elsewhere: true },
    });
  });

  it('shows the counters and the waiting line to every role whose scope covers the commune', () => {
    const own = { own: true, neighbour: false, elsewhere: false };
    expect(matrix((u, unit) => mayViewQueue(u.scope, unit))).toEqual({
      reception: own,
      specialist: own,
      leader: own,
      province: { own: true, neighbour: true, elsewhere: false },
      admin: { own: true, neighbour: true, elsewhere: true },
    });
  });

  it('seats a commune officer at their own commune’s counters and nobody else at any', () => {
    expect(byRole(counterCommune)).toEqual({
      reception: '28693',
      specialist: '28693',
      leader: '28693',
      province: undefined,
      admin: undefined,
    });
  });
});
