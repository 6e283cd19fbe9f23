import type { Me } from '../api/types';
import type { NavItem } from './nav-items';

/** Routes of the workflow area (mounted inside the app layout). */
export function workflowRoutes() {
  return null;
}

/** Navigation entries of the workflow area for the signed-in user. */
export function workflowNav(_me: Me | null | undefined): NavItem[] {
  return [];
}
