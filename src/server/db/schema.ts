import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/*
 * Reference tables (units, procedures, calendar) are shared catalogues: they never point at tenant
 * tables. Tenant tables carry `unit_code` in their primary key, unique constraints and foreign keys so
 * the schema distributes by unit under Citus without a rewrite (docs/DATABASE.md).
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const units = pgTable(
  'units',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    nameEn: text('name_en'),
    level: text('level', { enum: ['province', 'commune'] }).notNull(),
    kind: text('kind'),
    parentCode: text('parent_code'),
    slug: text('slug').notNull(),
    agencyCode: text('agency_code').notNull(),
    isActive: boolean('is_active').notNull().default(false),
    /** The center synchronises with the National Public Service Portal. */
    portalConnected: boolean('portal_connected').notNull().default(false),
  },
  (t) => [uniqueIndex('units_agency_code_uq').on(t.agencyCode), index('units_parent_idx').on(t.parentCode)],
);

/**
 * Which former units (before 1 July 2025) formed each commune: data/former-units.json, then the
 * administrators' corrections applied in order. A reference table: it points only at units.
 */
export const formerUnits = pgTable(
  'former_units',
  {
    communeCode: text('commune_code')
      .notNull()
      .references(() => units.code),
    /** 'commune', or 'district' for a former island district that had no communes. */
    level: text('level', { enum: ['commune', 'district'] }).notNull(),
    formerCode: text('former_code').notNull(),
    name: text('name').notNull(),
    districtCode: text('district_code').notNull(),
    districtName: text('district_name').notNull(),
    provinceCode: text('province_code').notNull(),
    provinceName: text('province_name').notNull(),
    merge: text('merge', { enum: ['full', 'partial'] }).notNull(),
    /** The source's own rating of the assignment, or 'correction' once an administrator changed it. */
    confidence: text('confidence').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communeCode, t.level, t.formerCode] }),
    index('former_units_former_idx').on(t.level, t.formerCode),
  ],
);

/** Corrections administrators imported, kept so a newer data file does not undo them. */
export const formerUnitCorrections = pgTable(
  'former_unit_corrections',
  {
    id: uuid('id').primaryKey(),
    at: ts('at').notNull(),
    /** Position in its import (line number). */
    seq: integer('seq').notNull(),
    userId: uuid('user_id'),
    level: text('level', { enum: ['commune', 'district'] }).notNull(),
    formerCode: text('former_code').notNull(),
    communeCode: text('commune_code').notNull(),
    action: text('action', { enum: ['full', 'partial', 'remove'] }).notNull(),
    reason: text('reason'),
  },
  (t) => [index('former_unit_corrections_at_idx').on(t.at, t.seq)],
);

/**
 * The search index of unit names, derived from units and former_units (never edited by hand): one row
 * per name and word start, so "tan thoi%" finds "Xã Tân Thới" through the btree on `key` — on PGlite
 * too, with no extension. Keys leave out the kind of unit ("xa", "thi tran"), kept in `kind`;
 * `is_head`: the key is the whole name.
 */
export const unitSearch = pgTable(
  'unit_search',
  {
    key: text('key').notNull(),
    isHead: boolean('is_head').notNull(),
    kind: text('kind').notNull(),
    communeCode: text('commune_code').notNull(),
    level: text('level', { enum: ['commune', 'district', 'province'] }).notNull(),
    isFormer: boolean('is_former').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    context: text('context').notNull(),
  },
  (t) => [
    index('unit_search_key_idx').using('btree', t.key.op('text_pattern_ops')),
    index('unit_search_commune_idx').on(t.communeCode),
  ],
);

/** Office hours per province (docs/domain-vn.md §7.1 [S]: configurable). */
export const provinceSettings = pgTable('province_settings', {
  provinceCode: text('province_code').primaryKey(),
  amStart: text('am_start').notNull(),
  amEnd: text('am_end').notNull(),
  pmStart: text('pm_start').notNull(),
  pmEnd: text('pm_end').notNull(),
  sameDayCutoff: text('same_day_cutoff').notNull(),
});

export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  kind: text('kind', { enum: ['holiday', 'compensatory', 'swapped_day_off', 'makeup_workday'] }).notNull(),
  name: text('name').notNull(),
  source: text('source', { enum: ['official', 'derived'] }).notNull(),
  note: text('note'),
});

