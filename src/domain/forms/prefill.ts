import type { FormAnswers, FormDefinition } from './types.ts';

/** What the identity provider verified about the signed-in citizen (never typed in by them). */
export interface VerifiedIdentity {
  fullName: string;
  personalId: string;
  /** YYYY-MM-DD, when the provider gave it. */
  birthDate: string | null;
}

/**
 * The signed-in citizen is the applicant: the form's first single (not repeatable, always shown) group
 * with a personal-ID question is theirs, as `contactOf` reads their phone and address. Its full name,
 * personal ID and date of birth questions are filled from the verified identity. Returns the answers
 * with those filled (never overwriting an answer already given) and the paths filled, which the wizard
 * marks "đã xác thực".
 */
export function prefillVerified(
  definition: FormDefinition,
  answers: FormAnswers,
  identity: VerifiedIdentity,
): { answers: FormAnswers; verifiedPaths: string[] } {
  const group = definition.groups.find(
    (g) => !g.repeat && !g.showWhen && g.fields.some((f) => f.type === 'personalId' && !f.showWhen),
  );
  if (!group) return { answers, verifiedPaths: [] };
  const current = answers[group.id];
  const given = current && !Array.isArray(current) ? { ...current } : {};
  const verifiedPaths: string[] = [];
  const fill = (fieldId: string | undefined, value: string | null) => {
    if (!fieldId || !value) return;
    const existing = given[fieldId];
    if (existing === undefined || existing === '' || existing === value) {
      given[fieldId] = value;
      verifiedPaths.push(`${group.id}.${fieldId}`);
    }
  };
  const shown = group.fields.filter((f) => !f.showWhen);
  fill(shown.find((f) => f.type === 'text' && f.id === 'fullName')?.id, identity.fullName);
  fill(shown.find((f) => f.type === 'personalId')?.id, identity.personalId);
  fill(shown.find((f) => f.type === 'date' && f.id === 'dateOfBirth')?.id, identity.birthDate);
  return { answers: { ...answers, [group.id]: given }, verifiedPaths };
}
