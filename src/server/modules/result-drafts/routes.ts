import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { DossierCodeParam } from '../dossiers/schemas.ts';
import { ResultDraftSchema } from './schemas.ts';
import { getDraft, previewPdf } from './service.ts';

/** Reading a result draft; it is written by the lifecycle actions draft_result / approve_result. */
export function resultDraftRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/dossiers/:code/result-draft',
    {
      schema: {
        tags: ['documents'],
        summary: 'Dự thảo kết quả giải quyết theo mẫu (mẫu, các trường, giá trị hiện tại, trạng thái duyệt)',
        description:
          'Thủ tục không có mẫu → template null. Giá trị ban đầu lấy từ hồ sơ (người nộp, tờ khai trực tuyến). Ghi dự thảo bằng thao tác draft_result, duyệt bằng approve_result.',
        params: DossierCodeParam,
        response: { 200: ResultDraftSchema, 401: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (req) => getDraft(ctx, await requireUser(ctx, req), req.params.code),
  );
  r.get(
    '/api/v1/dossiers/:code/result-draft.pdf',
    {
      schema: {
        tags: ['documents'],
        summary: 'Xem trước dự thảo kết quả (PDF có chữ "DỰ THẢO", chưa có số và ngày)',
        params: DossierCodeParam,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const pdf = await previewPdf(ctx, await requireUser(ctx, req), req.params.code);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="du-thao-ket-qua-${req.params.code}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
}
