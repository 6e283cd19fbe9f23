import { describe, expect, it } from 'vitest';
import { type AuthUser, ROLES, type Role, scopeFor } from '../identity/types.ts';
import { mayConfigureCounters, mayViewQueue, mayWorkCounter, type QueueUnit } from './policy.ts';

/** A user of each role as sign-in makes them: commune roles in Tân Thới (82), the province officer of 82. */
function userOf(role: Role): AuthUser {
  const unit =
    role === 'admin'
      ? null
      : role === 'province'
        ? { code: '82', name: 'Đồng Tháp', level: 'province' as const, provinceCode: '82' }
        : { code: '28693', name: 'Xã Tân Thới', level: 'commune' as const, provinceCode: '82' };
  const scope = scopeFor(role, unit);
  if (!scope) throw new Error(role);
  return { id: role, username: role, fullName: role, role, unit, scope };
}

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
});
