import type { Placeholder } from '../audit/repository.ts';

/** One row of the outbox as a change writes it: delivered later by the worker (outbox.ts). */
export interface OutboxRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
}

/**
 * The CTE `messages` that puts messages into the outbox inside the statement of the change they
 * report, so a message exists exactly when its change was committed. `from`, when given, is a CTE
 * with one row whose `code` is the dossier code formed by the statement: it is added to each payload.
 */
export function outboxCte(p: Placeholder, unitCode: string, at: Date, rows: OutboxRow[], from?: string) {
  const time = p(at.toISOString());
  const list = p(JSON.stringify(rows));
  return `messages AS (
      INSERT INTO outbox (unit_code, id, kind, payload, created_at, next_attempt_at)
      SELECT ${p(unitCode)}, m.id, m.kind, ${from ? `m.payload || jsonb_build_object('code', ${from}.code)` : 'm.payload'},
        ${time}::timestamptz, ${time}::timestamptz
      FROM ${from ? `${from}, ` : ''}jsonb_to_recordset(${list}::jsonb) AS m(id uuid, kind text, payload jsonb)
      RETURNING 1)`;
}
