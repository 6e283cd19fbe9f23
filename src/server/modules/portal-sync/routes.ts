import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { DossierCodeParam } from '../dossiers/schemas.ts';
import {
  FetchInboundAnswerSchema,
  FetchInboundBodySchema,
  RetryAnswerSchema,
  UnmatchedInboundAnswerSchema,
  UnmatchedInboundQuerySchema,
} from './schemas.ts';
import { fetchInboundNow, listUnmatchedInbound, retryDossierSync } from './service.ts';

/** Operations on a dossier's synchronisation with the national portal (docs/domain-vn.md §8.2). */
export function portalSyncRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/dossiers/:code/sync/retry',
    {
      schema: {
        tags: ['integration'],
        summary: 'Gửi lại lên Cổng DVCQG các thông điệp đã ngừng thử của hồ sơ (chỉ quản trị hệ thống)',
        params: DossierCodeParam,
        response: { 200: RetryAnswerSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (req) => retryDossierSync(ctx, await requireUser(ctx, req), req.params.code),
  );
  r.post(
    '/api/v1/integration/portal/fetch',
    {
      schema: {
        tags: ['integration'],
        summary:
          'Lấy ngay hồ sơ trực tuyến (trạng thái 1) từ Cổng DVCQG vào hàng đợi trực tuyến của xã (chỉ quản trị hệ thống)',
        body: FetchInboundBodySchema,
        response: {
          200: FetchInboundAnswerSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          422: ProblemSchema,
          503: ProblemSchema,
        },
      },
    },
    async (req) => fetchInboundNow(ctx, await requireUser(ctx, req), req.body.unitCode),
  );
  r.get(
    '/api/v1/integration/portal/unmatched',
    {
      schema: {
        tags: ['integration'],
        summary:
          'Hồ sơ trực tuyến từ Cổng DVCQG đang chờ vì thủ tục không có trong danh mục của xã, kèm lý do',
        querystring: UnmatchedInboundQuerySchema,
        response: {
          200: UnmatchedInboundAnswerSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (req) => listUnmatchedInbound(ctx, await requireUser(ctx, req), req.query.unitCode),
  );
}