export const procedures = pgTable('procedures', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  sectorCode: text('sector_code').notNull(),
  sectorName: text('sector_name').notNull(),
  fieldCode: text('field_code').notNull(),
  fieldName: text('field_name').notNull(),
  level: text('level').notNull(),
  agency: text('agency').notNull(),
  onlineLevel: text('online_level').notNull(),
  channels: jsonb('channels').$type<string[]>().notNull(),
  timeLimitAmount: numeric('time_limit_amount', { mode: 'number' }).notNull(),
  timeLimitUnit: text('time_limit_unit', {
    enum: ['working_days', 'working_hours', 'same_day', 'calendar_days'],
  }).notNull(),
  timeLimitText: text('time_limit_text').notNull(),
  /** Full record as published (fees, documents, result, legal basis, applicants). */
  record: jsonb('record').$type<Record<string, unknown>>().notNull(),
  /** Diacritic-folded name + code + field for search that ignores diacritics. */
  searchText: text('search_text').notNull(),
  /** Online payment of the procedure's fees is integrated (Decision 766 indicator 3.5); null = not recorded. */
  onlinePayment: boolean('online_payment'),
  /** The record carries a fee or charge (an amount above 0, or one the province sets); kept on every load. */
  hasFee: boolean('has_fee').notNull().default(false),
  /** Number of the decision publishing the procedure (quyết định công bố, Decision 766 indicator 1.1). */
  publicationDecision: text('publication_decision'),
  publicationDecidedOn: date('publication_decided_on', { mode: 'string' }),
  /** Steps of the procedure (trình tự thực hiện), one of the mandatory parts checked by indicator 1.3. */
  steps: jsonb('steps').$type<string[]>().notNull().default([]),
});

/** Which procedures a commune center offers, and their number in its published list. */
export const unitProcedures = pgTable(
  'unit_procedures',
  {
    unitCode: text('unit_code').notNull(),
    procedureCode: text('procedure_code')
      .notNull()
      .references(() => procedures.code),
    position: integer('position').notNull(),
    /** The day the commune publicly posted the procedure (Decision 766 indicator 1.1), and where. */
    postedOn: date('posted_on', { mode: 'string' }),
    postedWhere: text('posted_where', { enum: ['center', 'portal', 'both'] }),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.procedureCode] })],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['reception', 'specialist', 'leader', 'province', 'admin'] }).notNull(),
    unitCode: text('unit_code'),
    isActive: boolean('is_active').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Wrong-password counters of the sign-in lock-out, keyed by bucket ('u:' normalised username, known or
 * not; 'd:' trusted device; 'a:' client address). A row whose `resets_at` has passed counts as absent.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    resetsAt: ts('resets_at').notNull(),
  },
  (t) => [index('login_throttle_resets_idx').on(t.resetsAt)],
);

/** Browsers a user has signed in from (the device cookie); only the token's SHA-256 is stored. */
export const loginDevices = pgTable(
  'login_devices',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    usedAt: ts('used_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('login_devices_user_idx').on(t.userId)],
);

/** Gapless per-unit counters: dossier codes per day, tracking-book numbers per year. */
export const unitCounters = pgTable(
  'unit_counters',
  {
    unitCode: text('unit_code').notNull(),
    name: text('name').notNull(),
    last: integer('last').notNull(),
    /** Day counters: the latest time of receipt numbered, so that codes follow receipt order. */
    lastAt: ts('last_at'),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.name] })],
);

export const dossiers = pgTable(
  'dossiers',
  {
    unitCode: text('unit_code').notNull(),
    code: text('code').notNull(),
    provinceCode: text('province_code').notNull(),
    procedureCode: text('procedure_code').notNull(),
    fieldCode: text('field_code').notNull(),
    channel: smallint('channel').notNull(),
    status: smallint('status').notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantIdNumber: text('applicant_id_number').notNull(),
    applicantPhone: text('applicant_phone').notNull(),
    applicantAddress: text('applicant_address').notNull(),
    applicantEmail: text('applicant_email'),
    subject: text('subject').notNull(),
    returnMethod: text('return_method', { enum: ['counter', 'post'] }).notNull(),
    documents: jsonb('documents')
      .$type<
        Array<{ id: string; name: string; originals: number; certifiedCopies: number; photocopies: number }>
      >()
      .notNull(),
    timeLimit: jsonb('time_limit').$type<{ amount: number; unit: string; text: string }>().notNull(),
    receivedAt: ts('received_at').notNull(),
    dueAt: ts('due_at').notNull(),
    dueAtOriginal: ts('due_at_original').notNull(),
    /** The officer who received it; null for an online dossier until reception accepts it. */
    receivedBy: uuid('received_by'),
    bookVolume: text('book_volume').notNull(),
    bookNumber: integer('book_number').notNull(),
    version: integer('version').notNull().default(1),
    subState: text('sub_state').notNull().default('none'),
    /** Workflow steps as they were when the dossier was received (never re-bound to a newer catalogue). */
    workflow:
      jsonb('workflow').$type<
        Array<{ key: string; name: string; role: string; allowance: { amount: number; unit: string } }>
      >(),
    stepIndex: smallint('step_index').notNull().default(0),
    stepStartedAt: ts('step_started_at'),
    stepDueAt: ts('step_due_at'),
    assigneeId: uuid('assignee_id'),
    supplementRequests: smallint('supplement_requests').notNull().default(0),
    pausedAt: ts('paused_at'),
    pauseKind: text('pause_kind'),
    pausedMinutes: integer('paused_minutes').notNull().default(0),
    /** Appointment after pauses were added back, before any apology re-appointment (for early/on-time/late). */
    dueAtLegal: ts('due_at_legal'),
    rescheduledAt: ts('rescheduled_at'),
    apology: jsonb('apology').$type<Record<string, unknown>>(),
    processingEndedAt: ts('processing_ended_at'),
    returnedAt: ts('returned_at'),
    result: jsonb('result').$type<Record<string, unknown>>(),
    /** The result drafted from the dossier (src/domain/results): template, values, drafted/approved by whom. */
    resultDraft: jsonb('result_draft').$type<Record<string, unknown>>(),
    timeliness: text('timeliness'),
    /** Counter decision other than acceptance: refusal reasons, or what to supplement before acceptance. */
    intakeNote: jsonb('intake_note').$type<{ decision: string; reasons: string[]; missing?: unknown[] }>(),
    /** The citizen's form answers (online filing), with the form definition and version they were filed with. */
    answers: jsonb('answers').$type<Record<string, unknown>>(),
    formCode: text('form_code'),
    formVersion: integer('form_version'),
    /** Filed by an officer on the citizen's behalf at the counter (issue 14, item 5). */
    assisted: boolean('assisted').notNull().default(false),
    /** The OIDC subject of the citizen who filed it online: "Hồ sơ của tôi" lists by it. */
    citizenSubject: text('citizen_subject'),
    /** The portal's id of a dossier fetched from DVCQG (IdHoSoCong): at most one dossier per id (migration 0009). */
    portalId: text('portal_id'),
    /** The portal's MaHoSo of a fetched dossier: the code every message to the portal about it carries. */
    portalCode: text('portal_code'),
    /** How the fees were paid when collected at intake (Decision 766 indicator 3.6); null = not recorded. */
    feePayment: text('fee_payment', { enum: ['cash', 'online', 'transfer', 'not_required'] }),
    /** The fees collected, in đồng. */
    feeAmount: integer('fee_amount'),
  },
  (t) => [
    primaryKey({ columns: [t.unitCode, t.code] }),
    uniqueIndex('dossiers_portal_id_uq').on(t.unitCode, t.portalId).where(sql`${t.portalId} IS NOT NULL`),
    index('dossiers_citizen_idx')
      .on(t.citizenSubject, t.receivedAt)
      .where(sql`${t.citizenSubject} IS NOT NULL`),
    index('dossiers_unit_received_idx').on(t.unitCode, t.receivedAt),
    index('dossiers_code_idx').on(t.code),
    index('dossiers_open_due_idx').on(t.unitCode, t.status, t.dueAt),
    index('dossiers_assignee_idx').on(t.unitCode, t.assigneeId, t.status),
  ],
);

