import type { Role } from '../identity/types.ts';

/**
 * Who imports a year's official holiday schedule: an administrator only (it changes every commune's
 * appointment dates). Everyone may read the calendar and compute a due date (public).
 */
export const CALENDAR_EDITORS: readonly Role[] = ['admin'];
