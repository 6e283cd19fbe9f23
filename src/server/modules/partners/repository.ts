import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { WebhookBody } from '../../../domain/lifecycle/events.ts';
import type { Executor } from '../../db/client.ts';
import { executePrepared, placeholders } from '../../db/prepared.ts';
import { dossiers, partnerApiKeys, partnerWebhooks } from '../../db/schema.ts';
import type { Placeholder } from '../audit/repository.ts';

/*
 * The SQL of partner keys and webhook endpoints (global tables: a key belongs to a partner system,
 * scoped to one commune or one province), the Partner API's feed of changed dossiers, and the part
 * of the dossier event recorder's statement that enqueues an event for the subscribed endpoints.
 */

export type KeyRow = typeof partnerApiKeys.$inferSelect;
export type WebhookRow = typeof partnerWebhooks.$inferSelect;

export async function insertKey(db: Executor, row: typeof partnerApiKeys.$inferInsert) {
  await db.insert(partnerApiKeys).values(row);
}

/** The key with this public prefix (revoked ones too: the caller refuses them). */
export async function findKeyByPrefix(db: Executor, prefix: string): Promise<KeyRow | undefined> {
  const rows = await db.select().from(partnerApiKeys).where(eq(partnerApiKeys.keyPrefix, prefix)).limit(1);
  return rows[0];
}

export async function findKey(db: Executor, id: string): Promise<KeyRow | undefined> {
  const rows = await db.select().from(partnerApiKeys).where(eq(partnerApiKeys.id, id)).limit(1);
  return rows[0];
}

/**
 * Records a key's use, at most once a minute per key (a write per request would make every partner
 * read a write).
 */
export async function touchKey(db: Executor, id: string, now: Date) {
  const minuteAgo = new Date(now.getTime() - 60_000);
  await db
    .update(partnerApiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(partnerApiKeys.id, id),
        or(isNull(partnerApiKeys.lastUsedAt), lt(partnerApiKeys.lastUsedAt, minuteAgo)),
      ),
    );
}

/** Revokes a key once (the first revocation's time and officer stay); returns whether it was live. */
export async function revokeKey(db: Executor, id: string, by: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(partnerApiKeys)
    .set({ revokedAt: now, revokedBy: by })
    .where(and(eq(partnerApiKeys.id, id), isNull(partnerApiKeys.revokedAt)))
    .returning({ id: partnerApiKeys.id });
  return rows.length > 0;
}

/** Keys whose scope is one of the given communes or provinces (undefined: every key), newest first. */
export async function listKeys(db: Executor, within: { units: string[]; provinces: string[] } | undefined) {
  const where = within
    ? or(
        within.units.length
          ? and(eq(partnerApiKeys.scopeKind, 'unit'), inArray(partnerApiKeys.scopeCode, within.units))
          : sql`false`,
        within.provinces.length
          ? and(eq(partnerApiKeys.scopeKind, 'province'), inArray(partnerApiKeys.scopeCode, within.provinces))
          : sql`false`,
      )
    : undefined;
  return db.select().from(partnerApiKeys).where(where).orderBy(desc(partnerApiKeys.createdAt));
}

export async function listWebhooks(db: Executor, keyIds: string[]): Promise<WebhookRow[]> {
  if (!keyIds.length) return [];
  return db
    .select()
    .from(partnerWebhooks)
    .where(inArray(partnerWebhooks.keyId, keyIds))
    .orderBy(partnerWebhooks.createdAt);
}

export async function insertWebhook(db: Executor, row: typeof partnerWebhooks.$inferInsert) {
  await db.insert(partnerWebhooks).values(row);
}

export async function findWebhook(db: Executor, id: string): Promise<WebhookRow | undefined> {
  const rows = await db.select().from(partnerWebhooks).where(eq(partnerWebhooks.id, id)).limit(1);
  return rows[0];
}

export async function disableWebhook(db: Executor, id: string, now: Date) {
  await db
    .update(partnerWebhooks)
    .set({ disabledAt: now })
    .where(and(eq(partnerWebhooks.id, id), isNull(partnerWebhooks.disabledAt)));
}

/** What the webhook worker needs of an endpoint at delivery: where, which secret, and whether it may still receive. */
export async function webhookTarget(db: Executor, id: string) {
  const rows = await db
    .select({
      url: partnerWebhooks.url,
      secretVersion: partnerWebhooks.secretVersion,
      disabledAt: partnerWebhooks.disabledAt,
      revokedAt: partnerApiKeys.revokedAt,
      permissions: partnerApiKeys.permissions,
    })
    .from(partnerWebhooks)
    .innerJoin(partnerApiKeys, eq(partnerApiKeys.id, partnerWebhooks.keyId))
    .where(eq(partnerWebhooks.id, id))
    .limit(1);
  return rows[0];
}

/** A scope the feed reads: one commune, or every commune of one province. */
export type FeedScope = { kind: 'unit'; unitCode: string } | { kind: 'province'; provinceCode: string };

export interface ChangedDossier {
  unitCode: string;
  code: string;
  changedAt: Date;
}

/**
 * Dossiers of the scope whose latest recorded event is after `since`, in order of that event's time
 * then code, after the cursor `(changedAt, code)`; `limit` of them. One statement over the audit
 * chains (index audit_events_unit_at_idx) and the dossiers.
 */