/** Phiếu kiểm soát quá trình giải quyết hồ sơ: one row per hand-off (docs/domain-vn.md §3.6). */
export const dossierSteps = pgTable(
  'dossier_steps',
  {
    unitCode: text('unit_code').notNull(),
    dossierCode: text('dossier_code').notNull(),
    seq: integer('seq').notNull(),
    stepKey: text('step_key').notNull(),
    stepName: text('step_name').notNull(),
    fromRole: text('from_role'),
    toRole: text('to_role').notNull(),
    fromUserId: uuid('from_user_id'),
    toUserId: uuid('to_user_id'),
    handedAt: ts('handed_at').notNull(),
    dueAt: ts('due_at'),
    endedAt: ts('ended_at'),
    verdict: text('verdict'),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.dossierCode, t.seq] })],
);

/** Supplement and payment pauses of the legal clock. */
export const dossierPauses = pgTable(
  'dossier_pauses',
  {
    unitCode: text('unit_code').notNull(),
    dossierCode: text('dossier_code').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: ['supplement', 'payment'] }).notNull(),
    fromAt: ts('from_at').notNull(),
    toAt: ts('to_at'),
    reason: text('reason').notNull(),
    items: jsonb('items').$type<unknown[]>(),
    pausedMinutes: integer('paused_minutes'),
    dueBefore: ts('due_before').notNull(),
    dueAfter: ts('due_after'),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.dossierCode, t.seq] })],
);

/** Messages to deliver after the transaction that caused them commits (notifications, portal sync). */
export const outbox = pgTable(
  'outbox',
  {
    unitCode: text('unit_code').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: ts('created_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    sentAt: ts('sent_at'),
    lastError: text('last_error'),
    /** The dossier the message is about (portal messages are delivered in order per dossier). */
    dossierCode: text('dossier_code'),
    /** Insertion order: a dossier's portal messages are delivered by it. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    /** Set when the message stopped being retried (dead letter); an operator may retry it. */
    deadAt: ts('dead_at'),
    /** Failed and waiting for its backoff (not leased): brought forward when the link is seen working again. */
    waitingRetry: boolean('waiting_retry').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.unitCode, t.id] }),
    index('outbox_pending_idx').on(t.sentAt, t.nextAttemptAt),
    // The claim's order (integration/repository.ts claimDue): walked by seq, stopped at the batch.
    index('outbox_due_seq_idx').on(t.seq).where(sql`${t.sentAt} IS NULL AND ${t.deadAt} IS NULL`),
    // The waiting messages brought forward a chunk at a time in seq order (bringForwardPortalRetries).
    index('outbox_waiting_seq_idx').on(t.kind, t.seq).where(sql`${t.waitingRetry}`),
    index('outbox_dossier_idx').on(t.unitCode, t.dossierCode, t.kind, t.seq),
  ],
);

