import { createHash, randomUUID } from 'node:crypto';
import { vnDateOf } from '../../../domain/calendar/vn-time.ts';
import { queueReport, serviceSeconds, type Visit, waitingSeconds } from '../../../domain/queue/report.ts';
import { decideTicketAction, normalizeMobile } from '../../../domain/queue/ticket.ts';
import { PERIOD_ERROR_NAMES, validatePeriod } from '../../../domain/reports/periods.ts';
import type { AppContext } from '../../context.ts';
import { sqlStateOf } from '../../db/errors.ts';
import { AppError } from '../../errors.ts';
import type { AuthUser } from '../identity/types.ts';
import { counterCommune, mayConfigureCounters, mayViewQueue, mayWorkCounter } from './policy.ts';
import * as repo from './repository.ts';
import type {
  AddCounterBody,
  BoardView,
  QueueReportQuery,
  SaveCountersBody,
  TakeTicketBody,
  TicketActionBody,
  TicketView,
  UpdateCounterBody,
} from './schemas.ts';

/** SMS tickets one phone number may receive per commune and day (the kiosk is public: no SMS flood). */
export const SMS_PER_PHONE_PER_DAY = 3;
const RECENT_CALLS = 8;
const WAITING_SHOWN = 50;

type Unit = Awaited<ReturnType<AppContext['services']['units']['get']>>;

/** A commune whose center runs on the system; anything else is not found (the kiosk is public). */
async function activeCommune(ctx: AppContext, code: string): Promise<Unit> {
  const unit = await ctx.services.units.find(code);
  if (!unit || unit.level !== 'commune') throw new AppError('UNIT_NOT_FOUND', `Mã xã ${code}`);
  if (!unit.isActive) throw new AppError('UNIT_INACTIVE');
  return unit;
}

