/*
 * Guidance for officers who were never trained (issue 16 item 4): what the reception officer checks
 * per procedure, and what each lifecycle step's officer does and by when. Guides are data: seeded from
 * content.ts, then edited (as new versions) by the province administrator. Every field is plain text:
 * the pages render it as text, never as HTML.
 */
import { z } from 'zod';
import { text } from '../text/text-schema.ts';

const line = text({ min: 1, max: 600, multiline: true });
const lines = (max: number) => z.array(line).max(max);

/** The intake guide of one procedure. */
export const IntakeGuideBody = z.object({
  /** What to check before accepting. */
  checks: lines(30).min(1),
  /** Mistakes officers and applicants commonly make. */
  mistakes: lines(30),
  /** Which documents may be copies, and what kind of copy. */
  copies: lines(30),
  /** When to refuse, with the lawful reasons to write on the refusal slip. */
  refusals: lines(30),
  /** Anything else worth knowing; optional. */
  notes: text({ max: 2000, multiline: true }).optional(),
});
export type IntakeGuideBody = z.infer<typeof IntakeGuideBody>;

/** The guide of one lifecycle step. */
export const StepGuideBody = z.object({
  /** What the step's officer must do, in order. */
  todo: lines(30).min(1),
  /** By when, in words (the page shows the dossier's own step deadline beside it). */
  deadline: line,
  /** Who does it. */
  who: text({ min: 1, max: 200 }),
});
export type StepGuideBody = z.infer<typeof StepGuideBody>;

/** The lifecycle steps that have a guide, in the order a dossier meets them. */
export const STEP_KEYS = [
  'intake',
  'transfer',
  'appraise',
  'approve',
  'sign',
  'supplement',
  'payment',
  'return',
  'overdue',
] as const;
export type StepKey = (typeof STEP_KEYS)[number];

export interface DossierStepView {
  status: number;
  subState?: string | null;
  currentStepKey?: string | null;
}

/**
 * The step guide that applies to a dossier now: the status decides, and inside "Đang xử lý" the
 * current workflow step (a procedure's own step keys fall back to the appraisal guide).
 */
export function stepKeyFor(d: DossierStepView): StepKey | undefined {
  switch (d.status) {
    case 1:
      return 'intake';
    case 2:
      return 'transfer';
    case 4: {
      const k = d.currentStepKey;
      if (k === 'approve' || k === 'sign') return k;
      return 'appraise';
    }
    case 5:
      return 'supplement';
    case 6:
      return 'payment';
    case 9:
      return 'return';
    default:
      return undefined;
  }
}