export const dossierFiles = pgTable(
  'dossier_files',
  {
    unitCode: text('unit_code').notNull(),
    dossierCode: text('dossier_code').notNull(),
    id: uuid('id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.unitCode, t.id] }),
    index('dossier_files_dossier_idx').on(t.unitCode, t.dossierCode),
  ],
);

/**
 * Maintained rollup of the settlement report (Biểu II.06a): per commune, procedure and field, the
 * dossiers counted on each day (`grain` 'd'), month ('m', bucket = the 1st) and year ('y', bucket =
 * 1 January) by the event that counts them — received online / direct, ended (by outcome), appointment
 * passed, paused before the appointment. Kept by triggers on `dossiers` and `dossier_files` in the
 * writing transaction (migration 0001), so a report of any period is a difference of two cumulative
 * sums over a few rows per commune (src/server/modules/reports/repository.ts).
 */
export const settlementRollup = pgTable(
  'settlement_rollup',
  {
    unitCode: text('unit_code').notNull(),
    grain: text('grain', { enum: ['d', 'm', 'y'] }).notNull(),
    bucket: date('bucket').notNull(),
    procedureCode: text('procedure_code').notNull(),
    fieldCode: text('field_code').notNull(),
    online: integer('online').notNull().default(0),
    direct: integer('direct').notNull().default(0),
    ended: integer('ended').notNull().default(0),
    early: integer('early').notNull().default(0),
    onTime: integer('on_time').notNull().default(0),
    late: integer('late').notNull().default(0),
    withdrawn: integer('withdrawn').notNull().default(0),
    withdrawnNotLate: integer('withdrawn_not_late').notNull().default(0),
    digitised: integer('digitised').notNull().default(0),
    duePassed: integer('due_passed').notNull().default(0),
    duePassedEnded: integer('due_passed_ended').notNull().default(0),
    pausedInTime: integer('paused_in_time').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.grain, t.bucket, t.procedureCode, t.fieldCode] })],
);

/** Append-only: the product never updates or deletes these rows. */
export const auditEvents = pgTable(
  'audit_events',
  {
    unitCode: text('unit_code').notNull(),
    id: uuid('id').notNull(),
    dossierCode: text('dossier_code'),
    action: text('action').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    fromStatus: smallint('from_status'),
    toStatus: smallint('to_status'),
    reason: text('reason'),
    requestId: text('request_id'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    at: ts('at').notNull(),
    /** Position in the dossier's chain and the hashes that make the chain tamper-evident. */
    seq: integer('seq').notNull().default(1),
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.unitCode, t.id] }),
    index('audit_dossier_idx').on(t.unitCode, t.dossierCode, t.at),
    // The partner API's feed of dossiers changed since a time (migration 0010).
    index('audit_events_unit_at_idx').on(t.unitCode, t.at),
    uniqueIndex('audit_chain_uq').on(t.unitCode, t.dossierCode, t.seq),
    // Security events have no dossier code: one chain per unit (migration 0016).
    uniqueIndex('audit_security_chain_uq').on(t.unitCode, t.seq).where(sql`"dossier_code" IS NULL`),
  ],
);

/** Sổ theo dõi hồ sơ (docs/domain-vn.md §3.7): one row per received dossier, numbered per volume. */
export const trackingBook = pgTable(
  'tracking_book',
  {
    unitCode: text('unit_code').notNull(),
    volume: text('volume').notNull(),
    number: integer('number').notNull(),
    dossierCode: text('dossier_code').notNull(),
    procedureCode: text('procedure_code').notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantAddress: text('applicant_address').notNull(),
    applicantPhone: text('applicant_phone').notNull(),
    sets: integer('sets').notNull(),
    receivedAt: ts('received_at').notNull(),
    dueAt: ts('due_at').notNull(),
    receivedBy: uuid('received_by'),
  },
  (t) => [
    primaryKey({ columns: [t.unitCode, t.volume, t.number] }),
    index('tracking_book_dossier_idx').on(t.unitCode, t.dossierCode),
  ],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    unitCode: text('unit_code').notNull(),
    key: text('key').notNull(),
    userId: uuid('user_id').notNull(),
    requestHash: text('request_hash').notNull(),
    dossierCode: text('dossier_code').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.key] })],
);

/** Schema metadata: reference-data fingerprints so start-up reloads only what changed. */
export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: ts('updated_at').notNull().default(sql`now()`),
});

/** Staffing register (docs/domain-vn.md §9): everyone working for the commune, by category, bloc and unit. */
export const staff = pgTable(
  'staff',
  {
    unitCode: text('unit_code').notNull(),
    id: uuid('id').notNull(),
    fullName: text('full_name').notNull(),
    personalId: text('personal_id'),
    category: text('category', {
      enum: ['can_bo', 'cong_chuc', 'vien_chuc', 'hd111', 'part_time', 'seconded'],
    }).notNull(),
    bloc: text('bloc', { enum: ['party', 'state', 'front'] }),
    orgUnit: text('org_unit').notNull(),
    orgUnitKind: text('org_unit_kind', {
      enum: ['center', 'office', 'public_service_unit', 'party', 'front', 'council', 'other'],
    }).notNull(),
    position: text('position'),
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    counters: jsonb('counters').$type<string[]>().notNull().default([]),
    startDate: date('start_date', { mode: 'string' }),
    isActive: boolean('is_active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.unitCode, t.id] }),
    uniqueIndex('staff_personal_id_uq').on(t.unitCode, t.personalId),
  ],
);

export const trainings = pgTable(
  'trainings',
  {
    unitCode: text('unit_code').notNull(),
    id: uuid('id').notNull(),
    staffId: uuid('staff_id').notNull(),
    course: text('course').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    hours: numeric('hours', { mode: 'number' }).notNull(),
    coversOneStop: boolean('covers_one_stop').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unitCode, t.id] }),
    index('trainings_staff_idx').on(t.unitCode, t.staffId),
  ],
);

