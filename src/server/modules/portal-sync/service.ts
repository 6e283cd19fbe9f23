import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { actorOf, recordSecurityEvent } from '../audit/security.ts';
import { getDossier } from '../dossiers/service.ts';
import type { AuthUser } from '../identity/types.ts';
import { retryDead } from '../integration/repository.ts';
import { canRetrySync } from './policy.ts';

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
