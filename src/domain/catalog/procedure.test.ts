import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProcedureCatalogSchema, ProcedureRecordSchema } from './procedure.ts';

const raw: unknown = JSON.parse(
  readFileSync(new URL('../../../data/procedures.json', import.meta.url), 'utf8'),
);
const rawProcedures = (raw as { procedures: unknown[] }).procedures;

describe('data/procedures.json', () => {
  it('validates as a catalogue', () => {
    const result = ProcedureCatalogSchema.safeParse(raw);
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues, null, 2)).toBe(true);
  });

  it.each(rawProcedures.map((p) => [(p as { code: string }).code, p] as const))(
    'record %s matches ProcedureRecordSchema',
    (_code, record) => {
      const result = ProcedureRecordSchema.safeParse(record);
      expect(result.success, result.success ? '' : JSON.stringify(result.error.issues, null, 2)).toBe(true);
    },
  );

  const procedures = ProcedureCatalogSchema.parse(raw).procedures;

  it('has at least 15 procedures with unique national codes', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(15);
    const codes = procedures.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^\d\.\d{6}$/);
  });

  it('gives every same-day procedure amount 0 and the 15:00 cut-off', () => {
    const sameDay = procedures.filter((p) => p.timeLimit.unit === 'same_day');
    expect(sameDay.length).toBeGreaterThan(0);
    for (const p of sameDay) {
      expect(p.timeLimit.amount, p.code).toBe(0);
      expect(p.timeLimit.cutoff, p.code).toBe('15:00');
    }
  });

  it('covers the fields the provincial inspection groups by', () => {
    const fields = new Set(procedures.map((p) => p.field.code));
    for (const field of ['CT', 'HT', 'DD', 'HKD', 'BTXH']) expect(fields, field).toContain(field);
    const count = (field: string) => procedures.filter((p) => p.field.code === field).length;
    expect(count('CT')).toBeGreaterThanOrEqual(4);
    expect(count('HT')).toBeGreaterThanOrEqual(6);
    expect(count('DD')).toBeGreaterThanOrEqual(2);
    expect(count('BTXH')).toBeGreaterThanOrEqual(2);
  });

  it('keeps one name per sector and field code, and fields inside one sector', () => {
    const names = new Map<string, string>();
    const sectorOf = new Map<string, string>();
    for (const p of procedures) {
      for (const [kind, group] of [
        ['sector', p.sector],
        ['field', p.field],
      ] as const) {
        const key = `${kind}:${group.code}`;
        expect(names.get(key) ?? group.name, key).toBe(group.name);
        names.set(key, group.name);
      }
      expect(sectorOf.get(p.field.code) ?? p.sector.code, p.field.code).toBe(p.sector.code);
      sectorOf.set(p.field.code, p.sector.code);
    }
  });

  it('includes the civil-status procedures a commune handles daily', () => {
    const codes = new Set(procedures.map((p) => p.code));
    // birth, marriage, death, marital status, extract copy, change/correction
    for (const code of ['1.001193', '1.000894', '1.000656', '1.004873', '2.000635', '1.004859']) {
      expect(codes, code).toContain(code);
    }
  });

  it('writes Vietnamese names in NFC with diacritics', () => {
    for (const p of procedures) {
      expect(p.name.normalize('NFC'), p.code).toBe(p.name);
      expect(p.name, p.code).toMatch(/[à-ỹđ]/u);
    }
  });
});

describe('ProcedureRecordSchema rejects bad records', () => {
  const valid = ProcedureCatalogSchema.parse(raw).procedures.find((p) => p.code === '2.000815');
  if (!valid) throw new Error('fixture 2.000815 missing');
  // biome-ignore lint/suspicious/noExplicitAny: mutations must be able to write deliberately invalid shapes
  type Loose = Record<string, any>;
  const variant = (change: (p: Loose) => void): unknown => {
    const copy: Loose = structuredClone(valid);
    change(copy);
    return copy;
  };

  it('accepts the reference record', () => {
    expect(ProcedureRecordSchema.safeParse(variant(() => {})).success).toBe(true);
  });

  const cases: Array<[string, (p: Loose) => void]> = [
    [
      'a malformed code',
      (p) => {
        p.code = '2.815';
      },
    ],
    [
      'same_day with a non-zero amount',
      (p) => {
        p.timeLimit.amount = 1;
      },
    ],
    [
      'same_day without a cut-off',
      (p) => {
        delete p.timeLimit.cutoff;
      },
    ],
    [
      'duplicate document ids',
      (p) => {
        p.documents.push({ ...p.documents[0] });
      },
    ],
    [
      'a document id that is not kebab-case',
      (p) => {
        p.documents[0].id = 'Ban_chinh';
      },
    ],
    [
      'an online level without the online channel',
      (p) => {
        p.channels = ['counter'];
      },
    ],
    [
      'a fractional fee',
      (p) => {
        p.fees[0].amount = 2000.5;
      },
    ],
    [
      'a null fee that is not province-set',
      (p) => {
        p.fees[0].amount = null;
      },
    ],
    [
      'an unknown trust tag',
      (p) => {
        p.tags.code = '[X]';
      },
    ],
    [
      'an unknown property',
      (p) => {
        p.extra = 1;
      },
    ],
  ];

  it.each(cases)('rejects %s', (_label, change) => {
    expect(ProcedureRecordSchema.safeParse(variant(change)).success).toBe(false);
  });
});
