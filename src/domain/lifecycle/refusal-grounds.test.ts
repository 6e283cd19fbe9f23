import { describe, expect, it } from 'vitest';
import { REFUSAL_GROUNDS, refusalReason } from './refusal-grounds.ts';

describe('refusal grounds (docs/domain-vn.md §2.3 step 3)', () => {
  it('the two grounds domain-vn.md confirms are [V]; the rest are marked [I]', () => {
    const confirmed = REFUSAL_GROUNDS.filter((g) => g.basis === 'V').map((g) => g.code);
    expect(confirmed).toEqual(['cannot_complete', 'not_eligible']);
    for (const g of REFUSAL_GROUNDS) {
      expect(g.source).toMatch(g.basis === 'V' ? /§2\.3/ : /^\[I\]/);
    }
    // §1.2: communes receive regardless of boundary within the province — no competence ground.
    expect(REFUSAL_GROUNDS.map((g) => g.code)).not.toContain('competence');
  });

  it('the slip reason is the chosen grounds in Vietnamese, in list order, then the officer detail', () => {
    expect(refusalReason(['not_eligible', 'cannot_complete'], '  Thiếu giấy chứng sinh  ')).toBe(
      'Hồ sơ không thể bổ sung, hoàn thiện để đủ thành phần, hợp lệ theo quy định; ' +
        'Hồ sơ không đủ điều kiện giải quyết theo quy định của thủ tục hành chính; Thiếu giấy chứng sinh',
    );
    expect(refusalReason(['unknown'], '')).toBe('');
    expect(refusalReason([], 'Chỉ lý do khác')).toBe('Chỉ lý do khác');
  });
});
