import { describe, expect, it } from 'vitest';
import { byRole } from '../../test-support/roles.ts';
import { type DraftUnit, mayReadDraft } from './policy.ts';

const UNITS: Record<string, DraftUnit> = {
  own: { code: '28693', provinceCode: '82' },
  neighbour: { code: '28696', provinceCode: '82' },
  elsewhere: { code: '00004', provinceCode: '01' },
};

describe('result-drafts policy', () => {
  it('shows a draft to every role whose scope covers the dossier’s commune', () => {
    const seen = byRole((u) =>
      Object.fromEntries(Object.entries(UNITS).map(([name, unit]) => [name, mayReadDraft(u, unit)])),
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
});
