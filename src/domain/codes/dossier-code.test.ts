import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromEpochDay, toEpochDay } from '../calendar/vn-time.ts';
import { formatDossierCode, isAgencyCode, parseDossierCode } from './dossier-code.ts';

describe('formatDossierCode', () => {
  it('writes agency-YYMMDD-NNNN', () => {
    expect(formatDossierCode('H82.045', '2025-07-01', 11)).toBe('H82.045-250701-0011');
    expect(formatDossierCode('H21.65', '2022-09-14', 11)).toBe('H21.65-220914-0011');
    expect(formatDossierCode('H26', '2026-12-31', 1)).toBe('H26-261231-0001');
  });

  it('never truncates a sequence above 9999', () => {
    expect(formatDossierCode('H82.045', '2025-07-01', 9999)).toBe('H82.045-250701-9999');
    expect(formatDossierCode('H82.045', '2025-07-01', 10_000)).toBe('H82.045-250701-10000');
    expect(formatDossierCode('H82.045', '2025-07-01', 1_234_567)).toBe('H82.045-250701-1234567');
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects sequence %s', (seq) => {
    expect(() => formatDossierCode('H82.045', '2025-07-01', seq)).toThrow(RangeError);
  });

  it.each(['h82.045', 'H8', 'H820', 'X82.045', 'H82.', 'H82..1', 'H82-045', 'H82.04 5', '', 'H82.đ'])(
    'rejects agency code %j',
    (agency) => {
      expect(() => formatDossierCode(agency, '2025-07-01', 1)).toThrow(RangeError);
    },
  );

  it.each(['2025-02-30', '1999-12-31', '2100-01-01', '2025-7-1'])('rejects date %s', (date) => {
    expect(() => formatDossierCode('H82.045', date, 1)).toThrow(RangeError);
  });
});

describe('parseDossierCode', () => {
  it('reads a production code', () => {
    expect(parseDossierCode('H21.65-220914-0011')).toEqual({
      agencyCode: 'H21.65',
      date: '2022-09-14',
      seq: 11,
    });
    expect(parseDossierCode('H55.242.X1-250701-12345')).toEqual({
      agencyCode: 'H55.242.X1',
      date: '2025-07-01',
      seq: 12345,
    });
  });

  it.each([
    'H82.045-250230-0001', // 30 February
    'H82.045-251301-0001',
    'H82.045-250701-0000',
    'H82.045-250701-011',
    'H82.045-250701-00011', // five digits must not start with 0
    'H82.045-20250701-0011',
    'G09.20-20260609-0092637', // DVCQG-issued codes are opaque to this parser
    'h82.045-250701-0011',
    ' H82.045-250701-0011',
    'H82.045-250701-0011 ',
    'H82.045-250701-0011-1',
    '',
  ])('rejects %j', (code) => {
    expect(parseDossierCode(code)).toBeUndefined();
  });
});

const segmentArb = fc.stringMatching(/^[A-Za-z0-9]{1,5}$/);
const agencyArb = fc
  .tuple(fc.integer({ min: 0, max: 99 }), fc.array(segmentArb, { maxLength: 3 }))
  .map(([p, segs]) => [`H${String(p).padStart(2, '0')}`, ...segs].join('.'));
const dateArb = fc
  .integer({ min: toEpochDay('2000-01-01'), max: toEpochDay('2099-12-31') })
  .map((d) => fromEpochDay(d));
const seqArb = fc.oneof(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 2 ** 40 }));

describe('dossier code properties', () => {
  it('round-trips through format and parse', () => {
    fc.assert(
      fc.property(agencyArb, dateArb, seqArb, (agencyCode, date, seq) => {
        expect(isAgencyCode(agencyCode)).toBe(true);
        const code = formatDossierCode(agencyCode, date, seq);
        expect(parseDossierCode(code)).toEqual({ agencyCode, date, seq });
      }),
    );
  });

  it('has one spelling per code: parse then format gives the input back', () => {
    const codeLike = fc
      .tuple(agencyArb, fc.stringMatching(/^[0-9]{6}$/), fc.stringMatching(/^[0-9]{1,7}$/))
      .map(([a, d, s]) => `${a}-${d}-${s}`);
    fc.assert(
      fc.property(codeLike, (code) => {
        const parts = parseDossierCode(code);
        if (parts) expect(formatDossierCode(parts.agencyCode, parts.date, parts.seq)).toBe(code);
      }),
    );
  });

  it('sorts by sequence within an agency and day for sequences up to 9999', () => {
    fc.assert(
      fc.property(
        agencyArb,
        dateArb,
        fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: 2 }),
        (a, d, seqs) => {
          const codes = seqs.map((s) => formatDossierCode(a, d, s));
          const byText = [...codes].sort();
          expect(byText.map((c) => parseDossierCode(c)?.seq)).toEqual([...seqs].sort((x, y) => x - y));
        },
      ),
    );
  });

  it('sorts by day within an agency', () => {
    fc.assert(
      fc.property(agencyArb, dateArb, dateArb, fc.integer({ min: 1, max: 9999 }), (a, d1, d2, seq) => {
        fc.pre(d1 < d2);
        expect(formatDossierCode(a, d1, seq) < formatDossierCode(a, d2, 1)).toBe(true);
      }),
    );
  });
});
