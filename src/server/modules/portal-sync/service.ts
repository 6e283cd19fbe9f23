import { maskPersonName } from '../../../domain/text/mask.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { actorOf, recordSecurityEvent } from '../audit/security.ts';
import { getDossier } from '../dossiers/service.ts';
import type { AuthUser } from '../identity/types.ts';
import {
  fetchInboundAll,
  fetchInboundOnlineDossiers,
  findUnmatched,
  mapUnmatched,
  refuseUnmatched,
  unmatchedInbound,
} from '../portal/inbound.ts';
import {
  canFetchInbound,
  canHandleUnmatchedInbound,
  canRetrySync,
  canSeeUnmatchedInbound,
} from './policy.ts';
import { retryDead } from './repository.ts';
import type { MapUnmatchedBody, RefuseUnmatchedBody } from './schemas.ts';

/**
 * An operator sends a dossier's dead-lettered portal messages again: they are due at once and the
 * worker delivers them, then the dossier's later messages, in order. Returns the dossier (its `sync`).
 */
export async function retryDossierSync(ctx: AppContext, user: AuthUser, code: string) {
  if (!canRetrySync(user)) throw new AppError('FORBIDDEN', 'Chỉ quản trị hệ thống được gửi lại');
  const dossier = await getDossier(ctx, user.scope, code);
  const retried = await ctx.db.transaction(async (tx) => {
    const n = await retryDead(tx, dossier.unit.code, code, ctx.now());
    await recordSecurityEvent(tx, {
      action: 'portal_sync_retry',
      unitCode: dossier.unit.code,
      actor: actorOf(user),
      data: { dossierCode: code, messages: n },
      at: ctx.now(),
    });
    return n;
  });
  return { retried, sync: (await getDossier(ctx, user.scope, code)).sync };
}

/**
 * An operator fetches the portal's online dossiers now (the scheduler does it every
 * MOTCUA_PORTAL_FETCH_INTERVAL_MS): of one commune, or of every active one.
 */
export async function fetchInboundNow(ctx: AppContext, user: AuthUser, unitCode: string | undefined) {
  if (!canFetchInbound(user)) throw new AppError('FORBIDDEN', 'Chỉ quản trị hệ thống được lấy hồ sơ ngay');
  // A link that is not configured or fails is reported per commune, as the scheduler sees it.
  if (unitCode === undefined) return { results: await fetchInboundAll(ctx) };
  const unit = await ctx.services.units.find(unitCode);
  if (!unit || unit.level !== 'commune' || !unit.isActive)
    throw new AppError('UNIT_NOT_FOUND', unitCode, [{ path: 'unitCode', message: 'Không có xã này' }]);
  try {
    return { results: [{ unitCode, result: await fetchInboundOnlineDossiers(ctx, unitCode) }] };
  } catch (err) {
    return { results: [{ unitCode, error: String((err as Error).message).slice(0, 300) }] };
  }
}

/** A commune's portal dossiers that wait because its catalogue does not list their procedure. */
export async function listUnmatchedInbound(ctx: AppContext, user: AuthUser, unitCode: string) {
  if (!canSeeUnmatchedInbound(user, unitCode))
    throw new AppError('FORBIDDEN', 'Chỉ quản trị hệ thống hoặc bộ phận một cửa của xã được xem');
  const unit = await ctx.services.units.find(unitCode);
  if (!unit || unit.level !== 'commune') throw new AppError('NOT_FOUND', 'Không có xã/phường mã này');
  // Not yet anybody's dossier here: the applicant's name is shown masked (mapping does not need it).
  const items = await unmatchedInbound(ctx, unit.code);
  return { items: items.map((i) => ({ ...i, applicantName: maskPersonName(i.applicantName) })) };
}

/** The unmatched portal dossier an officer acts on, checked: their commune's, still waiting, unmatched. */
async function unmatchedToHandle(ctx: AppContext, user: AuthUser, unitCode: string, portalId: string) {
  if (!canHandleUnmatchedInbound(user, unitCode))
    throw new AppError('FORBIDDEN', 'Chỉ bộ phận một cửa hoặc lãnh đạo của xã được xử lý hồ sơ này');
  const unit = await ctx.services.units.find(unitCode);
  if (!unit || unit.level !== 'commune') throw new AppError('NOT_FOUND', 'Không có xã/phường mã này');
  const found = await findUnmatched(ctx, unit.code, portalId);
  if (!found) throw new AppError('INBOUND_NOT_FOUND', portalId);
  // Taken into the queue or refused already — or matched since (it goes to the queue by itself).
  if (found.handled || !found.reason) throw new AppError('INBOUND_ALREADY_HANDLED', portalId);
  return { unit: await ctx.services.units.get(unit.code), row: found.row, reason: found.reason };
}

/**
 * An officer maps an unmatched portal dossier to a procedure of the commune's catalogue (confirming
 * the commune when the portal named another unit): it enters the online queue like a matched one,
 * once — of two officers clicking at once, one gets INBOUND_ALREADY_HANDLED and nothing is written twice.
 */
export async function mapUnmatchedInbound(
  ctx: AppContext,
  user: AuthUser,
  portalId: string,
  body: MapUnmatchedBody,
) {
  const { unit, row, reason } = await unmatchedToHandle(ctx, user, body.unitCode, portalId);
  if (reason === 'unit_mismatch' && body.unitConfirmed !== true)
    throw new AppError('INBOUND_UNIT_UNCONFIRMED', undefined, [
      { path: 'unitConfirmed', message: 'Xác nhận hồ sơ thuộc xã này' },
    ]);
  const entry = await ctx.services.catalog.find(unit.code, body.procedureCode);
  if (!entry) {
    const elsewhere = await ctx.services.catalog.exists(body.procedureCode);
    throw new AppError(elsewhere ? 'PROCEDURE_OTHER_UNIT' : 'PROCEDURE_UNKNOWN', body.procedureCode, [
      { path: 'procedureCode', message: elsewhere ? 'Không thuộc danh mục của xã' : 'Không có thủ tục này' },
    ]);
  }
  const done = await mapUnmatched(ctx, unit, row, entry.record, user);
  if (!done) throw new AppError('INBOUND_ALREADY_HANDLED', portalId);
  return { portalId, state: 'taken' as const, dossierCode: done.code };
}

/**
 * An officer refuses an unmatched portal dossier with a lawful reason: recorded, and the portal told
 * (status 3 with the reason) through the outbox, in one statement; once.
 */
export async function refuseUnmatchedInbound(
  ctx: AppContext,
  user: AuthUser,
  portalId: string,
  body: RefuseUnmatchedBody,
) {
  const reason = body.reason.trim();
  if (!reason)
    throw new AppError('REASON_REQUIRED', 'Nêu rõ lý do từ chối tiếp nhận', [
      { path: 'reason', message: 'Không được để trống' },
    ]);
  const { unit, row } = await unmatchedToHandle(ctx, user, body.unitCode, portalId);
  if (!(await refuseUnmatched(ctx, unit, row, reason, user)))
    throw new AppError('INBOUND_ALREADY_HANDLED', portalId);
  return { portalId, state: 'refused' as const, dossierCode: null };
}
