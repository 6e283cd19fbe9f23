import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { AuthUser } from '../identity/types.ts';
import { mayVerifyAudit, mayWriteAnchor } from './policy.ts';
import type { AnchorBody } from './schemas.ts';
import { actorOf } from './security.ts';
import { describeAnchorReport, verifyAudit, writeAnchor } from './verify.ts';

/*
 * The audit trail's use cases behind HTTP: verify every chain against the latest anchor, and write an
 * anchor. The chain itself is chain.ts (hashing), security.ts (the security chain's writer),
 * verify.ts (verification and the anchor file) and anchor.ts (anchor roots); the SQL is repository.ts.
 */

/** Every chain and the latest anchor checked, with the anchor's report in words. Writes nothing. */
export async function verifyTrail(ctx: AppContext, user: AuthUser, unit: string | undefined) {
  if (!mayVerifyAudit(user)) throw new AppError('FORBIDDEN', 'Chỉ quản trị viên được kiểm tra nhật ký');
  const v = await verifyAudit(ctx.db, ctx.config.auditAnchorDir, unit);
  return { ...v, anchor: { ...v.anchor, message: describeAnchorReport(v.anchor) } };
}

/** Anchors the trail up to `until` (a minute ago by default; never in the future). */
export async function anchorTrail(ctx: AppContext, user: AuthUser, body: AnchorBody) {
  if (!mayWriteAnchor(user)) throw new AppError('FORBIDDEN', 'Chỉ quản trị viên được ghi mốc neo');
  const now = ctx.now();
  const until = body?.until ? new Date(body.until) : new Date(now.getTime() - 60_000);
  if (until.getTime() > now.getTime())
    throw new AppError('VALIDATION_FAILED', 'Mốc neo không được ở tương lai', [
      { path: 'until', message: 'Chọn một thời điểm đã qua' },
    ]);
  const line = await writeAnchor(ctx.db, ctx.config.auditAnchorDir, { until, now, actor: actorOf(user) });
  return { n: line.n, until: line.until, writtenAt: line.writtenAt, root: line.root, units: line.units };
}
