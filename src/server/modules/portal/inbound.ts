import { randomUUID } from 'node:crypto';
import { vnDateOf } from '../../../domain/calendar/vn-time.ts';
import { dossierCodePrefix } from '../../../domain/codes/dossier-code.ts';
import { defaultWorkflow } from '../../../domain/lifecycle/workflow.ts';
import type { PortalOnlineDossier } from '../../../domain/portal/contract.ts';
import { parsePortalDateTime } from '../../../domain/portal/payload.ts';
import { actorTitleOf, unmatchedRefusalMessages } from '../../../domain/portal/sync.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { repeat } from '../../lib/repeat.ts';
import { receivedEventPart } from '../dossier-events/recorder.ts';
import { writeNumbered } from '../dossiers/service.ts';
import { portalFileFetches } from './files.ts';
import {
  findInbound,
  insertInboundIfNew,
  listWaitingInbound,
  refuseInbound,
  takeInboundPart,
} from './repository.ts';
import { portalActor, portalSyncOn, portalView } from './view.ts';

/** An online dossier waits for reception at national status 1, channel 2 (as the citizen portal's). */
const ONLINE_CHANNEL = 2;
const ONLINE_QUEUE_STATUS = 1;
/** How the portal's progress entry names the hand-over (the portal itself is the actor). */
const PORTAL_ACTOR = { fullName: 'Cổng Dịch vụ công quốc gia', title: 'Hệ thống' };

export interface InboundResult {
  /** Entries in the portal's answer (a duplicate delivery counts twice). */
  received: number;
  /** Portal dossiers seen for the first time. */
  added: number;
  duplicates: number;
  /** Entries that break the contract, or name another unit. */
  invalid: number;
  /** Dossiers put into the commune's online queue by this fetch (new, or left waiting by an earlier one). */
  queued: number;
  /** Waiting because the commune's catalogue does not list the procedure (an officer maps or refuses them). */
  unknownProcedure: number;
  /** Waiting because they name another unit than the commune (a former commune's code, say). */
  unitMismatch: number;
}

/**
 * An entry naming another unit than the commune fetched for: another commune of today fetches its own
 * (not stored here, counted invalid); any other code — a former commune the portal routes to its
 * successor, say — is stored and waits for an officer of this commune (reason `unit_mismatch`).
 */
async function isAnotherCommune(ctx: AppContext, code: string) {
  const unit = await ctx.services.units.find(code);
  return Boolean(unit && unit.level === 'commune' && unit.isActive);
}

/**
 * The pull side of docs/domain-vn.md §8.5: online dossiers submitted on DVCQG (status 1) are fetched
 * into the commune's queue "chờ tiếp nhận trực tuyến", once each. The portal's id (IdHoSoCong) is the
 * key: a dossier the portal delivers twice — in one answer or in two fetches — is stored once. A
 * dossier whose submission time is not a portal date is skipped and counted, not stored half-read.
 *
 * Each stored one is then handed over as a motcua dossier in the SAME online queue the citizen portal
 * feeds (GET /api/v1/queues/online: status 1, channel 2), numbered by the commune and keeping the
 * portal's MaHoSo for every message back; reception accepts, asks for a supplement or refuses it like
 * any online filing. The hand-over is one statement per dossier, and a unique index on the portal's
 * id makes a second hand-over of the same dossier (a parallel fetch) fail as a whole: once each.
 */
export async function fetchInboundOnlineDossiers(ctx: AppContext, unitCode: string): Promise<InboundResult> {
  const portal = ctx.links.portal;
  if (!portal) throw new AppError('PORTAL_UNAVAILABLE', 'Chưa cấu hình kết nối (MOTCUA_PORTAL_URL)');
  const { dossiers, invalid: invalidEntries } = await portal.fetchOnlineDossiers(unitCode);
  const now = ctx.now();
  let invalid = invalidEntries;
  const rows = new Map<string, Parameters<typeof insertInboundIfNew>[1][number]>();
  for (const d of dossiers) {
    const submittedAt = parsePortalDateTime(d.NgayNopHoSo);
    if (!submittedAt || (d.MaDonVi !== unitCode && (await isAnotherCommune(ctx, d.MaDonVi)))) {
      invalid++;
      continue;
    }
    rows.set(d.IdHoSoCong, {
      unitCode,
      portalId: d.IdHoSoCong,
      portalCode: d.MaHoSo,
      procedureCode: d.MaTTHC,
      applicantName: d.ChuHoSo,
      payload: d as unknown as Record<string, unknown>,
      submittedAt,
      fetchedAt: now,
    });
  }
  const added = await ctx.db.transaction((tx) => insertInboundIfNew(tx, [...rows.values()]));
  const handed = await handOverWaiting(ctx, unitCode);
  return {
    received: dossiers.length,
    added: added.length,
    duplicates: dossiers.length - (invalid - invalidEntries) - added.length,
    invalid,
    ...handed,
  };
}

