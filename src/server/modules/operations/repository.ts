import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

/*
 * All SQL of the operations page: outbox backlog and dead letters, delivery attempts (link_attempts,
 * written by the outbox worker) and population lookups (population_lookups, written by the lookup),
 * for a list of communes.
 */

const unitList = (unitCodes: string[]) =>
  sql.join(
    unitCodes.map((u) => sql`${u}`),
    sql`, `,
  );

type Row = Record<string, unknown>;
async function rows<T extends Row>(db: Executor, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}

const toDate = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

/** The population platform as a "link" of its own: a lookup that got an answer (found or not) succeeded. */
const POPULATION_ATTEMPTS = (units: SQL) => sql`
  SELECT unit_code, 'population' AS link, looked_up_at AS at, outcome IN ('found', 'not_found') AS ok
  FROM population_lookups WHERE unit_code IN (${units})`;

const ATTEMPTS = (units: SQL) => sql`
  SELECT unit_code, link, at, ok FROM link_attempts WHERE unit_code IN (${units})
  UNION ALL ${POPULATION_ATTEMPTS(units)}`;

export interface QueueFigures {
  unitCode: string;
  link: string;
  backlog: number;
  oldestPendingAt: Date | null;
  deadLettered: number;
  /** Unsent, not dead, due more than `lagMs` ago: the worker is not keeping up. */
  overdue: number;
}

/** Messages waiting per commune and outbox kind (only unsent rows are read: the pending index). */
export async function queueFigures(
  db: Executor,
  unitCodes: string[],
  now: Date,
  lagMs: number,
): Promise<QueueFigures[]> {
  if (unitCodes.length === 0) return [];
  const lagged = new Date(now.getTime() - lagMs);
  const r = await rows<Row>(
    db,
    sql`
    SELECT unit_code, kind,
      count(*) FILTER (WHERE dead_at IS NULL)::int AS backlog,
      min(created_at) FILTER (WHERE dead_at IS NULL) AS oldest,
      count(*) FILTER (WHERE dead_at IS NOT NULL)::int AS dead,
      count(*) FILTER (WHERE dead_at IS NULL AND next_attempt_at < ${lagged})::int AS overdue
    FROM outbox WHERE sent_at IS NULL AND unit_code IN (${unitList(unitCodes)})
    GROUP BY 1, 2`,
  );
  return r.map((x) => ({
    unitCode: String(x.unit_code),
    link: String(x.kind),
    backlog: Number(x.backlog),
    oldestPendingAt: toDate(x.oldest),
    deadLettered: Number(x.dead),
    overdue: Number(x.overdue),
  }));
}

export interface AttemptSummary {
  unitCode: string;
  link: string;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  /** Latest attempts first (at most `recent`), since `since`. */
  recent: Array<{ ok: boolean }>;
}

/**
 * Per commune and link (`split`; else per link over all the communes, unit code ''): last success and
 * failure in the retention, and the latest attempts.
 */
export async function attemptSummaries(
  db: Executor,
  unitCodes: string[],
  since: Date,
  recent: number,
  split: boolean,
): Promise<AttemptSummary[]> {
  if (unitCodes.length === 0) return [];
  const units = unitList(unitCodes);
  const part = split ? sql`unit_code` : sql`''`;
  const [last, latest] = await Promise.all([
    rows<Row>(
      db,
      sql`SELECT ${part} AS unit_code, link, max(at) FILTER (WHERE ok) AS ok_at, max(at) FILTER (WHERE NOT ok) AS ko_at
        FROM (${ATTEMPTS(units)}) a GROUP BY 1, 2`,
    ),
    rows<Row>(
      db,
      sql`SELECT unit_code, link, ok FROM (
          SELECT ${part} AS unit_code, link, ok, at, row_number() OVER (PARTITION BY ${part}, link ORDER BY at DESC) AS n
          FROM (${ATTEMPTS(units)}) a WHERE at >= ${since}) t
        WHERE n <= ${recent} ORDER BY unit_code, link, at DESC`,
    ),
  ]);
  const out = new Map<string, AttemptSummary>();
  const entry = (unitCode: string, link: string) => {
    const k = `${unitCode}\u0000${link}`;
    let e = out.get(k);
    if (!e) {
      e = { unitCode, link, lastSuccessAt: null, lastFailureAt: null, recent: [] };
      out.set(k, e);
    }
    return e;
  };
  for (const x of last) {
    const e = entry(String(x.unit_code), String(x.link));
    e.lastSuccessAt = toDate(x.ok_at);
    e.lastFailureAt = toDate(x.ko_at);
  }
  for (const x of latest) entry(String(x.unit_code), String(x.link)).recent.push({ ok: Boolean(x.ok) });
  return [...out.values()];
}

/** The latest error of each link (over the communes), for the card. */
export async function lastErrors(db: Executor, unitCodes: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (unitCodes.length === 0) return out;
  const units = unitList(unitCodes);
  const r = await rows<Row>(
    db,
    sql`SELECT DISTINCT ON (link) link, error FROM (
        SELECT link, at, error FROM link_attempts WHERE unit_code IN (${units}) AND NOT ok
        UNION ALL SELECT 'population', looked_up_at, error FROM population_lookups
          WHERE unit_code IN (${units}) AND outcome NOT IN ('found', 'not_found')
      ) e ORDER BY link, at DESC`,
  );
  for (const x of r) if (x.error) out.set(String(x.link), String(x.error));
  return out;
}

/** Attempts and failures per link and bucket (floor(epoch ms / bucketMs)) since `since`, all communes together. */
export async function bucketCounts(
  db: Executor,
  unitCodes: string[],
  since: Date,
  bucketMs: number,
): Promise<Array<{ link: string; bucket: number; attempts: number; failures: number }>> {
  if (unitCodes.length === 0) return [];
  const seconds = bucketMs / 1000;
  const r = await rows<Row>(
    db,
    sql`SELECT link, floor(extract(epoch FROM at) / ${seconds})::bigint AS bucket,
          count(*)::int AS attempts, count(*) FILTER (WHERE NOT ok)::int AS failures
        FROM (${ATTEMPTS(unitList(unitCodes))}) a WHERE at >= ${since} GROUP BY 1, 2`,
  );
  return r.map((x) => ({
    link: String(x.link),
    bucket: Number(x.bucket),
    attempts: Number(x.attempts),
    failures: Number(x.failures),
  }));
}

export interface DeadLetter {
  unitCode: string;
  id: string;
  link: string;
  dossierCode: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  deadAt: Date;
}

/** Dead-lettered messages, latest first (at most `limit`). */
export async function deadLetters(db: Executor, unitCodes: string[], limit: number): Promise<DeadLetter[]> {
  if (unitCodes.length === 0) return [];
  const r = await rows<Row>(
    db,
    sql`SELECT unit_code, id, kind, dossier_code, attempts, last_error, created_at, dead_at FROM outbox
        WHERE sent_at IS NULL AND dead_at IS NOT NULL AND unit_code IN (${unitList(unitCodes)})
        ORDER BY dead_at DESC, seq DESC LIMIT ${limit}`,
  );
  return r.map((x) => ({
    unitCode: String(x.unit_code),
    id: String(x.id),
    link: String(x.kind),
    dossierCode: x.dossier_code === null ? null : String(x.dossier_code),
    attempts: Number(x.attempts),
    lastError: x.last_error === null ? null : String(x.last_error),
    createdAt: new Date(x.created_at as string),
    deadAt: new Date(x.dead_at as string),
  }));
}
