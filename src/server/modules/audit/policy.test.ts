import { describe, expect, it } from 'vitest';
import { ROLES } from '../identity/types.ts';
import { mayVerifyAudit, mayWriteAnchor } from './policy.ts';

describe('audit policy', () => {
  it('lets administrators alone verify the trail and write an anchor', () => {
    const matrix = Object.fromEntries(
      ROLES.map((role) => [role, { verify: mayVerifyAudit({ role }), anchor: mayWriteAnchor({ role }) }]),
    );
    const no = { verify: false, anchor: false };
    expect(matrix).toEqual({
      reception: no,
      specialist: no,
      leader: no,
      province: no,
      admin: { verify: true, anchor: true },
    });
  });
});
