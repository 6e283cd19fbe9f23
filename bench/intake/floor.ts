import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { vnDateOf } from '../../src/domain/calendar/vn-time.ts';
import { dossierCodePrefix } from '../../src/domain/codes/dossier-code.ts';
import { queryNamed } from '../../src/server/db/pglite-statements.ts';
import { type Commune, type ProcedureFacts, REPO_ROOT } from './fixtures.ts';
import { LatencyRecorder, type LatencySummary } from './stats.ts';

/*
 * The floor: the writes of one counter intake issued straight through the driver, with the same
 * concurrency as the HTTP run and nothing else (no HTTP, no session lookup, no validation, no JSON
 * schema, no ORM). The statement is the one src/server/modules/dossiers/repository.ts runs
 * (`writeIntake` without an Idempotency-Key and without files): counters, dossier, tracking-book row
 * and audit event in one statement, one placeholder per interpolated value in the order drizzle
 * numbers them. Keep it in step when the product's SQL changes.
 */

/** `writeIntake` with no idempotency key and no files (placeholders numbered as `placeholders()` numbers them). */
export const INTAKE_SQL = `
    WITH counters AS (
      INSERT INTO unit_counters AS c (unit_code, name, last, last_at)
      VALUES ($1, $6, 1, $2::timestamptz), ($1, $7, 1, NULL)
      ON CONFLICT (unit_code, name) DO UPDATE SET last = c.last + 1, last_at = greatest(c.last_at, excluded.last_at)
      RETURNING name, last, last_at),
    numbers AS (
      SELECT CASE WHEN day.last_at = $2::timestamptz THEN day.last ELSE motcua_intake_out_of_order(day.last_at) END AS seq,
        book.last AS book
      FROM counters day, counters book WHERE day.name = $6 AND book.name = $7),
    dossier AS (
      INSERT INTO dossiers (unit_code, code, province_code, procedure_code, field_code, channel, status,
        applicant_name, applicant_id_number, applicant_phone, applicant_address, applicant_email, subject,
        return_method, documents, time_limit, received_at, due_at, due_at_original, due_at_legal, received_by,
        book_volume, book_number, workflow, sub_state, intake_note)
      SELECT $1, $8 || CASE WHEN seq < 10000 THEN lpad(seq::text, 4, '0') ELSE seq::text END,
        $9, $10, $11, $12,
        $4, $13, $14, $15, $16,
        $17, $18, $19, $20::jsonb,
        $21::jsonb, $2::timestamptz, $3::timestamptz,
        $3::timestamptz, $3::timestamptz, $5, $22, book,
        $23::jsonb, $24, $25::jsonb
      FROM numbers
      RETURNING code, book_number, book_volume, procedure_code, applicant_name, applicant_address, applicant_phone),
    book AS (
      INSERT INTO tracking_book (unit_code, volume, number, dossier_code, procedure_code, applicant_name,
        applicant_address, applicant_phone, sets, received_at, due_at, received_by)
      SELECT $1, book_volume, book_number, code, procedure_code, applicant_name,
        applicant_address, applicant_phone, 1, $2::timestamptz, $3::timestamptz, $5
      FROM dossier RETURNING 1),
    audit AS (
      INSERT INTO audit_events (unit_code, id, dossier_code, action, actor_user_id, actor_role, from_status,
        to_status, reason, request_id, data, at, seq, prev_hash, hash)
      SELECT $1, $26, code, $27, $5, $28, NULL,
        $4, $29, $30, $31::jsonb, $2::timestamptz,
        1, '', encode(sha256(convert_to($32::text || code || $33::text, 'UTF8')), 'hex')
      FROM dossier RETURNING 1)
    SELECT dossier.code, dossier.book_number, (SELECT count(*) FROM book) AS books, (SELECT count(*) FROM audit) AS audits
    FROM dossier`;

const REPOSITORY = path.join(REPO_ROOT, 'src/server/modules/dossiers/repository.ts');

function insertColumns(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(/INSERT INTO (\w+)(?: AS \w+)? \(([^)]*)\)/g)) {
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
  const floor = insertColumns(INTAKE_SQL);
  return [...floor.keys()].filter((table) => product.get(table) !== floor.get(table));
}

export interface FloorUnit extends Commune {
  /** The reception officer recorded as receiver (any uuid: the floor writes no user rows). */
  receiverId: string;
}

export function floorUnits(communes: readonly Commune[]): FloorUnit[] {
  return communes.map((c) => ({ ...c, receiverId: randomUUID() }));
}

