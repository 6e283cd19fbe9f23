import { z } from 'zod';
import { RATING_LEVELS } from '../../../domain/ratings/shares.ts';
import { text } from '../../../domain/text/text-schema.ts';

export const InvitationBody = z
  .object({
    dossierCode: text({ min: 1, max: 40 }).optional().describe('Mã hồ sơ vừa tiếp nhận / trả kết quả'),
    ticketId: z.uuid().optional().describe('Số thứ tự (phiếu) vừa được phục vụ'),
  })
  .meta({ id: 'RatingInvitationBody' });
export type InvitationBody = z.infer<typeof InvitationBody>;

export const InvitationSchema = z
  .object({
    token: z.string(),
    url: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'RatingInvitation' });

export const TokenParams = z.object({ token: text({ min: 20, max: 100 }) });

export const InvitationStateSchema = z
  .object({
    unit: z.object({ code: z.string(), name: z.string() }),
    kind: z.enum(['dossier', 'ticket']),
    rated: z.boolean(),
    expiresAt: z.string(),
  })
  .meta({ id: 'RatingInvitationState' });

export const RatingBody = z
  .object({
    token: text({ min: 20, max: 100 }).describe('Mã mời đánh giá (trên máy tính bảng tại quầy hoặc mã QR)'),
    rating: z.enum(RATING_LEVELS),
    comment: text({ max: 1000, multiline: true }).optional().describe('Lý do, góp ý (không bắt buộc)'),
  })
  .meta({ id: 'RatingBody' });
export type RatingBody = z.infer<typeof RatingBody>;

export const StoredRatingSchema = z
  .object({ rating: z.enum(RATING_LEVELS), ratedAt: z.string() })
  .meta({ id: 'StoredRating' });

export const FiguresQuery = z.object({
  unit: text({ min: 1, max: 10 }).optional().describe('Mã xã (mặc định: xã của cán bộ)'),
  from: z.iso.date().optional().describe('Từ ngày (mặc định: 30 ngày gần nhất)'),
  to: z.iso.date().optional().describe('Đến hết ngày'),
});

const Figures = z.object({
  very_satisfied: z.number().int(),
  satisfied: z.number().int(),
  dissatisfied: z.number().int(),
  total: z.number().int(),
  shares: z.object({
    very_satisfied: z.number().nullable(),
    satisfied: z.number().nullable(),
    dissatisfied: z.number().nullable(),
  }),
  satisfiedShare: z.number().nullable(),
});

export const RatingFiguresSchema = z
  .object({
    unit: z.object({ code: z.string(), name: z.string() }),
    from: z.string(),
    to: z.string(),
    center: Figures,
    byChannel: z.object({ online: Figures, counter: Figures }),
    officers: z.array(
      z.object({ officerId: z.string().nullable(), fullName: z.string().nullable(), figures: Figures }),
    ),
    /** The reasons written with the ratings of the period, newest first (at most 50; own only when ownOnly). */
    reasons: z.array(
      z.object({
        rating: z.enum(RATING_LEVELS),
        comment: z.string(),
        ratedAt: z.string(),
        channel: z.enum(['online', 'counter']),
        officerName: z.string().nullable(),
      }),
    ),
    /** Whether the list is only the signed-in officer's own line. */
    ownOnly: z.boolean(),
  })
  .meta({ id: 'RatingFigures' });
