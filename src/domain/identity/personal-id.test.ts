import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIRTH_PROVINCE_NAMES, isValidPersonalId, validatePersonalId } from './personal-id.ts';

const TODAY = '2025-07-01';

/** The 63 codes of Circular 07/2016/TT-BCA, copied from the brief rather than from the code under test. */
const CODES =
  '001,002,004,006,008,010,011,012,014,015,017,019,020,022,024,025,026,027,030,031,033,034,035,036,037,038,' +
  '040,042,044,045,046,048,049,051,052,054,056,058,060,062,064,066,067,068,070,072,074,075,077,079,080,082,' +
  '083,084,086,087,089,091,092,093,094,095,096';
const PROVINCES = CODES.split(',');

describe('validatePersonalId', () => {
  it('reads province, sex and birth year', () => {
    expect(validatePersonalId('001099012345', TODAY)).toEqual({
      ok: true,
      birthProvinceCode: '001',
      sex: 'male',
      birthYear: 1999,
    });
    expect(validatePersonalId('079302000123', TODAY)).toEqual({
      ok: true,
      birthProvinceCode: '079',
      sex: 'female',
      birthYear: 2002,
    });
    expect(validatePersonalId('096200000001', TODAY)).toMatchObject({
      ok: true,
      sex: 'male',
      birthYear: 2000,
    });
    expect(validatePersonalId('001899000000', TODAY)).toMatchObject({
      ok: true,
      sex: 'male',
      birthYear: 1899,
    });
    expect(validatePersonalId('001901000000', TODAY)).toMatchObject({
      ok: true,
      sex: 'female',
      birthYear: 1801,
    });
  });

  it('trims surrounding whitespace only', () => {
    expect(validatePersonalId('  001099012345 ', TODAY).ok).toBe(true);
    expect(validatePersonalId('\t001099012345\n', TODAY).ok).toBe(true);
  });

  it.each([
    '',
    '00109901234',
    '0010990123456',
    '00109901234a',
    '001 099012345',
    '001-099-012345',
    '００1099012345',
    '٠٠١099012345',
    '+01099012345',
  ])('rejects the format of %j', (v) => {
    expect(validatePersonalId(v, TODAY)).toEqual({ ok: false, reason: 'format' });
  });

  it.each(['000099012345', '003099012345', '097099012345', '100099012345', '999099012345'])(
    'rejects the unknown province of %s',
    (v) => {
      expect(validatePersonalId(v, TODAY)).toEqual({ ok: false, reason: 'province' });
    },
  );

  it('rejects a century that has not begun', () => {
    expect(validatePersonalId('001400000000', TODAY)).toEqual({ ok: false, reason: 'century' });
    expect(validatePersonalId('001700000000', TODAY)).toEqual({ ok: false, reason: 'century' });
  });

  it('accepts the current birth year and rejects the next one', () => {
    expect(validatePersonalId('001225999999', TODAY)).toMatchObject({ ok: true, birthYear: 2025 });
    expect(validatePersonalId('001226000000', TODAY)).toEqual({ ok: false, reason: 'future_birth_year' });
    expect(validatePersonalId('001226000000', '2026-01-01')).toMatchObject({ ok: true, birthYear: 2026 });
  });

  it('rejects an invalid today', () => {
    expect(() => validatePersonalId('001099012345', '2025-02-30')).toThrow(RangeError);
  });

  it('knows exactly the 63 birth-registration province codes', () => {
    expect(PROVINCES).toHaveLength(63);
    expect(Object.keys(BIRTH_PROVINCE_NAMES).sort()).toEqual(PROVINCES);
    expect(BIRTH_PROVINCE_NAMES['001']).toBe('Hà Nội');
    expect(BIRTH_PROVINCE_NAMES['096']).toBe('Cà Mau');
  });

  it('agrees with the structure for any generated number (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROVINCES),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 999_999 }),
        (province, centuryDigit, yy, rest) => {
          const pad = (n: number, w: number) => String(n).padStart(w, '0');
          const id = `${province}${centuryDigit}${pad(yy, 2)}${pad(rest, 6)}`;
          const century = [1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 1800, 1800][
            centuryDigit
          ] as number;
          const result = validatePersonalId(id, TODAY);
          if (century > 2025) expect(result).toEqual({ ok: false, reason: 'century' });
          else if (century + yy > 2025) expect(result).toEqual({ ok: false, reason: 'future_birth_year' });
          else {
            expect(result).toEqual({
              ok: true,
              birthProvinceCode: province,
              sex: centuryDigit % 2 === 0 ? 'male' : 'female',
              birthYear: century + yy,
            });
          }
          expect(isValidPersonalId(id, TODAY)).toBe(result.ok);
        },
      ),
    );
  });

  it('rejects anything that is not 12 digits (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        fc.pre(!/^\s*[0-9]{12}\s*$/.test(s));
        expect(validatePersonalId(s, TODAY)).toEqual({ ok: false, reason: 'format' });
      }),
    );
  });
});