/** Values of the intake statement: what the product computes before it (code prefix, due date, hash input). */
export function intakeValues(unit: FloorUnit, proc: ProcedureFacts): unknown[] {
  const now = new Date();
  const day = vnDateOf(now);
  const year = day.slice(0, 4);
  const counterDay = `code:${day}`;
  const counterBook = `book:${year}`;
  const receivedAt = now.toISOString();
  // The product computes the due date from the working calendar; the floor only needs a value.
  const dueAt = new Date(now.getTime() + 86_400_000).toISOString();
  const name = 'Nguyễn Văn Bình';
  const phone = '0912345678';
  const address = 'Ấp Tân Phong, xã Tân Thới, tỉnh Đồng Tháp';
  const data = JSON.stringify({ procedureCode: proc.code, dueAt, skipped: 0 });
  // The product hashes the canonical event around its code; the floor hashes text of that size.
  const before = `\n{"action":"intake","actorRole":"reception","actorUserId":"${unit.receiverId}","at":"${receivedAt}","data":${data},"dossierCode":"`;
  const after = `","fromStatus":null,"id":"${randomUUID()}","reason":null,"requestId":"${randomUUID()}","seq":1,"toStatus":2,"unitCode":"${unit.code}"}`;
  const receiver = unit.receiverId;
  // biome-ignore format: one line per group, in the order of INTAKE_SQL's placeholders
  const values = [
    unit.code, receivedAt, dueAt, 2, receiver, counterDay, counterBook,
    dossierCodePrefix(unit.agencyCode, day), unit.provinceCode, proc.code, proc.fieldCode, 1,
    name, '082095001234', phone, address,
    null, proc.name, 'counter', JSON.stringify(proc.documents),
    JSON.stringify(proc.timeLimit), year,
    proc.workflow, 'none', 'null',
    randomUUID(), 'intake', 'reception', null, randomUUID(), data,
    before, after,
  ];
  if (values.length !== INTAKE_PLACEHOLDERS)
    throw new Error(`${values.length} values for ${INTAKE_PLACEHOLDERS} placeholders`);
  return values;
}

/** The highest `$n` of a statement: the number of values it must be given. */
export function placeholderCount(text: string): number {
  return Math.max(0, ...[...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
}
const INTAKE_PLACEHOLDERS = placeholderCount(INTAKE_SQL);

function checkWritten(rows: Array<{ books: number | string; audits: number | string }>) {
  const row = rows[0];
  if (!row || Number(row.books) !== 1 || Number(row.audits) !== 1)
    throw new Error(
      `intake wrote ${row ? `${row.books} tracking-book rows, ${row.audits} audit events` : 'no dossier'}`,
    );
}

/**
 * Runs an intake again, with a new time of receipt, when another intake of its unit was numbered
 * first with a later time (the statement aborts itself with SQLSTATE MC001), as the product does.
 */
async function inReceiptOrder<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if ((err as { code?: string }).code !== 'MC001' || i >= 20) throw err;
    }
  }
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
  /** Called right after the measured window, before the pool's connections close (their CPU is read there). */
  onMeasureEnd?: (ops: number) => void;
}

/** PostgreSQL floor: a pg.Pool of `workers` connections, one statement per intake. */
export async function postgresFloor(url: string, units: FloorUnit[], proc: ProcedureFacts, run: FloorRun) {
  const pool = new pg.Pool({ connectionString: url, max: run.workers });
  let next = 0;
  const one = async () => {
    const unit = units[next++ % units.length] as FloorUnit;
    const written = await inReceiptOrder(() =>
      pool.query<{ books: number | string; audits: number | string }>({
        // A named statement, parsed and planned once per connection, as the product runs it.
        name: 'floor_intake',
        text: INTAKE_SQL,
        values: intakeValues(unit, proc),
      }),
    );
    checkWritten(written.rows);
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
    run.onMeasureEnd?.(measured.ops);
    return { measured, committed: 1 + warmup.ops + measured.ops };
  } finally {
    await pool.end();
  }
}

/** PGlite floor: one instance, one named statement per intake, `workers` promise loops sharing it. */
export async function pgliteFloor(db: PGlite, units: FloorUnit[], proc: ProcedureFacts, run: FloorRun) {
  let next = 0;
  const one = async () => {
    const unit = units[next++ % units.length] as FloorUnit;
    // The named statement over PGlite's wire protocol, as the product runs it.
    const written = await inReceiptOrder(() =>
      queryNamed<{ books: number | string; audits: number | string }>(
        db,
        'floor_intake',
        INTAKE_SQL,
        intakeValues(unit, proc),
      ),
    );
    checkWritten(written.rows);
  };
  await one();
  const warmup = await drive(one, run.workers, run.warmupMs);
  run.onMeasureStart?.();
  const measured = await drive(one, run.workers, run.durationMs);
  return { measured, committed: 1 + warmup.ops + measured.ops };
}
