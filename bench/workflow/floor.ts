import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { and, eq, getTableColumns } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { placeholders } from '../../src/server/db/prepared.ts';
import * as schema from '../../src/server/db/schema.ts';
import { dossiers } from '../../src/server/db/schema.ts';
import type { ChainedEvent } from '../../src/server/modules/audit/chain.ts';
import { nextEntryCte } from '../../src/server/modules/audit/repository.ts';
import { dossierViewReturning } from '../../src/server/modules/dossiers/repository.ts';
import { type OutboxRow, outboxCte } from '../../src/server/modules/integration/repository.ts';
import { webhookOutboxCte } from '../../src/server/modules/partners/repository.ts';
import { LIFECYCLE, RESULT_FILE, type Role, type TransitionRecorder } from './lifecycle.ts';

/*
 * The transition floor: the statements one lifecycle action runs inside its transaction, issued straight
 * through `pg` with the same concurrency as the HTTP run and nothing else (no HTTP, no session lookup,
 * no read before the transaction, no file storage, no response rendering). The texts are drizzle's, as
 * src/server/modules/workflow/repository.ts and audit/repository.ts produce them; `stepCheck` (in
 * step-check.ts) compares them with what the product actually sends, so a drift is reported.
 */

const q = (cols: readonly string[]) => cols.map((c) => `"${c}"`).join(', ');

/** Every column of `dossiers`, in the schema's order: what drizzle's `select()` lists. */
export const DOSSIER_COLUMNS = Object.values(getTableColumns(dossiers)).map((c) => c.name);
const STEP_COLUMNS = [
  'unit_code',
  'dossier_code',
  'seq',
  'step_key',
  'step_name',
  'from_role',
  'to_role',
  'from_user_id',
  'to_user_id',
  'handed_at',
  'due_at',
  'ended_at',
  'verdict',
  'note',
] as const;

/** The dossier row, locked for the transaction: actions on one dossier take turns. */
export const SELECT_DOSSIER = `select ${q(DOSSIER_COLUMNS)} from "dossiers" where ("dossiers"."unit_code" = $1 and "dossiers"."code" = $2) limit $3 for update`;
const LAST_STEP = `select ${q(STEP_COLUMNS)} from "dossier_steps" where ("dossier_steps"."unit_code" = $1 and "dossier_steps"."dossier_code" = $2) order by "dossier_steps"."seq" desc limit $3`;
const CLOSE_STEP = `update "dossier_steps" set "ended_at" = $1, "verdict" = $2, "note" = $3 where ("dossier_steps"."unit_code" = $4 and "dossier_steps"."dossier_code" = $5 and "dossier_steps"."seq" = $6)`;
const OPEN_STEP = `insert into "dossier_steps" (${q(STEP_COLUMNS)}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, default, default, default)`;
const INSERT_FILE = `insert into "dossier_files" ("unit_code", "dossier_code", "id", "file_name", "content_type", "size", "sha256", "storage_key", "created_at") values ($1, $2, $3, $4, $5, $6, $7, $8, default)`;

/**
 * The event statement of dossier-events/repository.ts `writeEvent`, built with the same CTE builders:
 * the audit entry chained to the previous one in SQL, the outbox messages and the partners' webhooks.
 */
function eventStatement(
  entry: Omit<ChainedEvent, 'seq'> & { unitCode: string; dossierCode: string },
  messages: OutboxRow[],
  webhook: Parameters<typeof webhookOutboxCte>[3],
) {
  const { p, params } = placeholders();
  const text = `WITH ${nextEntryCte(p, entry)},
    ${outboxCte(p, entry.unitCode, entry.at, messages, { code: entry.dossierCode })},
    ${webhookOutboxCte(p, entry.unitCode, entry.at, webhook, { code: entry.dossierCode, entryId: entry.id })}
    SELECT audit.seq, audit.hash, (SELECT count(*) FROM messages) AS messages FROM audit`;
  return { text, params };
}
/** The event statement's text (the same for every event: values are parameters). */
const EVENT = eventStatement(
  {
    unitCode: '',
    id: '',
    dossierCode: '',
    action: '',
    actorUserId: '',
    actorRole: '',
    fromStatus: 0,
    toStatus: 0,
    reason: null,
    requestId: '',
    data: null,
    at: new Date(0),
  },
  [],
  {
    id: '',
    type: 'dossier.updated',
    occurredAt: '',
    dossier: { code: '', unitCode: '', status: 0, statusName: '', sequence: null },
    change: { action: '', fromStatus: null, toStatus: null },
  },
).text;