export const equipment = pgTable(
  'equipment',
  {
    unitCode: text('unit_code').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind', {
      enum: ['desk', 'chair', 'cabinet', 'computer', 'printer', 'scanner', 'queue_kiosk', 'camera', 'other'],
    }).notNull(),
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    condition: text('condition', { enum: ['good', 'fair', 'poor'] }).notNull(),
    location: text('location'),
    meetsNeed: boolean('meets_need').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.id] })],
);

/** Guidance given without a dossier (docs/domain-vn.md §1.5). */
export const consultations = pgTable(
  'consultations',
  {
    unitCode: text('unit_code').notNull(),
    id: uuid('id').notNull(),
    at: ts('at').notNull(),
    fieldCode: text('field_code').notNull(),
    procedureCode: text('procedure_code'),
    channel: text('channel', { enum: ['counter', 'phone', 'online'] }).notNull(),
    subject: text('subject').notNull(),
    officerId: uuid('officer_id'),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.id] }), index('consultations_at_idx').on(t.unitCode, t.at)],
);

export const inspections = pgTable(
  'inspections',
  {
    unitCode: text('unit_code').notNull(),
    id: uuid('id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    participants: text('participants').notNull(),
    findings: text('findings').notNull(),
    directions: text('directions').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.id] })],
);

export const inspectionTasks = pgTable(
  'inspection_tasks',
  {
    unitCode: text('unit_code').notNull(),
    id: uuid('id').notNull(),
    inspectionId: uuid('inspection_id').notNull(),
    title: text('title').notNull(),
    ownerId: uuid('owner_id').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    doneAt: ts('done_at'),
  },
  (t) => [
    primaryKey({ columns: [t.unitCode, t.id] }),
    index('inspection_tasks_owner_idx').on(t.unitCode, t.ownerId, t.doneAt),
  ],
);

/**
 * Every population-database lookup (docs/domain-vn.md §8.3, §8.5; Law 91/2025 on personal data): who,
 * for which unit and purpose, about which dossier, when, with which request id, and the outcome. Nothing
 * about the person looked up is kept here.
 */
