import { describe, expect, it } from 'vitest';
import { byRole, userOf } from '../../test-support/roles.ts';
import { mayEditPublication, mayReadCatalog, mayRecordPosting } from './policy.ts';

describe('catalog policy', () => {
  it('is read by every role and by a visitor who is not signed in', () => {
    expect(byRole(mayReadCatalog)).toEqual({
      reception: true,
      specialist: true,
      leader: true,
      province: true,
      admin: true,
    });
    expect(mayReadCatalog(undefined)).toBe(true);
  });

  it('lets only the administrator record a procedure’s publication', () => {
    expect(byRole(mayEditPublication)).toEqual({
      reception: false,
      specialist: false,
      leader: false,
      province: false,
      admin: true,
    });
  });

  it('lets the commune’s leader, its province and the administrator record a posting, no one else', () => {
    const own = { code: '28693', provinceCode: '82' };
    const neighbour = { code: '28696', provinceCode: '82' };
    const elsewhere = { code: '00004', provinceCode: '01' };
    expect(byRole((u) => mayRecordPosting(u, own))).toEqual({
      reception: false,
      specialist: false,
      leader: true,
      province: true,
      admin: true,
    });
    expect(byRole((u) => mayRecordPosting(u, neighbour))).toEqual({
      reception: false,
      specialist: false,
      leader: false,
      province: true,
      admin: true,
    });
    expect(mayRecordPosting(userOf('province'), elsewhere)).toBe(false);
    expect(mayRecordPosting(userOf('admin'), elsewhere)).toBe(true);
  });
});
