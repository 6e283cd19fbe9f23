import type { TimeLimit } from '../../../domain/calendar/time-limit.ts';
import { type WorkCalendar, workingMinutesBetween } from '../../../domain/calendar/work-calendar.ts';
import {
  type DurationSummary,
  MIN_SAMPLES,
  type Prediction,
  predictFinish,
  type StepDuration,
  stepDurationOf,
  summarise,
} from '../../../domain/lifecycle/prediction.ts';
import { defaultWorkflow, type WorkflowStep } from '../../../domain/lifecycle/workflow.ts';
import type { Executor } from '../../db/client.ts';
import * as repo from './repository.ts';

/** How far back step durations are learnt from [I] (long enough for rare procedures, recent enough to follow staffing). */
export const PREDICTION_MONTHS = 6;
/** Most finished steps read per commune or province per load. */
const HISTORY_LIMIT = 20_000;
/**
 * How long a commune's or province's step durations are kept per process before they are read again.
 * The prediction is an estimate learnt over six months: a step finished in the last minutes changes
 * it by little, and reading and counting up to 20,000 steps on every queue request cost 100+ ms.
 */
export const STEP_DURATIONS_TTL_MS = 10 * 60_000;
/** Entries kept per process before the cache is emptied (communes and provinces × procedures). */
const CACHE_MAX_ENTRIES = 50_000;

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

/** A procedure's step durations in one commune or province, by step key. */
type Summaries = ReadonlyMap<string, DurationSummary>;
interface Entry {
  /** ctx.now() when read (tests move the clock; a move of more than the TTL either way reloads). */
  at: number;
  steps: Summaries;
}
/** One cache per database (per running app: tests build several, each with its own database). */
const caches = new WeakMap<object, Map<string, Entry>>();

function cacheOf(db: Executor) {
  const found = caches.get(db);
  if (found) return found;
  const cache = new Map<string, Entry>();
  caches.set(db, cache);
  return cache;
}

/**
 * The step durations of `procedureCodes` in a commune (`unitCode`) or a whole province, from the
 * per-process cache, reading the missing or expired procedures in one query.
 */
async function durationsOf(
  db: Executor,
  cal: WorkCalendar,
  now: Date,
  where: { unitCode?: string; provinceCode: string },
  procedureCodes: readonly string[],
): Promise<Map<string, Summaries>> {
  const cache = cacheOf(db);
  const scope = where.unitCode ? `u:${where.unitCode}` : `p:${where.provinceCode}`;
  const out = new Map<string, Summaries>();
  const missing: string[] = [];
  for (const p of procedureCodes) {
    const hit = cache.get(`${scope}|${p}`);
    if (hit && Math.abs(now.getTime() - hit.at) <= STEP_DURATIONS_TTL_MS) out.set(p, hit.steps);
    else missing.push(p);
  }
  if (missing.length === 0) return out;
  const since = new Date(now.getTime());
  since.setUTCMonth(since.getUTCMonth() - PREDICTION_MONTHS);
  const rows = await repo.listFinishedSteps(db, { ...where, procedureCodes: missing, since }, HISTORY_LIMIT);
  const minutes = new Map<string, Map<string, number[]>>(missing.map((p) => [p, new Map()]));
  for (const r of rows) {
    if (!r.endedAt) continue;
    const steps = minutes.get(r.procedureCode);
    if (!steps) continue;
    const list = steps.get(r.stepKey) ?? [];
    list.push(workingMinutesBetween(cal, r.handedAt, r.endedAt));
    steps.set(r.stepKey, list);
  }
  if (cache.size + missing.length > CACHE_MAX_ENTRIES) cache.clear();
  for (const [p, steps] of minutes) {
    const summaries = new Map([...steps].map(([key, values]) => [key, summarise(values)]));
    cache.set(`${scope}|${p}`, { at: now.getTime(), steps: summaries });
    out.set(p, summaries);
  }
  return out;
}

/**
 * Predicted finish of each open dossier in processing (status 4, not paused) of one commune, from the
 * commune's and the province's finished steps of the same procedures (domain/lifecycle/prediction.ts),
 * kept per process for STEP_DURATIONS_TTL_MS.
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
  const commune = await durationsOf(db, cal, now, where, procedureCodes);
  // The province is read only for the procedures the commune has too little history of.
  const thin = procedureCodes.filter((p) =>
    working
      .filter((d) => d.procedureCode === p)
      .some((d) => stepsOf(d).some((s) => (commune.get(p)?.get(s.key)?.samples ?? 0) < MIN_SAMPLES)),
  );
  const province = thin.length
    ? await durationsOf(db, cal, now, { provinceCode: where.provinceCode }, thin)
    : new Map<string, Summaries>();
  for (const d of working) {
    const steps = stepsOf(d);
    const durations = new Map<string, StepDuration>(
      steps.map((s) => [
        s.key,
        stepDurationOf(
          s,
          commune.get(d.procedureCode)?.get(s.key),
          province.get(d.procedureCode)?.get(s.key),
        ),
      ]),
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