export const populationLookups = pgTable(
  'population_lookups',
  {
    unitCode: text('unit_code').notNull(),
    id: uuid('id').notNull(),
    officerId: uuid('officer_id').notNull(),
    officerUsername: text('officer_username').notNull(),
    purpose: text('purpose').notNull(),
    dossierCode: text('dossier_code'),
    requestId: text('request_id').notNull(),
    /** found | not_found | unavailable | rejected */
    outcome: text('outcome', { enum: ['found', 'not_found', 'unavailable', 'rejected'] }).notNull(),
    error: text('error'),
    lookedUpAt: ts('looked_up_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unitCode, t.id] }),
    index('population_lookups_unit_time_idx').on(t.unitCode, t.lookedUpAt),
  ],
);

/**
 * Online dossiers submitted on DVCQG (status 1) fetched into the commune's queue "chờ tiếp nhận trực
 * tuyến" (§8.5 pull side), once each: the portal's id is the key, so a duplicate delivery is a no-op.
 */
export const inboundOnlineDossiers = pgTable(
  'inbound_online_dossiers',
  {
    unitCode: text('unit_code').notNull(),
    portalId: text('portal_id').notNull(),
    portalCode: text('portal_code').notNull(),
    procedureCode: text('procedure_code').notNull(),
    applicantName: text('applicant_name').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    submittedAt: ts('submitted_at').notNull(),
    fetchedAt: ts('fetched_at').notNull(),
    /**
     * waiting: in the online queue (or unmatched, waiting for an officer); taken: received into a
     * motcua dossier (dossier_code); refused: an officer refused it (refusal_reason, sent to the portal).
     */
    state: text('state', { enum: ['waiting', 'taken', 'refused'] })
      .notNull()
      .default('waiting'),
    dossierCode: text('dossier_code'),
    /** The officer who mapped or refused it (an unmatched dossier), and when. */
    handledBy: uuid('handled_by'),
    handledAt: ts('handled_at'),
    /** The commune's procedure an officer chose for a dossier whose procedure code was not matched. */
    mappedProcedureCode: text('mapped_procedure_code'),
    refusalReason: text('refusal_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.unitCode, t.portalId] }),
    index('inbound_online_dossiers_queue_idx').on(t.unitCode, t.state, t.submittedAt),
  ],
);

/**
 * API keys of partner systems of the province (issue 15 item 5): stored as a SHA-256 of the secret
 * part, found by their public prefix, scoped to one commune or one province, revocable, rate-limited.
 */
export const partnerApiKeys = pgTable(
  'partner_api_keys',
  {
    id: uuid('id').primaryKey(),
    keyPrefix: text('key_prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    name: text('name').notNull(),
    scopeKind: text('scope_kind', { enum: ['unit', 'province'] }).notNull(),
    scopeCode: text('scope_code').notNull(),
    ratePerMinute: integer('rate_per_minute').notNull(),
    createdAt: ts('created_at').notNull(),
    revokedAt: ts('revoked_at'),
    lastUsedAt: ts('last_used_at'),
    /** What the key may do (migration 0010): 'dossiers:read', 'applicants:read', 'webhooks'. */
    permissions: text('permissions').array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid('created_by'),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [
    uniqueIndex('partner_api_keys_prefix_uq').on(t.keyPrefix),
    index('partner_api_keys_scope_idx').on(t.scopeKind, t.scopeCode),
  ],
);

/** One sign-in attempt with the citizens' identity provider: state, nonce and PKCE verifier, used once. */
export const citizenLogins = pgTable(
  'citizen_logins',
  {
    state: text('state').primaryKey(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    returnTo: text('return_to').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [index('citizen_logins_expires_idx').on(t.expiresAt)],
);

/** Citizen sessions: a separate cookie and table from staff sessions; the identity as the provider verified it. */
export const citizenSessions = pgTable(
  'citizen_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    subject: text('subject').notNull(),
    personalId: text('personal_id').notNull(),
    fullName: text('full_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    verified: boolean('verified').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('citizen_sessions_expires_idx').on(t.expiresAt)],
);

/** A signed-in citizen's unfinished form for one procedure (kept on the server, survives restarts). */
export const citizenDrafts = pgTable(
  'citizen_drafts',
  {
    subject: text('subject').notNull(),
    procedureCode: text('procedure_code').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.subject, t.procedureCode] })],
);

/** The citizen's rating of a returned dossier: the satisfaction indicator of Decision 766 (docs/domain-vn.md §6). */
export const dossierRatings = pgTable(
  'dossier_ratings',
  {
    unitCode: text('unit_code').notNull(),
    /** The dossier rated; null for a served queue ticket that left no dossier (migration 0019). */
    dossierCode: text('dossier_code'),
    rating: text('rating', { enum: ['very_satisfied', 'satisfied', 'dissatisfied'] }).notNull(),
    ratedAt: ts('rated_at').notNull(),
    /** The citizen's optional reason (migration 0014). */
    comment: text('comment'),
    /** Where it was given: the citizen portal, or the counter's tablet / a slip's QR (migration 0019). */
    channel: text('channel', { enum: ['online', 'counter'] })
      .notNull()
      .default('online'),
    /** The served queue ticket rated at the counter (migration 0019). */
    ticketId: uuid('ticket_id'),
    /** The officer who served the visit (users.id), for the officer's figures (migration 0019). */
    officerId: uuid('officer_id'),
  },
  (t) => [
    uniqueIndex('dossier_ratings_dossier_idx').on(t.unitCode, t.dossierCode),
    uniqueIndex('dossier_ratings_ticket_idx').on(t.unitCode, t.ticketId),
    index('dossier_ratings_unit_rated_idx').on(t.unitCode, t.ratedAt),
  ],
);

/**
 * Files of dossiers uploaded to the national portal (§8.2 step 3), so that each is uploaded once
 * however many dossier updates name it (migration 0009).
 */
export const portalFiles = pgTable(
  'portal_files',
  {
    unitCode: text('unit_code').notNull(),
    fileId: uuid('file_id').notNull(),
    portalFileId: text('portal_file_id').notNull(),
    url: text('url').notNull(),
    hash: text('hash').notNull(),
    uploadedAt: ts('uploaded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.fileId] })],
);

/**
 * A partner system's webhook endpoint (issue 15 item 5, migration 0010): dossier events of its key's
 * scope, of the kinds listed, are signed and delivered through the outbox. The signing secret is not
 * stored: it is derived from the server's partner secret, the endpoint id and `secret_version`.
 */
export const partnerWebhooks = pgTable(
  'partner_webhooks',
  {
    id: uuid('id').primaryKey(),
    keyId: uuid('key_id').notNull(),
    url: text('url').notNull(),
    events: text('events').array().notNull(),
    secretVersion: integer('secret_version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by'),
    disabledAt: ts('disabled_at'),
  },
  (t) => [index('partner_webhooks_key_idx').on(t.keyId)],
);

/**
 * One delivery attempt of an outbox message over a link (portal, sms, email, webhook…): when, whether
 * it was accepted, how long it took, the error. Written by the outbox worker in the statement that
 * settles the message; the operations page reads link state and error rates from it. Rows older than
 * the retention (8 days) are pruned by the worker.
 */
export const linkAttempts = pgTable(
  'link_attempts',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    unitCode: text('unit_code').notNull(),
    /** The outbox kind the message was delivered as: portal | sms | email | … */
    link: text('link').notNull(),
    messageId: uuid('message_id').notNull(),
    at: ts('at').notNull(),
    ok: boolean('ok').notNull(),
    latencyMs: integer('latency_ms').notNull(),
    error: text('error'),
  },
  (t) => [
    // unit_code in the key: Citus (migration 0017).
    primaryKey({ name: 'link_attempts_pkey', columns: [t.unitCode, t.id] }),
    index('link_attempts_at_idx').on(t.at),
    index('link_attempts_unit_link_at_idx').on(t.unitCode, t.link, t.at),
  ],
);

/**
 * Guidance for officers (issue 16 item 4): an intake guide per procedure (`kind` 'intake', `subject` the
 * procedure code) and a guide per lifecycle step (`kind` 'step', `subject` the step key). Every edit is a
 * new version; the highest version is the current one. Seeded versions have no editor.
 */
export const guides = pgTable(
  'guides',
  {
    kind: text('kind', { enum: ['intake', 'step'] }).notNull(),
    subject: text('subject').notNull(),
    version: integer('version').notNull(),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    editedBy: uuid('edited_by'),
    editedByName: text('edited_by_name'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.subject, t.version] })],
);

/** Practice exercises completed in the training center (kept in the REAL database; the practice data never is). */
export const trainingRegister = pgTable(
  'training_register',
  {
    unitCode: text('unit_code').notNull(),
    id: uuid('id').notNull(),
    /** The officer's province ('' for the system administrator): what the province report filters on. */
    provinceCode: text('province_code').notNull(),
    userId: uuid('user_id').notNull(),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    role: text('role').notNull(),
    exercise: text('exercise').notNull(),
    startedAt: ts('started_at').notNull(),
    completedAt: ts('completed_at').notNull(),
    passed: boolean('passed').notNull(),
    checks: jsonb('checks').$type<Array<{ key: string; ok: boolean }>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unitCode, t.id] }),
    index('training_register_unit_time_idx').on(t.unitCode, t.completedAt),
  ],
);

