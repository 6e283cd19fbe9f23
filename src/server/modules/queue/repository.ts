/*
 * All SQL of the queue: counters, the day's number sequence and the tickets. Each write is one
 * statement (atomic on its own, no BEGIN/COMMIT); each call tells the hall's boards through
 * `pg_notify`, delivered on commit to every server process (PostgreSQL) or to the embedded database's
 * listeners (PGlite). On Citus a few writes are two statements in one transaction instead, so that each
 * goes to the commune's worker alone and the boards are told from the coordinator (docs/DATABASE.md,
 * "A worker down").
 */

import { isDistributed } from '../../db/citus.ts';
import type { Executor } from '../../db/client.ts';
import { type CompiledQuery, executePrepared, placeholders } from '../../db/prepared.ts';
import { queueTicketSmsCte } from '../integration/repository.ts';

/**
 * The channel of the boards: every change of a called ticket (a call or recall: status `called`; else
 * served, no-show, skipped or transferred away). Payload `{ unit, day, number, counter, calls, status, at }`.
 */
export const QUEUE_CHANNEL = 'motcua_queue';

export interface TicketRow {
  id: string;
  unit_code: string;
  day: string;
  number: number;
  field_code: string | null;
  status: 'waiting' | 'called' | 'served' | 'no_show';
  counter_number: number | null;
  taken_ms: number;
  called_ms: number | null;
  finished_ms: number | null;
  outcome: 'dossier' | 'consultation' | 'none' | null;
  dossier_code: string | null;
  calls: number;
  skips: number;
  transfers: number;
  sms: boolean;
  /** insertTicket only: tickets of the same line waiting before it when it was taken. */
  waiting_ahead?: number;
}

export interface CounterRow {
  number: number;
  name: string;
  fields: string[];
  active: boolean;
  version: number;
}

const TICKET = (t: string) => `${t}.id::text AS id, ${t}.unit_code, ${t}.day::text AS day, ${t}.number,
  ${t}.field_code, ${t}.status, ${t}.counter_number::int AS counter_number,
  (extract(epoch FROM ${t}.taken_at) * 1000)::float8 AS taken_ms,
  (extract(epoch FROM ${t}.called_at) * 1000)::float8 AS called_ms,
  (extract(epoch FROM ${t}.finished_at) * 1000)::float8 AS finished_ms,
  ${t}.outcome, ${t}.dossier_code, ${t}.calls, ${t}.skips, ${t}.transfers, ${t}.sms`;

/** What the boards are told of a change of the ticket `t` (bus.ts CallEvent), as a text expression. */
const NOTICE = (t: string) => `json_build_object('unit', ${t}.unit_code,
  'day', ${t}.day::text, 'number', ${t}.number, 'counter', ${t}.counter_number, 'calls', ${t}.calls,
  'status', ${t}.status,
  'at', (extract(epoch FROM ${t}.called_at) * 1000)::float8)::text`;

/** The pg_notify of a call, as a select-list item over the updated ticket `t`. */
const NOTIFY = (t: string) => `pg_notify('${QUEUE_CHANNEL}', ${NOTICE(t)})`;

/**
 * How a statement that changes a called ticket tells the boards, as a select-list item over `t`:
 * `notify` sends the NOTIFY in the statement itself (PostgreSQL, PGlite); `notice` only returns its
 * payload as `notice`, for tellBoards to send. On Citus a statement of one commune runs whole on the
 * commune's worker, and a NOTIFY sent there never reaches the servers, which listen on the coordinator.
 */
export type Telling = 'notify' | 'notice';
const tellItem = (telling: Telling, t: string) =>
  telling === 'notify' ? NOTIFY(t) : `${NOTICE(t)} AS notice`;

/** Sends a notice (tellItem 'notice') to the boards, from the coordinator, on `db`'s commit. */
export async function tellBoards(db: Executor, notice: string): Promise<void> {
  await executePrepared(db, 'motcua_queue_tell', {
    sql: `SELECT pg_notify($1, $2::text) IS NULL AS told`,
    params: [QUEUE_CHANNEL, notice],
  });
}

/**
 * Runs a statement that changes a called ticket (`build` puts `tell('u')` in its select list) and tells
 * the boards: in the statement on PostgreSQL and PGlite; on Citus the statement returns the notice and
 * a second one sends it from the coordinator, both in one transaction (`db`'s own when `inTransaction`).
 */
