import type { WebhookBody } from '../../../domain/lifecycle/events.ts';
import type { Executor } from '../../db/client.ts';
import { executePrepared, placeholders } from '../../db/prepared.ts';
import type { ChainedEvent } from '../audit/chain.ts';
import { firstEntryCte, nextEntryCte, type Placeholder } from '../audit/repository.ts';
import { type OutboxRow, outboxCte } from '../integration/repository.ts';
import { webhookOutboxCte } from '../partners/repository.ts';

/**
 * Appends an event's audit entry to its dossier's chain and puts its messages into the outbox, in
 * one statement (the previous entry is read inside it). Runs in the caller's transaction, which holds
 * the dossier's row lock; a failure of either insert undoes both, and the caller's transaction with them.
 */
export async function writeEvent(
  db: Executor,
  entry: Omit<ChainedEvent, 'seq'> & { dossierCode: string },
  messages: OutboxRow[],
  webhook: WebhookBody,
) {
  const { p, params } = placeholders();
  const text = `WITH ${nextEntryCte(p, entry)},
    ${outboxCte(p, entry.unitCode, entry.at, messages, { code: entry.dossierCode })},
    ${webhookOutboxCte(p, entry.unitCode, entry.at, webhook, { code: entry.dossierCode, entryId: entry.id })}
    SELECT audit.seq, audit.hash, (SELECT count(*) FROM messages) AS messages FROM audit`;
  const result = (await executePrepared(db, 'motcua_dossier_event', { sql: text, params })) as {
    rows: Array<{ seq: number | string; hash: string; messages: number | string }>;
  };
  const row = result.rows[0];
  if (!row || Number(row.messages) !== messages.length)
    throw new Error(
      `dossier event wrote ${row ? `${row.messages} of ${messages.length} messages` : 'no audit entry'}`,
    );
  return { seq: Number(row.seq), hash: row.hash };
}

/**
 * The CTEs that record the event of a dossier received by a statement that forms the dossier's code
 * as it runs (dossiers/repository.ts writeIntake): `audit` (the chain's first entry), `hooks` (its
 * deliveries to partners' webhook endpoints) and, when the event sends any, `messages`. `from` is the statement's CTE holding the dossier's `code`.
 */
export function firstEventCtes(
  p: Placeholder,
  entry: Omit<ChainedEvent, 'seq' | 'dossierCode'>,
  messages: OutboxRow[],
  webhook: WebhookBody,
  from: string,
) {
  const audit = `${firstEntryCte(p, entry, from)},\n    ${webhookOutboxCte(p, entry.unitCode, entry.at, webhook, { from })}`;
  return messages.length
    ? `${audit},\n    ${outboxCte(p, entry.unitCode, entry.at, messages, { from })}`
    : audit;
}