type Waiting = Awaited<ReturnType<typeof listWaitingInbound>>[number];
type Unit = Awaited<ReturnType<AppContext['services']['units']['get']>>;
type Procedure = NonNullable<Awaited<ReturnType<AppContext['services']['catalog']['find']>>>['record'];

/** Why a waiting portal dossier was not taken into the online queue by itself. */
export type UnmatchedReason = 'unknown_procedure' | 'unit_mismatch';

/**
 * The reason a waiting portal dossier cannot be handed over by itself, or null when it can: it names
 * another unit than the commune (a former commune's code the portal routes to its successor), or a
 * procedure its catalogue does not list.
 */
async function unmatchedReasonOf(ctx: AppContext, unitCode: string, w: Waiting) {
  const d = w.payload as unknown as PortalOnlineDossier;
  if (d.MaDonVi !== unitCode) return { reason: 'unit_mismatch' as const, procedure: undefined };
  const entry = await ctx.services.catalog.find(unitCode, w.procedureCode);
  if (!entry) return { reason: 'unknown_procedure' as const, procedure: undefined };
  return { reason: null, procedure: entry.record };
}

/** Hands the commune's waiting portal dossiers over to its online queue (oldest first). */
export async function handOverWaiting(ctx: AppContext, unitCode: string) {
  const unit = await ctx.services.units.get(unitCode);
  let queued = 0;
  let unknownProcedure = 0;
  let unitMismatch = 0;
  for (const w of await listWaitingInbound(ctx.db, unitCode)) {
    const { reason, procedure } = await unmatchedReasonOf(ctx, unit.code, w);
    if (reason === 'unknown_procedure') unknownProcedure++;
    if (reason === 'unit_mismatch') unitMismatch++;
    if (!procedure) continue;
    const written = await handOver(ctx, unit, w, procedure, null);
    if (written.kind === 'written') queued++;
  }
  return { queued, unknownProcedure, unitMismatch };
}

/**
 * Hands one waiting portal dossier over as a motcua dossier of `proc`, in one statement: numbered,
 * recorded (the portal's copy and first progress entry queued), its inbound row marked taken — only
 * while it is still waiting, else nothing is written (`portal_taken`). `mapped`: the officer who chose
 * the procedure of a dossier that was not matched (recorded as the event's actor and on the row).
 */
export async function handOver(
  ctx: AppContext,
  unit: Unit,
  w: Pick<Waiting, 'portalId' | 'portalCode' | 'payload' | 'submittedAt'>,
  proc: Procedure,
  mapped: { userId: string; role: string } | null,
) {
  const d = w.payload as unknown as PortalOnlineDossier;
  const submitted = new Set(d.TaiLieuNop.map((t) => t.MaThanhPhanHoSo));
  return writeNumbered(ctx, (receivedAt) => {
    const day = vnDateOf(receivedAt);
    const dossier = {
      unitCode: unit.code,
      provinceCode: unit.parentCode ?? '',
      procedureCode: proc.code,
      fieldCode: proc.field.code,
      channel: ONLINE_CHANNEL,
      status: ONLINE_QUEUE_STATUS,
      subState: 'none',
      applicantName: d.ChuHoSo,
      applicantIdNumber: d.SoGiayToChuHoSo,
      applicantPhone: d.SoDienThoai,
      applicantAddress: d.DiaChi,
      applicantEmail: d.Email || null,
      subject: d.TrichYeuHoSo || proc.name,
      returnMethod: 'counter' as const,
      // Electronic copies of the components the portal lists; reception checks completeness.
      documents: proc.documents
        .filter((p) => submitted.has(p.id))
        .map((p) => ({ id: p.id, name: p.name, originals: 1, certifiedCopies: 0, photocopies: 0 })),
      timeLimit: proc.timeLimit,
      receivedAt,
      // No appointment before acceptance: the clock starts then (workflow `accept`).
      dueAt: receivedAt,
      dueAtOriginal: receivedAt,
      receivedBy: null,
      bookVolume: day.slice(0, 4),
      workflow: defaultWorkflow(proc.timeLimit),
      portalId: w.portalId,
      portalCode: w.portalCode,
    };
    const event = receivedEventPart(
      {
        type: 'submitted_online',
        id: randomUUID(),
        unitCode: unit.code,
        at: receivedAt,
        actorUserId: mapped?.userId ?? null,
        actorRole: mapped?.role ?? 'portal',
        requestId: null,
        reason: null,
        toStatus: ONLINE_QUEUE_STATUS,
        procedureCode: proc.code,
        formVersion: 0,
      },
      dossier,
      portalSyncOn(ctx)
        ? portalView({
            code: w.portalCode,
            unit,
            procedure: proc,
            dossier,
            files: [],
            actor: portalActor(unit, PORTAL_ACTOR, w.portalCode),
            submittedAt: w.submittedAt,
          })
        : undefined,
      portalFileFetches(d),
    );
    return {
      codePrefix: dossierCodePrefix(unit.agencyCode, day),
      counters: { day: `code:${day}`, book: `book:${day.slice(0, 4)}` },
      dossier,
      event,
      files: [],
      inbound: (p: (value: unknown) => string, from: string) =>
        takeInboundPart(p, from, {
          unitCode: unit.code,
          portalId: w.portalId,
          mapped: mapped ? { procedureCode: proc.code, by: mapped.userId, at: receivedAt } : null,
        }),
    };
  });
}