/**
 * The action's update as workflow/repository.ts `updateDossierForView` sends it: the whole row and the
 * dossier view's subqueries in its RETURNING (so the response needs no read after the commit). Drizzle
 * writes the text (a mock database, no connection); the values are bound below: the set columns in the
 * table's order, the where (unit, code, version), then the commune once per view subquery.
 */
const mock = drizzle.mock({ schema });
function productUpdate(set: Partial<typeof dossiers.$inferInsert>) {
  return mock
    .update(dossiers)
    .set({ ...set, version: 1 })
    .where(and(eq(dossiers.unitCode, ''), eq(dossiers.code, ''), eq(dossiers.version, 0)))
    .returning({ ...getTableColumns(dossiers), ...dossierViewReturning('') })
    .toSQL();
}
const updateDossier = (set: Partial<typeof dossiers.$inferInsert>) => productUpdate(set).sql;
/** How many times the view's subqueries name the commune (one parameter each, after the where's three). */
const VIEW_UNIT_PARAMS = productUpdate({ status: 0 }).params.length - 2 - 3;
const t0 = new Date(0);
const UPDATE = {
  transfer: updateDossier({ status: 0, subState: 'none', stepIndex: 0, stepStartedAt: t0, stepDueAt: t0 }),
  complete_step: updateDossier({
    status: 0,
    subState: 'none',
    stepIndex: 0,
    stepStartedAt: t0,
    stepDueAt: t0,
    assigneeId: null,
  }),
  issue_result: updateDossier({
    status: 0,
    subState: 'none',
    stepIndex: 0,
    processingEndedAt: t0,
    result: {},
    timeliness: '',
  }),
  return_result: updateDossier({ status: 0, subState: 'none', stepIndex: 0, returnedAt: t0 }),
};

/** The statements each action runs between `begin` and `commit`, in order (for the step check). */
export const FLOOR_STATEMENTS: Record<string, string[]> = {
  transfer: [SELECT_DOSSIER, LAST_STEP, OPEN_STEP, UPDATE.transfer, EVENT],
  'complete_step(specialist)': [
    SELECT_DOSSIER,
    LAST_STEP,
    CLOSE_STEP,
    OPEN_STEP,
    UPDATE.complete_step,
    EVENT,
  ],
  'complete_step(leader)': [SELECT_DOSSIER, LAST_STEP, CLOSE_STEP, OPEN_STEP, UPDATE.complete_step, EVENT],
  issue_result: [SELECT_DOSSIER, LAST_STEP, CLOSE_STEP, INSERT_FILE, UPDATE.issue_result, EVENT],
  return_result: [SELECT_DOSSIER, UPDATE.return_result, EVENT],
};

const STEPS = [
  { key: 'appraise', name: 'Thẩm định, xử lý hồ sơ', role: 'specialist' },
  { key: 'approve', name: 'Lãnh đạo xem xét, phê duyệt', role: 'leader' },
  { key: 'sign', name: 'Ký, đóng dấu, phát hành kết quả', role: 'leader' },
];

export interface FloorDossier {
  unitCode: string;
  code: string;
  /** Officer ids of the dossier's commune, by role. */
  actors: Record<Role, string>;
}

type Row = Record<string, unknown>;