/**
 * Registers of the results the commune issues itself (sổ chứng thực bản sao, sổ chứng thực chữ ký,
 * XNTTHN, trích lục): one numbered entry per issued result, numbered from 1 each year per book.
 */
export const resultRegisterEntries = pgTable(
  'result_register_entries',
  {
    unitCode: text('unit_code').notNull(),
    book: text('book', { enum: ['copy', 'signature', 'marital', 'extract'] }).notNull(),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    dossierCode: text('dossier_code').notNull(),
    issuedAt: ts('issued_at').notNull(),
    requesterName: text('requester_name').notNull(),
    requesterId: text('requester_id'),
    documentName: text('document_name').notNull(),
    copies: integer('copies'),
    fee: integer('fee'),
    signerName: text('signer_name').notNull(),
    signerTitle: text('signer_title').notNull(),
    note: text('note'),
    sha256: text('sha256').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unitCode, t.book, t.year, t.number] }),
    uniqueIndex('result_register_dossier_idx').on(t.unitCode, t.dossierCode, t.book),
  ],
);

/** The counters (quầy) of a commune center's hall and the fields each serves (none listed: every field). */
export const queueCounters = pgTable(
  'queue_counters',
  {
    unitCode: text('unit_code').notNull(),
    number: smallint('number').notNull(),
    name: text('name').notNull(),
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    updatedAt: ts('updated_at').notNull(),
    /** Raised by each change: the configuration page saves a counter against the version it showed (0018). */
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.number] })],
);

/** The last queue number given in a commune on a day (Vietnam date): the gapless sequence of its tickets. */
export const queueDays = pgTable(
  'queue_days',
  {
    unitCode: text('unit_code').notNull(),
    day: date('day').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.day] })],
);

/** A queue ticket (số thứ tự) taken at a commune center's kiosk, from waiting to served or no-show. */
export const queueTickets = pgTable(
  'queue_tickets',
  {
    unitCode: text('unit_code').notNull(),
    day: date('day').notNull(),
    number: integer('number').notNull(),
    id: uuid('id').notNull(),
    /** The field (lĩnh vực) chosen at the kiosk; null: the general line. */
    fieldCode: text('field_code'),
    status: text('status', { enum: ['waiting', 'called', 'served', 'no_show'] }).notNull(),
    /** The counter calling or serving it; while waiting, the counter it was transferred to. */
    counterNumber: smallint('counter_number'),
    takenAt: ts('taken_at').notNull(),
    /** Its place in the line: the time taken, or of the last skip. */
    queuedAt: ts('queued_at').notNull(),
    calledAt: ts('called_at'),
    firstCalledAt: ts('first_called_at'),
    calls: integer('calls').notNull().default(0),
    skips: integer('skips').notNull().default(0),
    transfers: integer('transfers').notNull().default(0),
    finishedAt: ts('finished_at'),
    finishedBy: uuid('finished_by'),
    /** Whether the ticket was sent by SMS (the phone number itself is kept only in the outbox message). */
    sms: boolean('sms').notNull().default(false),
    /** SHA-256 of unit, day and phone: counts a phone's SMS tickets of the day without keeping the number. */
    phoneKey: text('phone_key'),
    /** The dossier received from the ticket at the counter (outcome `dossier`). */
    dossierCode: text('dossier_code'),
    /** What came of a served ticket (0018): a dossier received, a consultation logged, or nothing. */
    outcome: text('outcome', { enum: ['dossier', 'consultation', 'none'] }),
    /** The consultation logged for the ticket (outcome `consultation`). */
    consultationId: uuid('consultation_id'),
  },
  (t) => [
    primaryKey({ columns: [t.unitCode, t.day, t.number] }),
    // unit_code in every unique key: Citus (migration 0017); the ticket is still found by its id alone.
    uniqueIndex('queue_tickets_id_idx').on(t.id, t.unitCode),
    uniqueIndex('queue_tickets_one_called_idx')
      .on(t.unitCode, t.day, t.counterNumber)
      .where(sql`${t.status} = 'called'`),
    index('queue_tickets_waiting_idx').on(t.unitCode, t.day, t.queuedAt).where(sql`${t.status} = 'waiting'`),
    index('queue_tickets_called_idx').on(t.unitCode, t.day, t.calledAt),
  ],
);

