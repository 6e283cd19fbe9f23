import { describe, expect, it } from 'vitest';
import { byRole } from '../../test-support/roles.ts';
import { actingRole, type DossierUnit, mayViewDossier, workingUnit } from './policy.ts';

const UNITS: Record<string, DossierUnit> = {
  own: { code: '28693', provinceCode: '82' },
  neighbour: { code: '28696', provinceCode: '82' },
  elsewhere: { code: '00004', provinceCode: '01' },
};

describe('workflow policy', () => {
  it('shows a dossier to every role whose scope covers its commune', () => {
    const seen = byRole((u) =>
      Object.fromEntries(Object.entries(UNITS).map(([name, unit]) => [name, mayViewDossier(u.scope, unit)])),
    );
    const own = { own: true, neighbour: false, elsewhere: false };
    expect(seen).toEqual({
      reception: own,
      specialist: own,
      leader: own,
      province: { own: true, neighbour: true, elsewhere: false },
      admin: { own: true, neighbour: true, elsewhere: true },
    });
  });

  it('lets only the commune’s own officers act on dossiers, each in their own role', () => {
    expect(byRole(actingRole)).toEqual({
      reception: 'reception',
      specialist: 'specialist',
      leader: 'leader',
      province: undefined,
      admin: undefined,
    });
  });

  it('gives work queues and the tracking book to the commune’s officers only', () => {
    const commune = { unitCode: '28693', provinceCode: '82' };
    expect(byRole(workingUnit)).toEqual({
      reception: commune,
      specialist: commune,
      leader: commune,
      province: undefined,
      admin: undefined,
    });
  });
});
