import type { IntakeDecision } from './events.ts';
import type { NationalStatus, SubState } from './statuses.ts';

/*
 * The counter's decision on a dossier brought in, as a rule (docs/domain-vn.md §2.4): accepted
 * (status 2, the clock starts), refused (3) or returned for completion before acceptance (1, sub-state
 * pre_supplement). Pure: the intake use case (src/server/modules/dossiers) applies it.
 */

export interface IntakeOutcome {
  status: NationalStatus;
  subState: SubState;
  /** Only an accepted dossier gets an appointment; the others carry their time of receipt. */
  startsClock: boolean;
}

export function intakeOutcome(decision: IntakeDecision): IntakeOutcome {
  switch (decision) {
    case 'accept':
      return { status: 2, subState: 'none', startsClock: true };
    case 'refuse':
      return { status: 3, subState: 'none', startsClock: false };
    case 'supplement':
      return { status: 1, subState: 'pre_supplement', startsClock: false };
  }
}

/** A document of the procedure's checklist and what the applicant brought of it. */
export interface ChecklistItem {
  id: string;
  name: string;
  required: boolean;
}
export interface BroughtDocument {
  id: string;
  originals: number;
  certifiedCopies: number;
  photocopies: number;
}

/** The required documents of which not one copy was brought. */
export function missingDocuments(checklist: readonly ChecklistItem[], brought: readonly BroughtDocument[]) {
  const byId = new Map(brought.map((d) => [d.id, d]));
  return checklist.filter((p) => {
    const t = byId.get(p.id);
    return p.required && (!t || t.originals + t.certifiedCopies + t.photocopies === 0);
  });
}
