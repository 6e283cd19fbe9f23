import type { NationalStatus, SubState } from '../../../domain/lifecycle/statuses.ts';
import { TRANSITIONS } from '../../../domain/lifecycle/transitions.ts';
import { canReceive } from '../dossiers/policy.ts';
import type { AuthUser } from '../identity/types.ts';

/*
 * What a citizen may do with their own dossier. The statuses come from the lifecycle table
 * (docs/domain-vn.md §2.4): a citizen withdraws where the law lets a withdrawal start, supplements
 * what reception or the specialist asked for, and rates a dossier once its result was returned.
 */

export interface CitizenDossierState {
  status: number;
  subState: string;
}

export function canWithdraw(d: CitizenDossierState): boolean {
  return (TRANSITIONS.withdraw.from as readonly NationalStatus[]).includes(d.status as NationalStatus);
}

/** Before receipt (asked by reception) or while processing is paused for a supplement (status 5). */
export function supplementKind(d: CitizenDossierState): 'pre_receipt' | 'processing' | undefined {
  if (d.status === 1 && (d.subState as SubState) === 'pre_supplement') return 'pre_receipt';
  if (d.status === 5) return 'processing';
  return undefined;
}

/** Rating is invited when the result has been returned (status 10, docs/domain-vn.md §6.3). */
export function canRate(d: CitizenDossierState): boolean {
  return d.status === 10;
}

export function canDownloadResult(d: CitizenDossierState & { hasResult: boolean }): boolean {
  return d.hasResult && (d.status === 9 || d.status === 10);
}

/**
 * Who files an online dossier for a citizen at the counter (assisted filing): an officer who receives
 * dossiers (the dossiers module's `canReceive`), into their own commune only. `'not_receiving'` for
 * anyone else, `'other_commune'` for a receiving officer naming another commune.
 */
export function assistedFiling(
  user: AuthUser,
  unitCode: string,
): 'allowed' | 'not_receiving' | 'other_commune' {
  if (!canReceive(user)) return 'not_receiving';
  return user.scope.kind === 'unit' && user.scope.unitCode === unitCode ? 'allowed' : 'other_commune';
}
