import type { FeedbackAction } from '../../../domain/feedback/feedback.ts';
import type { AuthUser, Role } from '../identity/types.ts';
import { scopeCovers } from '../identity/types.ts';

export interface FeedbackUnit {
  code: string;
  provinceCode: string;
}

/**
 * Who takes each handling step, among the commune's own officers: any of them receives (accepts,
 * refuses, asks for information); a specialist or the leader drafts the answer; only the leader
 * approves it; the leader or the reception desk publishes it. Province officers and administrators read.
 */
export const FEEDBACK_ACTION_ROLES: Readonly<Record<FeedbackAction, readonly Role[]>> = {
  accept: ['reception', 'specialist', 'leader'],
  refuse: ['reception', 'specialist', 'leader'],
  request_info: ['reception', 'specialist', 'leader'],
  answer: ['specialist', 'leader'],
  approve: ['leader'],
  publish: ['reception', 'leader'],
};

/** Whether the user sees the commune's feedback (list, detail): its officers, its province, administrators. */
export function mayReadFeedback(user: Pick<AuthUser, 'role' | 'scope'>, unit: FeedbackUnit): boolean {
  return scopeCovers(user.scope, unit.code, unit.provinceCode);
}

/** Whether the user may take `action` on feedback of the commune. */
export function mayActOnFeedback(
  user: Pick<AuthUser, 'role' | 'scope'>,
  unit: FeedbackUnit,
  action: FeedbackAction,
): boolean {
  if (user.scope.kind !== 'unit' || user.scope.unitCode !== unit.code) return false;
  return FEEDBACK_ACTION_ROLES[action].includes(user.role);
}

/** The actions a user may take on the commune's feedback (the staff page shows only these). */
export function feedbackActionsOf(
  user: Pick<AuthUser, 'role' | 'scope'>,
  unit: FeedbackUnit,
): FeedbackAction[] {
  return (Object.keys(FEEDBACK_ACTION_ROLES) as FeedbackAction[]).filter((a) =>
    mayActOnFeedback(user, unit, a),
  );
}