/**
 * Invitations to rate a visit at the counter (issue 16 item 3, migration 0019): the SHA-256 of the
 * token shown on the counter's tablet or in a slip's QR, the visit it names and when it expires.
 */
export const ratingInvitations = pgTable(
  'rating_invitations',
  {
    tokenHash: text('token_hash').primaryKey(),
    unitCode: text('unit_code').notNull(),
    dossierCode: text('dossier_code'),
    ticketId: uuid('ticket_id'),
    officerId: uuid('officer_id'),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('rating_invitations_expires_idx').on(t.expiresAt)],
);

/**
 * Notices and legal documents for citizens (issue 16 item 5, migration 0020): published by a commune
 * (`unit_code` = its code) or by the province for all its communes (`unit_code` = the province's code).
 * Plain text only; `version` counts edits (the staff page saves against the version it showed).
 */
export const notices = pgTable(
  'notices',
  {
    unitCode: text('unit_code').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: ['notice', 'legal_document'] }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull().default(''),
    /** Số ký hiệu of a legal document (e.g. 118/2025/NĐ-CP). */
    docNumber: text('doc_number'),
    /** Cơ quan ban hành. */
    issuer: text('issuer'),
    issuedOn: date('issued_on', { mode: 'string' }),
    effectiveOn: date('effective_on', { mode: 'string' }),
    publishedAt: ts('published_at').notNull(),
    /** Shown to citizens until then (none: until unpublished). */
    expiresAt: ts('expires_at'),
    unpublishedAt: ts('unpublished_at'),
    unpublishedBy: uuid('unpublished_by'),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by'),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.unitCode, t.id] }),
    index('notices_published_idx').on(t.unitCode, t.publishedAt),
  ],
);

/** PDF attachments of notices (content-addressed in the file store, like dossier files). */
export const noticeFiles = pgTable(
  'notice_files',
  {
    unitCode: text('unit_code').notNull(),
    noticeId: uuid('notice_id').notNull(),
    id: uuid('id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unitCode, t.id] }),
    index('notice_files_notice_idx').on(t.unitCode, t.noticeId),
  ],
);

/**
 * Citizens' feedback and petitions about procedures (phản ánh, kiến nghị — issue 18 item 3, migration
 * 0024): what was sent, each handling step's time and officer, the due instants of its clocks and the
 * citizen's one rating. Owned by the feedback module.
 */
export const feedbackItems = pgTable(
  'feedback_items',
  {
    unitCode: text('unit_code').notNull(),
    code: text('code').notNull(),
    category: text('category', {
      enum: ['attitude', 'time_limit', 'procedure', 'fees', 'other'],
    }).notNull(),
    status: text('status', {
      enum: ['received', 'info_requested', 'accepted', 'answered', 'approved', 'published', 'refused'],
    }).notNull(),
    senderName: text('sender_name').notNull(),
    phone: text('phone'),
    email: text('email'),
    dossierCode: text('dossier_code'),
    content: text('content').notNull(),
    submittedAt: ts('submitted_at').notNull(),
    decisionDueAt: ts('decision_due_at').notNull(),
    infoDueAt: ts('info_due_at').notNull(),
    handlingDueAt: ts('handling_due_at').notNull(),
    publicationDueAt: ts('publication_due_at'),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by'),
    infoRequestedAt: ts('info_requested_at'),
    infoRequest: text('info_request'),
    infoSuppliedAt: ts('info_supplied_at'),
    infoReply: text('info_reply'),
    refusedAt: ts('refused_at'),
    refusalReason: text('refusal_reason'),
    answeredAt: ts('answered_at'),
    answeredBy: uuid('answered_by'),
    answer: text('answer'),
    approvedAt: ts('approved_at'),
    approvedBy: uuid('approved_by'),
    publishedAt: ts('published_at'),
    publishedBy: uuid('published_by'),
    rating: text('rating', { enum: ['satisfied', 'dissatisfied'] }),
    ratedAt: ts('rated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.unitCode, t.code] }),
    index('feedback_items_submitted_idx').on(t.unitCode, t.submittedAt),
  ],
);
