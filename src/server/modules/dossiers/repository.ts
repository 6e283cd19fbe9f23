import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor, Tx } from '../../db/client.ts';
import { executePrepared, runPrepared } from '../../db/prepared.ts';
import { dossierFiles, dossiers, idempotencyKeys, users } from '../../db/schema.ts';
import type { Scope } from '../identity/types.ts';

export type DossierRow = typeof dossiers.$inferSelect;

/**
 * Takes the next numbers of several per-unit counters in one statement. The row lock on each counter
 * serialises concurrent intakes of one unit; a rolled-back transaction gives its numbers back, so the
 * sequence stays gapless. Counters are always locked in the order given, so two intakes never deadlock.
 */
export async function nextCounters(tx: Tx, unitCode: string, names: readonly string[]): Promise<Map<string, number>> {
  const values = sql.join(
    names.map((n) => sql`(${unitCode}, ${n}, 1)`),
    sql`, `,
  );
  const result = (await executePrepared(tx, `motcua_counters_${names.length}`, sql`
    INSERT INTO unit_counters (unit_code, name, last) VALUES ${values}
    ON CONFLICT (unit_code, name) DO UPDATE SET last = unit_counters.last + 1
    RETURNING name, last`)) as unknown as { rows: Array<{ name: string; last: number | string }> };
  return new Map(result.rows.map((r) => [r.name, Number(r.last)]));
}

export interface IntakeRows {
  dossier: typeof dossiers.$inferInsert;
  audit: { id: string; action: string; reason: string | null; requestId: string; actorRole: string; data: Record<string, unknown>; hash: string };
  idempotency?: { key: string; requestHash: string };
  files: Array<typeof dossierFiles.$inferInsert>;
}

/**
 * Writes a received dossier, its tracking-book row, its audit event and its idempotency key in one
 * round trip. Returns false when the idempotency key was already taken (the caller rolls back).
 */
export async function insertIntake(tx: Tx, rows: IntakeRows): Promise<boolean> {
  const d = rows.dossier;
  const receivedAt = d.receivedAt.toISOString();
  const dueAt = d.dueAt.toISOString();
  const idem = rows.idempotency
    ? sql`idem AS (
        INSERT INTO idempotency_keys (unit_code, key, user_id, request_hash, dossier_code)
        VALUES (${d.unitCode}, ${rows.idempotency.key}, ${d.receivedBy}, ${rows.idempotency.requestHash}, ${d.code})
        ON CONFLICT (unit_code, key) DO NOTHING RETURNING 1 AS ok),`
    : sql`idem AS (SELECT 1 AS ok),`;
  const name = rows.idempotency ? 'motcua_intake_idempotent' : 'motcua_intake';
  const result = (await executePrepared(tx, name, sql`
    WITH ${idem}
    dossier AS (
      INSERT INTO dossiers (unit_code, code, province_code, procedure_code, field_code, channel, status,
        applicant_name, applicant_id_number, applicant_phone, applicant_address, applicant_email, subject,
        return_method, documents, time_limit, received_at, due_at, due_at_original, due_at_legal, received_by,
        book_volume, book_number, workflow, sub_state, intake_note)
      SELECT ${d.unitCode}, ${d.code}, ${d.provinceCode}, ${d.procedureCode}, ${d.fieldCode}, ${d.channel},
        ${d.status}, ${d.applicantName}, ${d.applicantIdNumber}, ${d.applicantPhone}, ${d.applicantAddress},
        ${d.applicantEmail ?? null}, ${d.subject}, ${d.returnMethod}, ${JSON.stringify(d.documents)}::jsonb,
        ${JSON.stringify(d.timeLimit)}::jsonb, ${receivedAt}::timestamptz, ${dueAt}::timestamptz,
        ${dueAt}::timestamptz, ${dueAt}::timestamptz, ${d.receivedBy}, ${d.bookVolume}, ${d.bookNumber},
        ${JSON.stringify(d.workflow ?? null)}::jsonb, ${d.subState ?? 'none'}, ${JSON.stringify(d.intakeNote ?? null)}::jsonb
      WHERE EXISTS (SELECT 1 FROM idem)
      RETURNING code),
    book AS (
      INSERT INTO tracking_book (unit_code, volume, number, dossier_code, procedure_code, applicant_name,
        applicant_address, applicant_phone, sets, received_at, due_at, received_by)
      SELECT ${d.unitCode}, ${d.bookVolume}, ${d.bookNumber}, code, ${d.procedureCode}, ${d.applicantName},
        ${d.applicantAddress}, ${d.applicantPhone}, 1, ${receivedAt}::timestamptz, ${dueAt}::timestamptz,
        ${d.receivedBy}
      FROM dossier RETURNING 1),
    audit AS (
      INSERT INTO audit_events (unit_code, id, dossier_code, action, actor_user_id, actor_role, from_status,
        to_status, reason, request_id, data, at, seq, prev_hash, hash)
      SELECT ${d.unitCode}, ${rows.audit.id}, code, ${rows.audit.action}, ${d.receivedBy}, ${rows.audit.actorRole}, NULL,
        ${d.status}, ${rows.audit.reason}, ${rows.audit.requestId}, ${JSON.stringify(rows.audit.data)}::jsonb, ${receivedAt}::timestamptz,
        1, '', ${rows.audit.hash}
      FROM dossier RETURNING 1)
    SELECT (SELECT count(*) FROM dossier) + (SELECT count(*) FROM book) + (SELECT count(*) FROM audit) AS ok`)) as unknown as {
    rows: Array<{ ok: number | string | null }>;
  };
  const written = Number(result.rows[0]?.ok ?? 0);
  if (written === 0) return false;
  if (written !== 3) throw new Error(`intake wrote ${written} of 3 rows`);
  if (rows.files.length > 0) await tx.insert(dossierFiles).values(rows.files);
  return true;
}

