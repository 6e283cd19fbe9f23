import { describe, expect, it } from 'vitest';
import { expiresOnOf, expiryInstant, isShown, looksLikePdf, noticeProblems } from './rules.ts';

describe('notice rules', () => {
  it('a legal document names its number, issuing body and date of issue', () => {
    expect(noticeProblems({ kind: 'legal_document' }, '2026-12-07').map((p) => p.path)).toEqual([
      'docNumber',
      'issuer',
      'issuedOn',
    ]);
    expect(noticeProblems({ kind: 'notice' }, '2026-12-07')).toEqual([]);
  });

  it('takes effect on or after its date of issue; shown until a day not before today', () => {
    const base = { kind: 'legal_document' as const, docNumber: '118/2025/NĐ-CP', issuer: 'Chính phủ' };
    expect(
      noticeProblems({ ...base, issuedOn: '2025-06-09', effectiveOn: '2025-07-01' }, '2026-12-07'),
    ).toEqual([]);
    expect(
      noticeProblems({ ...base, issuedOn: '2025-06-09', effectiveOn: '2025-06-09' }, '2026-12-07'),
    ).toEqual([]);
    expect(
      noticeProblems({ ...base, issuedOn: '2025-06-09', effectiveOn: '2025-06-08' }, '2026-12-07')[0]?.path,
    ).toBe('effectiveOn');
    expect(noticeProblems({ kind: 'notice', expiresOn: '2026-12-06' }, '2026-12-07')[0]?.path).toBe(
      'expiresOn',
    );
    expect(noticeProblems({ kind: 'notice', expiresOn: '2026-12-07' }, '2026-12-07')).toEqual([]);
  });

  it('the last day shown is inclusive, in Vietnam', () => {
    const end = expiryInstant('2026-12-31');
    expect(end.toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(expiresOnOf(end)).toBe('2026-12-31');
    const n = { publishedAt: new Date('2026-12-01T00:00:00Z'), expiresAt: end, unpublishedAt: null };
    expect(isShown(n, new Date('2026-12-31T16:59:59Z'))).toBe(true);
    expect(isShown(n, end)).toBe(false);
    expect(isShown(n, new Date('2026-11-30T23:59:59Z'))).toBe(false);
    expect(
      isShown({ ...n, unpublishedAt: new Date('2026-12-02T00:00:00Z') }, new Date('2026-12-03T00:00:00Z')),
    ).toBe(false);
  });

  it('a PDF is known by its first bytes', () => {
    expect(looksLikePdf(Buffer.from('%PDF-1.7\n'))).toBe(true);
    expect(looksLikePdf(Buffer.from('<html>%PDF-'))).toBe(false);
    expect(looksLikePdf(Buffer.from('%PDF'))).toBe(false);
  });
});