const queueUnit = (u: Unit) => ({ code: u.code, provinceCode: u.parentCode ?? '' });
const today = (ctx: AppContext) => vnDateOf(ctx.now());
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * A commune's catalogue fields and counters, kept by this process for a few seconds: every ticket and
 * every call needs them, and they change only when the leader saves the counters (which clears this
 * process's copy; other processes see the change within CONFIG_TTL_MS).
 */
const CONFIG_TTL_MS = 10_000;
type QueueConfig = { fields: Array<{ code: string; name: string }>; counters: repo.CounterRow[] };
const configs = new WeakMap<AppContext, Map<string, { at: number; config: Promise<QueueConfig> }>>();

function queueConfig(ctx: AppContext, unitCode: string): Promise<QueueConfig> {
  let byUnit = configs.get(ctx);
  if (!byUnit) {
    byUnit = new Map();
    configs.set(ctx, byUnit);
  }
  const now = Date.now();
  const kept = byUnit.get(unitCode);
  if (kept && now - kept.at < CONFIG_TTL_MS) return kept.config;
  const config = Promise.all([
    repo.catalogueFields(ctx.db, unitCode),
    repo.listCounters(ctx.db, unitCode),
  ]).then(([fields, counters]) => ({ fields, counters }));
  byUnit.set(unitCode, { at: now, config });
  config.catch(() => byUnit.delete(unitCode));
  return config;
}

function forgetConfig(ctx: AppContext, unitCode: string) {
  configs.get(ctx)?.delete(unitCode);
}

/** The groups a kiosk offers: the catalogue's fields that an active counter serves (every field when one serves all). */
async function kioskGroups(ctx: AppContext, unitCode: string) {
  const { fields, counters } = await queueConfig(ctx, unitCode);
  const active = counters.filter((c) => c.active);
  if (active.some((c) => c.fields.length === 0)) return { fields, groups: fields };
  const served = new Set(active.flatMap((c) => c.fields));
  return { fields, groups: fields.filter((f) => served.has(f.code)) };
}

function presentTicket(t: repo.TicketRow, names: Map<string, string>): TicketView {
  return {
    id: t.id,
    unit: t.unit_code,
    day: t.day,
    number: t.number,
    group: t.field_code ? { code: t.field_code, name: names.get(t.field_code) ?? t.field_code } : null,
    status: t.status,
    counter: t.counter_number,
    takenAt: new Date(t.taken_ms).toISOString(),
    calledAt: iso(t.called_ms),
    calls: t.calls,
    sms: t.sms,
  };
}

async function fieldNames(ctx: AppContext, unitCode: string) {
  return new Map((await queueConfig(ctx, unitCode)).fields.map((f) => [f.code, f.name]));
}

export async function kiosk(ctx: AppContext, unitCode: string) {
  const unit = await activeCommune(ctx, unitCode);
  const { groups } = await kioskGroups(ctx, unit.code);
  return { unit: { code: unit.code, name: unit.fullName }, groups };
}

const followUrl = (ctx: AppContext, unit: string, id: string) =>
  `${ctx.config.publicUrl}/hang-doi/${unit}/${id}`;

/**
 * Takes a ticket at a kiosk: the commune must be active, the group one its counters serve, the phone
 * a Vietnamese mobile number. One statement numbers and writes it (and its SMS); the phone is kept
 * only in the SMS message, the ticket keeps a day-salted hash to cap the SMS per phone.
 */
export async function takeTicket(ctx: AppContext, body: TakeTicketBody) {
  const unit = await activeCommune(ctx, body.unit);
  const phone = body.phone === undefined ? undefined : normalizeMobile(body.phone);
  if (body.phone !== undefined && !phone)
    throw new AppError('VALIDATION_FAILED', 'Số điện thoại di động không hợp lệ', [
      { path: 'phone', message: 'Số di động Việt Nam gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09' },
    ]);
  const { fields, groups } = await kioskGroups(ctx, unit.code);
  if (body.group !== undefined && !groups.some((g) => g.code === body.group))
    throw new AppError('QUEUE_FIELD_UNKNOWN', `Không có quầy phục vụ lĩnh vực ${body.group}`, [
      { path: 'group', message: 'Lĩnh vực không có quầy phục vụ tại Trung tâm' },
    ]);
  const at = ctx.now();
  const day = vnDateOf(at);
  const id = randomUUID();
  const row = await repo.insertTicket(ctx.db, {
    id,
    unitCode: unit.code,
    day,
    fieldCode: body.group ?? null,
    at,
    sms: phone
      ? {
          phoneKey: createHash('sha256').update(`${unit.code}|${day}|${phone}`).digest('hex'),
          outboxId: randomUUID(),
          to: phone,
          unitName: unit.fullName,
          url: `${ctx.config.publicUrl}/hang-doi/${unit.code}/`,
          perPhone: SMS_PER_PHONE_PER_DAY,
        }
      : undefined,
  });
  const names = new Map(fields.map((f) => [f.code, f.name]));
  return {
    ...presentTicket(row, names),
    waitingAhead: row.waiting_ahead ?? 0,
    followUrl: followUrl(ctx, unit.code, id),
    printUrl: `/api/v1/queue/tickets/${id}/print?unit=${unit.code}`,
  };
}

/** A public ticket by its id, of commune `unit` when the link names it (the follow-up and print links do). */
async function ticketOf(ctx: AppContext, id: string, unit?: string) {
  const t = await repo.findTicket(ctx.db, id, unit);
  if (!t) throw new AppError('QUEUE_TICKET_NOT_FOUND');
  return t;
}

/** The follow-up page of a ticket (public, by its unguessable id): its place in line and where it is called. */
export async function follow(ctx: AppContext, id: string, unitCode?: string) {
  const t = await ticketOf(ctx, id, unitCode);
  const unit = await ctx.services.units.get(t.unit_code);
  const [names, counters] = await Promise.all([
    fieldNames(ctx, t.unit_code),
    repo.listCounters(ctx.db, t.unit_code),
  ]);
  const counter = counters.find((c) => c.number === t.counter_number);
  const expired = t.day !== today(ctx);
  return {
    unit: { code: unit.code, name: unit.fullName },
    number: t.number,
    day: t.day,
    group: presentTicket(t, names).group,
    status: t.status,
    counter: t.counter_number,
    counterName: counter?.name ?? null,
    waitingAhead: t.status === 'waiting' && !expired ? await repo.waitingAhead(ctx.db, t) : 0,
    expired,
  };
}

/** What the printer prints for a ticket (80 mm receipt). */
export async function ticketPrint(ctx: AppContext, id: string, unitCode?: string) {
  const t = await ticketOf(ctx, id, unitCode);
  const unit = await ctx.services.units.get(t.unit_code);
  const names = await fieldNames(ctx, t.unit_code);
  const province = await ctx.services.units.find(unit.parentCode ?? '');
  return {
    issuer: `UBND ${unit.fullName}`.toUpperCase(),
    province: province?.fullName ?? '',
    number: t.number,
    group: t.field_code ? (names.get(t.field_code) ?? t.field_code) : null,
    takenAt: new Date(t.taken_ms),
    waitingAhead: t.status === 'waiting' ? await repo.waitingAhead(ctx.db, t) : 0,
    followUrl: followUrl(ctx, unit.code, t.id),
  };
}

/** The hall's board: the number each counter calls, the latest calls, how many wait. No personal data. */
export async function boardOf(ctx: AppContext, unitCode: string): Promise<BoardView> {
  const unit = await activeCommune(ctx, unitCode);
  const day = today(ctx);
  const [b, counters] = await Promise.all([
    repo.board(ctx.db, unit.code, day, RECENT_CALLS),
    repo.listCounters(ctx.db, unit.code),
  ]);
  const names = new Map(counters.map((c) => [c.number, c.name]));
  const call = (t: repo.TicketRow) => ({
    number: t.number,
    counter: t.counter_number ?? 0,
    counterName: names.get(t.counter_number ?? 0) ?? `Quầy ${t.counter_number}`,
    calledAt: iso(t.called_ms) ?? '',
    calls: t.calls,
  });
  return {
    unit: { code: unit.code, name: unit.fullName },
    day,
    current: b.current.map(call),
    // A ticket skipped or transferred since it was called waits again: not shown as a call.
    recent: b.recent.filter((t) => t.counter_number !== null && t.status !== 'waiting').map(call),
    waiting: b.waiting,
  };
}

/** The commune a staff request is about: the user's own, or the one named (province, administrator). */
async function staffUnit(ctx: AppContext, user: AuthUser, named: string | undefined) {
  const code = named ?? (user.scope.kind === 'unit' ? user.scope.unitCode : undefined);
  if (!code) throw new AppError('VALIDATION_FAILED', 'Cần chọn xã', [{ path: 'unit', message: 'Cần mã xã' }]);
  const unit = await ctx.services.units.find(code);
  // Out of scope is answered like unknown, so communes of others cannot be probed.
  if (!unit || unit.level !== 'commune' || !mayViewQueue(user.scope, queueUnit(unit)))
    throw new AppError('UNIT_NOT_FOUND', `Mã xã ${code}`);
  return unit;
}

/** The counters of a commune with the ticket each calls now, and today's waiting line. */
export async function countersOf(ctx: AppContext, user: AuthUser, named: string | undefined) {
  const unit = await staffUnit(ctx, user, named);
  const day = today(ctx);
  const [counters, fields, waiting, board] = await Promise.all([
    repo.listCounters(ctx.db, unit.code),
    repo.catalogueFields(ctx.db, unit.code),
    repo.waitingList(ctx.db, unit.code, day, WAITING_SHOWN),
    repo.board(ctx.db, unit.code, day, 0),
  ]);
  const names = new Map(fields.map((f) => [f.code, f.name]));
  const current = new Map(board.current.map((t) => [t.counter_number, t]));
  return {
    unit: { code: unit.code, name: unit.fullName },
    day,
    fields,
    counters: counters.map((c) => {
      const t = current.get(c.number);
      return { ...c, current: t ? presentTicket(t, names) : null };
    }),
    waiting: waiting.map((t) => presentTicket(t, names)),
  };
}

/** Configures a commune's counters (those not listed are deactivated: their history stays). */
export async function saveCounters(ctx: AppContext, user: AuthUser, body: SaveCountersBody) {
  const unit = await staffUnit(ctx, user, body.unit);
  if (!mayConfigureCounters(user, queueUnit(unit))) throw new AppError('FORBIDDEN');
  const numbers = body.counters.map((c) => c.number);
  const dup = numbers.findIndex((n, i) => numbers.indexOf(n) !== i);
  if (dup >= 0)
    throw new AppError('VALIDATION_FAILED', `Quầy số ${numbers[dup]} được khai báo hai lần`, [
      { path: `counters.${dup}.number`, message: 'Số quầy trùng' },
    ]);
  const known = new Set((await repo.catalogueFields(ctx.db, unit.code)).map((f) => f.code));
  const errors = body.counters.flatMap((c, i) =>
    c.fields.flatMap((f, j) =>
      known.has(f)
        ? []
        : [{ path: `counters.${i}.fields.${j}`, message: `Lĩnh vực ${f} không thuộc danh mục của xã` }],
    ),
  );
  if (errors.length) throw new AppError('QUEUE_FIELD_UNKNOWN', undefined, errors);
  await repo.saveCounters(ctx.db, unit.code, body.counters, ctx.now());
  forgetConfig(ctx, unit.code);
  return countersOf(ctx, user, unit.code);
}

/** The commune of a counter officer; only its own officers work its counters. */
async function counterUnit(ctx: AppContext, user: AuthUser) {
  const commune = counterCommune(user);
  if (!commune) throw new AppError('FORBIDDEN', 'Chỉ cán bộ của xã làm việc tại quầy');
  const unit = await activeCommune(ctx, commune);
  if (!mayWorkCounter(user, queueUnit(unit))) throw new AppError('FORBIDDEN');
  return unit;
}

async function activeCounter(ctx: AppContext, unitCode: string, number: number) {
  const counter = (await queueConfig(ctx, unitCode)).counters.find((c) => c.number === number && c.active);
  if (!counter) throw new AppError('QUEUE_COUNTER_NOT_FOUND', `Quầy số ${number}`);
  return counter;
}

/**
 * Calls the next ticket at a counter (tickets transferred to it first, then the oldest of its fields
 * and of the general line). A counter calling a ticket must finish it first. Never gives one ticket to
 * two counters: repository.callNext.
 */
export async function callNext(ctx: AppContext, user: AuthUser, counter: number) {
  const unit = await counterUnit(ctx, user);
  await activeCounter(ctx, unit.code, counter);
  const day = today(ctx);
  let row: repo.TicketRow | undefined;
  try {
    row = await repo.callNext(ctx.db, unit.code, day, counter, ctx.now());
  } catch (err) {
    // The counter still calls a ticket (or two calls from it at once): the one-called-ticket index
    // refuses the statement, nothing is written.
    if (sqlStateOf(err) === '23505') {
      const busy = await repo.currentAt(ctx.db, unit.code, day, counter);
      throw new AppError('QUEUE_COUNTER_BUSY', `Quầy ${counter} đang gọi số ${busy?.number ?? ''}`.trim());
    }
    throw err;
  }
  return { ticket: row ? presentTicket(row, await fieldNames(ctx, unit.code)) : null };
}

const REFUSALS = {
  expired: 'QUEUE_TICKET_EXPIRED',
  status: 'QUEUE_ACTION_NOT_ALLOWED',
  other_counter: 'QUEUE_ACTION_NOT_ALLOWED',
  same_counter: 'VALIDATION_FAILED',
} as const;

const REFUSAL_DETAILS = {
  expired: 'Số thứ tự của ngày trước',
  status: 'Số thứ tự không ở trạng thái đang gọi',
  other_counter: 'Số thứ tự đang được gọi ở quầy khác',
  same_counter: 'Cần chọn quầy khác để chuyển',
} as const;

/** Recall, skip, transfer, served or no-show for the ticket a counter calls (domain/queue/ticket.ts). */
export async function act(ctx: AppContext, user: AuthUser, id: string, body: TicketActionBody) {
  const unit = await counterUnit(ctx, user);
  const t = await repo.findTicket(ctx.db, id, unit.code);
  if (!t || t.unit_code !== unit.code) throw new AppError('QUEUE_TICKET_NOT_FOUND');
  const day = today(ctx);
  const decision = decideTicketAction(
    { day: t.day, status: t.status, counterNumber: t.counter_number },
    body.action,
    body.counter,
    day,
    body.to,
  );
  if (!decision.ok) {
    const errors =
      decision.reason === 'same_counter'
        ? [{ path: 'to', message: REFUSAL_DETAILS.same_counter }]
        : undefined;
    throw new AppError(REFUSALS[decision.reason], REFUSAL_DETAILS[decision.reason], errors);
  }
  if (body.action === 'transfer') await activeCounter(ctx, unit.code, body.to!);
  const change: repo.TicketChange =
    body.action === 'transfer'
      ? { action: 'transfer', to: body.to! }
      : body.action === 'served' || body.action === 'no_show'
        ? { action: body.action, by: user.id }
        : { action: body.action };
  const row = await repo.changeCalled(ctx.db, unit.code, id, day, body.counter, change, ctx.now());
  // Changed meanwhile by another request (or the day turned): refused, nothing written.
  if (!row) throw new AppError('QUEUE_ACTION_NOT_ALLOWED', 'Số thứ tự vừa được thay đổi, vui lòng tải lại');
  return presentTicket(row, await fieldNames(ctx, unit.code));
}

/**
 * The ticket a counter intake receives the dossier of (dossiers/service.ts): one of the officer's
 * commune, of today, called at a counter now. The intake's statement links it (repository
 * linkTicketPart) and re-checks all this; nothing is written here.
 */
export async function ticketForIntake(
  ctx: AppContext,
  user: AuthUser,
  id: string,
): Promise<repo.TicketLink & { number: number }> {
  const unit = await counterUnit(ctx, user);
  const t = await repo.findTicket(ctx.db, id, unit.code);
  if (!t || t.unit_code !== unit.code)
    throw new AppError('QUEUE_TICKET_NOT_FOUND', undefined, [
      { path: 'queueTicketId', message: 'Không có số thứ tự này tại Trung tâm' },
    ]);
  const day = today(ctx);
  if (t.day !== day) throw new AppError('QUEUE_TICKET_EXPIRED', REFUSAL_DETAILS.expired);
  if (t.status !== 'called' || t.counter_number === null)
    throw new AppError('QUEUE_ACTION_NOT_ALLOWED', REFUSAL_DETAILS.status);
  return {
    id: t.id,
    unitCode: unit.code,
    day,
    counter: t.counter_number,
    at: ctx.now(),
    by: user.id,
    number: t.number,
  };
}

export { linkTicketPart, type Telling, TICKET_NOT_LINKED } from './repository.ts';

/**
 * Ends the ticket a consultation was logged for, in the consultation's transaction (registers'
 * addConsultation), with the link ticketForIntake checked before it: refused when the ticket is no
 * longer called at its counter, and the caller's transaction (the consultation with it) is undone.
 */
export async function linkConsultation(
  tx: Parameters<typeof repo.finishWithConsultation>[0],
  link: repo.TicketLink,
  consultationId: string,
) {
  const row = await repo.finishWithConsultation(tx, { ...link, consultationId });
  if (!row)
    throw new AppError('QUEUE_ACTION_NOT_ALLOWED', 'Số thứ tự vừa được thay đổi, vui lòng tải lại', [
      { path: 'queueTicketId', message: 'Số thứ tự không còn đang được gọi tại quầy' },
    ]);
  return row;
}

/** Adds a counter to a commune's hall (the configuration page); 409 when its number is taken. */
export async function addCounter(ctx: AppContext, user: AuthUser, body: AddCounterBody) {
  const unit = await configurableUnit(ctx, user, body.unit);
  await checkFields(ctx, unit.code, body.fields);
  if (!(await repo.addCounter(ctx.db, unit.code, body, ctx.now())))
    throw new AppError('QUEUE_COUNTER_EXISTS', `Quầy số ${body.number} đã có`, [
      { path: 'number', message: 'Số quầy đã được dùng' },
    ]);
  forgetConfig(ctx, unit.code);
  return countersOf(ctx, user, unit.code);
}

/**
 * Renames a counter, changes its fields, deactivates or reactivates it, against the version the page
 * showed: 409 QUEUE_COUNTER_STALE when someone changed it meanwhile (nothing written).
 */
export async function updateCounter(
  ctx: AppContext,
  user: AuthUser,
  number: number,
  body: UpdateCounterBody,
) {
  const unit = await configurableUnit(ctx, user, body.unit);
  await checkFields(ctx, unit.code, body.fields);
  const done = await repo.updateCounter(ctx.db, unit.code, number, body, ctx.now());
  if (done === 'missing') throw new AppError('QUEUE_COUNTER_NOT_FOUND', `Quầy số ${number}`);
  if (done === 'stale')
    throw new AppError(
      'QUEUE_COUNTER_STALE',
      `Quầy số ${number} vừa được người khác thay đổi, vui lòng tải lại`,
    );
  forgetConfig(ctx, unit.code);
  return countersOf(ctx, user, unit.code);
}

async function configurableUnit(ctx: AppContext, user: AuthUser, named: string | undefined) {
  const unit = await staffUnit(ctx, user, named);
  if (!mayConfigureCounters(user, queueUnit(unit))) throw new AppError('FORBIDDEN');
  return unit;
}

async function checkFields(ctx: AppContext, unitCode: string, fields: string[]) {
  const known = new Set((await repo.catalogueFields(ctx.db, unitCode)).map((f) => f.code));
  const errors = fields.flatMap((f, j) =>
    known.has(f) ? [] : [{ path: `fields.${j}`, message: `Lĩnh vực ${f} không thuộc danh mục của xã` }],
  );
  if (errors.length) throw new AppError('QUEUE_FIELD_UNKNOWN', undefined, errors);
}

/** Periods of the queue report: at most a year of days. */
const REPORT_MAX_DAYS = 366;
const REPORT_VISITS_SHOWN = 200;

/**
 * The hall's report of a commune for the center director (domain/queue/report.ts): waiting and service
 * times by hour, field and counter, tickets per day, no-shows, the busiest hours, and the latest visits.
 */
export async function queueReportOf(ctx: AppContext, user: AuthUser, q: QueueReportQuery) {
  const error = validatePeriod({ from: q.from, to: q.to }, REPORT_MAX_DAYS);
  if (error)
    throw new AppError('VALIDATION_FAILED', PERIOD_ERROR_NAMES[error], [
      { path: 'to', message: PERIOD_ERROR_NAMES[error] },
    ]);
  const unit = await staffUnit(ctx, user, q.unit);
  const [rows, { fields, counters }] = await Promise.all([
    repo.visits(ctx.db, unit.code, q.from, q.to),
    queueConfig(ctx, unit.code),
  ]);
  const visits: Visit[] = rows.map((r) => ({
    day: r.day,
    number: r.number,
    field: r.field_code,
    counter: r.counter_number,
    status: r.status,
    outcome: r.outcome,
    dossierCode: r.dossier_code,
    takenMs: r.taken_ms,
    firstCalledMs: r.first_called_ms,
    calledMs: r.called_ms,
    finishedMs: r.finished_ms,
  }));
  const report = queueReport(visits);
  const fieldName = new Map(fields.map((f) => [f.code, f.name]));
  const counterName = new Map(counters.map((c) => [c.number, c.name]));
  return {
    unit: { code: unit.code, name: unit.fullName },
    from: q.from,
    to: q.to,
    ...report,
    byField: report.byField.map((f) => ({
      ...f,
      name: f.field === null ? null : (fieldName.get(f.field) ?? f.field),
    })),
    byCounter: report.byCounter.map((c) => ({
      ...c,
      name: c.counter === null ? null : (counterName.get(c.counter) ?? `Quầy ${c.counter}`),
    })),
    visits: visits
      .filter((v) => v.status === 'served' || v.status === 'no_show')
      .sort((a, b) => (b.finishedMs ?? 0) - (a.finishedMs ?? 0))
      .slice(0, REPORT_VISITS_SHOWN)
      .map((v) => ({
        day: v.day,
        number: v.number,
        field: v.field,
        counter: v.counter,
        status: v.status as 'served' | 'no_show',
        outcome: v.outcome,
        dossierCode: v.dossierCode,
        takenAt: new Date(v.takenMs).toISOString(),
        waitSeconds: waitingSeconds(v),
        serviceSeconds: serviceSeconds(v),
      })),
  };
}
