import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Executor } from '../../src/server/db/client.ts';
import { compileStatement, placeholders } from '../../src/server/db/prepared.ts';
import * as schema from '../../src/server/db/schema.ts';
import type { ChainedEvent } from '../../src/server/modules/audit/chain.ts';
import { nextEntryCte } from '../../src/server/modules/audit/repository.ts';
import { type OutboxRow, outboxCte } from '../../src/server/modules/integration/repository.ts';
import { webhookOutboxCte } from '../../src/server/modules/partners/repository.ts';
import {
  actionRowQuery,
  actionUpdateOf,
  type DossierUpdate,
  type OpenedStep,
  type StepWrites,
} from '../../src/server/modules/workflow/repository.ts';
import { LIFECYCLE, RESULT_FILE, type Role, type TransitionRecorder } from './lifecycle.ts';

/*
 * The transition floor: the statements one lifecycle action runs inside its transaction, issued straight
 * through `pg` with the same concurrency as the HTTP run and nothing else (no HTTP, no session lookup,
 * no read before the transaction, no file storage, no response rendering). The texts are drizzle's, as
 * src/server/modules/workflow/repository.ts and audit/repository.ts produce them; `stepCheck` (in
 * step-check.ts) compares them with what the product actually sends, so a drift is reported.
 */

const q = (cols: readonly string[]) => cols.map((c) => `"${c}"`).join(', ');

/**
 * The product's statements, compiled by drizzle from the product's own builders (a mock database, no
 * connection) and bound by name as the product binds them (src/server/db/prepared.ts).
 */
const mock = drizzle.mock({ schema });
const executor = mock as unknown as Executor;

/** The dossier row, locked for the transaction (actions on one dossier take turns), with its last step. */
const SELECT_DOSSIER = compileStatement(actionRowQuery(executor));
const INSERT_FILE = `insert into "dossier_files" (${q(['unit_code', 'dossier_code', 'id', 'file_name', 'content_type', 'size', 'sha256', 'storage_key', 'created_at'])}) values ($1, $2, $3, $4, $5, $6, $7, $8, default)`;

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
 * The action's update as workflow/repository.ts `updateDossierForView` sends it: the step closed and the
 * step opened as CTEs, the whole row and the dossier view's subqueries in its RETURNING (so the
 * response needs no read after the commit).
 */
const updates = new Map<string, ReturnType<typeof compileStatement>>();
function productUpdate(
  unitCode: string,
  code: string,
  version: number,
  set: DossierUpdate,
  steps: StepWrites,
) {
  const shape = actionUpdateOf(unitCode, code, version, set, steps);
  let compiled = updates.get(shape.key);
  if (!compiled) {
    compiled = compileStatement(shape.build(executor));
    updates.set(shape.key, compiled);
  }
  return { text: compiled.text, values: compiled.bind(shape.values) };
}

const t0 = new Date(0);
const anyOpen: OpenedStep = {
  unitCode: '',
  dossierCode: '',
  seq: 1,
  stepKey: '',
  stepName: '',
  fromRole: '',
  toRole: '',
  fromUserId: '',
  toUserId: null,
  handedAt: t0,
  dueAt: t0,
};
const anyClose = { seq: 1, endedAt: t0, verdict: null, note: null };
/** Each action's update: the columns it sets (decide() sets status, sub-state and step) and its step writes. */
const ACTION_WRITES = {
  transfer: {
    set: { status: 0, subState: 'none', stepIndex: 0, stepStartedAt: t0, stepDueAt: t0 },
    steps: { open: anyOpen },
  },
  complete_step: {
    set: { status: 0, subState: 'none', stepIndex: 0, stepStartedAt: t0, stepDueAt: t0, assigneeId: null },
    steps: { close: anyClose, open: anyOpen },
  },
  issue_result: {
    set: { status: 0, subState: 'none', stepIndex: 0, processingEndedAt: t0, result: {}, timeliness: '' },
    steps: { close: anyClose },
  },
  return_result: { set: { status: 0, subState: 'none', stepIndex: 0, returnedAt: t0 }, steps: {} },
} satisfies Record<string, { set: DossierUpdate; steps: StepWrites }>;
const UPDATE = Object.fromEntries(
  Object.entries(ACTION_WRITES).map(([action, w]) => [action, productUpdate('', '', 0, w.set, w.steps).text]),
) as Record<keyof typeof ACTION_WRITES, string>;

/** The statements each action runs between `begin` and `commit`, in order (for the step check). */
export const FLOOR_STATEMENTS: Record<string, string[]> = {
  transfer: [SELECT_DOSSIER.text, UPDATE.transfer, EVENT],
  'complete_step(specialist)': [SELECT_DOSSIER.text, UPDATE.complete_step, EVENT],
  'complete_step(leader)': [SELECT_DOSSIER.text, UPDATE.complete_step, EVENT],
  issue_result: [SELECT_DOSSIER.text, INSERT_FILE, UPDATE.issue_result, EVENT],
  return_result: [SELECT_DOSSIER.text, UPDATE.return_result, EVENT],
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
    const row = (
      await named<Row>(client, SELECT_DOSSIER.text, SELECT_DOSSIER.bind({ unit: d.unitCode, code: d.code }))
    ).rows[0];
    if (!row) throw new Error(`${d.code} not found`);
    const version = Number(row.version);
    const seq = Number(row.last_step_seq ?? 0);
    const due = new Date(now.getTime() + 3_600_000);
    const open = (index: number): OpenedStep => {
      const s = STEPS[index] as (typeof STEPS)[number];
      return {
        unitCode: d.unitCode,
        dossierCode: d.code,
        seq: seq + 1,
        stepKey: s.key,
        stepName: s.name,
        fromRole: step.role,
        toRole: s.role,
        fromUserId: actor,
        toUserId: null,
        handedAt: now,
        dueAt: due,
      };
    };
    const close = { seq, endedAt: now, verdict: 'on_time', note: null };
    const update = (set: DossierUpdate, steps: StepWrites) => {
      const u = productUpdate(
        d.unitCode,
        d.code,
        version,
        { status: step.to, subState: 'none', ...set },
        steps,
      );
      return named<Row>(client, u.text, u.values);
    };
    let updated: pg.QueryResult<Row>;
    switch (step.action) {
      case 'transfer':
        updated = await update({ stepIndex: 0, stepStartedAt: now, stepDueAt: due }, { open: open(0) });
        break;
      case 'complete_step': {
        const next = Number(row.step_index) + 1;
        updated = await update(
          { stepIndex: next, stepStartedAt: now, stepDueAt: due, assigneeId: null },
          { close, open: open(next) },
        );
        break;
      }
      case 'issue_result': {
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
        const result = {
          fileId,
          fileName: RESULT_FILE.fileName,
          name: RESULT_FILE.fileName,
          issuedBy: 'floor',
        };
        updated = await update(
          { stepIndex: 2, processingEndedAt: now, result, timeliness: 'on_time' },
          { close },
        );
        break;
      }
      default:
        updated = await update({ stepIndex: 2, returnedAt: now }, {});
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
