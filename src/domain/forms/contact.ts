import type { FormAnswers, FormDefinition } from './types.ts';

/**
 * Where the applicant can be reached, read from their own answers: the first phone and the first
 * address of the form's single (not repeatable) groups, in the form's order. An online dossier needs
 * them (notifications, the dossier's applicant record); the citizen does not type them twice.
 */
export function contactOf(
  definition: FormDefinition,
  answers: FormAnswers,
): { phone: string; address: string } {
  let phone = '';
  let address = '';
  for (const group of definition.groups) {
    const given = answers[group.id];
    if (group.repeat || !given || Array.isArray(given)) continue;
    for (const field of group.fields) {
      const value = given[field.id];
      if (typeof value !== 'string' || !value.trim()) continue;
      if (field.type === 'phone' && !phone) phone = value.trim();
      if (field.type === 'address' && !address) address = value.trim();
    }
  }
  return { phone, address };
}