export async function changedDossiers(
  db: Executor,
  scope: FeedScope,
  q: {
    since: Date | undefined;
    status: number | undefined;
    after: { at: Date; code: string } | undefined;
    limit: number;
  },
): Promise<ChangedDossier[]> {
  const { p, params } = placeholders();
  const units =
    scope.kind === 'unit'
      ? `ARRAY[${p(scope.unitCode)}::text]`
      : `ARRAY(SELECT code FROM units WHERE parent_code = ${p(scope.provinceCode)})`;
  const text = `WITH changed AS (
      SELECT a.unit_code, a.dossier_code, max(a.at) AS changed_at FROM audit_events a
      WHERE a.unit_code = ANY(${units}) AND a.at > ${p((q.since ?? new Date(0)).toISOString())}::timestamptz
      GROUP BY a.unit_code, a.dossier_code)
    SELECT c.unit_code, c.dossier_code, c.changed_at FROM changed c
    JOIN dossiers d ON d.unit_code = c.unit_code AND d.code = c.dossier_code
    WHERE (${p(q.status ?? null)}::smallint IS NULL OR d.status = ${p(q.status ?? null)}::smallint)
      AND (${p(q.after ? q.after.at.toISOString() : null)}::timestamptz IS NULL
        OR (c.changed_at, c.dossier_code) > (${p(q.after ? q.after.at.toISOString() : null)}::timestamptz, ${p(q.after?.code ?? null)}::text))
    ORDER BY c.changed_at, c.dossier_code
    LIMIT ${p(q.limit)}::int`;
  const result = (await executePrepared(db, `motcua_partner_feed_${scope.kind}`, { sql: text, params })) as {
    rows: Array<{ unit_code: string; dossier_code: string; changed_at: Date | string }>;
  };
  return result.rows.map((r) => ({
    unitCode: r.unit_code,
    code: r.dossier_code,
    changedAt: new Date(r.changed_at),
  }));
}

/** The rows of the given dossiers of one unit (the feed's page). */
export async function dossierRows(db: Executor, unitCode: string, codes: string[]) {
  if (!codes.length) return [];
  return db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.unitCode, unitCode), inArray(dossiers.code, codes)));
}

/**
 * The CTE `hooks` of the dossier event recorder's statement: the event's webhook body, once for each
 * live endpoint subscribed to its kind whose key (not revoked, with the `webhooks` permission) covers
 * the dossier's commune or its province, put into the outbox (`kind` 'webhook'). The dossier's code is
 * a value, or the `code` of the CTE `from` when the statement forms it (intake, whose entry is the
 * chain's first). The entry's position (`dossier.sequence`) is read by this CTE itself from the
 * dossier's entries, not from the statement's CTE `audit` nor a subquery: on Citus a CTE that inserts
 * from another CTE or from a subquery it plans apart is planned through the coordinator, which copies
 * those rows to every worker, so one worker down would stop every commune's actions
 * (citus-worker-down.api.test.ts). Runs in the change's statement, so the deliveries exist exactly when
 * the change was committed, and an endpoint registered later never receives earlier events.
 */
export function webhookOutboxCte(
  p: Placeholder,
  unitCode: string,
  at: Date,
  body: WebhookBody,
  dossier: { code: string; entryId: string } | { from: string },
) {
  const unit = p(unitCode);
  const time = p(at.toISOString());
  const code = 'from' in dossier ? `${dossier.from}.code` : `${p(dossier.code)}::text`;
  // The first entry is at 1; a later one at the last other entry's position + 1 (one row per endpoint:
  // grouped by it). Other than the new entry (`entryId`): on PostgreSQL the statement's CTEs share one
  // snapshot and this one does not see the entry `audit` inserts, on Citus each CTE runs as a query of
  // its own and does.
  const [position, from, group] =
    'from' in dossier
      ? ['1', dossier.from, '']
      : [
          `max(s.seq) FILTER (WHERE s.id <> ${p(dossier.entryId)}::uuid) + 1`,
          'audit_events s',
          `AND s.unit_code = ${unit}::text AND s.dossier_code = ${code}
      GROUP BY w.id`,
        ];
  return `hooks AS (
      INSERT INTO outbox (unit_code, id, kind, payload, dossier_code, created_at, next_attempt_at)
      SELECT ${unit}, gen_random_uuid(), 'webhook',
        jsonb_build_object('endpointId', w.id, 'event',
          jsonb_set(jsonb_set(${p(JSON.stringify(body))}::jsonb, '{dossier,code}', to_jsonb(${code})),
            '{dossier,sequence}', to_jsonb(${position}))),
        ${code}, ${time}::timestamptz, ${time}::timestamptz
      FROM ${from}, partner_webhooks w
      JOIN partner_api_keys k ON k.id = w.key_id
      JOIN units u ON u.code = ${unit}::text
      WHERE w.disabled_at IS NULL AND k.revoked_at IS NULL AND 'webhooks' = ANY(k.permissions)
        AND ${p(body.type)}::text = ANY(w.events)
        AND ((k.scope_kind = 'unit' AND k.scope_code = ${unit}::text)
          OR (k.scope_kind = 'province' AND k.scope_code = u.parent_code))
      ${group}
      RETURNING 1)`;
  // The province by a join, not a scalar subquery: Citus refuses a subquery in a CTE of a statement
  // that reads other CTEs ("correlated subqueries are not supported when the FROM clause contains a CTE").
}
