import { describe, expect, it } from 'vitest';
import { byRole } from '../../test-support/roles.ts';
import { canFetchInbound, canRetrySync } from './policy.ts';

describe('portal-sync policy', () => {
  it('lets only the administrator resend a dossier’s failed messages or fetch online dossiers now', () => {
    const adminOnly = { reception: false, specialist: false, leader: false, province: false, admin: true };
    expect(byRole(canRetrySync)).toEqual(adminOnly);
    expect(byRole(canFetchInbound)).toEqual(adminOnly);
  });
});
