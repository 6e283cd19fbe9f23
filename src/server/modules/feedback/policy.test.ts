import { describe, expect, it } from 'vitest';
import { FEEDBACK_ACTIONS } from '../../../domain/feedback/feedback.ts';
import { byRole } from '../../test-support/roles.ts';
import { feedbackActionsOf, mayActOnFeedback, mayReadFeedback } from './policy.ts';

const TAN_THOI = { code: '28693', provinceCode: '82' };
const OTHER_COMMUNE = { code: '28694', provinceCode: '82' };
const OTHER_PROVINCE = { code: '30001', provinceCode: '87' };

describe('feedback role matrix', () => {
  it('reads: the commune, its province, administrators', () => {
    expect(byRole((u) => mayReadFeedback(u, TAN_THOI))).toEqual({
      reception: true,
      specialist: true,
      leader: true,
      province: true,
      admin: true,
    });
    expect(byRole((u) => mayReadFeedback(u, OTHER_COMMUNE))).toEqual({
      reception: false,
      specialist: false,
      leader: false,
      province: true,
      admin: true,
    });
    expect(byRole((u) => mayReadFeedback(u, OTHER_PROVINCE))).toEqual({
      reception: false,
      specialist: false,
      leader: false,
      province: false,
      admin: true,
    });
  });

  it('acts: each step by its roles of the commune only', () => {
    expect(byRole((u) => feedbackActionsOf(u, TAN_THOI))).toEqual({
      reception: ['accept', 'refuse', 'request_info', 'publish'],
      specialist: ['accept', 'refuse', 'request_info', 'answer'],
      leader: ['accept', 'refuse', 'request_info', 'answer', 'approve', 'publish'],
      province: [],
      admin: [],
    });
    for (const action of FEEDBACK_ACTIONS) {
      expect(byRole((u) => mayActOnFeedback(u, OTHER_COMMUNE, action))).toEqual({
        reception: false,
        specialist: false,
        leader: false,
        province: false,
        admin: false,
      });
    }
  });
});
