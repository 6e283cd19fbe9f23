import { and, asc, count, desc, eq, getTableColumns, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { preparedStatement } from '../../db/prepared.ts';
import { dossierFiles, dossierPauses, dossierSteps, dossiers, trackingBook, users } from '../../db/schema.ts';
import { dossierViewReturning, viewParts, withoutViewParts } from '../dossiers/repository.ts';

export type DossierRow = typeof dossiers.$inferSelect;
export type DossierUpdate = Partial<typeof dossiers.$inferInsert>;

const unitAndCode = () =>
  and(eq(dossiers.unitCode, sql.placeholder('unit')), eq(dossiers.code, sql.placeholder('code')));

const dossierRow = preparedStatement('motcua_dossier_row', (db) =>
  db.select().from(dossiers).where(unitAndCode()).limit(1),
);

export async function getDossierRow(db: Executor, unitCode: string, code: string) {
  return (await dossierRow(db, { unit: unitCode, code }))[0];
}

const dossierRowLocked = preparedStatement('motcua_dossier_row_lock', (db) =>
  db.select().from(dossiers).where(unitAndCode()).limit(1).for('update'),
);

/**
 * The dossier row, locked until the transaction ends: the actions on one dossier take turns, so each
 * reads the dossier, its last step, pause and audit event as the one before it left them.
 */
export async function lockDossierRow(db: Executor, unitCode: string, code: string) {
  return (await dossierRowLocked(db, { unit: unitCode, code }))[0];
}

/**
 * The last hand-off of a dossier (dossier_steps), as a lifecycle action reads it with the dossier. It
 * names the commune and the dossier by the statement's values, not by the outer row: Citus runs a
 * FOR UPDATE only on one shard, and proves that only from the values.
 */
const lastStepOf = (column: 'seq' | 'ended_at' | 'due_at') =>
  sql`(SELECT s.${sql.raw(column)} FROM ${dossierSteps} s WHERE s.unit_code = ${sql.placeholder('unit')} AND s.dossier_code = ${sql.placeholder('code')} ORDER BY s.seq DESC LIMIT 1)`;

/** The statement of lockForAction, for any executor (the bench's floor compiles it too). */
export const actionRowQuery = (db: Executor) =>
  db
    .select({
      ...getTableColumns(dossiers),
      lastStepSeq: sql<number | null>`${lastStepOf('seq')}`.mapWith(dossierSteps.seq).as('last_step_seq'),
      lastStepEndedAt: sql<Date | null>`${lastStepOf('ended_at')}`
        .mapWith(dossierSteps.endedAt)
        .as('last_step_ended_at'),
      lastStepDueAt: sql<Date | null>`${lastStepOf('due_at')}`
        .mapWith(dossierSteps.dueAt)
        .as('last_step_due_at'),
    })
    .from(dossiers)
    .where(unitAndCode())
    .limit(1)
    .for('update');

const actionRowLocked = preparedStatement('motcua_dossier_row_action', actionRowQuery);

/** The last step of a dossier as a lifecycle action needs it: to close it and to number the next. */
export interface LastStep {
  seq: number;
  endedAt: Date | null;
  dueAt: Date | null;
}

/**
 * The dossier row for a lifecycle action, locked until the transaction ends (the actions on one
 * dossier take turns, each reading what the one before it left), with its last step in the same
 * statement.
 */
export async function lockForAction(db: Executor, unitCode: string, code: string) {
  const row = (await actionRowLocked(db, { unit: unitCode, code }))[0];
  if (!row) return undefined;
  const { lastStepSeq, lastStepEndedAt, lastStepDueAt, ...dossier } = row;
  const lastStep: LastStep | null =
    lastStepSeq === null ? null : { seq: lastStepSeq, endedAt: lastStepEndedAt, dueAt: lastStepDueAt };
  return { dossier, lastStep };
}

/** The columns an update sets, in a stable order: one statement per set of columns. */
function columnsOf(set: DossierUpdate) {
  return Object.keys(set)
    .filter((k) => set[k as keyof DossierUpdate] !== undefined)
    .sort() as Array<keyof DossierUpdate>;
}

/** The update's SET with a placeholder per column (and the next version), and its values. */
function setWithPlaceholders(columns: ReadonlyArray<keyof DossierUpdate>) {
  const set: Record<string, unknown> = { version: sql.placeholder('next_version') };
  for (const c of columns) set[c] = sql.placeholder(`set_${c}`);
  return set as DossierUpdate;
}

function setValues(
  columns: ReadonlyArray<keyof DossierUpdate>,
  set: DossierUpdate,
  unitCode: string,
  code: string,
  version: number,
) {
  const values: Record<string, unknown> = { unit: unitCode, code, version, next_version: version + 1 };
  for (const c of columns) values[`set_${c}`] = set[c];
  return values;
}

const versionMatches = () =>
  and(
    eq(dossiers.unitCode, sql.placeholder('unit')),
    eq(dossiers.code, sql.placeholder('code')),
    eq(dossiers.version, sql.placeholder('version')),
  );

/** Statements built per shape (which columns an update sets, which steps it writes), numbered in order of first use. */
function statementsPerShape<T>(kind: string) {
  const shapes = new Map<string, (db: Executor, values: Record<string, unknown>) => Promise<T>>();
  return (key: string, build: (db: Executor) => PromiseLike<T> & { prepare(name: string): unknown }) => {
    let run = shapes.get(key);
    if (!run) {
      // Numbered: a statement name is an identifier of at most 63 bytes.
      run = preparedStatement(`motcua_dossier_${kind}_${shapes.size + 1}`, build);
      shapes.set(key, run);
    }
    return run;
  };
}

const updateStatements =
  statementsPerShape<
    Array<
      Pick<
        DossierRow,
        'code' | 'version' | 'status' | 'dueAt' | 'applicantName' | 'applicantEmail' | 'applicantPhone'
      >
    >
  >('update');

/** Optimistic update: only when nobody changed the dossier since `version` was read. */
export async function updateDossier(
  db: Executor,
  unitCode: string,
  code: string,
  version: number,
  set: DossierUpdate,
) {
  const columns = columnsOf(set);
  const run = updateStatements(columns.join(','), (db) =>
    db
      .update(dossiers)
      .set(setWithPlaceholders(columns))
      .where(versionMatches())
      // What the notifications and the caller need, not the whole row.
      .returning({
        code: dossiers.code,
        version: dossiers.version,
        status: dossiers.status,
        dueAt: dossiers.dueAt,
        applicantName: dossiers.applicantName,
        applicantEmail: dossiers.applicantEmail,
        applicantPhone: dossiers.applicantPhone,
      }),
  );
  const rows = await run(db, setValues(columns, set, unitCode, code, version));
  return rows[0];
}

/** What a lifecycle action writes to the dossier's steps beside its row: the step it ends, the one it opens. */
export interface StepWrites {
  close?: { seq: number; endedAt: Date; verdict: string | null; note: string | null };
  open?: OpenedStep;
}

/**
 * A lifecycle action's update with its step writes in the same statement (data-modifying CTEs: the
 * step closed, the step opened), returning the whole row after the change and the dossier view's
 * parts. The CTEs run under the action's row lock, and the version check cannot fail there (the
 * caller read the version under that lock); a failing one rolls the transaction back.
 */
function actionUpdate(db: Executor, columns: ReadonlyArray<keyof DossierUpdate>, steps: StepWrites) {
  const ctes = [];
  if (steps.close)
    ctes.push(
      db.$with('step_closed').as(
        db
          .update(dossierSteps)
          .set({
            endedAt: sql.placeholder('close_endedAt'),
            verdict: sql.placeholder('close_verdict'),
            note: sql.placeholder('close_note'),
          } as unknown as Partial<StepRow>)
          .where(
            and(
              eq(dossierSteps.unitCode, sql.placeholder('unit')),
              eq(dossierSteps.dossierCode, sql.placeholder('code')),
              eq(dossierSteps.seq, sql.placeholder('close_seq')),
            ),
          ),
      ),
    );
  if (steps.open)
    ctes.push(
      db
        .$with('step_opened')
        .as(
          db
            .insert(dossierSteps)
            .values(
              Object.fromEntries(
                OPEN_COLUMNS.map((c) => [c, sql.placeholder(`open_${c}`)]),
              ) as unknown as StepRow,
            ),
        ),
    );
  return (ctes.length > 0 ? db.with(...ctes) : db)
    .update(dossiers)
    .set(setWithPlaceholders(columns))
    .where(versionMatches())
    .returning({ ...getTableColumns(dossiers), ...dossierViewReturning(sql.placeholder('unit')) });
}

const actionUpdateStatements = statementsPerShape<Awaited<ReturnType<typeof actionUpdate>>>('action');

/** The statement's shape and its values: the row's columns, the step closed and the step opened. */
export function actionUpdateOf(
  unitCode: string,
  code: string,
  version: number,
  set: DossierUpdate,
  steps: StepWrites,
) {
  const columns = columnsOf(set);
  const values = setValues(columns, set, unitCode, code, version);
  if (steps.close) for (const [k, v] of Object.entries(steps.close)) values[`close_${k}`] = v;
  if (steps.open) for (const c of OPEN_COLUMNS) values[`open_${c}`] = steps.open[c] ?? null;
  const key = `${columns.join(',')}|${steps.close ? 'close' : ''}|${steps.open ? 'open' : ''}`;
  return { key, values, build: (db: Executor) => actionUpdate(db, columns, steps) };
}

/**
 * A lifecycle action's optimistic update and its step writes, returning the dossier as its JSON shows
 * it: the whole row after the change with its files, portal synchronisation and people's names (the
 * dossiers module's dossierViewReturning), so the action's response is built from this statement,
 * not read again.
 */
export async function updateDossierForView(
  db: Executor,
  unitCode: string,
  code: string,
  version: number,
  set: DossierUpdate,
  steps: StepWrites = {},
) {
  const shape = actionUpdateOf(unitCode, code, version, set, steps);
  const rows = await actionUpdateStatements(shape.key, shape.build)(db, shape.values);
  const row = rows[0];
  if (!row) return undefined;
  const { receiverUsername, receiverName, assigneeUsername, ...rest } = row;
  return {
    dossier: withoutViewParts(rest),
    receiverUsername,
    receiverName,
    assigneeUsername,
    ...viewParts(rest),
  };
}

export type UpdatedDossier = NonNullable<Awaited<ReturnType<typeof updateDossier>>>;

type StepRow = typeof dossierSteps.$inferInsert;
/** What opening a step writes; its end (ended_at, verdict, note) is written when it closes. */
const OPEN_COLUMNS = [
  'unitCode',
  'dossierCode',
  'seq',
  'stepKey',
  'stepName',
  'fromRole',
  'toRole',
  'fromUserId',
  'toUserId',
  'handedAt',
  'dueAt',
] as const;
export type OpenedStep = { [K in (typeof OPEN_COLUMNS)[number]]: StepRow[K] };

export async function listSteps(db: Executor, unitCode: string, code: string) {
  return db
    .select()
    .from(dossierSteps)
    .where(and(eq(dossierSteps.unitCode, unitCode), eq(dossierSteps.dossierCode, code)))
    .orderBy(asc(dossierSteps.seq));
}

export async function listPauses(db: Executor, unitCode: string, code: string) {
  return db
    .select()
    .from(dossierPauses)
    .where(and(eq(dossierPauses.unitCode, unitCode), eq(dossierPauses.dossierCode, code)))
    .orderBy(asc(dossierPauses.seq));
}

export async function insertPause(db: Executor, row: typeof dossierPauses.$inferInsert) {
  await db.insert(dossierPauses).values(row);
}

export async function closePause(
  db: Executor,
  unitCode: string,
  code: string,
  seq: number,
  set: { toAt: Date; pausedMinutes: number; dueAfter: Date },
) {
  await db
    .update(dossierPauses)
    .set(set)
    .where(
      and(
        eq(dossierPauses.unitCode, unitCode),
        eq(dossierPauses.dossierCode, code),
        eq(dossierPauses.seq, seq),
      ),
    );
}

export async function findUnitUser(db: Executor, unitCode: string, username: string) {
  const rows = await db
    .select()
    .from(users)
    .where(and(eq(users.unitCode, unitCode), eq(users.username, username), eq(users.isActive, true)))
    .limit(1);
  return rows[0];
}

export type QueueKind =
  | 'mine'
  | 'due_today'
  | 'due_soon'
  | 'overdue'
  | 'waiting_supplement'
  | 'awaiting_approval'
  | 'to_transfer'
  | 'to_return'
  | 'online';

/** Open dossiers of a unit for a work queue; the deadline filters are applied by the caller's bounds. */
export async function listQueue(
  db: Executor,
  unitCode: string,
  filter: {
    statuses: number[];
    assigneeId?: string;
    /** Assigned to this user, or unassigned at a step of this role. */
    mine?: { userId: string; role: string };
    dueBefore?: Date;
    dueAfter?: Date;
    subState?: string;
    notPaused?: boolean;
    stepRole?: string;
    channel?: number;
  },
  limit: number,
) {
  return db
    .select({
      code: dossiers.code,
      procedureCode: dossiers.procedureCode,
      applicantName: dossiers.applicantName,
      status: dossiers.status,
      subState: dossiers.subState,
      stepIndex: dossiers.stepIndex,
      // Only the current step's name from the workflow; the time limit only for dossiers without a stored workflow.
      stepName: sql<string | null>`${dossiers.workflow} -> (${dossiers.stepIndex}::int) ->> 'name'`,
      timeLimit: sql<{
        amount: number;
        unit: string;
        text: string;
      } | null>`CASE WHEN ${dossiers.workflow} IS NULL THEN ${dossiers.timeLimit} END`,
      receivedAt: dossiers.receivedAt,
      dueAt: dossiers.dueAt,
      // For the finish prediction (prediction.ts): the steps, when the current one started, pauses.
      workflow: dossiers.workflow,
      procedureTimeLimit: dossiers.timeLimit,
      stepStartedAt: dossiers.stepStartedAt,
      pausedAt: dossiers.pausedAt,
    })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.unitCode, unitCode),
        inArray(dossiers.status, filter.statuses),
        filter.assigneeId ? eq(dossiers.assigneeId, filter.assigneeId) : undefined,
        filter.mine
          ? sql`(${dossiers.assigneeId} = ${filter.mine.userId} OR (${dossiers.assigneeId} IS NULL AND ${dossiers.workflow} -> (${dossiers.stepIndex}::int) ->> 'role' = ${filter.mine.role}))`
          : undefined,
        filter.stepRole
          ? sql`${dossiers.workflow} -> (${dossiers.stepIndex}::int) ->> 'role' = ${filter.stepRole}`
          : undefined,
        filter.dueBefore ? lte(dossiers.dueAt, filter.dueBefore) : undefined,
        filter.dueAfter ? sql`${dossiers.dueAt} > ${filter.dueAfter}` : undefined,
        filter.subState ? eq(dossiers.subState, filter.subState) : undefined,
        filter.notPaused ? isNull(dossiers.pausedAt) : undefined,
        filter.channel ? eq(dossiers.channel, filter.channel) : undefined,
      ),
    )
    .orderBy(asc(dossiers.dueAt))
    .limit(limit);
}

