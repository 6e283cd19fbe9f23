import type { AuthUser } from '../identity/types.ts';

/**
 * Who reads a procedure's e-form definition and its blank paper form (PDF), any version: everyone, signed in or not — citizens read it on the public
 * portal before they file, every officer at the counter. The module has no write route: its content
 * is published data loaded at start. The routes therefore ask for no session (a session lookup on
 * the public portal's busiest routes would cost a database round trip for nothing).
 */
export function mayReadForms(_user: Pick<AuthUser, 'role'> | undefined): boolean {
  return true;
}
