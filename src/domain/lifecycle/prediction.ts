import { addWorkingMinutes, type WorkCalendar, workingMinutesBetween } from '../calendar/work-calendar.ts';
import type { WorkflowStep } from './workflow.ts';

/*
 * Finish prediction of an open dossier (issue 18, item 6) from how long each step of its procedure
 * has really taken in the commune: the p80 of the step's durations over the last months (in working
 * minutes), or the province's when the commune has too few, or the step's allowance (the legal time
 * limit split into steps, workflow.ts) when the province has too few too. The dossier is flagged when
 * the predicted finish is after its appointment, with the step that makes it late in plain words.
 */

const MINUTES_PER_DAY = 8 * 60;

/** Fewest finished steps a duration is estimated from; below it the next source is used. */
export const MIN_SAMPLES = 5;

export type DurationSource = 'commune' | 'province' | 'allowance';

export interface StepDuration {
  /** Typical (median) and pessimistic (80th percentile) working minutes the step takes. */
  p50: number;
  p80: number;
  samples: number;
  source: DurationSource;
}

/** The q-quantile (0..1) of numbers, by linear interpolation between closest ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

function allowanceMinutes(step: WorkflowStep): number {
  return step.allowance.unit === 'working_days'
    ? step.allowance.amount * MINUTES_PER_DAY
    : step.allowance.amount * 60;
}

/** What a step's history says, kept instead of the durations themselves (a cache holds these). */
export interface DurationSummary {
  p50: number;
  p80: number;
  samples: number;
}

/** The median, 80th percentile and count of a step's durations (working minutes). */
export function summarise(values: readonly number[]): DurationSummary {
  return { p50: quantile(values, 0.5), p80: quantile(values, 0.8), samples: values.length };
}

/** The duration a step is expected to take: the commune's own history, else the province's, else its allowance. */
export function stepDuration(
  step: WorkflowStep,
  commune: readonly number[] | undefined,
  province: readonly number[] | undefined,
): StepDuration {
  return stepDurationOf(step, commune && summarise(commune), province && summarise(province));
}

/** stepDuration from summaries of the commune's and the province's history. */
export function stepDurationOf(
  step: WorkflowStep,
  commune: DurationSummary | undefined,
  province: DurationSummary | undefined,
): StepDuration {
  for (const [summary, source] of [
    [commune, 'commune'],
    [province, 'province'],
  ] as const) {
    if (summary && summary.samples >= MIN_SAMPLES) return { ...summary, source };
  }
  const m = allowanceMinutes(step);
  return { p50: m, p80: m, samples: 0, source: 'allowance' };
}

export interface PredictionInput {
  cal: WorkCalendar;
  now: Date;
  dueAt: Date;
  steps: readonly WorkflowStep[];
  stepIndex: number;
  /** When the dossier reached its current step. */
  stepStartedAt: Date;
  /** Expected duration of each step, by step key. */
  durations: ReadonlyMap<string, StepDuration>;
}

export interface Prediction {
  finishAt: Date;
  likelyLate: boolean;
  /** Working minutes between the predicted finish and the appointment (negative: late by that much). */
  slackMinutes: number;
  /** The step that weighs most in what is left, with the figures behind it; Vietnamese. */
  reason: string;
}

/** "3 ngày làm việc", "2 giờ làm việc", "30 phút làm việc": working time in words. */
export function workingTimeWords(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m >= MINUTES_PER_DAY) {
    const days = Math.round((m / MINUTES_PER_DAY) * 10) / 10;
    return `${String(days).replace('.', ',')} ngày làm việc`;
  }
  if (m >= 60) return `${String(Math.round((m / 60) * 10) / 10).replace('.', ',')} giờ làm việc`;
  return `${m} phút làm việc`;
}

const SOURCE_WORDS: Record<DurationSource, string> = {
  commune: 'theo hồ sơ của xã',
  province: 'theo hồ sơ của tỉnh (xã chưa đủ dữ liệu)',
  allowance: 'theo thời gian quy định cho bước (chưa đủ dữ liệu)',
};

/**
 * Predicts when an open dossier will be finished: what is left of the current step at its p80 (never
 * less than nothing), then each later step at its p80, counted on the working calendar from now.
 */
export function predictFinish(input: PredictionInput): Prediction {
  const { cal, now, steps, stepIndex, durations } = input;
  let remaining = 0;
  let heaviest: { step: WorkflowStep; minutes: number; d: StepDuration } | undefined;
  for (let i = stepIndex; i < steps.length; i++) {
    const step = steps[i]!;
    const d = durations.get(step.key) ?? stepDuration(step, undefined, undefined);
    const spent = i === stepIndex ? workingMinutesBetween(cal, input.stepStartedAt, now) : 0;
    const left = Math.max(d.p80 - spent, 0);
    remaining += left;
    if (!heaviest || left > heaviest.minutes) heaviest = { step, minutes: left, d };
  }
  const finishAt = addWorkingMinutes(cal, now, remaining);
  const toDue = now.getTime() >= input.dueAt.getTime() ? 0 : workingMinutesBetween(cal, now, input.dueAt);
  const slackMinutes = toDue - remaining;
  const likelyLate = finishAt.getTime() > input.dueAt.getTime();
  const h = heaviest;
  const reason = h
    ? `Bước ${h.step.name} thường mất ${workingTimeWords(h.d.p80)} (${SOURCE_WORDS[h.d.source]}${
        h.d.samples ? `, ${h.d.samples} lượt` : ''
      }); còn ${workingTimeWords(toDue)} đến hẹn trả, dự kiến cần ${workingTimeWords(remaining)}.`
    : 'Không còn bước xử lý.';
  return { finishAt, likelyLate, slackMinutes, reason };
}
