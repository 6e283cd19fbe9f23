import { createHash, randomBytes } from 'node:crypto';
import { addDays, vnDateOf } from '../../../domain/calendar/vn-time.ts';
import { ratingPageUrl } from '../../../domain/ratings/links.ts';
import { type RatingCounts, type RatingLevel, ratingFigures } from '../../../domain/ratings/shares.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { AuthUser } from '../identity/types.ts';
import { figuresSeen, mayInvite } from './policy.ts';
import * as repo from './repository.ts';
import type { InvitationBody, RatingBody } from './schemas.ts';

/** How long an invitation to rate stays valid: the citizen rates at the counter or soon after, on a phone. */
export const INVITATION_TTL_MS = 2 * 60 * 60 * 1000;
/**
 * How long the QR printed on a slip (receipt, supplement, refusal) stays valid: the citizen may rate
 * at home, or when the result is returned weeks later.
 */
export const SLIP_INVITATION_TTL_MS = 60 * 24 * 60 * 60 * 1000;
/** The most recent reasons listed with the figures. */
const MAX_REASONS = 50;
/** The longest period of figures asked at once. */
const MAX_FIGURE_DAYS = 400;

type Unit = Awaited<ReturnType<AppContext['services']['units']['get']>>;
const ratingUnit = (u: Unit) => ({ code: u.code, provinceCode: u.parentCode ?? '' });
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Invites the citizen just served to rate the visit: a dossier of the commune or a queue ticket its
 * counter marked served. The token (random, only its hash kept) goes to the counter's tablet or into a
 * QR; it rates that visit only, once, within two hours.
 */
export async function invite(ctx: AppContext, user: AuthUser, body: InvitationBody) {
  if (!body.dossierCode && !body.ticketId)
    throw new AppError('VALIDATION_FAILED', 'Cần mã hồ sơ hoặc số thứ tự đã phục vụ', [
      { path: 'dossierCode', message: 'Mã hồ sơ hoặc số thứ tự (một trong hai)' },
    ]);
  if (user.scope.kind !== 'unit') throw new AppError('FORBIDDEN');
  const unit = await ctx.services.units.find(user.scope.unitCode);
  if (!unit || !mayInvite(user, ratingUnit(unit))) throw new AppError('FORBIDDEN');

  let dossierCode: string | null = null;
  let ticketId: string | null = null;
  let officerId: string | null = user.id;
  if (body.dossierCode) {
    const dossier = await repo.findDossier(ctx.db, unit.code, body.dossierCode);
    if (!dossier) throw new AppError('DOSSIER_NOT_FOUND');
    dossierCode = dossier.code;
  }
  if (body.ticketId) {
    const ticket = await repo.findTicket(ctx.db, unit.code, body.ticketId);
    if (!ticket) throw new AppError('QUEUE_TICKET_NOT_FOUND');
    if (ticket.status !== 'served') throw new AppError('RATING_VISIT_NOT_SERVED');
    // The visit is the ticket; the dossier it became (named here or recorded on the ticket) is rated with it.
    if (dossierCode && ticket.dossierCode && ticket.dossierCode !== dossierCode)
      throw new AppError('VALIDATION_FAILED', 'Số thứ tự này đã gắn với hồ sơ khác', [
        { path: 'dossierCode', message: 'Không khớp với hồ sơ của số thứ tự' },
      ]);
    ticketId = ticket.id;
    dossierCode = dossierCode ?? ticket.dossierCode;
    officerId = ticket.finishedBy ?? user.id;
  }
  if (await repo.visitRated(ctx.db, unit.code, dossierCode, ticketId)) throw new AppError('ALREADY_RATED');

  return newInvitation(ctx, { unitCode: unit.code, dossierCode, ticketId, officerId }, INVITATION_TTL_MS);
}

/** Makes and stores an invitation (only the token's hash); answers the token and the page's address. */
async function newInvitation(
  ctx: AppContext,
  visit: { unitCode: string; dossierCode: string | null; ticketId: string | null; officerId: string | null },
  ttlMs: number,
) {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await ctx.db.transaction(async (tx) => {
    await repo.pruneInvitations(tx, new Date(now.getTime() - 24 * 60 * 60 * 1000));
    await repo.insertInvitation(tx, { tokenHash: hashToken(token), ...visit, createdAt: now, expiresAt });
  });
  return { token, url: ratingPageUrl(ctx.config.publicUrl, token), expiresAt: expiresAt.toISOString() };
}

/**
 * The rating QR printed on a dossier's slip (receipt, supplement, refusal; domain-vn.md §6.3): a
 * fresh invitation for the dossier, valid 60 days, naming the officer who received it. Null — no QR
 * on the slip — when the dossier was rated already or the printing user does not serve at the
 * commune's counters (a province officer reprinting).
 */
export async function slipRatingUrl(
  ctx: AppContext,
  user: AuthUser,
  unitCode: string,
  dossierCode: string,
): Promise<string | null> {
  const unit = await ctx.services.units.find(unitCode);
  if (!unit || !mayInvite(user, ratingUnit(unit))) return null;
  const dossier = await repo.findDossier(ctx.db, unit.code, dossierCode);
  if (!dossier) return null;
  if (await repo.visitRated(ctx.db, unit.code, dossier.code, null)) return null;
  const visit = {
    unitCode: unit.code,
    dossierCode: dossier.code,
    ticketId: null,
    officerId: dossier.receivedBy ?? user.id,
  };
  return (await newInvitation(ctx, visit, SLIP_INVITATION_TTL_MS)).url;
}

