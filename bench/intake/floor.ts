import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { queryNamedInTransaction } from '../../src/server/db/pglite-statements.ts';
import { vnDateOf } from '../../src/domain/calendar/vn-time.ts';
import { formatDossierCode } from '../../src/domain/codes/dossier-code.ts';
import { type Commune, type ProcedureFacts, REPO_ROOT } from './fixtures.ts';
import { LatencyRecorder, type LatencySummary } from './stats.ts';

/*
 * The floor: the writes of one counter intake issued straight through the driver, with the same
 * concurrency as the HTTP run and nothing else (no HTTP, no session lookup, no validation, no JSON
 * schema, no ORM). The statements are the ones src/server/modules/dossiers/repository.ts runs
 * (`nextCounters`, then `insertIntake` without an Idempotency-Key), one placeholder per interpolated
 * value in the order drizzle numbers them. Keep them in step when the product's SQL changes.
 */

/** `nextCounters(tx, unit, ['code:<day>', 'book:<year>'])`. */
export const COUNTERS_SQL = `
    INSERT INTO unit_counters (unit_code, name, last) VALUES ($1, $2, 1), ($3, $4, 1)
    ON CONFLICT (unit_code, name) DO UPDATE SET last = unit_counters.last + 1
    RETURNING name, last`;

/** `insertIntake` with no idempotency key and no files: dossier, tracking-book row, audit event. */
export const INTAKE_SQL = `
    WITH idem AS (SELECT 1 AS ok),
    dossier AS (
      INSERT INTO dossiers (unit_code, code, province_code, procedure_code, field_code, channel, status,
        applicant_name, applicant_id_number, applicant_phone, applicant_address, applicant_email, subject,
        return_method, documents, time_limit, received_at, due_at, due_at_original, due_at_legal, received_by,
        book_volume, book_number, workflow, sub_state, intake_note)
      SELECT $1, $2, $3, $4, $5, $6,
        $7, $8, $9, $10, $11,
        $12, $13, $14, $15::jsonb,
        $16::jsonb, $17::timestamptz, $18::timestamptz,
        $19::timestamptz, $20::timestamptz, $21, $22, $23,
        $24::jsonb, $25, $26::jsonb
      WHERE EXISTS (SELECT 1 FROM idem)
      RETURNING code),
    book AS (
      INSERT INTO tracking_book (unit_code, volume, number, dossier_code, procedure_code, applicant_name,
        applicant_address, applicant_phone, sets, received_at, due_at, received_by)
      SELECT $27, $28, $29, code, $30, $31,
        $32, $33, 1, $34::timestamptz, $35::timestamptz,
        $36
      FROM dossier RETURNING 1),
    audit AS (
      INSERT INTO audit_events (unit_code, id, dossier_code, action, actor_user_id, actor_role, from_status,
        to_status, reason, request_id, data, at, seq, prev_hash, hash)
      SELECT $37, $38, code, $39, $40, $41, NULL,
        $42, $43, $44, $45::jsonb, $46::timestamptz,
        1, '', $47
      FROM dossier RETURNING 1)
    SELECT (SELECT count(*) FROM dossier) + (SELECT count(*) FROM book) + (SELECT count(*) FROM audit) AS ok`;

const REPOSITORY = path.join(REPO_ROOT, 'src/server/modules/dossiers/repository.ts');

function insertColumns(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(/INSERT INTO (\w+) \(([^)]*)\)/g)) {
    found.set(m[1] as string, (m[2] as string).replace(/\s+/g, ' ').trim());
  }
  return found;
}

/**
 * Tables whose inserted columns differ between the floor and the product's repository.ts: a floor out
 * of step with the product measures something else, so the bench says so next to the ratio.
 */
export function floorOutOfStep(): string[] {
  const product = insertColumns(fs.readFileSync(REPOSITORY, 'utf8'));
  const floor = insertColumns(COUNTERS_SQL + INTAKE_SQL);
  return [...floor.keys()].filter((table) => product.get(table) !== floor.get(table));
}

export interface FloorUnit extends Commune {
  /** The reception officer recorded as receiver (any uuid: the floor writes no user rows). */
  receiverId: string;
}

export function floorUnits(communes: readonly Commune[]): FloorUnit[] {
  return communes.map((c) => ({ ...c, receiverId: randomUUID() }));
}

