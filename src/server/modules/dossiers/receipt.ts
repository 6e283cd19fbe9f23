import type { AppContext } from '../../context.ts';
import type { AuthUser } from '../identity/types.ts';
import { slipRatingUrl } from '../ratings/service.ts';
import { getDossier } from './service.ts';

function timeLimitText(t: { amount: number; unit: string; text: string }): string {
  if (t.unit === 'same_day') return 'Trong ngày (tiếp nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo)';
  const n = String(t.amount).padStart(2, '0');
  return t.unit === 'working_hours' ? `${n} giờ làm việc` : `${n} ngày làm việc`;
}

/** The receipt and appointment slip (docs/domain-vn.md §3.2) of a dossier the user may see. */
export async function receiptPdf(ctx: AppContext, user: AuthUser, code: string): Promise<Buffer> {
  const d = await getDossier(ctx, user.scope, code);
  const unit = await ctx.services.units.get(d.unit.code);
  // "Xã Tân Thới" → "Trung tâm Phục vụ hành chính công xã Tân Thới" (the kind word is lower case mid-sentence).
  const center = `Trung tâm Phục vụ hành chính công ${unit.fullName.replace(/^\p{Lu}/u, (m) => m.toLowerCase())}`;
  // The evaluation handed out with the receipt (domain-vn.md §6.3): a QR of the dossier's rating page.
  const ratingUrl = await slipRatingUrl(ctx, user, d.unit.code, d.code);
  return ctx.workers.run('receiptSlip', {
    issuerLine1: `UBND ${unit.fullName.toUpperCase()}`,
    issuerLine2: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
    place: unit.name,
    code: d.code,
    trackingUrl: `${ctx.config.publicUrl}/tra-cuu/${encodeURIComponent(d.code)}`,
    applicant: d.applicant,
    subject: d.subject,
    procedureName: d.procedure.name,
    channelText: 'Trực tiếp tại Trung tâm',
    documents: d.documents,
    sets: 1,
    timeLimitText: timeLimitText(d.procedure.timeLimit),
    receivedAt: new Date(d.receivedAt),
    dueAt: new Date(d.dueAt),
    returnPlace: d.returnMethod === 'post' ? 'Qua dịch vụ bưu chính công ích' : center,
    receivingBodyName: center,
    book: d.book,
    receiverName: d.receivedBy.fullName,
    ratingUrl,
  });
}