async function changeAndTell(
  db: Executor,
  name: string,
  build: (tell: (t: string) => string) => CompiledQuery,
  inTransaction = false,
): Promise<TicketRow | undefined> {
  if (!(await isDistributed(db)))
    return (
      await rows<TicketRow>(
        db,
        name,
        build((t) => tellItem('notify', t)),
      )
    )[0];
  const run = async (tx: Executor) => {
    const [row] = await rows<TicketRow & { notice: string }>(
      tx,
      `${name}_notice`,
      build((t) => tellItem('notice', t)),
    );
    if (!row) return undefined;
    await tellBoards(tx, row.notice);
    const { notice: _, ...ticket } = row;
    return ticket;
  };
  return inTransaction ? run(db) : db.transaction(run);
}

async function rows<T>(db: Executor, name: string, q: CompiledQuery): Promise<T[]> {
  const result = (await executePrepared(db, name, q)) as { rows: T[] };
  return result.rows;
}

export interface TicketWrite {
  id: string;
  unitCode: string;
  day: string;
  fieldCode: string | null;
  at: Date;
  /** Present when the citizen gave a phone: the SMS is sent unless the phone already had `smsPerPhone` today. */
  sms?: { phoneKey: string; outboxId: string; to: string; unitName: string; url: string; perPhone: number };
}

/**
 * Takes the unit's next number of the day and writes the ticket with it, in one statement: the
 * counter row's lock serialises the kiosks of one commune, and a failure anywhere gives the number
 * back, so the day's numbers are gapless. With a phone, the SMS goes into the outbox in the same
 * statement (the phone is kept only there, not on the ticket).
 */
export async function insertTicket(db: Executor, w: TicketWrite): Promise<TicketRow> {
  if (await isDistributed(db)) return insertTicketDistributed(db, w);
  const { p, params } = placeholders();
  const unit = p(w.unitCode);
  const day = p(w.day);
  const at = p(w.at.toISOString());
  const sms = w.sms;
  const phoneKey = p(sms?.phoneKey ?? null);
  const smsOk = sms ? `${smsSentToday(unit, day, phoneKey)} < ${p(sms.perPhone)}::int` : 'false';
  // The line ahead by the statement's parameters, not by columns of `t`: Citus refuses a subquery
  // correlated with a CTE ("correlated subqueries are not supported when the FROM clause contains a CTE").
  const text = `
    WITH n AS (${dayNumber(unit, day)}),
    t AS (
      INSERT INTO queue_tickets (${TICKET_COLUMNS})
      SELECT ${unit}, ${day}::date, n.last, ${p(w.id)}::uuid, ${p(w.fieldCode)}, 'waiting',
        ${at}::timestamptz, ${at}::timestamptz, ${smsOk}, ${phoneKey}
      FROM n
      RETURNING *)${sms ? `, ${queueTicketSmsCte(p, { id: sms.outboxId, unitCode: w.unitCode, at: w.at, to: sms.to, unitName: sms.unitName, url: sms.url }, 't')}` : ''}
    SELECT ${TICKET('t')}, ${lineAhead(unit, day, p(w.fieldCode))} AS waiting_ahead${sms ? ', (SELECT count(*) FROM sms) AS sms_count' : ''}
    FROM t`;
  const [row] = await rows<TicketRow>(db, `motcua_queue_ticket${sms ? '_sms' : ''}`, { sql: text, params });
  return row!;
}

const TICKET_COLUMNS = 'unit_code, day, number, id, field_code, status, taken_at, queued_at, sms, phone_key';

/** The commune's next number of the day (queue_days row locked till the end of the transaction): RETURNING last. */
const dayNumber = (unit: string, day: string) =>
  `INSERT INTO queue_days AS d (unit_code, day, last) VALUES (${unit}, ${day}::date, 1)
      ON CONFLICT (unit_code, day) DO UPDATE SET last = d.last + 1
      RETURNING last`;

/** The SMS a phone (by its day-salted key) was sent today in the commune, as a scalar subquery. */
const smsSentToday = (unit: string, day: string, phoneKey: string) =>
  `(SELECT count(*) FROM queue_tickets q WHERE q.unit_code = ${unit} AND q.day = ${day}::date
         AND q.phone_key = ${phoneKey} AND q.sms)`;

