import type { Role } from '../identity/types.ts';

/**
 * Who may change the guides: the province administrator (role `province`) and the system
 * administrator. Every signed-in officer reads them; a commune officer never edits them, so a guide
 * reads the same in every commune of the province.
 */
export function mayEditGuides(role: Role): boolean {
  return role === 'province' || role === 'admin';
}