/**
 * The commune's portal dossiers that wait because they could not be taken by themselves (the
 * hand-over skips them), oldest first, with the reason.
 */
export async function unmatchedInbound(ctx: AppContext, unitCode: string) {
  const items = [];
  for (const w of await listWaitingInbound(ctx.db, unitCode)) {
    const { reason } = await unmatchedReasonOf(ctx, unitCode, w);
    if (!reason) continue;
    const d = w.payload as unknown as PortalOnlineDossier;
    items.push({
      portalId: w.portalId,
      portalCode: w.portalCode,
      procedureCode: w.procedureCode,
      procedureName: d.TenTTHC,
      portalUnitCode: d.MaDonVi,
      applicantName: w.applicantName,
      submittedAt: w.submittedAt.toISOString(),
      fetchedAt: w.fetchedAt.toISOString(),
      reason,
    });
  }
  return items;
}

/** A waiting portal dossier of the commune that could not be taken by itself, with why; else undefined. */
export async function findUnmatched(ctx: AppContext, unitCode: string, portalId: string) {
  const row = await findInbound(ctx.db, unitCode, portalId);
  if (!row) return undefined;
  if (row.state !== 'waiting') return { row, reason: null, handled: true as const };
  const { reason } = await unmatchedReasonOf(ctx, unitCode, row);
  return { row, reason, handled: false as const };
}

/**
 * An officer maps an unmatched portal dossier to a procedure of the commune: it enters the online
 * queue exactly like a matched one (handOver). False when it was taken or refused meanwhile (a
 * colleague's click): nothing was written.
 */
export async function mapUnmatched(
  ctx: AppContext,
  unit: Unit,
  w: Waiting,
  proc: Procedure,
  user: { id: string; role: string },
): Promise<{ code: string } | undefined> {
  const written = await handOver(ctx, unit, w, proc, { userId: user.id, role: user.role });
  return written.kind === 'written' ? { code: written.code } : undefined;
}

/**
 * An officer refuses an unmatched portal dossier with a reason: its inbound row is marked refused and
 * the portal hears the refusal (progress entry, then status 3) through the outbox, in one statement.
 * False when it was taken or refused meanwhile: nothing was written.
 */
export async function refuseUnmatched(
  ctx: AppContext,
  unit: Unit,
  w: Waiting,
  reason: string,
  user: { id: string; fullName: string; role: string },
): Promise<boolean> {
  const at = ctx.now();
  const messages = portalSyncOn(ctx)
    ? unmatchedRefusalMessages({
        eventId: randomUUID(),
        portalCode: w.portalCode,
        actor: portalActor(unit, { fullName: user.fullName, title: actorTitleOf(user.role) }, w.portalCode),
        at,
        reason,
        submittedAt: w.submittedAt,
      }).map((m) => ({ id: randomUUID(), kind: 'portal', payload: { ...m } }))
    : [];
  return refuseInbound(ctx.db, {
    unitCode: unit.code,
    portalId: w.portalId,
    reason,
    by: user.id,
    at,
    messages,
  });
}

/** Fetches for every active commune; a failing commune does not stop the others (its error is returned). */
export async function fetchInboundAll(ctx: AppContext) {
  const communes = await ctx.services.units.list({ level: 'commune', active: true });
  const results: Array<{ unitCode: string; result?: InboundResult; error?: string }> = [];
  for (const u of communes) {
    try {
      results.push({ unitCode: u.code, result: await fetchInboundOnlineDossiers(ctx, u.code) });
    } catch (err) {
      results.push({ unitCode: u.code, error: String((err as Error).message).slice(0, 300) });
    }
  }
  return results;
}

/** Fetches every `intervalMs` until stopped (started by the server when the synchronisation is on). */
export function startInboundScheduler(
  ctx: AppContext,
  opts: { intervalMs: number; onError?: (err: unknown) => void; onResult?: (r: unknown) => void },
) {
  return repeat(
    async () => {
      opts.onResult?.(await fetchInboundAll(ctx));
    },
    { intervalMs: opts.intervalMs, onError: opts.onError },
  );
}