/** The tickets of a line waiting now (a new ticket's place), as a scalar subquery. */
const lineAhead = (unit: string, day: string, field: string) =>
  `(SELECT count(*)::int FROM queue_tickets q WHERE q.unit_code = ${unit}
        AND q.day = ${day}::date AND q.status = 'waiting' AND q.field_code IS NOT DISTINCT FROM ${field}::text)`;

/**
 * Citus: insertTicket's statement inserts the ticket from the number's CTE, which Citus plans "through
 * the coordinator" and copies to every worker, so one worker down would stop every commune's kiosk
 * (docs/DATABASE.md, "A worker down"). Here it is one transaction of two statements, each on the
 * commune's worker alone: the number (with the phone's SMS today and the line ahead), then the ticket
 * and its SMS over a CTE that only names the values. The counter row's lock is held to the commit:
 * still gapless, still one kiosk at a time per commune.
 */
async function insertTicketDistributed(db: Executor, w: TicketWrite): Promise<TicketRow> {
  const sms = w.sms;
  return db.transaction(async (tx) => {
    const c = placeholders();
    const unit = c.p(w.unitCode);
    const day = c.p(w.day);
    const numbered = `WITH n AS (${dayNumber(unit, day)})
      SELECT n.last, ${sms ? smsSentToday(unit, day, c.p(sms.phoneKey)) : '0'}::int AS sms_today,
        ${lineAhead(unit, day, c.p(w.fieldCode))} AS waiting_ahead
      FROM n`;
    const [n] = await rows<{ last: number | string; sms_today: number; waiting_ahead: number }>(
      tx,
      `motcua_queue_number${sms ? '_sms' : ''}`,
      { sql: numbered, params: c.params },
    );
    if (!n) throw new Error('the kiosk took no number');
    const { p, params } = placeholders();
    const at = p(w.at.toISOString());
    const text = `
    WITH v AS NOT MATERIALIZED (
      SELECT ${p(w.unitCode)}::text AS unit_code, ${p(w.day)}::date AS day, ${p(Number(n.last))}::int AS number,
        ${p(w.id)}::uuid AS id, ${p(w.fieldCode)}::text AS field_code, ${at}::timestamptz AS at,
        ${p(sms !== undefined && n.sms_today < sms.perPhone)}::boolean AS sms, ${p(sms?.phoneKey ?? null)}::text AS phone_key),
    t AS (
      INSERT INTO queue_tickets (${TICKET_COLUMNS})
      SELECT unit_code, day, number, id, field_code, 'waiting', at, at, sms, phone_key FROM v
      RETURNING *)${sms ? `, ${queueTicketSmsCte(p, { id: sms.outboxId, unitCode: w.unitCode, at: w.at, to: sms.to, unitName: sms.unitName, url: sms.url }, 'v')}` : ''}
    SELECT ${TICKET('t')}${sms ? ', (SELECT count(*) FROM sms) AS sms_count' : ''} FROM t`;
    const [row] = await rows<TicketRow>(tx, `motcua_queue_ticket_split${sms ? '_sms' : ''}`, {
      sql: text,
      params,
    });
    if (!row) throw new Error('the kiosk wrote no ticket');
    return { ...row, waiting_ahead: n.waiting_ahead };
  });
}

/**
 * A ticket by its id (the follow-up page's and the counter's handle), of the commune `unitCode` when
 * given. Give it whenever it is known: by its id alone the ticket is looked for on every shard of a
 * Citus cluster (every worker must answer); with the commune, on the commune's alone.
 */
export async function findTicket(
  db: Executor,
  id: string,
  unitCode?: string,
): Promise<TicketRow | undefined> {
  const { p, params } = placeholders();
  const text = `SELECT ${TICKET('t')} FROM queue_tickets t WHERE t.id = ${p(id)}::uuid${
    unitCode === undefined ? '' : ` AND t.unit_code = ${p(unitCode)}`
  }`;
  const name = unitCode === undefined ? 'motcua_queue_find' : 'motcua_queue_find_in';
  return (await rows<TicketRow>(db, name, { sql: text, params }))[0];
}

