import type { CpuFigures, LatencySummary } from '../intake/stats.ts';
import type { TransitionResult } from './lifecycle.ts';
import type { LoadResult, Plan } from './queue.ts';
import type { StepCheck } from './step-check.ts';

/* Printing the workflow bench: figures, ratios to the floor, targets, plans and suggestions. */

export const TARGETS = { transitionP95Ms: 50, queueP95Ms: 10, minDossiers: 1_000_000 } as const;

export interface Dataset {
  dossiers: number;
  sizePretty: string;
  auditEventsEstimate: number;
  unitCode: string;
  unitDossiers: number;
  unitProcessing: number;
  assignedToOfficer: number;
  unassignedAtSpecialistStep: number;
  overdue: number;
  generatedSeconds?: number;
}

export interface QueueReport {
  queue: 'mine' | 'overdue';
  items: number;
  http: LoadResult[];
  floor: LoadResult[];
  plans: Plan[];
}

export interface WorkflowReport {
  environment: string;
  dataset: Dataset;
  transitions: {
    http: TransitionResult & { cpu: CpuFigures };
    floor: TransitionResult;
    clients: number;
    dossiers: number;
  };
  queues: QueueReport[];
  stepCheck?: StepCheck;
  notes: string[];
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const lat = (l: LatencySummary) => `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}`;
const n = (v: number) => Math.round(v).toLocaleString('en-US');
const pad = (s: string, w: number) => s.padEnd(w);

export function targetsOf(r: WorkflowReport) {
  const single = (q: QueueReport) => q.http.find((h) => h.connections === 1);
  return [
    {
      name: `transitions p95 ≤ ${TARGETS.transitionP95Ms} ms`,
      ok: r.transitions.http.latency.p95 <= TARGETS.transitionP95Ms && r.transitions.http.errors === 0,
      value: `${ms(r.transitions.http.latency.p95)} ms`,
    },
    ...r.queues.map((q) => ({
      name: `GET /api/v1/queues/${q.queue} p95 ≤ ${TARGETS.queueP95Ms} ms (one officer, 1 connection)`,
      ok:
        (single(q)?.latency.p95 ?? Number.POSITIVE_INFINITY) <= TARGETS.queueP95Ms &&
        (single(q)?.non2xx ?? 1) === 0,
      value: `${ms(single(q)?.latency.p95 ?? Number.NaN)} ms`,
    })),
    {
      name: `at ≥ ${n(TARGETS.minDossiers)} dossiers`,
      ok: r.dataset.dossiers >= TARGETS.minDossiers,
      value: n(r.dataset.dossiers),
    },
  ];
}

export function printReport(r: WorkflowReport) {
  const d = r.dataset;
  const t = r.transitions;
  console.log('');
  console.log('== motcua workflow bench: lifecycle transitions and work queues ==');
  console.log(`  ${r.environment}`);
  console.log(
    `  dataset: ${n(d.dossiers)} dossiers (database ${d.sizePretty}, ~${n(d.auditEventsEstimate)} audit events)` +
      (d.generatedSeconds ? `, generated in ${d.generatedSeconds.toFixed(0)} s` : ''),
  );
  console.log(
    `  commune ${d.unitCode}: ${n(d.unitDossiers)} dossiers, ${n(d.unitProcessing)} processing (status 4): ` +
      `${n(d.assignedToOfficer)} assigned to the officer, ${n(d.unassignedAtSpecialistStep)} unassigned at a specialist step, ${n(d.overdue)} overdue`,
  );

  console.log('');
  console.log(
    `Transitions — ${t.clients} clients each driving its own dossiers (${n(t.dossiers)} dossiers, 5 demo communes), ` +
      'transfer → complete_step ×2 → issue_result → return_result',
  );
  console.log(
    `  ${pad('action', 28)}${pad('HTTP p50/p95/p99 ms', 24)}${pad('floor p50/p95/p99 ms', 24)}p95 ratio`,
  );
  const rows = [...Object.keys(t.http.byAction), 'all'];
  for (const key of rows) {
    const h = key === 'all' ? t.http.latency : t.http.byAction[key];
    const f = key === 'all' ? t.floor.latency : t.floor.byAction[key];
    if (!h || !f) continue;
    console.log(`  ${pad(key, 28)}${pad(lat(h), 24)}${pad(lat(f), 24)}${(h.p95 / f.p95).toFixed(1)}×`);
  }
  console.log(
    `  throughput: HTTP ${n(t.http.throughput)} transitions/s (${n(t.http.transitions)} in ${t.http.seconds.toFixed(1)} s), ` +
      `floor ${n(t.floor.throughput)}/s → ratio ${(t.http.throughput / t.floor.throughput).toFixed(2)}`,
  );
  const c = t.http.cpu;
  console.log(
    `  CPU per transition: server ${c.serverMsPerOp?.toFixed(2) ?? '?'} ms, PostgreSQL ${c.postgresMsPerOp?.toFixed(2) ?? '?'} ms, ` +
      `load generator ${c.benchMsPerOp.toFixed(2)} ms; machine ${c.machineBusyPct?.toFixed(0) ?? '?'} % busy (${c.cpus} CPUs)`,
  );
  if (t.http.errors || t.floor.errors) {
    console.log(
      `  ERRORS: HTTP ${t.http.errors} (${t.http.firstError ?? ''}), floor ${t.floor.errors} (${t.floor.firstError ?? ''})`,
    );
  }

  for (const q of r.queues) {
    console.log('');
    console.log(`Work queue GET /api/v1/queues/${q.queue} as the officer (${q.items} items)`);
    console.log(
      `  ${pad('connections', 14)}${pad('HTTP p50/p95/p99 ms', 24)}${pad('req/s', 9)}${pad('floor p50/p95/p99 ms', 24)}${pad('req/s', 9)}ratio req/s, p95`,
    );
    q.http.forEach((h, i) => {
      const f = q.floor[i];
      if (!f) return;
      console.log(
        `  ${pad(String(h.connections), 14)}${pad(lat(h.latency), 24)}${pad(n(h.throughput), 9)}${pad(lat(f.latency), 24)}${pad(n(f.throughput), 9)}` +
          `${(h.throughput / f.throughput).toFixed(2)}, ${(h.latency.p95 / f.latency.p95).toFixed(1)}×` +
          (h.non2xx || h.errors ? `  (non-2xx ${h.non2xx}, errors ${h.errors})` : ''),
      );
    });
    for (const p of q.plans) {
      console.log(
        `  plan — ${p.label}: ${p.rows} rows, ${p.executionMs.toFixed(2)} ms, ` +
          `${p.seqScan ? 'SEQ SCAN on dossiers' : `index ${p.indexes.join(', ') || '(none)'}`}` +
          (p.filteredOut ? `, ${n(p.filteredOut)} rows read then filtered out` : ''),
      );
      for (const line of p.text.split('\n')) console.log(`      ${line}`);
    }
  }

  console.log('');
  console.log('Targets');
  for (const tg of targetsOf(r)) console.log(`  ${tg.ok ? 'OK    ' : 'MISSED'} ${tg.name}: ${tg.value}`);
  if (r.stepCheck) {
    if (r.stepCheck.outOfStep.length === 0)
      console.log(
        '  floor in step with the product: every action ran the floor’s statements inside its transaction',
      );
    for (const o of r.stepCheck.outOfStep) {
      console.log(
        `  FLOOR OUT OF STEP (${o.action}): the product ran ${o.product.length} statements, the floor ${o.floor.length}; update bench/workflow/floor.ts`,
      );
      for (const [i, s] of o.product.entries()) {
        const f = o.floor[i] ?? '';
        if (s === f) {
          console.log(`      same:    ${s.slice(0, 100)}`);
          continue;
        }
        // Where the texts part: 60 characters of each from there.
        let at = 0;
        while (at < s.length && s[at] === f[at]) at++;
        console.log(`      product: …${s.slice(Math.max(0, at - 20), at + 60)}`);
        console.log(`      floor:   …${f.slice(Math.max(0, at - 20), at + 60)}`);
      }
    }
    const outside = Object.values(r.stepCheck.outside)[0];
    if (outside)
      console.log(
        `  outside the transaction (not in the floor), per action: ${outside.length} statements — ${outside.map((s) => s.slice(0, 40)).join(' | ')}`,
      );
  }
  for (const note of r.notes) console.log(`  note: ${note}`);
}

/** Suggestions drawn from the plans: a sequential scan means a missing index; filtered rows mean a wide one. */
export function suggestions(r: WorkflowReport): string[] {
  const out: string[] = [];
  for (const q of r.queues) {
    for (const p of q.plans) {
      if (p.seqScan)
        out.push(
          `${p.label}: sequential scan of dossiers — add an index leading with (unit_code, status, …)`,
        );
      else if (p.filteredOut > 5 * Math.max(p.rows, 1))
        out.push(
          `${p.label}: ${n(p.filteredOut)} rows read and discarded for ${p.rows} returned — the index does not cover the filter`,
        );
    }
  }
  return out;
}
