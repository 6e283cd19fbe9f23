import { type AuthUser, scopeCovers } from '../identity/types.ts';

/** A dossier's commune, with its province for the province officer's scope. */
export interface DraftUnit {
  code: string;
  provinceCode: string;
}

/**
 * Who reads a dossier's result draft and previews its PDF: whoever sees the dossier (scope covers its
 * commune); to anyone else the dossier does not exist (404). Who drafts and who approves is the
 * lifecycle's: the draft_result and approve_result rows of src/domain/lifecycle/transitions.ts,
 * checked by the workflow before the draft is touched.
 */
export function mayReadDraft(user: Pick<AuthUser, 'scope'>, unit: DraftUnit): boolean {
  return scopeCovers(user.scope, unit.code, unit.provinceCode);
}