/** How many tickets of the same line wait before this one (the follow-up page's position). */
export async function waitingAhead(db: Executor, t: TicketRow): Promise<number> {
  const { p, params } = placeholders();
  // The commune as a value on both sides: Citus then reads its shard alone (joined by the column only,
  // every shard).
  const unit = p(t.unit_code);
  const text = `SELECT count(*)::int AS n FROM queue_tickets q, queue_tickets me
    WHERE me.unit_code = ${unit} AND me.id = ${p(t.id)}::uuid AND q.unit_code = ${unit} AND q.day = me.day
      AND q.status = 'waiting' AND q.field_code IS NOT DISTINCT FROM me.field_code
      AND (q.queued_at, q.number) < (me.queued_at, me.number)`;
  return (await rows<{ n: number }>(db, 'motcua_queue_ahead', { sql: text, params }))[0]?.n ?? 0;
}

/** The ticket a counter is calling now (today), if any. */
export async function currentAt(
  db: Executor,
  unitCode: string,
  day: string,
  counter: number,
): Promise<TicketRow | undefined> {
  const { p, params } = placeholders();
  const text = `SELECT ${TICKET('t')} FROM queue_tickets t WHERE t.unit_code = ${p(unitCode)}
    AND t.day = ${p(day)}::date AND t.counter_number = ${p(counter)}::smallint AND t.status = 'called'`;
  return (await rows<TicketRow>(db, 'motcua_queue_current', { sql: text, params }))[0];
}

/**
 * Calls the next ticket for a counter, in one statement: tickets transferred to this counter first,
 * then the oldest waiting ticket of the counter's fields or of the general line. The candidate is
 * locked with SKIP LOCKED and the update re-checks that it still waits, so two counters calling at
 * once never get the same ticket; the unique index of one called ticket per counter refuses a second
 * call from the same counter (23505). Undefined when nobody waits.
 */
export async function callNext(
  db: Executor,
  unitCode: string,
  day: string,
  counter: number,
  at: Date,
): Promise<TicketRow | undefined> {
  return changeAndTell(db, 'motcua_queue_call_next', (tell) => {
    const { p, params } = placeholders();
    const unit = p(unitCode);
    const d = p(day);
    const c = p(counter);
    const now = p(at.toISOString());
    const text = `
    WITH k AS (SELECT fields FROM queue_counters WHERE unit_code = ${unit} AND number = ${c}::smallint AND active),
    nxt AS (
      SELECT t.unit_code, t.day, t.number FROM queue_tickets t, k
      WHERE t.unit_code = ${unit} AND t.day = ${d}::date AND t.status = 'waiting'
        AND (t.counter_number = ${c}::smallint OR (t.counter_number IS NULL
          AND (jsonb_array_length(k.fields) = 0 OR t.field_code IS NULL OR k.fields @> to_jsonb(t.field_code))))
      ORDER BY (t.counter_number IS NULL), t.queued_at, t.number
      LIMIT 1
      FOR UPDATE OF t SKIP LOCKED),
    u AS (
      UPDATE queue_tickets t SET status = 'called', counter_number = ${c}::smallint, called_at = ${now}::timestamptz,
        first_called_at = coalesce(t.first_called_at, ${now}::timestamptz), calls = t.calls + 1
      FROM nxt WHERE t.unit_code = ${unit} AND t.unit_code = nxt.unit_code AND t.day = nxt.day AND t.number = nxt.number AND t.status = 'waiting'
      RETURNING t.*)
    SELECT ${TICKET('u')}, ${tell('u')} FROM u`;
    return { sql: text, params };
  });
}

export type TicketChange =
  | { action: 'recall' }
  | { action: 'skip' }
  | { action: 'transfer'; to: number }
  | { action: 'served' | 'no_show'; by: string };

/**
 * Applies a counter's action to its called ticket, in one statement that re-checks the ticket is
 * still called at that counter on that day (another request may have changed it meanwhile):
 * undefined when it is not.
 */
