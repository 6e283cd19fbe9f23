/**
 * Issue 14: "the browser never accepts what the server refuses". The browser validates with the
 * definition it fetched as JSON from GET /api/v1/procedures/{code}/form; the server validates with
 * validateOnlineAnswers on the answers it received as JSON. For every shipped form and version, the
 * two verdicts must be identical, for valid answers and for spoiled ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySpoil, spoilArb, validAnswersArb } from './form-arbitraries.test-support.ts';
import { validateOnlineAnswers } from './online.ts';
import { listForms } from './registry.ts';
import type { FormDefinition } from './types.ts';
import { validateAnswers } from './validate.ts';

const TODAY = '2026-06-15';

/** The browser's path: the definition as served over HTTP, the answers as the wizard holds them. */
function browserVerdict(served: FormDefinition, answers: unknown) {
  return validateAnswers(served, answers, { today: TODAY });
}

/** The server's path: what the submission handler calls on the request body. */
function serverVerdict(definition: FormDefinition, answers: unknown) {
  const body = JSON.parse(JSON.stringify({ answers })) as { answers: unknown };
  return validateOnlineAnswers(definition.procedureCode, definition.version, body.answers, { today: TODAY });
}

describe.each(listForms().map((d) => [`${d.procedureCode} v${d.version}`, d] as const))(
  'form %s',
  (_, definition) => {
    const served = JSON.parse(JSON.stringify(definition)) as FormDefinition;

    it('valid answers are accepted by the browser and the server, with the same stored value', () => {
      fc.assert(
        fc.property(validAnswersArb(definition, TODAY), (answers) => {
          const browser = browserVerdict(served, answers);
          const server = serverVerdict(definition, answers);
          expect(browser).toEqual({ ok: true, value: expect.any(Object) });
          expect(server).toEqual(browser);
        }),
        { numRuns: 150 },
      );
    });

    it('spoiled answers get the same verdict and the same issues on both sides', () => {
      fc.assert(
        fc.property(validAnswersArb(definition, TODAY), spoilArb(definition, TODAY), (answers, spoil) => {
          const bad = applySpoil(definition, answers, spoil);
          const browser = browserVerdict(served, bad);
          expect(serverVerdict(definition, bad)).toEqual(browser);
          // A spoil on something always shown is refused, with an issue at that place.
          const group = definition.groups[spoil.kind === 'unknownGroup' ? 0 : spoil.group];
          const alwaysShown =
            spoil.kind === 'unknownGroup' ||
            spoil.kind === 'unknownField' ||
            (spoil.kind === 'groupType' && !group?.showWhen && !(group?.repeat && spoil.value === null)) ||
            (spoil.kind === 'field' && !group?.showWhen && !group?.fields[spoil.field]?.showWhen);
          const field = spoil.kind === 'field' ? group?.fields[spoil.field] : undefined;
          const harmless =
            spoil.kind === 'field' &&
            (spoil.value === '' || spoil.value === null) &&
            !field?.required &&
            !(field?.type === 'checkbox' && field.mustBeChecked);
          if (alwaysShown && !harmless) {
            expect(browser.ok).toBe(false);
            if (!browser.ok) {
              const at = spoil.kind === 'unknownGroup' ? spoil.key : (group?.id ?? '');
              expect(browser.issues.some((i) => i.path.startsWith(at))).toBe(true);
              for (const issue of browser.issues) expect(issue.message).toMatch(/[\u00C0-\u1EF9]/);
            }
          }
        }),
        { numRuns: 300 },
      );
    });
  },
);

describe('validateOnlineAnswers', () => {
  it('refuses a form version that was never published, and a procedure without a form', () => {
    for (const [code, version] of [
      ['1.001193', 99],
      ['1.001193', 0],
      ['1.001193', 1.5],
      ['9.999999', 1],
    ] as const) {
      const verdict = validateOnlineAnswers(code, version, {});
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) expect(verdict.issues[0]).toMatchObject({ path: 'formVersion', code: 'unknown_form' });
    }
  });

  it('validates an old version with its own rules (certified copy v1 has no e-mail question)', () => {
    const base = {
      requester: {
        fullName: 'Trần Thị Bình',
        personalId: '079190001234',
        phone: '0912345678',
        residence: 'Số 5, ấp 2, xã Tân Thới',
      },
      papers: [{ documentName: 'Bằng tốt nghiệp', pages: 1, copies: 2 }],
      result: { delivery: 'counter', email: 'binh@example.vn' },
    };
    const v1 = validateOnlineAnswers('2.000815', 1, base, { today: TODAY });
    expect(v1.ok).toBe(false);
    if (!v1.ok)
      expect(v1.issues).toEqual([expect.objectContaining({ path: 'result.email', code: 'unknown_field' })]);
    expect(validateOnlineAnswers('2.000815', 2, base, { today: TODAY }).ok).toBe(true);
  });
});
