import type { AuthUser } from '../identity/types.ts';

/**
 * Who reads the procedure catalogue of any commune (list, search, detail): everyone, signed in or not — citizens read it on the public
 * portal before they file, every officer at the counter. The module has no write route: its content
 * is published data loaded at start. The routes therefore ask for no session (a session lookup on
 * the public portal's busiest routes would cost a database round trip for nothing).
 */
export function mayReadCatalog(_user: Pick<AuthUser, 'role'> | undefined): boolean {
  return true;
}
