import type { NationalStatus, SubState } from './statuses.ts';
import type { StepRole, WorkflowStep } from './workflow.ts';

/*
 * The dossier lifecycle of Decree 118/2025 as typed data (docs/domain-vn.md §2.4, roles per §2.6). The table
 * is checked by the compiler: every action has exactly one entry, every status a legal national code.
 */

export const ACTIONS = [
  'accept',
  'refuse',
  'request_pre_supplement',
  'pre_supplement_received',
  'transfer',
  'assign',
  'complete_step',
  'return_step',
  'request_supplement',
  'supplement_received',
  'request_payment',
  'payment_received',
  'stop',
  'issue_result',
  'return_result',
  'withdraw',
  'confirm_withdrawal',
  'draft_apology',
  'approve_apology',
  'reject_apology',
  'draft_result',
  'approve_result',
] as const;

export type Action = (typeof ACTIONS)[number];
export type ActorRole = StepRole;

interface TransitionSpec {
  /** Statuses the action starts from. */
  from: readonly NationalStatus[];
  /** Sub-state the dossier must be in ('any' when it does not matter). */
  subState: SubState | 'any';
  /** Resulting status ('same' keeps it). */
  to: NationalStatus | 'same';
  /** Resulting sub-state ('same' keeps it). */
  toSubState: SubState | 'same';
  /** Who may act: fixed roles, or the role of the current workflow step. */
  roles: readonly ActorRole[] | 'current_step';
  reason: 'required' | 'optional';
  label: string;
}

export const TRANSITIONS = {
  accept: {
    from: [1],
    subState: 'none',
    to: 2,
    toSubState: 'same',
    roles: ['reception'],
    reason: 'optional',
    label: 'Tiếp nhận hồ sơ',
  },
  refuse: {
    from: [1],
    subState: 'any',
    to: 3,
    toSubState: 'none',
    roles: ['reception'],
    reason: 'required',
    label: 'Từ chối tiếp nhận',
  },
  request_pre_supplement: {
    from: [1],
    subState: 'none',
    to: 'same',
    toSubState: 'pre_supplement',
    roles: ['reception'],
    reason: 'required',
    label: 'Yêu cầu bổ sung trước khi tiếp nhận',
  },
  pre_supplement_received: {
    from: [1],
    subState: 'pre_supplement',
    to: 'same',
    toSubState: 'none',
    roles: ['reception'],
    reason: 'optional',
    label: 'Đã nhận bổ sung (trước tiếp nhận)',
  },
  transfer: {
    from: [2],
    subState: 'none',
    to: 4,
    toSubState: 'same',
    roles: ['reception'],
    reason: 'optional',
    label: 'Chuyển hồ sơ đến bộ phận giải quyết',
  },
  assign: {
    from: [4],
    subState: 'any',
    to: 'same',
    toSubState: 'same',
    roles: ['specialist', 'leader'],
    reason: 'optional',
    label: 'Phân công cán bộ xử lý',
  },
  complete_step: {
    from: [4],
    subState: 'none',
    to: 'same',
    toSubState: 'same',
    roles: 'current_step',
    reason: 'optional',
    label: 'Hoàn thành bước, chuyển bước tiếp theo',
  },
  return_step: {
    from: [4],
    subState: 'none',
    to: 'same',
    toSubState: 'same',
    roles: 'current_step',
    reason: 'required',
    label: 'Trả lại bước trước',
  },
  request_supplement: {
    from: [4],
    subState: 'none',
    to: 5,
    toSubState: 'same',
    roles: ['specialist'],
    reason: 'required',
    label: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  },
  supplement_received: {
    from: [5],
    subState: 'none',
    to: 4,
    toSubState: 'same',
    roles: ['reception'],
    reason: 'optional',
    label: 'Công dân đã bổ sung hồ sơ',
  },
  request_payment: {
    from: [4],
    subState: 'none',
    to: 6,
    toSubState: 'same',
    roles: ['specialist'],
    reason: 'required',
    label: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  },
  payment_received: {
    from: [6],
    subState: 'none',
    to: 4,
    toSubState: 'same',
    roles: ['reception'],
    reason: 'optional',
    label: 'Đã thực hiện nghĩa vụ tài chính',
  },
  stop: {
    from: [4, 5, 6],
    subState: 'any',
    to: 8,
    toSubState: 'none',
    roles: ['leader'],
    reason: 'required',
    label: 'Dừng xử lý hồ sơ',
  },
  issue_result: {
    from: [4],
    subState: 'none',
    to: 9,
    toSubState: 'same',
    roles: 'current_step',
    reason: 'optional',
    label: 'Ký, phát hành kết quả',
  },
  return_result: {
    from: [9],
    subState: 'none',
    to: 10,
    toSubState: 'same',
    roles: ['reception'],
    reason: 'optional',
    label: 'Trả kết quả cho công dân',
  },
  withdraw: {
    from: [1, 2, 4, 5, 6],
    subState: 'any',
    to: 7,
    toSubState: 'none',
    roles: ['reception'],
    reason: 'required',
    label: 'Công dân yêu cầu rút hồ sơ',
  },
  confirm_withdrawal: {
    from: [7],
    subState: 'none',
    to: 8,
    toSubState: 'same',
    roles: ['leader'],
    reason: 'optional',
    label: 'Xác nhận rút hồ sơ, dừng xử lý',
  },
  draft_apology: {
    from: [4, 5, 6],
    subState: 'none',
    to: 'same',
    toSubState: 'apology_pending',
    roles: ['specialist'],
    reason: 'required',
    label: 'Dự thảo văn bản xin lỗi, hẹn lại ngày trả',
  },
  approve_apology: {
    from: [4, 5, 6],
    subState: 'apology_pending',
    to: 'same',
    toSubState: 'none',
    roles: ['leader'],
    reason: 'optional',
    label: 'Duyệt văn bản xin lỗi, ghi nhận ngày hẹn mới',
  },
  reject_apology: {
    from: [4, 5, 6],
    subState: 'apology_pending',
    to: 'same',
    toSubState: 'none',
    roles: ['leader'],
    reason: 'required',
    label: 'Không duyệt văn bản xin lỗi',
  },
  // The result the commune drafts itself (src/domain/results/templates.ts): the specialist drafts at
  // their step, the leader approves at the signing step; issue_result then issues the approved draft.
  draft_result: {
    from: [4],
    subState: 'none',
    to: 'same',
    toSubState: 'same',
    roles: ['specialist'],
    reason: 'optional',
    label: 'Dự thảo kết quả giải quyết',
  },
  approve_result: {
    from: [4],
    subState: 'none',
    to: 'same',
    toSubState: 'same',
    roles: ['leader'],
    reason: 'optional',
    label: 'Duyệt dự thảo kết quả',
  },
} as const satisfies Record<Action, TransitionSpec>;