export async function findIdempotencyKey(db: Executor, unitCode: string, key: string) {
  const rows = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.unitCode, unitCode), eq(idempotencyKeys.key, key)))
    .limit(1);
  return rows[0];
}

/** A dossier of one unit; the unit comes from the caller's scope check, never from the client alone. */
/** A file of a dossier as its page lists it. */
export interface ListedFile {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

/**
 * A dossier with its receiver's and assignee's names and its files (in upload order), in one
 * statement: every dossier page and every lifecycle action's response reads it.
 */
export async function findDossier(db: Executor, unitCode: string, code: string) {
  const assignee = alias(users, 'assignee');
  const query = db
    .select({
      dossier: dossiers,
      receiverUsername: users.username,
      receiverName: users.fullName,
      assigneeUsername: assignee.username,
      files: sql<ListedFile[] | string>`(
        SELECT coalesce(json_agg(json_build_object('id', f.id, 'fileName', f.file_name, 'contentType', f.content_type, 'size', f.size)
                                 ORDER BY f.created_at, f.id), '[]'::json)
        FROM ${dossierFiles} f WHERE f.unit_code = ${dossiers.unitCode} AND f.dossier_code = ${dossiers.code})`,
    })
    .from(dossiers)
    .leftJoin(users, eq(users.id, dossiers.receivedBy))
    .leftJoin(assignee, eq(assignee.id, dossiers.assigneeId))
    .where(and(eq(dossiers.unitCode, unitCode), eq(dossiers.code, code)))
    .limit(1);
  const rows = await runPrepared(query, 'motcua_dossier_view');
  const row = rows[0];
  if (!row) return undefined;
  // json arrives parsed from both drivers; a string is parsed here in case a driver leaves it as text.
  const files: ListedFile[] = typeof row.files === 'string' ? JSON.parse(row.files) : row.files;
  return { ...row, files };
}

/** Dossiers received in [from, to) within a scope, newest first. */
export async function listReceived(db: Executor, scope: Scope, from: Date, to: Date, limit: number) {
  const where =
    scope.kind === 'unit'
      ? eq(dossiers.unitCode, scope.unitCode)
      : scope.kind === 'province'
        ? eq(dossiers.provinceCode, scope.provinceCode)
        : undefined;
  return db
    .select({
      code: dossiers.code,
      unitCode: dossiers.unitCode,
      procedureCode: dossiers.procedureCode,
      applicantName: dossiers.applicantName,
      status: dossiers.status,
      receivedAt: dossiers.receivedAt,
      dueAt: dossiers.dueAt,
    })
    .from(dossiers)
    .where(and(where, gte(dossiers.receivedAt, from), lt(dossiers.receivedAt, to)))
    .orderBy(desc(dossiers.receivedAt))
    .limit(limit);
}
