import type { AuthUser, Scope } from '../identity/types.ts';
import { scopeCovers } from '../identity/types.ts';

/** The commune a queue belongs to (its province for the province officer's scope). */
export interface QueueUnit {
  code: string;
  provinceCode: string;
}

/**
 * Who works a counter of the hall (call, recall, skip, transfer, served, no-show): the commune's own
 * officers — reception, specialist, leader. The province officer and the administrator do not sit
 * at a commune's counter.
 */
export function mayWorkCounter(user: Pick<AuthUser, 'role' | 'scope'>, unit: QueueUnit): boolean {
  if (user.role !== 'reception' && user.role !== 'specialist' && user.role !== 'leader') return false;
  return user.scope.kind === 'unit' && user.scope.unitCode === unit.code;
}

/**
 * The commune whose counters a user may sit at: a commune officer's own commune; none for the
 * province officer and the administrator (whether their role works a counter is mayWorkCounter).
 */
export function counterCommune(user: Pick<AuthUser, 'scope'>): string | undefined {
  return user.scope.kind === 'unit' ? user.scope.unitCode : undefined;
}

/**
 * Who configures a commune's counters and the fields each serves: the commune's leader (the center's
 * head), the province officer of its province and the administrator.
 */
export function mayConfigureCounters(user: Pick<AuthUser, 'role' | 'scope'>, unit: QueueUnit): boolean {
  if (user.role === 'reception' || user.role === 'specialist') return false;
  return scopeCovers(user.scope, unit.code, unit.provinceCode);
}

/** Who sees a commune's counters and its waiting line: anyone whose scope covers the commune. */
export function mayViewQueue(scope: Scope, unit: QueueUnit): boolean {
  return scopeCovers(scope, unit.code, unit.provinceCode);
}