export async function changeCalled(
  db: Executor,
  unitCode: string,
  id: string,
  day: string,
  counter: number,
  change: TicketChange,
  at: Date,
): Promise<TicketRow | undefined> {
  return changeAndTell(db, `motcua_queue_${change.action}`, (tell) => {
    const { p, params } = placeholders();
    // Only the parameters a variant uses: an unused one has no type to infer (PostgreSQL refuses it).
    const now = () => `${p(at.toISOString())}::timestamptz`;
    const set = {
      recall: () => `calls = t.calls + 1, called_at = ${now()}`,
      skip: () => `status = 'waiting', counter_number = NULL, queued_at = ${now()}, skips = t.skips + 1`,
      transfer: (to: number) =>
        `status = 'waiting', counter_number = ${p(to)}::smallint, transfers = t.transfers + 1`,
      finish: (status: string, by: string) =>
        `status = '${status === 'served' ? 'served' : 'no_show'}', finished_at = ${now()}, finished_by = ${p(by)}::uuid${status === 'served' ? `, outcome = 'none'` : ''}`,
    };
    const assignment =
      change.action === 'recall'
        ? set.recall()
        : change.action === 'skip'
          ? set.skip()
          : change.action === 'transfer'
            ? set.transfer(change.to)
            : set.finish(change.action, change.by);
    const text = `
    WITH u AS (
      UPDATE queue_tickets t SET ${assignment}
      WHERE t.unit_code = ${p(unitCode)} AND t.id = ${p(id)}::uuid AND t.day = ${p(day)}::date
        AND t.status = 'called' AND t.counter_number = ${p(counter)}::smallint
      RETURNING t.*)
    SELECT ${TICKET('u')}, ${tell('u')} FROM u`;
    return { sql: text, params };
  });
}

/** A commune's counters, by number. */
export async function listCounters(db: Executor, unitCode: string): Promise<CounterRow[]> {
  const { p, params } = placeholders();
  const text = `SELECT number::int AS number, name, fields, active, version FROM queue_counters
    WHERE unit_code = ${p(unitCode)} ORDER BY number`;
  return rows<CounterRow>(db, 'motcua_queue_counters', { sql: text, params });
}

/** Replaces a commune's counters with `counters` (one statement: those not listed are deactivated). */
export async function saveCounters(
  db: Executor,
  unitCode: string,
  counters: Array<{ number: number; name: string; fields: string[]; active: boolean }>,
  at: Date,
): Promise<void> {
  const { p, params } = placeholders();
  const unit = p(unitCode);
  const list = p(JSON.stringify(counters));
  const now = p(at.toISOString());
  const text = `
    WITH given AS (
      SELECT * FROM jsonb_to_recordset(${list}::jsonb) AS g(number smallint, name text, fields jsonb, active boolean)),
    up AS (
      INSERT INTO queue_counters (unit_code, number, name, fields, active, updated_at)
      SELECT ${unit}, number, name, fields, active, ${now}::timestamptz FROM given
      ON CONFLICT (unit_code, number) DO UPDATE SET name = excluded.name, fields = excluded.fields,
        active = excluded.active, updated_at = excluded.updated_at, version = queue_counters.version + 1
      RETURNING 1)
    UPDATE queue_counters SET active = false, updated_at = ${now}::timestamptz, version = version + 1
    WHERE unit_code = ${unit} AND active AND number NOT IN (SELECT number FROM given)`;
  await executePrepared(db, 'motcua_queue_counters_save', { sql: text, params });
}

/** The board of a commune's hall: the ticket each counter calls now, and the latest calls. */
export async function board(
  db: Executor,
  unitCode: string,
  day: string,
  recent: number,
): Promise<{ current: TicketRow[]; recent: TicketRow[]; waiting: number }> {
  const { p, params } = placeholders();
  const unit = p(unitCode);
  const d = p(day);
  const text = `
    SELECT 'current' AS part, ${TICKET('t')} FROM queue_tickets t
      WHERE t.unit_code = ${unit} AND t.day = ${d}::date AND t.status = 'called'
    UNION ALL
    (SELECT 'recent', ${TICKET('t')} FROM queue_tickets t
      WHERE t.unit_code = ${unit} AND t.day = ${d}::date AND t.called_at IS NOT NULL
      ORDER BY t.called_at DESC, t.number DESC LIMIT ${p(recent)}::int)`;
  const all = await rows<TicketRow & { part: string }>(db, 'motcua_queue_board', { sql: text, params });
  const q = placeholders();
  const count = `SELECT count(*)::int AS n FROM queue_tickets t
    WHERE t.unit_code = ${q.p(unitCode)} AND t.day = ${q.p(day)}::date AND t.status = 'waiting'`;
  const [waiting] = await rows<{ n: number }>(db, 'motcua_queue_waiting_count', {
    sql: count,
    params: q.params,
  });
  return {
    current: all
      .filter((r) => r.part === 'current')
      .sort((a, b) => (a.counter_number ?? 0) - (b.counter_number ?? 0)),
    recent: all.filter((r) => r.part === 'recent'),
    waiting: waiting?.n ?? 0,
  };
}

