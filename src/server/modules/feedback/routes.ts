import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import {
  ActionBody,
  FeedbackListSchema,
  FeedbackSchema,
  InfoReplyBody,
  ListQuery,
  PublicFeedbackSchema,
  RatingBody,
  ReceiptParams,
  ReceiptSchema,
  SubmitBody,
} from './schemas.ts';
import {
  actOnFeedback,
  feedbackDetail,
  listFeedback,
  publicFeedback,
  rateFeedback,
  submitFeedback,
  supplyInfo,
} from './service.ts';

const staffProblems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };
const publicProblems = { 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema };

/** Citizens' feedback and petitions about procedures (phản ánh, kiến nghị — issue 18 item 3). */
export function feedbackRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/feedback',
    {
      // Public: a few submissions per client address, small bodies.
      bodyLimit: 32 * 1024,
      config: { rateLimit: { max: 20, timeWindow: '10 minutes' } },
      schema: {
        tags: ['feedback'],
        summary: 'Gửi phản ánh, kiến nghị về thủ tục hành chính (công khai, không cần đăng nhập)',
        description:
          'Trả về mã phản ánh để theo dõi tại /phan-anh/{code}. Cần số điện thoại hoặc thư điện tử. Mã hồ sơ (nếu có) phải là hồ sơ của Trung tâm đã chọn.',
        body: SubmitBody,
        response: { 201: ReceiptSchema, ...publicProblems },
      },
    },
    async (req, reply) => reply.code(201).send(await submitFeedback(ctx, req.body)),
  );

  r.get(
    '/api/v1/feedback/public/:code',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['feedback'],
        summary: 'Theo dõi phản ánh, kiến nghị theo mã (công khai, không có thông tin liên hệ của người gửi)',
        params: ReceiptParams,
        response: { 200: PublicFeedbackSchema, ...publicProblems },
      },
    },
    async (req) => publicFeedback(ctx, req.params.code),
  );

  r.post(
    '/api/v1/feedback/public/:code/info',
    {
      bodyLimit: 32 * 1024,
      config: { rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: {
        tags: ['feedback'],
        summary: 'Người gửi bổ sung thông tin theo yêu cầu (công khai, theo mã)',
        params: ReceiptParams,
        body: InfoReplyBody,
        response: { 200: PublicFeedbackSchema, ...publicProblems },
      },
    },
    async (req) => supplyInfo(ctx, req.params.code, req.body.reply),
  );

  r.post(
    '/api/v1/feedback/public/:code/rating',
    {
      bodyLimit: 1024,
      config: { rateLimit: { max: 10, timeWindow: '10 minutes' } },
      schema: {
        tags: ['feedback'],
        summary:
          'Đánh giá kết quả xử lý phản ánh, kiến nghị: hài lòng / không hài lòng (một lần, sau khi công khai)',
        params: ReceiptParams,
        body: RatingBody,
        response: { 200: PublicFeedbackSchema, ...publicProblems },
      },
    },
    async (req) => rateFeedback(ctx, req.params.code, req.body.rating),
  );

  r.get(
    '/api/v1/feedback',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Danh sách phản ánh, kiến nghị của xã, với hạn của bước đang chờ và cờ quá hạn',
        querystring: ListQuery,
        response: { 200: FeedbackListSchema, ...staffProblems },
      },
    },
    async (req) => listFeedback(ctx, await requireUser(ctx, req), req.query),
  );

  r.get(
    '/api/v1/feedback/:code',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Chi tiết một phản ánh, kiến nghị: người gửi, các bước, hạn từng bước, thao tác được phép',
        params: ReceiptParams,
        response: { 200: FeedbackSchema, ...staffProblems },
      },
    },
    async (req) => feedbackDetail(ctx, await requireUser(ctx, req), req.params.code),
  );

  r.post(
    '/api/v1/feedback/:code/actions',
    {
      schema: {
        tags: ['feedback'],
        summary:
          'Xử lý phản ánh, kiến nghị: tiếp nhận, từ chối (có lý do), yêu cầu bổ sung, trả lời, duyệt, công khai',
        params: ReceiptParams,
        body: ActionBody,
        response: { 200: FeedbackSchema, ...staffProblems, 409: ProblemSchema },
      },
    },
    async (req) => actOnFeedback(ctx, await requireUser(ctx, req), req.params.code, req.body),
  );
}
