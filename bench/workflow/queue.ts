import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import { LatencyRecorder, type LatencySummary } from '../intake/stats.ts';

/*
 * Work queues: GET /api/v1/queues/{queue} for one officer under autocannon, and the floor — the SELECTs
 * the queue runs (src/server/modules/workflow/repository.ts `listQueue`, called from views.ts
 * `workQueue`), with the same parameters, straight through `pg`, plus their EXPLAIN ANALYZE plans.
 */

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  throughput: number;
  non2xx: number;
  errors: number;
  latency: LatencySummary;
}

/** Requests of one queue at one concurrency, accumulated over rounds. */
export class LoadRecorder {
  readonly latency = new LatencyRecorder();
  seconds = 0;
  non2xx = 0;
  errors = 0;
  constructor(readonly connections: number) {}

  result(): LoadResult {
    return {
      connections: this.connections,
      seconds: this.seconds,
      requests: this.latency.count,
      throughput: this.latency.count / this.seconds,
      non2xx: this.non2xx,
      errors: this.errors,
      latency: this.latency.summary(),
    };
  }
}

/** autocannon on one GET path with one session cookie for `seconds`; recorded when `rec` is given. */
export function getLoad(
  opts: { url: string; path: string; cookie: string; connections: number; seconds: number },
  rec?: LoadRecorder,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: opts.seconds,
        requests: [{ method: 'GET', path: opts.path, headers: { cookie: opts.cookie } }],
      },
      (err, result) => {
        if (err) return reject(err);
        if (rec) {
          rec.seconds += (performance.now() - start) / 1000;
          rec.errors += result.errors + result.timeouts;
        }
        resolve();
      },
    );
    // The typings omit the client argument that autocannon passes first.
    (instance as unknown as NodeJS.EventEmitter).on(
      'response',
      (_c: unknown, status: number, _b: number, ms: number) => {
        if (!rec) return;
        rec.latency.record(ms);
        if (status < 200 || status >= 300) rec.non2xx++;
      },
    );
  });
}

export interface QueueStatement {
  label: string;
  text: string;
  params: () => unknown[];
}

/**
 * The columns `listQueue` (src/server/modules/workflow/repository.ts) selects: the listed fields, the
 * current step's name read from the workflow in SQL, the time limit only when there is no workflow.
 */
const LISTED = `"code", "procedure_code", "applicant_name", "status", "sub_state", "step_index",
  "workflow" -> ("step_index"::int) ->> 'name', CASE WHEN "workflow" IS NULL THEN "time_limit" END, "received_at", "due_at"`;

/**
 * The statement behind one request of each queue for a specialist (views.ts `workQueue` →
 * `listQueue`): `mine` is one SELECT — assigned to me, or unassigned at a step of my role — and
 * `overdue` the deadline query; both ordered by appointment, limit 501.
 */
export function queueStatements(
  unitCode: string,
  userId: string,
): Record<'mine' | 'overdue', QueueStatement[]> {
  return {
    mine: [
      {
        label: 'mine: assigned to me or unassigned at a specialist step',
        text:
          `select ${LISTED} from "dossiers" where ("unit_code" = $1 and "status" in ($2) and ("assignee_id" = $3 ` +
          `or ("assignee_id" is null and "workflow" -> ("step_index"::int) ->> 'role' = $4))) order by "due_at" asc limit $5`,
        params: () => [unitCode, 4, userId, 'specialist', 501],
      },
    ],
    overdue: [
      {
        label: 'overdue',
        text: `select ${LISTED} from "dossiers" where ("unit_code" = $1 and "status" in ($2) and "due_at" <= $3) order by "due_at" asc limit $4`,
        params: () => [unitCode, 4, new Date(), 501],
      },
    ],
  };
}

/**
 * The statements of one queue request, `connections` loops for `seconds`, through `pool` (a pg.Pool
 * with `connections` connections, like the server's pool.query per statement).
 */
export async function queueFloor(
  pool: pg.Pool,
  statements: QueueStatement[],
  connections: number,
  seconds: number,
  rec?: LoadRecorder,
): Promise<void> {
  const start = performance.now();
  const end = start + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        for (const s of statements) await pool.query(s.text, s.params());
        rec?.latency.record(performance.now() - t0);
      } catch {
        if (rec) rec.errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  if (rec) rec.seconds += (performance.now() - start) / 1000;
}

export interface Plan {
  label: string;
  rows: number;
  text: string;
  /** Indexes the plan reads dossiers through. */
  indexes: string[];
  seqScan: boolean;
  /** Rows read from the table that the WHERE clause then threw away. */
  filteredOut: number;
  executionMs: number;
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statement with its parameters. */
export async function explain(url: string, statements: QueueStatement[]): Promise<Plan[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const plans: Plan[] = [];
    for (const s of statements) {
      const params = s.params();
      const rows = (await client.query(s.text, params)).rowCount ?? 0;
      const res = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${s.text}`,
        params,
      );
      const text = res.rows.map((r) => r['QUERY PLAN']).join('\n');
      const indexes = [
        ...text.matchAll(
          /(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)/g,
        ),
      ].map((m) => m[1] as string);
      const filteredOut = [...text.matchAll(/Rows Removed by Filter: (\d+)/g)].reduce(
        (a, m) => a + Number(m[1]),
        0,
      );
      plans.push({
        label: s.label,
        rows,
        text,
        indexes: [...new Set(indexes)],
        seqScan: /Seq Scan on dossiers/.test(text),
        filteredOut,
        executionMs: Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? Number.NaN),
      });
    }
    return plans;
  } finally {
    await client.end();
  }
}
