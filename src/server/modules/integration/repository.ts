import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { outbox } from '../../db/schema.ts';
import type { Placeholder } from '../audit/repository.ts';

/** One row of the outbox as a change writes it: delivered later by the worker (outbox.ts). */
export interface OutboxRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
}

/**
 * The CTE `messages` that puts messages into the outbox inside the statement of the change they
 * report, so a message exists exactly when its change was committed. The dossier is its code, or
 * `from`: a CTE with one row whose `code` is the dossier code formed by the statement, which is then
 * added to each payload.
 */
export function outboxCte(
  p: Placeholder,
  unitCode: string,
  at: Date,
  rows: OutboxRow[],
  dossier: { code: string } | { from: string },
) {
  const time = p(at.toISOString());
  const list = p(JSON.stringify(rows));
  const from = 'from' in dossier ? dossier.from : undefined;
  const code = 'from' in dossier ? `${dossier.from}.code` : `${p(dossier.code)}::text`;
  // A portal message (a PortalMessage) names the dossier in its body's MaHoSo — left empty for the
  // statement to fill, unless the dossier came from the portal and keeps the portal's code; a notice has `code`.
  const body = `CASE m.payload->>'call' WHEN 'dossier' THEN 'HoSo' WHEN 'progress' THEN 'TienTrinh' ELSE 'TrangThai' END`;
  const payload = from
    ? `CASE WHEN m.kind <> 'portal' THEN m.payload || jsonb_build_object('code', ${code})
        WHEN m.payload->(${body})->>'MaHoSo' = '' THEN jsonb_set(m.payload, ARRAY[${body}, 'MaHoSo'], to_jsonb(${code}))
        ELSE m.payload END`
    : 'm.payload';
  // WITH ORDINALITY + ORDER BY: the rows take their `seq` in the order the event lists them.
  return `messages AS (
      INSERT INTO outbox (unit_code, id, kind, payload, dossier_code, created_at, next_attempt_at)
      SELECT ${p(unitCode)}, m.id, m.kind, ${payload}, ${code},
        ${time}::timestamptz, ${time}::timestamptz
      FROM ${from ? `${from}, ` : ''}ROWS FROM (jsonb_to_recordset(${list}::jsonb) AS (id uuid, kind text, payload jsonb))
        WITH ORDINALITY AS m(id, kind, payload, n)
      ORDER BY m.n
      RETURNING 1)`;
}

/**
 * An operator's retry of a dossier's dead-lettered messages: they become due now with their tries
 * counted afresh (the worker then delivers them, and the dossier's later messages, in order).
 * Returns how many were revived.
 */
export async function retryDead(
  db: Executor,
  unitCode: string,
  dossierCode: string,
  now: Date,
): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ deadAt: null, attempts: 0, nextAttemptAt: now, waitingRetry: false })
    .where(
      sql`${outbox.unitCode} = ${unitCode} AND ${outbox.dossierCode} = ${dossierCode} AND ${outbox.deadAt} IS NOT NULL AND ${outbox.sentAt} IS NULL`,
    )
    .returning({ id: outbox.id });
  return rows.length;
}

/**
 * The CTE `sms` that enqueues the SMS of a queue ticket (modules/queue) inside the ticket's own
 * statement: `from` is a CTE with one row holding the ticket's `number` and whether it is to be sent
 * (`sms`). Not a dossier's message: no dossier code, no audit entry.
 */
export function queueTicketSmsCte(
  p: Placeholder,
  m: { id: string; unitCode: string; at: Date; to: string; unitName: string; url: string },
  from: string,
) {
  const time = p(m.at.toISOString());
  return `sms AS (
      INSERT INTO outbox (unit_code, id, kind, payload, created_at, next_attempt_at)
      SELECT ${p(m.unitCode)}, ${p(m.id)}::uuid, 'sms',
        jsonb_build_object('template', 'queue_ticket', 'to', ${p(m.to)}::text, 'code', ${from}.number::text,
          'number', ${from}.number, 'unitName', ${p(m.unitName)}::text, 'url', ${p(m.url)}::text || ${from}.id::text,
          'applicantName', '', 'dueAt', ${p(m.at.toISOString())}::text),
        ${time}::timestamptz, ${time}::timestamptz
      FROM ${from} WHERE ${from}.sms
      RETURNING 1)`;
}
