import { and, desc, eq, gte, lt, type SQLWrapper, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { DOSSIER_SEQ_DIGITS, dossierCodeWithSeq } from '../../../domain/codes/dossier-code.ts';
import { isDistributed } from '../../db/citus.ts';
import type { Executor } from '../../db/client.ts';
import { SQLSTATE, sqlStateOf } from '../../db/errors.ts';
import { executePrepared, placeholders, preparedStatement } from '../../db/prepared.ts';
import { dossierFiles, dossiers, idempotencyKeys, users } from '../../db/schema.ts';
import type { Placeholder } from '../audit/repository.ts';
import type { Scope } from '../identity/types.ts';
import { INBOUND_NOT_WAITING } from '../portal/repository.ts';
import { type Telling, TICKET_NOT_LINKED, tellBoards } from '../queue/repository.ts';

export type DossierRow = typeof dossiers.$inferSelect;

export interface IntakeWrite {
  /** The dossier without what the statement numbers: its code and tracking-book number. */
  dossier: Omit<typeof dossiers.$inferInsert, 'code' | 'bookNumber'>;
  /** `<agency>-<YYMMDD>-`: the code is this and the unit's next number of the day (dossierCodePrefix). */
  codePrefix: string;
  /** Counter names: the unit's day (dossier codes) and year (tracking-book numbers). */
  counters: { day: string; book: string };
  /**
   * The received event's part of the statement (dossier-events/recorder.ts receivedEventPart): its
   * CTEs `audit` (and `messages`) over the CTE `dossier`, and a suffix for the statement's name.
   */
  event: { ctes: (p: (value: unknown) => string, from: string) => string; nameSuffix: string };
  idempotency?: { key: string; requestHash: string };
  /**
   * A dossier fetched from the portal (dossier.portalId set): the portal module's part of the statement
   * (portal/repository.ts takeInboundPart) marks its row of the inbound queue taken while it is still
   * waiting, else aborts the statement (SQLSTATE MC015). A second intake of the same portal dossier
   * fails on dossiers_portal_id_uq or on that check.
   */
  inbound?: (p: (value: unknown) => string, from: string) => { cte: string; check: string };
  files: Array<Omit<typeof dossierFiles.$inferInsert, 'unitCode' | 'dossierCode'>>;
  /**
   * The queue ticket the dossier is received from (queue/repository.ts linkTicketPart): its CTE `ticket`
   * over the CTE `dossier` and a select-list check that aborts the statement (MC002) when the ticket is
   * no longer called at its counter; `telling` says how the boards are told (queue/repository.ts Telling).
   */
  ticket?: (p: (value: unknown) => string, from: string, telling: Telling) => { cte: string; check: string };
}

export type IntakeWritten =
  | { kind: 'written'; code: string; bookNumber: number }
  /** Another intake of the unit was numbered first with a later time of receipt: retry at or after `lastAt`. */
  | { kind: 'out_of_order'; lastAt: Date }
  /** The Idempotency-Key was taken meanwhile by a concurrent request: replay it. */
  | { kind: 'key_taken' }
  /** The portal's dossier (dossier.portalId) was received already by this intake's twin, or refused meanwhile. */
  | { kind: 'portal_taken' }
  /** The queue ticket (IntakeWrite.ticket) was no longer called at its counter: nothing written. */
  | { kind: 'ticket_gone' };

const OUT_OF_ORDER = 'MC001';

/**
 * Receives a dossier in one statement: takes the unit's next dossier number of the day and
 * tracking-book number of the year, and writes the dossier, its tracking-book row, its files, its
 * idempotency key and its received event (recorded by the CTEs of dossier-events: the audit entry,
 * hashed in the statement once the code is known, and any messages). One
 * statement is atomic on its own: no BEGIN/COMMIT round trips, and a failure anywhere gives the
 * numbers back, so the sequences stay gapless.
 *
 * The counter rows are locked in the order written (day, then year), so two intakes never deadlock,
 * and the row lock serialises the intakes of one unit. The day counter keeps the latest time of
 * receipt it numbered; an intake whose time is earlier than that (it lost the race for the lock)
 * aborts itself (motcua_intake_out_of_order) and is retried by the caller with a later time, so codes
 * follow receipt order. `db` is not a transaction: a key taken meanwhile is looked up after the failure.
 */
export async function writeIntake(db: Executor, w: IntakeWrite): Promise<IntakeWritten> {
  if (await isDistributed(db)) return writeIntakeDistributed(db, w);
  const d = w.dossier;
  const { p, params } = placeholders();
  const at = p(d.receivedAt.toISOString());
  const dayCounter = p(w.counters.day);
  const bookCounter = p(w.counters.book);
  const unit = p(d.unitCode);
  const text = `
    WITH counters AS (${countersInsert(unit, at, dayCounter, bookCounter)}),
    numbers AS (
      SELECT CASE WHEN day.last_at = ${at}::timestamptz THEN day.last ELSE motcua_intake_out_of_order(day.last_at) END AS seq,
        book.last AS book
      FROM counters day, counters book WHERE day.name = ${dayCounter} AND book.name = ${bookCounter}),
    dossier AS (
      INSERT INTO dossiers (${DOSSIER_COLUMNS})
      SELECT ${dossierValues(p, w, unit, at, `${p(w.codePrefix)} || ${SEQ_SQL}`, 'book')}
      FROM numbers
      RETURNING code, book_number, book_volume, procedure_code, applicant_name, applicant_address, applicant_phone),
    ${afterDossier(p, w, unit, at, 'notify')}
    FROM dossier`;
  const name = `motcua_intake${intakeNameSuffix(w)}`;
  try {
    return written(await executePrepared(db, name, { sql: text, params }));
  } catch (err) {
    return intakeFailure(db, w, err);
  }
}

/** The sequence `seq` as the dossier code writes it (domain dossierCodeWithSeq), in SQL. */
const SEQ_SQL = `CASE WHEN seq < ${10 ** DOSSIER_SEQ_DIGITS} THEN lpad(seq::text, ${DOSSIER_SEQ_DIGITS}, '0') ELSE seq::text END`;

/** The unit's day and year counters taken by one: RETURNING name, last, last_at. */
function countersInsert(unit: string, at: string, dayCounter: string, bookCounter: string) {
  return `INSERT INTO unit_counters AS c (unit_code, name, last, last_at)
      VALUES (${unit}, ${dayCounter}, 1, ${at}::timestamptz), (${unit}, ${bookCounter}, 1, NULL)
      ON CONFLICT (unit_code, name) DO UPDATE SET last = c.last + 1, last_at = greatest(c.last_at, excluded.last_at)
      RETURNING name, last, last_at`;
}

const DOSSIER_COLUMNS = `unit_code, code, province_code, procedure_code, field_code, channel, status,
        applicant_name, applicant_id_number, applicant_phone, applicant_address, applicant_email, subject,
        return_method, documents, time_limit, received_at, due_at, due_at_original, due_at_legal, received_by,
        book_volume, book_number, workflow, sub_state, intake_note, answers, form_code, form_version, assisted,
        citizen_subject, portal_id, portal_code, fee_payment, fee_amount`;

/** The values of DOSSIER_COLUMNS, the code and tracking-book number as the statement forms them. */
function dossierValues(p: Placeholder, w: IntakeWrite, unit: string, at: string, code: string, book: string) {
  const d = w.dossier;
  const due = p(d.dueAt.toISOString());
  return `${unit}, ${code},
        ${p(d.provinceCode)}, ${p(d.procedureCode)}, ${p(d.fieldCode)}, ${p(d.channel)},
        ${p(d.status)}, ${p(d.applicantName)}, ${p(d.applicantIdNumber)}, ${p(d.applicantPhone)}, ${p(d.applicantAddress)},
        ${p(d.applicantEmail ?? null)}, ${p(d.subject)}, ${p(d.returnMethod)}, ${p(JSON.stringify(d.documents))}::jsonb,
        ${p(JSON.stringify(d.timeLimit))}::jsonb, ${at}::timestamptz, ${due}::timestamptz,
        ${due}::timestamptz, ${due}::timestamptz, ${p(d.receivedBy ?? null)}, ${p(d.bookVolume)}, ${book},
        ${p(JSON.stringify(d.workflow ?? null))}::jsonb, ${p(d.subState ?? 'none')}, ${p(JSON.stringify(d.intakeNote ?? null))}::jsonb,
        ${p(d.answers === undefined || d.answers === null ? null : JSON.stringify(d.answers))}::jsonb, ${p(d.formCode ?? null)},
        ${p(d.formVersion ?? null)}::integer, ${p(d.assisted ?? false)}::boolean, ${p(d.citizenSubject ?? null)},
        ${p(d.portalId ?? null)}, ${p(d.portalCode ?? null)}, ${p(d.feePayment ?? null)},
        ${p(d.feeAmount ?? null)}::integer`;
}

/**
 * What the intake writes over the CTE `dossier` (its code, tracking-book number and volume, procedure
 * and applicant): the tracking-book row, the received event, the files, the portal's inbound row, the
 * Idempotency-Key and the queue ticket; then the statement's select list (without its FROM).
 */
function afterDossier(p: Placeholder, w: IntakeWrite, unit: string, at: string, telling: Telling) {
  const d = w.dossier;
  const ticket = w.ticket?.(p, 'dossier', telling);
  const inbound = w.inbound?.(p, 'dossier');
  const receiver = p(d.receivedBy ?? null);
  const ctes = [
    `book AS (
      INSERT INTO tracking_book (unit_code, volume, number, dossier_code, procedure_code, applicant_name,
        applicant_address, applicant_phone, sets, received_at, due_at, received_by)
      SELECT ${unit}, book_volume, book_number, code, procedure_code, applicant_name,
        applicant_address, applicant_phone, 1, ${at}::timestamptz, ${p(d.dueAt.toISOString())}::timestamptz, ${receiver}
      FROM dossier RETURNING 1)`,
    w.event.ctes(p, 'dossier'),
  ];
  if (w.files.length)
    ctes.push(`files AS (
      INSERT INTO dossier_files (unit_code, dossier_code, id, file_name, content_type, size, sha256, storage_key)
      SELECT ${unit}, dossier.code, f.id, f.file_name, f.content_type, f.size, f.sha256, f.storage_key
      FROM dossier, jsonb_to_recordset(${p(
        JSON.stringify(
          w.files.map((f) => ({
            id: f.id,
            file_name: f.fileName,
            content_type: f.contentType,
            size: f.size,
            sha256: f.sha256,
            storage_key: f.storageKey,
          })),
        ),
      )}::jsonb) AS f(id uuid, file_name text, content_type text, size integer, sha256 text, storage_key text)
      RETURNING 1)`);
  if (inbound) ctes.push(inbound.cte);
  if (w.idempotency)
    ctes.push(`idem AS (
      INSERT INTO idempotency_keys (unit_code, key, user_id, request_hash, dossier_code)
      SELECT ${unit}, ${p(w.idempotency.key)}, ${receiver}, ${p(w.idempotency.requestHash)}, code FROM dossier
      RETURNING 1)`);
  if (ticket) ctes.push(ticket.cte);
  const checks = [ticket?.check, inbound?.check]
    .filter(Boolean)
    .map((c) => `, ${c}`)
    .join('');
  return `${ctes.join(',\n    ')}
    SELECT dossier.code, dossier.book_number, (SELECT count(*) FROM book) AS books, (SELECT count(*) FROM audit) AS audits${checks}`;
}

function intakeNameSuffix(w: IntakeWrite) {
  return `${w.ticket ? '_ticket' : ''}${w.inbound ? '_inbound' : ''}${w.idempotency ? '_idempotent' : ''}${w.files.length ? '_files' : ''}${w.event.nameSuffix}`;
}

/** The intake statement's one row, checked: a tracking-book row and a received event for the dossier. */
function written(result: unknown): IntakeWritten {
  const row = (
    result as {
      rows: Array<{
        code: string;
        book_number: number | string;
        books: number | string;
        audits: number | string;
      }>;
    }
  ).rows[0];
  if (!row || Number(row.books) !== 1 || Number(row.audits) !== 1)
    throw new Error(
      `intake wrote ${row ? `${row.books} tracking-book rows and ${row.audits} audit events` : 'no dossier'}`,
    );
  return { kind: 'written', code: row.code, bookNumber: Number(row.book_number) };
}

/** An intake's failure as its caller handles it, or the error again. */
async function intakeFailure(db: Executor, w: IntakeWrite, err: unknown): Promise<IntakeWritten> {
  const d = w.dossier;
  if (err instanceof IntakeOutOfOrder) return { kind: 'out_of_order', lastAt: err.lastAt };
  const state = sqlStateOf(err);
  if (state === TICKET_NOT_LINKED) return { kind: 'ticket_gone' };
  if (state === INBOUND_NOT_WAITING) return { kind: 'portal_taken' };
  if (state === OUT_OF_ORDER) {
    const detail = (err as { cause?: { detail?: string } }).cause?.detail;
    return { kind: 'out_of_order', lastAt: new Date(Number(detail)) };
  }
  // Of the keys written here only the Idempotency-Key is chosen by the client; the violated
  // constraint is recognised by the key being there now, not by its name (Citus renames it).
  if (
    state === SQLSTATE.uniqueViolation &&
    w.idempotency &&
    (await findIdempotencyKey(db, d.unitCode, w.idempotency.key))
  )
    return { kind: 'key_taken' };
  if (
    state === SQLSTATE.uniqueViolation &&
    d.portalId &&
    (await portalDossierExists(db, d.unitCode, d.portalId))
  )
    return { kind: 'portal_taken' };
  throw err;
}

class IntakeOutOfOrder extends Error {
  constructor(readonly lastAt: Date) {
    super('intake out of order');
  }
}

/**
 * writeIntake on a Citus coordinator: the same writes in one transaction of two statements. Citus
 * plans a CTE that inserts from another inserting CTE through the coordinator and copies the first
 * CTE's rows to every worker, so in one statement a worker down would stop every commune's intake
 * (citus-worker-down.api.test.ts). Here the counters are taken first; then the dossier's numbers are
 * values, the CTE `dossier` only names them (NOT MATERIALIZED: inlined, nothing copied), and every
 * write of the second statement goes to the commune's worker alone.
 */
async function writeIntakeDistributed(db: Executor, w: IntakeWrite): Promise<IntakeWritten> {
  const d = w.dossier;
  try {
    const result = await db.transaction(async (tx) => {
      const c = placeholders();
      const counted = (await executePrepared(tx, 'motcua_intake_counters', {
        sql: countersInsert(
          c.p(d.unitCode),
          c.p(d.receivedAt.toISOString()),
          c.p(w.counters.day),
          c.p(w.counters.book),
        ),
        params: c.params,
      })) as { rows: Array<{ name: string; last: number | string; last_at: Date | string | null }> };
      const day = counted.rows.find((r) => r.name === w.counters.day);
      const book = counted.rows.find((r) => r.name === w.counters.book);
      if (!day || !book) throw new Error('intake took no counters');
      const lastAt = new Date(day.last_at ?? 0);
      if (lastAt.getTime() !== d.receivedAt.getTime()) throw new IntakeOutOfOrder(lastAt);
      const seq = Number(day.last);
      const code = dossierCodeWithSeq(w.codePrefix, seq);
      const { p, params } = placeholders();
      const unit = p(d.unitCode);
      const at = p(d.receivedAt.toISOString());
      const text = `
    WITH dossier AS NOT MATERIALIZED (
      SELECT ${p(code)}::text AS code, ${p(Number(book.last))}::integer AS book_number, ${p(d.bookVolume)}::text AS book_volume,
        ${p(d.procedureCode)}::text AS procedure_code, ${p(d.applicantName)}::text AS applicant_name,
        ${p(d.applicantAddress)}::text AS applicant_address, ${p(d.applicantPhone)}::text AS applicant_phone),
    inserted AS (
      INSERT INTO dossiers (${DOSSIER_COLUMNS})
      SELECT ${dossierValues(p, w, unit, at, 'dossier.code', 'dossier.book_number')}
      FROM dossier RETURNING 1),
    ${afterDossier(p, w, unit, at, 'notice')}, (SELECT count(*) FROM inserted) AS inserted
    FROM dossier`;
      const out = (await executePrepared(tx, `motcua_intake_split${intakeNameSuffix(w)}`, {
        sql: text,
        params,
      })) as { rows: Array<{ inserted: number | string; ticket_notice?: string | null }> };
      if (Number(out.rows[0]?.inserted) !== 1) throw new Error('intake wrote no dossier');
      // The ticket's board is told from the coordinator (a NOTIFY on the worker reaches nobody).
      const notice = out.rows[0]?.ticket_notice;
      if (notice) await tellBoards(tx, notice);
      return out;
    });
    return written(result);
  } catch (err) {
    return intakeFailure(db, w, err);
  }
}

async function portalDossierExists(db: Executor, unitCode: string, portalId: string) {
  const rows = await db
    .select({ code: dossiers.code })
    .from(dossiers)
    .where(and(eq(dossiers.unitCode, unitCode), eq(dossiers.portalId, portalId)))
    .limit(1);
  return rows.length > 0;
}

export async function findIdempotencyKey(db: Executor, unitCode: string, key: string) {
  const rows = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.unitCode, unitCode), eq(idempotencyKeys.key, key)))
    .limit(1);
  return rows[0];
}

