import type { AuthUser } from '../identity/types.ts';

/**
 * Who may look a person up in the population database: officers of a commune who receive or appraise
 * dossiers (docs/domain-vn.md §2.3 steps 3 and 5). Leaders, the province and administrators do not
 * handle applicants' data and get no lookup (Law 91/2025: access only for the purpose at hand).
 */
export function canLookUpCitizens(user: AuthUser): user is AuthUser & { scope: { kind: 'unit' } } {
  return (user.role === 'reception' || user.role === 'specialist') && user.scope.kind === 'unit';
}