/** Today's tickets of a commune that are waiting, in the order they would be called (the counter page). */
export async function waitingList(
  db: Executor,
  unitCode: string,
  day: string,
  limit: number,
): Promise<TicketRow[]> {
  const { p, params } = placeholders();
  const text = `SELECT ${TICKET('t')} FROM queue_tickets t WHERE t.unit_code = ${p(unitCode)}
    AND t.day = ${p(day)}::date AND t.status = 'waiting' ORDER BY t.queued_at, t.number LIMIT ${p(limit)}::int`;
  return rows<TicketRow>(db, 'motcua_queue_waiting', { sql: text, params });
}

/** The fields of a commune's published catalogue (the kiosk's groups). */
export async function catalogueFields(
  db: Executor,
  unitCode: string,
): Promise<Array<{ code: string; name: string }>> {
  const { p, params } = placeholders();
  const text = `SELECT DISTINCT p.field_code AS code, p.field_name AS name FROM unit_procedures up
    JOIN procedures p ON p.code = up.procedure_code WHERE up.unit_code = ${p(unitCode)} ORDER BY p.field_name`;
  return rows(db, 'motcua_queue_fields', { sql: text, params });
}

/** The ticket a dossier is received from: called at `counter` today, finished by the intake's officer. */
export interface TicketLink {
  id: string;
  unitCode: string;
  day: string;
  counter: number;
  at: Date;
  by: string;
}

/**
 * The part of a counter intake's statement (dossiers/repository.ts writeIntake) that ends a called
 * ticket with the dossier received from it: CTE `ticket` over the intake's CTE `from` (which returns
 * `code`), re-checking that the ticket is still called at that counter today, and a select-list item
 * that aborts the whole statement (SQLSTATE MC002, numbers given back) when it was not linked.
 * The boards are told in the same statement, as by changeCalled.
 */
export function linkTicketPart(
  p: (value: unknown) => string,
  link: TicketLink,
  from: string,
  telling: Telling,
): { cte: string; check: string } {
  const cte = `ticket AS (
      UPDATE queue_tickets t SET status = 'served', outcome = 'dossier', dossier_code = ${from}.code,
        finished_at = ${p(link.at.toISOString())}::timestamptz, finished_by = ${p(link.by)}::uuid
      FROM ${from}
      WHERE t.id = ${p(link.id)}::uuid AND t.unit_code = ${p(link.unitCode)} AND t.day = ${p(link.day)}::date
        AND t.status = 'called' AND t.counter_number = ${p(link.counter)}::smallint
      RETURNING t.*)`;
  // The pg_notify in the select list, not in the CTE's RETURNING: Citus refuses non-IMMUTABLE
  // functions in a RETURNING clause of a distributed table.
  const check = `(SELECT CASE WHEN count(*) = 1 THEN 1 ELSE motcua_queue_ticket_not_linked() END FROM ticket) AS ticket_linked,
      (SELECT ${telling === 'notify' ? NOTIFY('ticket') : NOTICE('ticket')} FROM ticket) AS ticket_${telling === 'notify' ? 'notified' : 'notice'}`;
  return { cte, check };
}

/** SQLSTATE of an intake whose ticket was no longer called at its counter (motcua_queue_ticket_not_linked). */
export const TICKET_NOT_LINKED = 'MC002';

/**
 * Ends a called ticket with the consultation logged for it, in the caller's transaction (registers'
 * addConsultation): undefined when it is no longer called at that counter today.
 */