/** Named statements, parsed and planned once per connection, as the product runs them (src/server/db/prepared.ts). */
const statementNames = new Map<string, string>();
function named<T extends pg.QueryResultRow = Row>(client: pg.PoolClient, text: string, values: unknown[]) {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `floor_wf_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return client.query<T>({ name, text, values });
}

/** One lifecycle action as the product's transaction runs it; the values only need to be plausible. */
async function runAction(client: pg.PoolClient, d: FloorDossier, stepIndex: number) {
  const step = LIFECYCLE[stepIndex] as (typeof LIFECYCLE)[number];
  const now = new Date();
  const actor = d.actors[step.role];
  await client.query('begin');
  try {
    const row = (await named<Row>(client, SELECT_DOSSIER, [d.unitCode, d.code, 1])).rows[0];
    if (!row) throw new Error(`${d.code} not found`);
    const version = Number(row.version);
    // return_result touches no step: the product does not read the last one.
    const current =
      step.action === 'return_result'
        ? undefined
        : (await named<Row>(client, LAST_STEP, [d.unitCode, d.code, 1])).rows[0];
    const seq = Number(current?.seq ?? 0);
    const due = new Date(now.getTime() + 3_600_000);
    const open = async (index: number) => {
      const s = STEPS[index] as (typeof STEPS)[number];
      await named(client, OPEN_STEP, [
        d.unitCode,
        d.code,
        seq + 1,
        s.key,
        s.name,
        step.role,
        s.role,
        actor,
        null,
        now,
        due,
      ]);
    };
    const close = () => named(client, CLOSE_STEP, [now, 'on_time', null, d.unitCode, d.code, seq]);
    let updated: pg.QueryResult<Row>;
    const where = [d.unitCode, d.code, version, ...Array(VIEW_UNIT_PARAMS).fill(d.unitCode)];
    switch (step.action) {
      case 'transfer':
        await open(0);
        updated = await named<Row>(client, UPDATE.transfer, [
          step.to,
          version + 1,
          'none',
          0,
          now,
          due,
          ...where,
        ]);
        break;
      case 'complete_step': {
        const next = Number(row.step_index) + 1;
        await close();
        await open(next);
        updated = await named<Row>(client, UPDATE.complete_step, [
          step.to,
          version + 1,
          'none',
          next,
          now,
          due,
          null,
          ...where,
        ]);
        break;
      }
      case 'issue_result': {
        await close();
        const fileId = randomUUID();
        await named(client, INSERT_FILE, [
          d.unitCode,
          d.code,
          fileId,
          RESULT_FILE.fileName,
          RESULT_FILE.contentType,
          15,
          'f'.repeat(64),
          `sha256/ff/${'f'.repeat(64)}`,
        ]);
        const result = JSON.stringify({
          fileId,
          fileName: RESULT_FILE.fileName,
          name: RESULT_FILE.fileName,
          issuedBy: 'floor',
        });
        updated = await named<Row>(client, UPDATE.issue_result, [
          step.to,
          version + 1,
          'none',
          2,
          now,
          result,
          'on_time',
          ...where,
        ]);
        break;
      }
      default:
        updated = await named<Row>(client, UPDATE.return_result, [
          step.to,
          version + 1,
          'none',
          2,
          now,
          ...where,
        ]);
    }
    if (updated.rowCount !== 1) throw new Error(`${d.code}: version conflict`);
    // The product's event: audit entry (chained in SQL), the applicant's notice of issue_result, webhooks.
    const messages: OutboxRow[] =
      step.action === 'issue_result'
        ? [
            {
              id: randomUUID(),
              kind: 'sms',
              payload: {
                code: d.code,
                template: 'result_ready',
                applicantName: row.applicant_name,
                to: row.applicant_phone,
              },
            },
          ]
        : [];
    const event = eventStatement(
      {
        unitCode: d.unitCode,
        id: randomUUID(),
        dossierCode: d.code,
        action: step.action,
        actorUserId: actor,
        actorRole: step.role,
        fromStatus: Number(row.status),
        toStatus: step.to,
        reason: null,
        requestId: `floor-${stepIndex}`,
        data: null,
        at: now,
      },
      messages,
      {
        id: randomUUID(),
        type: 'dossier.status_changed',
        occurredAt: now.toISOString(),
        dossier: { code: d.code, unitCode: d.unitCode, status: step.to, statusName: '', sequence: null },
        change: { action: step.action, fromStatus: Number(row.status), toStatus: step.to },
      },
    );
    await named(client, event.text, event.params);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  }
}

/** One round of the floor, shaped like `driveHttp`: `perClient[i]` is one worker's dossiers. */
export async function transitionFloor(
  pool: pg.Pool,
  perClient: readonly (readonly FloorDossier[])[],
  rec: TransitionRecorder | undefined,
  errors: TransitionRecorder,
): Promise<void> {
  const start = performance.now();
  const run = async (dossiers: readonly FloorDossier[]) => {
    for (const d of dossiers) {
      for (let s = 0; s < LIFECYCLE.length; s++) {
        const t0 = performance.now();
        const client = await pool.connect();
        try {
          await runAction(client, d, s);
        } catch (err) {
          errors.error((err as Error).message);
          break;
        } finally {
          client.release();
        }
        rec?.record(LIFECYCLE[s]?.key ?? '', performance.now() - t0);
      }
    }
  };
  await Promise.all(perClient.map(run));
  if (rec) rec.seconds += (performance.now() - start) / 1000;
}
