import type { TimeLimit } from '../../../domain/calendar/time-limit.ts';
import { type WorkCalendar, workingMinutesBetween } from '../../../domain/calendar/work-calendar.ts';
import {
  MIN_SAMPLES,
  type Prediction,
  predictFinish,
  type StepDuration,
  stepDuration,
} from '../../../domain/lifecycle/prediction.ts';
import { defaultWorkflow, type WorkflowStep } from '../../../domain/lifecycle/workflow.ts';
import type { Executor } from '../../db/client.ts';
import * as repo from './repository.ts';

/** How far back step durations are learnt from [I] (long enough for rare procedures, recent enough to follow staffing). */
export const PREDICTION_MONTHS = 6;
/** Most finished steps read per commune or province per request. */
const HISTORY_LIMIT = 20_000;

/** An open dossier as the prediction needs it. */
export interface OpenDossier {
  code: string;
  procedureCode: string;
  status: number;
  stepIndex: number;
  dueAt: Date;
  stepStartedAt: Date | null;
  pausedAt: Date | null;
  workflow: unknown;
  procedureTimeLimit: unknown;
}

function stepsOf(d: OpenDossier): WorkflowStep[] {
  return (d.workflow as WorkflowStep[] | null) ?? defaultWorkflow(d.procedureTimeLimit as TimeLimit);
}

type Samples = Map<string, number[]>;

function collect(cal: WorkCalendar, rows: Awaited<ReturnType<typeof repo.listFinishedSteps>>): Samples {
  const out: Samples = new Map();
  for (const r of rows) {
    if (!r.endedAt) continue;
    const key = `${r.procedureCode}|${r.stepKey}`;
    const list = out.get(key) ?? [];
    list.push(workingMinutesBetween(cal, r.handedAt, r.endedAt));
    out.set(key, list);
  }
  return out;
}

/**
 * Predicted finish of each open dossier in processing (status 4, not paused) of one commune, from the
 * commune's and the province's finished steps of the same procedures (domain/lifecycle/prediction.ts).
 */
export async function predictOpen(
  db: Executor,
  cal: WorkCalendar,
  now: Date,
  where: { unitCode: string; provinceCode: string },
  open: readonly OpenDossier[],
): Promise<Map<string, Prediction>> {
  const out = new Map<string, Prediction>();
  const working = open.filter((d) => d.status === 4 && !d.pausedAt && d.stepStartedAt);
  if (working.length === 0) return out;
  const procedureCodes = [...new Set(working.map((d) => d.procedureCode))];
  const since = new Date(now.getTime());
  since.setUTCMonth(since.getUTCMonth() - PREDICTION_MONTHS);
  const commune = collect(
    cal,
    await repo.listFinishedSteps(db, { ...where, procedureCodes, since }, HISTORY_LIMIT),
  );
  // The province is read only for the procedures the commune has too little history of.
  const thin = procedureCodes.filter((p) =>
    working
      .filter((d) => d.procedureCode === p)
      .some((d) => stepsOf(d).some((s) => (commune.get(`${p}|${s.key}`)?.length ?? 0) < MIN_SAMPLES)),
  );
  const province = thin.length
    ? collect(
        cal,
        await repo.listFinishedSteps(
          db,
          { provinceCode: where.provinceCode, procedureCodes: thin, since },
          HISTORY_LIMIT,
        ),
      )
    : new Map<string, number[]>();
  for (const d of working) {
    const steps = stepsOf(d);
    const durations = new Map<string, StepDuration>(
      steps.map((s) => {
        const key = `${d.procedureCode}|${s.key}`;
        return [s.key, stepDuration(s, commune.get(key), province.get(key))];
      }),
    );
    out.set(
      d.code,
      predictFinish({
        cal,
        now,
        dueAt: d.dueAt,
        steps,
        stepIndex: d.stepIndex,
        stepStartedAt: d.stepStartedAt!,
        durations,
      }),
    );
  }
  return out;
}

/** The deadline state shown for an open dossier: overdue, at risk by the prediction, or on track. */
export function predictedState(
  now: Date,
  dueAt: Date,
  prediction: Prediction | undefined,
  fallback: () => 'on_track' | 'due_soon' | 'overdue',
) {
  if (now.getTime() > dueAt.getTime()) return 'overdue' as const;
  if (!prediction) return fallback();
  return prediction.likelyLate ? ('due_soon' as const) : ('on_track' as const);
}

export function presentPrediction(p: Prediction | undefined) {
  return p ? { finishAt: p.finishAt.toISOString(), likelyLate: p.likelyLate, reason: p.reason } : null;
}