/** Values of the counter statement and, once the numbers are known, of the intake statement. */
export function intakeValues(unit: FloorUnit, proc: ProcedureFacts) {
  const now = new Date();
  const day = vnDateOf(now);
  const year = day.slice(0, 4);
  const counterDay = `code:${day}`;
  const counterBook = `book:${year}`;
  return {
    counters: [unit.code, counterDay, unit.code, counterBook],
    intake(numbers: Map<string, number>): unknown[] {
      const code = formatDossierCode(unit.agencyCode, day, numbers.get(counterDay) ?? 0);
      const bookNumber = numbers.get(counterBook) ?? 0;
      const receivedAt = new Date().toISOString();
      // The product computes the due date from the working calendar; the floor only needs a value.
      const dueAt = new Date(Date.now() + 86_400_000).toISOString();
      const name = 'Nguyễn Văn Bình';
      const phone = '0912345678';
      const address = 'Ấp Tân Phong, xã Tân Thới, tỉnh Đồng Tháp';
      const data = JSON.stringify({ procedureCode: proc.code, dueAt, skipped: 0 });
      // The product hashes the event into the dossier's audit chain; the floor stores a hash-sized value.
      const hash = randomBytes(32).toString('hex');
      const receiver = unit.receiverId;
      // biome-ignore format: one line per column group, in the order of INTAKE_SQL's placeholders
      const dossier = [
        unit.code, code, unit.provinceCode, proc.code, proc.fieldCode, 1,
        2, name, '082095001234', phone, address,
        null, proc.name, 'counter', JSON.stringify(proc.documents),
        JSON.stringify(proc.timeLimit), receivedAt, dueAt,
        dueAt, dueAt, receiver, year, bookNumber,
        proc.workflow, 'none', 'null',
      ];
      // biome-ignore format: as above
      const book = [
        unit.code, year, bookNumber, proc.code, name,
        address, phone, receivedAt, dueAt,
        receiver,
      ];
      // biome-ignore format: as above
      const audit = [
        unit.code, randomUUID(), 'intake', receiver, 'reception',
        2, null, randomUUID(), data, receivedAt,
        hash,
      ];
      const values = [...dossier, ...book, ...audit];
      if (values.length !== INTAKE_PLACEHOLDERS)
        throw new Error(`${values.length} values for ${INTAKE_PLACEHOLDERS} placeholders`);
      return values;
    },
  };
}

/** The highest `$n` of a statement: the number of values it must be given. */
export function placeholderCount(text: string): number {
  return Math.max(0, ...[...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
}
const INTAKE_PLACEHOLDERS = placeholderCount(INTAKE_SQL);

export function numbersOf(rows: Array<{ name: string; last: number | string }>): Map<string, number> {
  return new Map(rows.map((r) => [r.name, Number(r.last)]));
}

function checkWritten(rows: Array<{ ok: number | string | null }>) {
  const written = Number(rows[0]?.ok ?? 0);
  if (written !== 3) throw new Error(`intake wrote ${written} of 3 rows`);
}

export interface FloorResult {
  seconds: number;
  ops: number;
  errors: number;
  firstError?: string;
  throughput: number;
  latency: LatencySummary;
}

/** Runs `one` from `workers` concurrent loops for `ms`, timing each completed call. */
async function drive(one: () => Promise<void>, workers: number, ms: number): Promise<FloorResult> {
  const recorder = new LatencyRecorder();
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const end = start + ms;
  const loop = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        await one();
        recorder.record(performance.now() - t0);
      } catch (err) {
        errors++;
        firstError ??= (err as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, loop));
  const seconds = (performance.now() - start) / 1000;
  return {
    seconds,
    ops: recorder.count,
    errors,
    firstError,
    throughput: recorder.count / seconds,
    latency: recorder.summary(),
  };
}

export interface FloorRun {
  warmupMs: number;
  durationMs: number;
  workers: number;
  /** Called between the warm-up and the measured window (CPU sampling starts there). */
  onMeasureStart?: () => void;
}

/** PostgreSQL floor: a pg.Pool of `workers` connections, one transaction per intake. */
export async function postgresFloor(url: string, units: FloorUnit[], proc: ProcedureFacts, run: FloorRun) {
  const pool = new pg.Pool({ connectionString: url, max: run.workers });
  let next = 0;
  const one = async () => {
    const unit = units[next++ % units.length] as FloorUnit;
    const v = intakeValues(unit, proc);
    const client = await pool.connect();
    try {
      await client.query('begin');
      // Named statements, parsed and planned once per connection, as the product runs them.
      const counters = await client.query<{ name: string; last: number | string }>({
        name: 'floor_counters',
        text: COUNTERS_SQL,
        values: v.counters,
      });
      const written = await client.query<{ ok: number | string | null }>({
        name: 'floor_intake',
        text: INTAKE_SQL,
        values: v.intake(numbersOf(counters.rows)),
      });
      checkWritten(written.rows);
      await client.query('commit');
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };
  try {
    // Open every connection before timing anything.
    const opened = await Promise.all(Array.from({ length: run.workers }, () => pool.connect()));
    for (const c of opened) c.release();
    // One intake outside the timed loops, so a statement out of step with the schema fails loudly.
    await one();
    const warmup = await drive(one, run.workers, run.warmupMs);
    run.onMeasureStart?.();
    const measured = await drive(one, run.workers, run.durationMs);
    return { measured, committed: 1 + warmup.ops + measured.ops };
  } finally {
    await pool.end();
  }
}

/** PGlite floor: one instance, `db.transaction()` per intake with the two statements prepared by name, `workers` promise loops sharing it. */
export async function pgliteFloor(db: PGlite, units: FloorUnit[], proc: ProcedureFacts, run: FloorRun) {
  let next = 0;
  const one = async () => {
    const unit = units[next++ % units.length] as FloorUnit;
    const v = intakeValues(unit, proc);
    await db.transaction(async () => {
      // Named prepared statements, as the product runs them on PGlite (and as the PostgreSQL floor does).
      const counters = await queryNamedInTransaction<{ name: string; last: number | string }>(
        db,
        'floor_counters',
        COUNTERS_SQL,
        v.counters,
      );
      const written = await queryNamedInTransaction<{ ok: number | string | null }>(
        db,
        'floor_intake',
        INTAKE_SQL,
        v.intake(numbersOf(counters.rows)),
      );
      checkWritten(written.rows);
    });
  };
  await one();
  const warmup = await drive(one, run.workers, run.warmupMs);
  run.onMeasureStart?.();
  const measured = await drive(one, run.workers, run.durationMs);
  return { measured, committed: 1 + warmup.ops + measured.ops };
}
