import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import {
  FiguresQuery,
  InvitationBody,
  InvitationSchema,
  InvitationStateSchema,
  RatingBody,
  RatingFiguresSchema,
  StoredRatingSchema,
  TokenParams,
} from './schemas.ts';
import { figures, invitationState, invite, submitRating } from './service.ts';

const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };

/** Citizens' ratings of a visit at the counter, and the center's and officers' figures (issue 16 item 3). */
export function ratingsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/ratings/invitations',
    {
      schema: {
        tags: ['ratings'],
        summary: 'Mời công dân đánh giá lượt phục vụ (mã cho máy tính bảng tại quầy hoặc mã QR trên phiếu)',
        description:
          '`dossierCode` (hồ sơ của xã), `ticketId` (số thứ tự quầy đã phục vụ xong) hoặc cả hai (lượt phục vụ đã thành hồ sơ). Mã có hiệu lực 2 giờ, đánh giá được một lần.',
        body: InvitationBody,
        response: { 201: InvitationSchema, ...problems, 409: ProblemSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await invite(ctx, await requireUser(ctx, req), req.body)),
  );

  r.get(
    '/api/v1/ratings/invitations/:token',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['ratings'],
        summary:
          'Trạng thái mã mời đánh giá: Trung tâm, đã đánh giá chưa (công khai, không có dữ liệu cá nhân)',
        params: TokenParams,
        response: { 200: InvitationStateSchema, 404: ProblemSchema, 410: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (req) => invitationState(ctx, req.params.token),
  );

  r.post(
    '/api/v1/ratings',
    {
      // Public (the counter's tablet, the citizen's phone): small bodies and a limit per client address.
      bodyLimit: 4096,
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['ratings'],
        summary: 'Đánh giá mức độ hài lòng của lượt phục vụ tại quầy (công khai, theo mã mời)',
        description:
          'Rất hài lòng / Hài lòng / Không hài lòng và lý do (không bắt buộc). Mỗi hồ sơ, mỗi số thứ tự chỉ được đánh giá một lần (409).',
        body: RatingBody,
        response: {
          201: StoredRatingSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          410: ProblemSchema,
          422: ProblemSchema,
          429: ProblemSchema,
        },
      },
    },
    async (req, reply) => reply.code(201).send(await submitRating(ctx, req.body)),
  );

  r.get(
    '/api/v1/ratings/figures',
    {
      schema: {
        tags: ['ratings'],
        summary: 'Mức độ hài lòng của Trung tâm và của từng cán bộ: số lượt và tỷ lệ theo mức',
        querystring: FiguresQuery,
        response: { 200: RatingFiguresSchema, ...problems },
      },
    },
    async (req) => figures(ctx, await requireUser(ctx, req), req.query),
  );
}