/** What the lifecycle needs to know about a dossier to decide an action. */
export interface LifecycleState {
  status: NationalStatus;
  subState: SubState;
  /** Index of the current workflow step while status is 4. */
  stepIndex: number;
  steps: readonly WorkflowStep[];
  /** The appointment has already been moved once by an apology. */
  rescheduled: boolean;
  /** The dossier is overdue or due within the warning window (apologies are for those only). */
  dueSoonOrOverdue: boolean;
  /** The procedure's result is drafted in motcua (a template exists); absent means no. */
  hasResultTemplate?: boolean;
  /** Where the result draft stands; absent means none. */
  resultDraft?: 'none' | 'drafted' | 'approved';
}

export type RefusalCode =
  | 'ILLEGAL_TRANSITION'
  | 'ROLE_NOT_ALLOWED'
  | 'REASON_REQUIRED'
  | 'ALREADY_RESCHEDULED'
  | 'NOT_DUE_YET'
  | 'NO_PREVIOUS_STEP'
  | 'NOT_LAST_STEP'
  | 'LAST_STEP'
  | 'NO_RESULT_TEMPLATE'
  | 'NOT_DRAFTING_STEP'
  | 'NO_RESULT_DRAFT';

export type Decision =
  | {
      ok: true;
      action: Action;
      to: NationalStatus;
      toSubState: SubState;
      stepIndex: number;
    }
  | { ok: false; code: RefusalCode };

/** Roles allowed to take an action now (the current step's role for step actions). */
export function rolesFor(action: Action, state: LifecycleState): readonly ActorRole[] {
  const spec: TransitionSpec = TRANSITIONS[action];
  if (spec.roles !== 'current_step') return spec.roles;
  const step = state.steps[state.stepIndex];
  return step ? [step.role] : [];
}

/** Decides whether `role` may take `action` on a dossier in `state`, and what follows. Pure. */
export function decide(action: Action, state: LifecycleState, role: ActorRole, reason?: string): Decision {
  const spec: TransitionSpec = TRANSITIONS[action];
  if (!spec.from.includes(state.status)) return { ok: false, code: 'ILLEGAL_TRANSITION' };
  if (spec.subState !== 'any' && spec.subState !== state.subState)
    return { ok: false, code: 'ILLEGAL_TRANSITION' };
  if (!rolesFor(action, state).includes(role)) return { ok: false, code: 'ROLE_NOT_ALLOWED' };
  if (spec.reason === 'required' && !reason?.trim()) return { ok: false, code: 'REASON_REQUIRED' };
  const last = state.steps.length - 1;
  let stepIndex = state.stepIndex;
  switch (action) {
    case 'transfer':
      stepIndex = 0;
      break;
    case 'complete_step':
      if (state.stepIndex >= last) return { ok: false, code: 'LAST_STEP' };
      stepIndex = state.stepIndex + 1;
      break;
    case 'return_step':
      if (state.stepIndex <= 0) return { ok: false, code: 'NO_PREVIOUS_STEP' };
      stepIndex = state.stepIndex - 1;
      break;
    case 'issue_result':
      if (state.stepIndex !== last) return { ok: false, code: 'NOT_LAST_STEP' };
      break;
    case 'draft_apology':
      if (state.rescheduled) return { ok: false, code: 'ALREADY_RESCHEDULED' };
      if (!state.dueSoonOrOverdue) return { ok: false, code: 'NOT_DUE_YET' };
      break;
    case 'approve_apology':
      if (state.rescheduled) return { ok: false, code: 'ALREADY_RESCHEDULED' };
      break;
    case 'draft_result':
      if (!state.hasResultTemplate) return { ok: false, code: 'NO_RESULT_TEMPLATE' };
      if (state.steps[state.stepIndex]?.role !== 'specialist')
        return { ok: false, code: 'NOT_DRAFTING_STEP' };
      break;
    case 'approve_result':
      if (!state.hasResultTemplate) return { ok: false, code: 'NO_RESULT_TEMPLATE' };
      if (state.stepIndex !== last) return { ok: false, code: 'NOT_LAST_STEP' };
      if (state.resultDraft !== 'drafted') return { ok: false, code: 'NO_RESULT_DRAFT' };
      break;
    default:
      break;
  }
  return {
    ok: true,
    action,
    to: spec.to === 'same' ? state.status : spec.to,
    toSubState: spec.toSubState === 'same' ? state.subState : spec.toSubState,
    stepIndex,
  };
}

/** Every action `role` may take now, in table order. */
export function availableActions(state: LifecycleState, role: ActorRole): Action[] {
  return ACTIONS.filter((a) => {
    const d = decide(a, state, role, 'x');
    return d.ok;
  });
}
