import { z } from 'zod';

/*
 * Faults a stand-in injects on command (POST /__admin/faults), so the product's clients and worker
 * are tested against the failures a provincial link really has: slow answers, 5xx, no answer at all,
 * connections cut mid-request, bodies that do not parse, and the same online dossier delivered twice.
 */

export const FaultModeSchema = z.enum(['none', 'status', 'timeout', 'reset', 'malformed', 'duplicate']);
export type FaultMode = z.infer<typeof FaultModeSchema>;

export const FaultPlanSchema = z.object({
  mode: FaultModeSchema.default('none'),
  /** Added before every affected answer (alone with mode 'none': only slow). */
  latencyMs: z.number().int().min(0).max(600_000).default(0),
  /** HTTP status for mode 'status' (5xx, 429, or any other to test permanent failures). */
  status: z.number().int().min(400).max(599).default(503),
  /** How many requests the fault affects; absent = until cleared. */
  times: z.number().int().min(1).optional(),
  /** Only requests whose path starts with this are affected; absent = every non-admin path. */
  pathPrefix: z.string().startsWith('/').optional(),
});
export type FaultPlan = z.infer<typeof FaultPlanSchema>;

export interface FaultState {
  plan: FaultPlan;
  /** Requests the current plan affected so far. */
  applied: number;
}

/** The fault for one request (and counts it), or undefined when the request is served normally. */
export function takeFault(state: FaultState, path: string): FaultPlan | undefined {
  const p = state.plan;
  if (p.mode === 'none' && p.latencyMs === 0) return undefined;
  if (p.pathPrefix && !path.startsWith(p.pathPrefix)) return undefined;
  if (p.times !== undefined && state.applied >= p.times) return undefined;
  state.applied++;
  return p;
}

export function noFaults(): FaultState {
  return { plan: FaultPlanSchema.parse({}), applied: 0 };
}
