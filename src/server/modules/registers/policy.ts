import type { Role } from '../identity/types.ts';

/**
 * Who keeps the staffing and equipment registers of a commune: its leader, or an administrator.
 * Everyone whose scope covers the commune may read them; consultations are logged by its officers.
 */
export const REGISTER_EDITORS: readonly Role[] = ['leader', 'admin'];
export const CONSULTATION_LOGGERS: readonly Role[] = ['reception', 'specialist', 'leader'];
