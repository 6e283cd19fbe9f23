import type { Role } from '../identity/types.ts';

/**
 * Who corrects the former-units mapping: the administrator, for every province (the mapping is a
 * national reference table read by every installation's search).
 */
export const FORMER_UNIT_EDITORS: readonly Role[] = ['admin'];

/** Anyone may search units and read a commune's former units: citizens look for their center. */
export function canCorrectFormerUnits(role: Role): boolean {
  return FORMER_UNIT_EDITORS.includes(role);
}
