import { type AuthUser, scopeCovers } from '../identity/types.ts';

/**
 * Who reads the procedure catalogue of any commune (list, search, detail): everyone, signed in or not — citizens read it on the public
 * portal before they file, every officer at the counter. Its content is published data loaded at
 * start; only the publication facts of Decision 766 below are written through the API. The routes therefore ask for no session (a session lookup on
 * the public portal's busiest routes would cost a database round trip for nothing).
 */
export function mayReadCatalog(_user: Pick<AuthUser, 'role'> | undefined): boolean {
  return true;
}

/**
 * Who records a procedure's publication (the decision publishing it, its steps, whether its fees are
 * paid online; Decision 766 indicators 1.1, 1.3, 3.5): the system administrator only. The catalogue
 * is one reference table for every commune, so no province or commune officer changes it.
 */
export function mayEditPublication(user: Pick<AuthUser, 'role'>): boolean {
  return user.role === 'admin';
}

/**
 * Who records the day a commune publicly posted a procedure (Decision 766 indicator 1.1): the
 * commune's leader for their own commune, the province officer for the communes of their province,
 * and the administrator.
 */
export function mayRecordPosting(
  user: Pick<AuthUser, 'role' | 'scope'>,
  commune: { code: string; provinceCode: string },
): boolean {
  if (user.role === 'admin') return true;
  if (user.role === 'province') return scopeCovers(user.scope, commune.code, commune.provinceCode);
  if (user.role === 'leader') return scopeCovers(user.scope, commune.code, commune.provinceCode);
  return false;
}