/** One stored file of a dossier (scan or result), without its bytes. */
export async function getDossierFile(db: Executor, unitCode: string, code: string, id: string) {
  const rows = await db
    .select()
    .from(dossierFiles)
    .where(
      and(eq(dossierFiles.unitCode, unitCode), eq(dossierFiles.dossierCode, code), eq(dossierFiles.id, id)),
    )
    .limit(1);
  return rows[0];
}

/** Lines of a commune's tracking book received in [from, to), as the book prints them. */
function inBook(unitCode: string, from: Date, to: Date) {
  return and(
    eq(trackingBook.unitCode, unitCode),
    gte(trackingBook.receivedAt, from),
    lt(trackingBook.receivedAt, to),
  );
}

/**
 * Lines of the tracking book in [from, to) in book order, `limit` of them from `offset`, with the
 * dossier's facts and its first hand-off (seq 1: the transfer to the processing body). One statement.
 */
export async function listTrackingBook(
  db: Executor,
  unitCode: string,
  from: Date,
  to: Date,
  page: { limit: number; offset?: number },
) {
  return db
    .select({
      volume: trackingBook.volume,
      number: trackingBook.number,
      sets: trackingBook.sets,
      code: dossiers.code,
      procedureCode: dossiers.procedureCode,
      applicantName: dossiers.applicantName,
      applicantAddress: dossiers.applicantAddress,
      applicantPhone: dossiers.applicantPhone,
      receivedAt: dossiers.receivedAt,
      dueAt: dossiers.dueAt,
      status: dossiers.status,
      processingEndedAt: dossiers.processingEndedAt,
      returnedAt: dossiers.returnedAt,
      transferredAt: dossierSteps.handedAt,
    })
    .from(trackingBook)
    .innerJoin(
      dossiers,
      and(eq(dossiers.unitCode, trackingBook.unitCode), eq(dossiers.code, trackingBook.dossierCode)),
    )
    .leftJoin(
      dossierSteps,
      and(
        eq(dossierSteps.unitCode, trackingBook.unitCode),
        eq(dossierSteps.dossierCode, trackingBook.dossierCode),
        eq(dossierSteps.seq, 1),
      ),
    )
    .where(inBook(unitCode, from, to))
    .orderBy(asc(trackingBook.volume), asc(trackingBook.number))
    .limit(page.limit)
    .offset(page.offset ?? 0);
}