export async function finishWithConsultation(
  db: Executor,
  link: TicketLink & { consultationId: string },
): Promise<TicketRow | undefined> {
  return changeAndTell(
    db,
    'motcua_queue_consultation',
    (tell) => {
      const { p, params } = placeholders();
      const text = `
    WITH u AS (
      UPDATE queue_tickets t SET status = 'served', outcome = 'consultation',
        consultation_id = ${p(link.consultationId)}::uuid,
        finished_at = ${p(link.at.toISOString())}::timestamptz, finished_by = ${p(link.by)}::uuid
      WHERE t.id = ${p(link.id)}::uuid AND t.unit_code = ${p(link.unitCode)} AND t.day = ${p(link.day)}::date
        AND t.status = 'called' AND t.counter_number = ${p(link.counter)}::smallint
      RETURNING t.*)
    SELECT ${TICKET('u')}, ${tell('u')} FROM u`;
      return { sql: text, params };
    },
    true,
  );
}

/** Adds a counter; false when the number is taken already. */
export async function addCounter(
  db: Executor,
  unitCode: string,
  c: { number: number; name: string; fields: string[] },
  at: Date,
): Promise<boolean> {
  const { p, params } = placeholders();
  const text = `INSERT INTO queue_counters (unit_code, number, name, fields, active, updated_at, version)
    VALUES (${p(unitCode)}, ${p(c.number)}::smallint, ${p(c.name)}, ${p(JSON.stringify(c.fields))}::jsonb, true,
      ${p(at.toISOString())}::timestamptz, 1)
    ON CONFLICT (unit_code, number) DO NOTHING RETURNING number`;
  return (await rows(db, 'motcua_queue_counter_add', { sql: text, params })).length === 1;
}

/**
 * Changes a counter if it still has `version`: 'changed' (its version raised), 'stale' (changed
 * meanwhile by someone else) or 'missing'.
 */
export async function updateCounter(
  db: Executor,
  unitCode: string,
  number: number,
  c: { name: string; fields: string[]; active: boolean; version: number },
  at: Date,
): Promise<'changed' | 'stale' | 'missing'> {
  const { p, params } = placeholders();
  const unit = p(unitCode);
  const n = p(number);
  const text = `
    WITH u AS (
      UPDATE queue_counters SET name = ${p(c.name)}, fields = ${p(JSON.stringify(c.fields))}::jsonb,
        active = ${p(c.active)}::boolean, updated_at = ${p(at.toISOString())}::timestamptz, version = version + 1
      WHERE unit_code = ${unit} AND number = ${n}::smallint AND version = ${p(c.version)}::int
      RETURNING 1)
    SELECT (SELECT count(*)::int FROM u) AS changed,
      (SELECT count(*)::int FROM queue_counters WHERE unit_code = ${unit} AND number = ${n}::smallint) AS present`;
  const [r] = await rows<{ changed: number; present: number }>(db, 'motcua_queue_counter_update', {
    sql: text,
    params,
  });
  return r!.changed === 1 ? 'changed' : r!.present === 1 ? 'stale' : 'missing';
}

/** A finished ticket as the queue report reads it (instants in epoch milliseconds). */
export interface VisitRow {
  day: string;
  number: number;
  field_code: string | null;
  counter_number: number | null;
  status: 'served' | 'no_show';
  outcome: 'dossier' | 'consultation' | 'none' | null;
  dossier_code: string | null;
  taken_ms: number;
  first_called_ms: number | null;
  called_ms: number | null;
  finished_ms: number | null;
}

/** A commune's tickets of the days `from`..`to` (Vietnam dates, inclusive), every status. */
export async function visits(
  db: Executor,
  unitCode: string,
  from: string,
  to: string,
): Promise<Array<Omit<VisitRow, 'status'> & { status: TicketRow['status'] }>> {
  const { p, params } = placeholders();
  const text = `SELECT t.day::text AS day, t.number, t.field_code, t.counter_number::int AS counter_number,
      t.status, t.outcome, t.dossier_code,
      (extract(epoch FROM t.taken_at) * 1000)::float8 AS taken_ms,
      (extract(epoch FROM t.first_called_at) * 1000)::float8 AS first_called_ms,
      (extract(epoch FROM t.called_at) * 1000)::float8 AS called_ms,
      (extract(epoch FROM t.finished_at) * 1000)::float8 AS finished_ms
    FROM queue_tickets t WHERE t.unit_code = ${p(unitCode)} AND t.day BETWEEN ${p(from)}::date AND ${p(to)}::date
    ORDER BY t.day, t.number`;
  return rows(db, 'motcua_queue_visits', { sql: text, params });
}
