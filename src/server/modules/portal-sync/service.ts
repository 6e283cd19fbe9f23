import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { actorOf, recordSecurityEvent } from '../audit/security.ts';
import { getDossier } from '../dossiers/service.ts';
import type { AuthUser } from '../identity/types.ts';
import { fetchInboundAll, fetchInboundOnlineDossiers, unmatchedInbound } from '../portal/inbound.ts';
import { canFetchInbound, canRetrySync, canSeeUnmatchedInbound } from './policy.ts';
import { retryDead } from './repository.ts';

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
  return { items: await unmatchedInbound(ctx, unit.code) };
}
