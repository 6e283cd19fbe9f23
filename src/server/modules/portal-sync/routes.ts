import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { DossierCodeParam } from '../dossiers/schemas.ts';
import {
  FetchInboundAnswerSchema,
  FetchInboundBodySchema,
  HandledUnmatchedAnswerSchema,
  MapUnmatchedBodySchema,
  RefuseUnmatchedBodySchema,
  RetryAnswerSchema,
  UnmatchedInboundAnswerSchema,
  UnmatchedInboundQuerySchema,
  UnmatchedParam,
} from './schemas.ts';
import {
  fetchInboundNow,
  listUnmatchedInbound,
  mapUnmatchedInbound,
  refuseUnmatchedInbound,
  retryDossierSync,
} from './service.ts';

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
  const handled = {
    200: HandledUnmatchedAnswerSchema,
    401: ProblemSchema,
    403: ProblemSchema,
    404: ProblemSchema,
    409: ProblemSchema,
    422: ProblemSchema,
  };
  r.post(
    '/api/v1/integration/portal/unmatched/:portalId/map',
    {
      schema: {
        tags: ['integration'],
        summary:
          'Chọn thủ tục của xã cho hồ sơ trực tuyến chưa khớp: hồ sơ vào hàng đợi trực tuyến như hồ sơ khớp (một lần)',
        params: UnmatchedParam,
        body: MapUnmatchedBodySchema,
        response: handled,
      },
    },
    async (req) => mapUnmatchedInbound(ctx, await requireUser(ctx, req), req.params.portalId, req.body),
  );
  r.post(
    '/api/v1/integration/portal/unmatched/:portalId/refuse',
    {
      schema: {
        tags: ['integration'],
        summary:
          'Từ chối tiếp nhận hồ sơ trực tuyến chưa khớp, nêu lý do; Cổng DVCQG nhận trạng thái 3 kèm lý do',
        params: UnmatchedParam,
        body: RefuseUnmatchedBodySchema,
        response: handled,
      },
    },
    async (req) => refuseUnmatchedInbound(ctx, await requireUser(ctx, req), req.params.portalId, req.body),
  );
}