export type TrackingBookLine = Awaited<ReturnType<typeof listTrackingBook>>[number];

/** How many lines the tracking book holds in [from, to). */
export async function countTrackingBook(db: Executor, unitCode: string, from: Date, to: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(trackingBook)
    .where(inBook(unitCode, from, to));
  return Number(row?.n ?? 0);
}

/**
 * Finished steps of the given procedures handed over since `since`, in one commune or (unitCode
 * omitted) in a whole province: the history the finish prediction learns step durations from.
 * Newest first, at most `limit` rows.
 */
export async function listFinishedSteps(
  db: Executor,
  where: { unitCode?: string; provinceCode: string; procedureCodes: string[]; since: Date },
  limit: number,
) {
  if (where.procedureCodes.length === 0) return [];
  return db
    .select({
      procedureCode: dossiers.procedureCode,
      stepKey: dossierSteps.stepKey,
      handedAt: dossierSteps.handedAt,
      endedAt: dossierSteps.endedAt,
    })
    .from(dossierSteps)
    .innerJoin(
      dossiers,
      and(eq(dossiers.unitCode, dossierSteps.unitCode), eq(dossiers.code, dossierSteps.dossierCode)),
    )
    .where(
      and(
        where.unitCode ? eq(dossierSteps.unitCode, where.unitCode) : undefined,
        eq(dossiers.provinceCode, where.provinceCode),
        inArray(dossiers.procedureCode, where.procedureCodes),
        gte(dossierSteps.handedAt, where.since),
        sql`${dossierSteps.endedAt} IS NOT NULL`,
      ),
    )
    .orderBy(desc(dossierSteps.handedAt))
    .limit(limit);
}
