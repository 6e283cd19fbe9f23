import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProcedureCatalogSchema } from '../catalog/procedure.ts';
import { fingerprint } from './fingerprint.test-support.ts';
import {
  findForm,
  findFormVersion,
  getForm,
  getFormVersion,
  listForms,
  UnknownFormError,
} from './registry.ts';
import type { Condition, FormDefinition, FormGroup } from './types.ts';

const LOCK = JSON.parse(readFileSync(new URL('./versions.lock.json', import.meta.url), 'utf8')) as Record<
  string,
  string
>;
const CATALOG = ProcedureCatalogSchema.parse(
  JSON.parse(readFileSync(new URL('../../../data/procedures.json', import.meta.url), 'utf8')),
);

describe('published versions never change', () => {
  it('every shipped version matches its fingerprint in versions.lock.json (a change must be a new version)', () => {
    const now = Object.fromEntries(
      listForms().map((d) => [`${d.procedureCode}@${d.version}`, fingerprint(d)]),
    );
    // A version in the lock that is no longer shipped, or one whose content changed, fails here.
    for (const [key, hash] of Object.entries(LOCK)) expect({ key, hash: now[key] }).toEqual({ key, hash });
    // A new version must be added to the lock (copy the printed line into versions.lock.json).
    for (const [key, hash] of Object.entries(now)) expect({ key, hash: LOCK[key] }).toEqual({ key, hash });
  });

  it('the definitions are frozen: nobody can edit a version at run time', () => {
    const d = getFormVersion('2.000815', 1);
    expect(() => {
      (d as { title: string }).title = 'x';
    }).toThrow(TypeError);
    expect(() => {
      (d.groups as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it('getForm gives the latest version; getFormVersion keeps the old ones', () => {
    expect(getForm('2.000815').version).toBe(2);
    expect(
      getFormVersion('2.000815', 1)
        .groups.find((g) => g.id === 'result')
        ?.fields.map((f) => f.id),
    ).toEqual(['delivery', 'postalAddress']);
    expect(
      getFormVersion('2.000815', 2)
        .groups.find((g) => g.id === 'result')
        ?.fields.map((f) => f.id),
    ).toContain('email');
    expect(findForm('2.001035')).toBeUndefined();
    expect(findFormVersion('1.001193', 2)).toBeUndefined();
    expect(() => getForm('2.001035')).toThrow(UnknownFormError);
    expect(() => getFormVersion('1.001193', 7)).toThrow(UnknownFormError);
  });
});

function conditionsOf(d: FormDefinition): { group: FormGroup; cond: Condition }[] {
  return d.groups.flatMap((g) => [
    ...(g.showWhen ? [{ group: g, cond: g.showWhen }] : []),
    ...g.fields.flatMap((f) =>
      [f.showWhen, f.requiredWhen].filter((c): c is Condition => !!c).map((cond) => ({ group: g, cond })),
    ),
  ]);
}

describe.each(listForms().map((d) => [`${d.procedureCode} v${d.version}`, d] as const))('form %s', (_, d) => {
  it('belongs to a procedure of the catalogue', () => {
    // Signature certification is counter-only (the signer signs in front of the officer): its form
    // still serves the blank PDF; the wizard is offered only where the catalogue lists 'online'.
    expect(CATALOG.procedures.map((x) => x.code)).toContain(d.procedureCode);
  });

  it('has unique ids, readable Vietnamese text, and conditions that name real fields and options', () => {
    expect(new Set(d.groups.map((g) => g.id)).size).toBe(d.groups.length);
    for (const g of d.groups) {
      expect(g.id).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(new Set(g.fields.map((f) => f.id)).size).toBe(g.fields.length);
      for (const f of g.fields) {
        expect(f.id).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(f.label.length).toBeGreaterThan(2);
        if (f.type === 'select') expect(f.options.length).toBeGreaterThan(1);
      }
      if (g.repeat) expect(g.repeat.min).toBeLessThanOrEqual(g.repeat.max);
    }
    for (const { group, cond } of conditionsOf(d)) {
      const [gid, fid] = cond.field.includes('.') ? cond.field.split('.') : [group.id, cond.field];
      const target = d.groups.find((g) => g.id === gid);
      expect(target, cond.field).toBeDefined();
      if (gid !== group.id) expect(target?.repeat).toBeUndefined();
      const field = target?.fields.find((f) => f.id === fid);
      expect(field, cond.field).toBeDefined();
      const wanted = 'equals' in cond ? [cond.equals] : cond.in;
      if (field?.type === 'select')
        for (const w of wanted) expect(field.options.map((o) => o.value)).toContain(w);
    }
  });
});

it('ships the eight procedures issue 14 names', () => {
  const codes = new Set(listForms().map((d) => d.procedureCode));
  for (const code of [
    '2.000815',
    '2.000884',
    '1.001193',
    '1.000894',
    '1.000656',
    '1.004873',
    '1.004194',
    '1.001612',
  ])
    expect(codes).toContain(code);
});
