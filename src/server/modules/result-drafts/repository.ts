/*
 * The result draft lives on the dossier's row (dossiers.result_draft), and the dossiers table is the
 * workflow's: the draft is read with the dossier's row and written only by the lifecycle actions
 * (draft_result, approve_result, issue_result) in the dossier's transaction. The register entry an
 * issued draft gets is the registers module's table.
 */

export { insertResultEntry, nextResultNumber } from '../registers/repository.ts';
export { getDossierRow as findDossierRow } from '../workflow/repository.ts';
