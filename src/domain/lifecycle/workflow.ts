/*
 * Internal steps of a dossier inside "Đang xử lý" (docs/domain-vn.md §2.2, §2.3): each step has the role
 * responsible and an allowance. A procedure may publish its own steps; otherwise the default split of
 * its time limit applies [I] (provincial step allocations differ; keep them as data).
 */

export type StepRole = 'reception' | 'specialist' | 'leader';

export interface StepAllowance {
  amount: number;
  unit: 'working_days' | 'working_hours';
}

export interface WorkflowStep {
  key: string;
  name: string;
  role: StepRole;
  allowance: StepAllowance;
}

export interface ProcedureTimeLimit {
  amount: number;
  unit: 'same_day' | 'working_days' | 'working_hours' | 'calendar_days';
}

const HOURS_PER_DAY = 8;

function hours(n: number): StepAllowance {
  return { amount: Math.max(0, Math.round(n * 100) / 100), unit: 'working_hours' };
}

/**
 * Default steps: appraise (specialist) → approve (leader) → sign (leader). Signing issues the result
 * (status 9), which the one-stop desk then returns (status 10). The appraisal gets what is left after a quarter day for approval and for signature;
 * same-day procedures split the afternoon: 2 h appraise, 1 h approve, 1 h sign.
 */
export function defaultWorkflow(limit: ProcedureTimeLimit): WorkflowStep[] {
  const total =
    limit.unit === 'same_day'
      ? 4
      : limit.unit === 'working_hours'
        ? limit.amount
        : limit.unit === 'working_days'
          ? limit.amount * HOURS_PER_DAY
          : // Calendar days: about 5 working days in 7.
            Math.floor((limit.amount * 5) / 7) * HOURS_PER_DAY;
  const review = limit.unit === 'same_day' ? 1 : Math.min(2, total / 4);
  const appraise = Math.max(total - 2 * review, 0);
  return [
    { key: 'appraise', name: 'Thẩm định, xử lý hồ sơ', role: 'specialist', allowance: hours(appraise) },
    { key: 'approve', name: 'Lãnh đạo xem xét, phê duyệt', role: 'leader', allowance: hours(review) },
    { key: 'sign', name: 'Ký, đóng dấu, phát hành kết quả', role: 'leader', allowance: hours(review) },
  ];
}
