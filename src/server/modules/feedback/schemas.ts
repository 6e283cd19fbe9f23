import { z } from 'zod';
import { phoneSchema } from '../../../domain/contact/phone-schema.ts';
import {
  FEEDBACK_ACTIONS,
  FEEDBACK_CATEGORIES,
  FEEDBACK_RATINGS,
  FEEDBACK_STATUSES,
} from '../../../domain/feedback/feedback.ts';
import { text } from '../../../domain/text/text-schema.ts';

export const SubmitBody = z
  .object({
    unit: z
      .string()
      .regex(/^\d{5}$/, 'Mã xã gồm 5 chữ số')
      .describe('Mã xã của Trung tâm nhận phản ánh, kiến nghị'),
    category: z.enum(FEEDBACK_CATEGORIES).describe('Loại phản ánh, kiến nghị (chỉ số 5.1)'),
    name: text({ min: 2, max: 120 }).describe('Họ và tên người gửi'),
    phone: phoneSchema().optional(),
    email: z.email('Địa chỉ thư điện tử không hợp lệ').max(200).optional(),
    dossierCode: text({ min: 1, max: 40 })
      .optional()
      .describe('Mã hồ sơ mà phản ánh liên quan (không bắt buộc; phải là hồ sơ của Trung tâm đã chọn)'),
    content: text({ min: 10, max: 4000, multiline: true }).describe('Nội dung phản ánh, kiến nghị'),
  })
  .meta({ id: 'FeedbackSubmitBody' });
export type SubmitBody = z.infer<typeof SubmitBody>;

export const ReceiptParams = z.object({
  code: text({ min: 1, max: 40 }).describe('Mã phản ánh trên phiếu (chữ hoa hay thường đều được)'),
});

export const InfoReplyBody = z
  .object({ reply: text({ min: 1, max: 4000, multiline: true }).describe('Thông tin bổ sung') })
  .meta({ id: 'FeedbackInfoReplyBody' });

export const RatingBody = z
  .object({ rating: z.enum(FEEDBACK_RATINGS).describe('Hài lòng / Không hài lòng với kết quả xử lý') })
  .meta({ id: 'FeedbackRatingBody' });

export const ActionBody = z
  .object({
    action: z.enum(FEEDBACK_ACTIONS),
    reason: text({ max: 2000, multiline: true }).optional().describe('Lý do từ chối (bắt buộc khi từ chối)'),
    request: text({ max: 2000, multiline: true })
      .optional()
      .describe('Thông tin cần bổ sung (bắt buộc khi yêu cầu bổ sung)'),
    answer: text({ max: 8000, multiline: true })
      .optional()
      .describe('Nội dung trả lời (bắt buộc khi trả lời)'),
  })
  .meta({ id: 'FeedbackActionBody' });
export type ActionBody = z.infer<typeof ActionBody>;

export const ListQuery = z.object({
  unit: z
    .string()
    .regex(/^\d{5}$/)
    .optional()
    .describe('Mã xã (mặc định: xã của cán bộ)'),
  status: z.enum(FEEDBACK_STATUSES).optional(),
});

const Clock = z.object({
  clock: z.enum(['decision', 'infoRequest', 'handling', 'publication']),
  dueAt: z.string(),
  doneAt: z.string().nullable(),
  late: z.boolean().describe('Quá hạn: làm sau hạn, hoặc chưa làm mà đã qua hạn'),
});

const Base = {
  code: z.string(),
  unit: z.object({ code: z.string(), name: z.string() }),
  category: z.enum(FEEDBACK_CATEGORIES),
  status: z.enum(FEEDBACK_STATUSES),
  submittedAt: z.string(),
  /** The step now waiting and when it is due; null when handling has ended or waits for the citizen. */
  pending: z
    .object({
      clock: z.enum(['decision', 'handling', 'publication']),
      dueAt: z.string(),
      overdue: z.boolean(),
    })
    .nullable(),
  clocks: z.array(Clock),
};

export const FeedbackSummarySchema = z
  .object({ ...Base, senderName: z.string(), dossierCode: z.string().nullable(), late: z.boolean() })
  .meta({ id: 'FeedbackSummary' });

export const FeedbackListSchema = z
  .object({ unit: z.object({ code: z.string(), name: z.string() }), items: z.array(FeedbackSummarySchema) })
  .meta({ id: 'FeedbackList' });

const Officer = z.object({ at: z.string(), by: z.string().nullable() }).nullable();

export const FeedbackSchema = z
  .object({
    ...Base,
    senderName: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    dossierCode: z.string().nullable(),
    content: z.string(),
    infoRequest: z.string().nullable(),
    infoRequestedAt: z.string().nullable(),
    infoReply: z.string().nullable(),
    infoSuppliedAt: z.string().nullable(),
    refusalReason: z.string().nullable(),
    answer: z.string().nullable(),
    decided: Officer,
    answered: Officer,
    approved: Officer,
    published: Officer,
    rating: z.enum(FEEDBACK_RATINGS).nullable(),
    ratedAt: z.string().nullable(),
    /** What the signed-in officer may do now. */
    actions: z.array(z.enum(FEEDBACK_ACTIONS)),
  })
  .meta({ id: 'Feedback' });

export const PublicFeedbackSchema = z
  .object({
    ...Base,
    dossierCode: z.string().nullable(),
    content: z.string(),
    infoRequest: z.string().nullable(),
    infoReply: z.string().nullable(),
    refusalReason: z.string().nullable(),
    /** Only once published. */
    answer: z.string().nullable(),
    publishedAt: z.string().nullable(),
    rating: z.enum(FEEDBACK_RATINGS).nullable(),
    ratedAt: z.string().nullable(),
    canSupplyInfo: z.boolean(),
    canRate: z.boolean(),
  })
  .meta({ id: 'PublicFeedback' });

export const ReceiptSchema = z
  .object({
    code: z.string().describe('Mã phản ánh để theo dõi (giữ lại mã này)'),
    url: z.string(),
    submittedAt: z.string(),
    decisionDueAt: z.string(),
    handlingDueAt: z.string(),
  })
  .meta({ id: 'FeedbackReceipt' });