async function liveInvitation(ctx: AppContext, token: string) {
  const inv = await repo.findInvitation(ctx.db, hashToken(token));
  if (!inv) throw new AppError('RATING_TOKEN_INVALID');
  if (inv.expiresAt.getTime() <= ctx.now().getTime()) throw new AppError('RATING_TOKEN_EXPIRED');
  return inv;
}

/** What the tablet shows for a token: the center, whether the visit was rated (no personal data). */
export async function invitationState(ctx: AppContext, token: string) {
  const inv = await liveInvitation(ctx, token);
  const unit = await ctx.services.units.get(inv.unitCode);
  return {
    unit: { code: unit.code, name: unit.fullName },
    kind: inv.ticketId ? ('ticket' as const) : ('dossier' as const),
    rated: await repo.visitRated(ctx.db, inv.unitCode, inv.dossierCode, inv.ticketId),
    expiresAt: inv.expiresAt.toISOString(),
  };
}

/**
 * Stores the citizen's rating of the visit the token names. One per dossier and one per ticket: the
 * table's unique indexes decide, so two submissions at once store one and refuse the other (409).
 */
export async function submitRating(ctx: AppContext, body: RatingBody) {
  const inv = await liveInvitation(ctx, body.token);
  const ratedAt = ctx.now();
  const stored = await repo.insertRating(ctx.db, {
    unitCode: inv.unitCode,
    dossierCode: inv.dossierCode,
    ticketId: inv.ticketId,
    officerId: inv.officerId,
    channel: 'counter',
    rating: body.rating,
    ratedAt,
    comment: body.comment?.trim() || null,
  });
  if (!stored) throw new AppError('ALREADY_RATED');
  return { rating: body.rating, ratedAt: ratedAt.toISOString() };
}

const zero = (): RatingCounts => ({ very_satisfied: 0, satisfied: 0, dissatisfied: 0 });

/**
 * A commune's ratings in a period (days at UTC+7, both ends included): the center's figures, by
 * channel (portal, counter) and per officer who served. A reception officer or a specialist sees the
 * center's figures and only their own line.
 */
export async function figures(
  ctx: AppContext,
  user: AuthUser,
  q: { unit?: string; from?: string; to?: string },
) {
  const code = q.unit ?? (user.scope.kind === 'unit' ? user.scope.unitCode : undefined);
  if (!code) throw new AppError('VALIDATION_FAILED', 'Cần chọn xã', [{ path: 'unit', message: 'Cần mã xã' }]);
  const unit = await ctx.services.units.find(code);
  const seen = unit && unit.level === 'commune' ? figuresSeen(user, ratingUnit(unit)) : 'none';
  // Out of scope is answered like unknown, so communes of others cannot be probed.
  if (!unit || seen === 'none') throw new AppError('UNIT_NOT_FOUND', `Mã xã ${code}`);
  const to = q.to ?? vnDateOf(ctx.now());
  const from = q.from ?? addDays(to, -29);
  const start = new Date(`${from}T00:00:00+07:00`);
  const end = new Date(`${addDays(to, 1)}T00:00:00+07:00`);
  const days = (end.getTime() - start.getTime()) / 86_400_000;
  if (days < 1 || days > MAX_FIGURE_DAYS)
    throw new AppError('VALIDATION_FAILED', `Khoảng thời gian từ 1 đến ${MAX_FIGURE_DAYS} ngày`, [
      { path: 'from', message: 'Từ ngày phải trước đến ngày' },
    ]);

  const rows = await repo.countRatings(ctx.db, unit.code, start, end);
  const center = zero();
  const byChannel = { online: zero(), counter: zero() };
  const officers = new Map<
    string,
    { officerId: string | null; fullName: string | null; counts: RatingCounts }
  >();
  for (const r of rows) {
    const n = Number(r.n);
    const level = r.rating as RatingLevel;
    center[level] += n;
    byChannel[r.channel][level] += n;
    const key = r.officer_id ?? '';
    const o = officers.get(key) ?? { officerId: r.officer_id, fullName: r.full_name, counts: zero() };
    o.counts[level] += n;
    officers.set(key, o);
  }
  const reasons = await repo.listReasons(ctx.db, unit.code, start, end, {
    officerId: seen === 'all' ? undefined : user.id,
    limit: MAX_REASONS,
  });
  const lines = [...officers.values()]
    .filter((o) => seen === 'all' || o.officerId === user.id)
    .map((o) => ({ officerId: o.officerId, fullName: o.fullName, figures: ratingFigures(o.counts) }))
    .sort(
      (a, b) => b.figures.total - a.figures.total || (a.fullName ?? '').localeCompare(b.fullName ?? '', 'vi'),
    );
  return {
    unit: { code: unit.code, name: unit.fullName },
    from,
    to,
    center: ratingFigures(center),
    byChannel: { online: ratingFigures(byChannel.online), counter: ratingFigures(byChannel.counter) },
    officers: lines,
    reasons: reasons.map((r) => ({
      rating: r.rating,
      comment: r.comment,
      ratedAt: r.rated_at instanceof Date ? r.rated_at.toISOString() : new Date(r.rated_at).toISOString(),
      channel: r.channel,
      officerName: r.full_name,
    })),
    ownOnly: seen === 'own',
  };
}