/**
 * Adds a file fetched for a dossier (a portal file, portal/files.ts) unless a file of that id is there
 * already: a fetch repeated after a crash or a lost answer never adds it twice.
 */
export async function addFileOnce(db: Executor, row: typeof dossierFiles.$inferInsert) {
  await db
    .insert(dossierFiles)
    .values(row)
    .onConflictDoNothing({ target: [dossierFiles.unitCode, dossierFiles.id] });
}

/** Adds a stored file to a dossier (the result of its settlement), in the caller's transaction. */
type FileRow = typeof dossierFiles.$inferInsert;
const FILE_COLUMNS = [
  'unitCode',
  'dossierCode',
  'id',
  'fileName',
  'contentType',
  'size',
  'sha256',
  'storageKey',
] as const;
const fileAdd = preparedStatement('motcua_dossier_file_add', (db) =>
  db
    .insert(dossierFiles)
    .values(Object.fromEntries(FILE_COLUMNS.map((c) => [c, sql.placeholder(c)])) as unknown as FileRow),
);

export async function addFile(db: Executor, row: { [K in (typeof FILE_COLUMNS)[number]]: FileRow[K] }) {
  await fileAdd(db, row);
}

/** A file of a dossier as its page lists it. */
export interface ListedFile {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

/*
 * What a dossier's JSON shows beside its own columns, as subqueries over the row of `dossiers` the
 * statement is at: its files (in upload order) and its synchronisation with the national portal.
 * findDossier's select and a lifecycle action's update (workflow/repository.ts updateDossierForView)
 * return them alike, so the action's response needs no read after its commit. Arrays, not JSON: Citus
 * refuses non-immutable functions (json_build_object, json_agg) in an UPDATE's RETURNING. The commune
 * is a value, not `dossiers.unit_code`: Citus routes a subquery correlated by the distribution column
 * to every shard (so every worker must answer), one naming the commune to its shard alone
 * (citus-worker-down.api.test.ts).
 */
function viewPartsOf(unitCode: string | SQLWrapper) {
  return {
    viewFiles: sql<string[][] | null>`(
          SELECT array_agg(ARRAY[f.id::text, f.file_name, f.content_type, f.size::text] ORDER BY f.created_at, f.id)
          FROM ${dossierFiles} f WHERE f.unit_code = ${unitCode}::text AND f.dossier_code = dossiers.code)`,
    /** The dossier's portal messages: all, unsent, dead-lettered (and unsent). */
    viewSyncCounts: sql<Array<number | string> | null>`(
          SELECT ARRAY[count(*)::int, (count(*) FILTER (WHERE o.sent_at IS NULL))::int,
                       (count(*) FILTER (WHERE o.dead_at IS NOT NULL AND o.sent_at IS NULL))::int]
          FROM outbox o WHERE o.unit_code = ${unitCode}::text AND o.dossier_code = dossiers.code AND o.kind = 'portal')`,
    viewSyncedAt: sql<Date | string | null>`(
          SELECT max(o.sent_at) FROM outbox o
          WHERE o.unit_code = ${unitCode}::text AND o.dossier_code = dossiers.code AND o.kind = 'portal')`,
    /** The first unsent portal message (the one holding the rest): its attempts and last error. */
    viewSyncHead: sql<Array<string | null> | null>`(
          SELECT ARRAY[h.attempts::text, h.last_error] FROM outbox h
          WHERE h.unit_code = ${unitCode}::text AND h.dossier_code = dossiers.code AND h.kind = 'portal'
            AND h.sent_at IS NULL ORDER BY h.seq LIMIT 1)`,
    /** Files of a dossier from the portal, fetched through the outbox (portal/files.ts), and how each fetch stands. */
    viewPortalFiles: sql<Array<Array<string | null>> | null>`(
          SELECT array_agg(ARRAY[o.payload->>'fileName', o.payload->>'componentId',
            CASE WHEN o.sent_at IS NOT NULL THEN 'fetched' WHEN o.dead_at IS NOT NULL THEN 'failed' ELSE 'pending' END,
            o.attempts::text, o.last_error] ORDER BY o.seq)
          FROM outbox o WHERE o.unit_code = ${unitCode}::text AND o.dossier_code = dossiers.code AND o.kind = 'portal_file')`,
  };
}
type ViewPartsRow = {
  viewFiles: string[][] | null;
  viewSyncCounts: Array<number | string> | null;
  viewSyncedAt: Date | string | null;
  viewSyncHead: Array<string | null> | null;
  viewPortalFiles: Array<Array<string | null>> | null;
};

/** A file of a dossier from the portal and how its fetch stands. */
export interface PortalFileState {
  fileName: string;
  componentId: string;
  state: 'pending' | 'fetched' | 'failed';
  attempts: number;
  lastError: string | null;
}

/** The view's parts of an update's RETURNING: files, portal synchronisation, receiver's and assignee's names. */
export const dossierViewReturning = (unitCode: string | SQLWrapper) => ({
  ...viewPartsOf(unitCode),
  receiverUsername: sql<string | null>`(SELECT u.username FROM ${users} u WHERE u.id = dossiers.received_by)`,
  receiverName: sql<string | null>`(SELECT u.full_name FROM ${users} u WHERE u.id = dossiers.received_by)`,
  assigneeUsername: sql<string | null>`(SELECT u.username FROM ${users} u WHERE u.id = dossiers.assignee_id)`,
});

/** The files and synchronisation the view's parts read, as the dossier's JSON takes them. */
export function viewParts(row: ViewPartsRow) {
  const files: ListedFile[] = (row.viewFiles ?? []).map(([id, fileName, contentType, size]) => ({
    id: id ?? '',
    fileName: fileName ?? '',
    contentType: contentType ?? '',
    size: Number(size),
  }));
  const [total = 0, unsent = 0, dead = 0] = (row.viewSyncCounts ?? []).map(Number);
  const head = row.viewSyncHead;
  const sync =
    total === 0
      ? undefined
      : syncState({
          unsent,
          dead,
          syncedAt: row.viewSyncedAt,
          head: head ? { attempts: Number(head[0]), lastError: head[1] ?? null } : null,
        });
  const portalFiles: PortalFileState[] = (row.viewPortalFiles ?? []).map(
    ([fileName, componentId, state, attempts, lastError]) => ({
      fileName: fileName ?? '',
      componentId: componentId ?? '',
      state: (state ?? 'pending') as PortalFileState['state'],
      attempts: Number(attempts ?? 0),
      lastError: lastError ?? null,
    }),
  );
  return { files, sync, portalFiles };
}

/** Only the dossier's own columns of a row read or returned with the view's parts. */
export function withoutViewParts<T extends ViewPartsRow>(row: T) {
  const {
    viewFiles: _f,
    viewSyncCounts: _c,
    viewSyncedAt: _s,
    viewSyncHead: _h,
    viewPortalFiles: _p,
    ...rest
  } = row;
  return rest;
}

/**
 * A dossier with its receiver's and assignee's names, its files (in upload order) and its
 * synchronisation with the national portal, in one statement: every dossier page reads it.
 */
const dossierView = preparedStatement('motcua_dossier_view', (db) => {
  const assignee = alias(users, 'assignee');
  const unit = sql.placeholder('unit');
  return db
    .select({
      dossier: dossiers,
      receiverUsername: users.username,
      receiverName: users.fullName,
      assigneeUsername: assignee.username,
      ...viewPartsOf(unit),
    })
    .from(dossiers)
    .leftJoin(users, eq(users.id, dossiers.receivedBy))
    .leftJoin(assignee, eq(assignee.id, dossiers.assigneeId))
    .where(and(eq(dossiers.unitCode, unit), eq(dossiers.code, sql.placeholder('code'))))
    .limit(1);
});

export async function findDossier(db: Executor, unitCode: string, code: string) {
  const row = (await dossierView(db, { unit: unitCode, code }))[0];
  if (!row) return undefined;
  return { ...withoutViewParts(row), ...viewParts(row) };
}

/** A dossier's `portal` outbox messages, as the view's parts count them. */
interface RawSync {
  unsent: number;
  dead: number;
  syncedAt: Date | string | null;
  head: { attempts: number; lastError: string | null } | null;
}

/**
 * Failed when one is dead-lettered, pending while one is unsent, synced when all were sent. Attempts
 * and last error are those of the first unsent message (the one holding the rest).
 */
function syncState(r: RawSync) {
  const head = r.head;
  const state: 'synced' | 'pending' | 'failed' = r.dead > 0 ? 'failed' : r.unsent > 0 ? 'pending' : 'synced';
  return {
    state,
    attempts: head?.attempts ?? 0,
    lastError: head?.lastError ?? null,
    syncedAt: state === 'synced' && r.syncedAt ? new Date(r.syncedAt).toISOString() : null,
  };
}

/**
 * The synchronisation once `enqueued` more portal messages are put after those `sync` counted (in
 * the same transaction, by the event's statement): a failed or pending one stays as it is (its head,
 * the first unsent message, is an older one); otherwise the first new message is the head, unsent and
 * never tried.
 */
export function syncAfterEnqueued(
  sync: ReturnType<typeof syncState> | undefined,
  enqueued: number,
): ReturnType<typeof syncState> | undefined {
  if (enqueued === 0 || sync?.state === 'failed' || sync?.state === 'pending') return sync;
  return { state: 'pending', attempts: 0, lastError: null, syncedAt: null };
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
