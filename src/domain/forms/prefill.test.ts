import { describe, expect, it } from 'vitest';
import { prefillVerified } from './prefill.ts';
import { findForm as formFor } from './registry.ts';
import { validateGroup } from './validate.ts';

const NGOC = { fullName: 'Trần Thị Bích Ngọc', personalId: '082190004567', birthDate: '1990-03-14' };

describe('prefillVerified', () => {
  it('fills the declarant of a birth registration with the verified name and personal ID', () => {
    const form = formFor('1.001193');
    if (!form) throw new Error('no birth registration form');
    const { answers, verifiedPaths } = prefillVerified(form, {}, NGOC);
    expect(verifiedPaths).toEqual(['declarant.fullName', 'declarant.personalId']);
    expect(answers.declarant).toEqual({ fullName: NGOC.fullName, personalId: NGOC.personalId });
    // What was filled passes the shared validator for those fields.
    const issues = validateGroup(form, answers, 'declarant', { today: '2026-12-07' }).map((i) => i.path);
    expect(issues).not.toContain('declarant.fullName');
    expect(issues).not.toContain('declarant.personalId');
  });

  it('fills the date of birth where the applicant is asked for it, and never overwrites a different answer', () => {
    const form = formFor('1.004873');
    if (!form) throw new Error('no marital-status form');
    const { answers, verifiedPaths } = prefillVerified(form, { requester: { fullName: 'Tên khác' } }, NGOC);
    expect(verifiedPaths).toEqual(['requester.personalId', 'requester.dateOfBirth']);
    expect(answers.requester).toMatchObject({
      fullName: 'Tên khác',
      personalId: NGOC.personalId,
      dateOfBirth: NGOC.birthDate,
    });
  });

  it('leaves a form without an applicant group as it is', () => {
    const form = formFor('1.001193');
    if (!form) throw new Error('no form');
    const bare = { ...form, groups: form.groups.filter((g) => g.id === 'request') };
    expect(prefillVerified(bare, {}, NGOC)).toEqual({ answers: {}, verifiedPaths: [] });
  });
});
