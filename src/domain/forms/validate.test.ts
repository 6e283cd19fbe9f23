import { describe, expect, it } from 'vitest';
import { getFormVersion } from './registry.ts';
import { normalizePhone, validateAnswers, validateGroup } from './validate.ts';

const TODAY = '2026-06-15';
const birth = getFormVersion('1.001193', 1);

function validBirth(): Record<string, Record<string, unknown>> {
  return {
    declarant: {
      fullName: 'Nguyễn Thị Hoa',
      personalId: '079195001234',
      relationship: 'me',
      phone: '0912 345 678',
      residence: 'Số 12, ấp Tân Lập, xã Tân Thới, tỉnh Đồng Tháp',
    },
    child: {
      fullName: 'Trần Minh An',
      sex: 'nam',
      dateOfBirth: '2026-06-01',
      placeOfBirth: 'Trạm y tế xã Tân Thới',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
    },
    mother: {
      fullName: 'Nguyễn Thị Hoa',
      dateOfBirth: '1995-03-02',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      personalId: '079195001234',
      residence: 'Số 12, ấp Tân Lập, xã Tân Thới, tỉnh Đồng Tháp',
    },
    father: { known: 'no' },
    request: { extractCopies: 1, commitment: true },
  };
}

function issuesOf(answers: unknown) {
  const v = validateAnswers(birth, answers, { today: TODAY });
  return v.ok ? [] : v.issues;
}

describe('validateAnswers', () => {
  it('accepts a complete birth registration and stores normalised values', () => {
    const v = validateAnswers(birth, validBirth(), { today: TODAY });
    expect(v.ok).toBe(true);
    if (v.ok) {
      expect((v.value.declarant as Record<string, unknown>).phone).toBe('0912345678');
      expect(v.value.father).toEqual({ known: 'no' });
    }
  });

  it('requires the father\u2019s details only when the father is known, and drops them when he is not', () => {
    const a = validBirth();
    a.father = { known: 'yes' };
    expect(issuesOf(a).map((i) => `${i.path}:${i.code}`)).toEqual([
      'father.fullName:required',
      'father.dateOfBirth:required',
      'father.ethnicity:required',
      'father.nationality:required',
      'father.personalId:required',
      'father.residence:required',
    ]);
    a.father = { known: 'no', fullName: 'Trần Văn B' };
    const v = validateAnswers(birth, a, { today: TODAY });
    expect(v.ok && v.value.father).toEqual({ known: 'no' });
  });

  it('refuses unknown groups and fields, wrong types and a non-object body, with Vietnamese how-to-fix messages', () => {
    const a = validBirth();
    (a as Record<string, unknown>).extra = {};
    (a.child as Record<string, unknown>).weight = 3;
    (a.request as Record<string, unknown>).extractCopies = '2';
    (a.child as Record<string, unknown>).sex = true;
    const issues = issuesOf(a);
    expect(issues.map((i) => `${i.path}:${i.code}`)).toEqual([
      'extra:unknown_group',
      'child.weight:unknown_field',
      'child.sex:wrong_type',
      'request.extractCopies:wrong_type',
    ]);
    expect(issues[1]?.message).toContain('hãy bỏ mục này');
    expect(issuesOf([1, 2])).toEqual([expect.objectContaining({ code: 'not_object' })]);
    expect(issuesOf(null)).toEqual([expect.objectContaining({ code: 'not_object' })]);
  });

  it('checks text through the shared safe-text rule, dates, personal IDs, phones, options and numbers', () => {
    const a = validBirth();
    a.declarant = { ...a.declarant, fullName: 'Nguyễn\u0000Hoa', personalId: '07919500123', phone: '12345' };
    a.child = { ...a.child, dateOfBirth: '2026-06-16', sex: 'khac' };
    a.mother = { ...a.mother, dateOfBirth: '1995-02-30' };
    a.request = { extractCopies: 11, commitment: false };
    expect(issuesOf(a).map((i) => `${i.path}:${i.code}`)).toEqual([
      'declarant.fullName:unsafe_text',
      'declarant.personalId:invalid_personal_id',
      'declarant.phone:invalid_phone',
      'child.sex:invalid_option',
      'child.dateOfBirth:future_date',
      'mother.dateOfBirth:invalid_date',
      'request.extractCopies:out_of_range',
      'request.commitment:must_be_checked',
    ]);
    const messages = issuesOf(a).map((i) => i.message);
    expect(messages[1]).toContain('12 chữ số');
    expect(messages[2]).toContain('0912 345 678');
    expect(messages[4]).toContain('không thể sau ngày hôm nay');
  });

  it('counts repeatable groups and validates each item at its own path', () => {
    const copy = getFormVersion('2.000815', 2);
    const base = {
      requester: {
        fullName: 'Lê Văn C',
        personalId: '001090001234',
        phone: '0987654321',
        residence: 'Số 1 phố Huế, Hà Nội',
      },
      result: { delivery: 'post' },
    };
    const none = validateAnswers(copy, { ...base, papers: [] }, { today: TODAY });
    expect(!none.ok && none.issues.map((i) => `${i.path}:${i.code}`)).toEqual([
      'papers:too_few_items',
      'result.postalAddress:required',
    ]);
    const items = [
      { documentName: 'Bằng tốt nghiệp', pages: 2, copies: 3 },
      { documentName: 'Học bạ', pages: 1.5, copies: 1 },
    ];
    const two = validateAnswers(
      copy,
      { ...base, papers: items, result: { delivery: 'counter' } },
      { today: TODAY },
    );
    expect(!two.ok && two.issues.map((i) => `${i.path}:${i.code}`)).toEqual(['papers[1].pages:not_integer']);
    const many = Array.from({ length: 21 }, () => items[0]);
    const tooMany = validateAnswers(
      copy,
      { ...base, papers: many, result: { delivery: 'counter' } },
      { today: TODAY },
    );
    expect(!tooMany.ok && tooMany.issues.map((i) => i.code)).toEqual(['too_many_items']);
  });

  it('gives the wizard the issues of one step only', () => {
    const a = validBirth();
    a.child = {};
    expect(validateGroup(birth, a, 'declarant', { today: TODAY })).toEqual([]);
    expect(validateGroup(birth, a, 'child', { today: TODAY }).length).toBe(6);
  });

  it('normalises Vietnamese phone numbers', () => {
    expect(normalizePhone('+84 912.345.678')).toBe('0912345678');
    expect(normalizePhone('0277 3851 234')).toBe('02773851234');
    expect(normalizePhone('0112345678')).toBeUndefined();
  });
});
