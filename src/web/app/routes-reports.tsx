import type { Me } from '../api/types';
import type { NavItem } from './nav-items';

/** Routes of the reports area (mounted inside the app layout). */
export function reportsRoutes() {
  return null;
}

/** Navigation entries of the reports area for the signed-in user. */
export function reportsNav(_me: Me | null | undefined): NavItem[] {
  return [];
}
