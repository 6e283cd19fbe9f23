import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import {
  GuideListSchema,
  GuideVersionsSchema,
  IntakeGuideSchema,
  IntakeGuideUpdate,
  ProcedureCodeParam,
  StepGuideSchema,
  StepGuideUpdate,
  StepKeyParam,
} from './schemas.ts';
import { guideList, intakeGuide, saveGuide, stepGuides, versions } from './service.ts';

const problems = {
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
};
const Saved = z.object({ version: z.number().int() });

/** Guides for officers: read by every signed-in officer, edited (as new versions) by the province administrator. */
export function guidesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/guides',
    {
      schema: {
        tags: ['guides'],
        summary: 'Danh sách hướng dẫn nghiệp vụ hiện hành (tiếp nhận theo thủ tục và theo từng bước)',
        response: { 200: GuideListSchema, ...problems },
      },
    },
    async (req) => {
      await requireUser(ctx, req);
      return guideList(ctx);
    },
  );
  r.get(
    '/api/v1/guides/intake/:code',
    {
      schema: {
        tags: ['guides'],
        summary:
          'Hướng dẫn tiếp nhận hiện hành của một thủ tục (cần kiểm tra gì, lỗi thường gặp, bản sao, từ chối)',
        params: ProcedureCodeParam,
        response: { 200: IntakeGuideSchema, ...problems },
      },
    },
    async (req) => {
      await requireUser(ctx, req);
      return intakeGuide(ctx, req.params.code);
    },
  );
  r.get(
    '/api/v1/guides/intake/:code/versions',
    {
      schema: {
        tags: ['guides'],
        summary: 'Các phiên bản của hướng dẫn tiếp nhận (ai sửa, khi nào), mới nhất trước',
        params: ProcedureCodeParam,
        response: { 200: GuideVersionsSchema, ...problems },
      },
    },
    async (req) => {
      await requireUser(ctx, req);
      return versions(ctx, 'intake', req.params.code);
    },
  );
  r.put(
    '/api/v1/guides/intake/:code',
    {
      schema: {
        tags: ['guides'],
        summary: 'Sửa hướng dẫn tiếp nhận: lưu thành phiên bản mới (chỉ quản trị viên cấp tỉnh)',
        description:
          'Nội dung là văn bản thuần: thẻ HTML hay mã script được lưu và hiển thị nguyên văn như chữ, không bao giờ được thực thi. `baseVersion` là phiên bản người sửa đã đọc; nếu có người lưu trước → 409 GUIDE_VERSION_CONFLICT.',
        params: ProcedureCodeParam,
        body: IntakeGuideUpdate,
        response: { 200: Saved, ...problems },
      },
    },
    async (req) => saveGuide(ctx, await requireUser(ctx, req), 'intake', req.params.code, req.body),
  );
  r.get(
    '/api/v1/guides/steps',
    {
      schema: {
        tags: ['guides'],
        summary: 'Hướng dẫn theo từng bước của quy trình: ai làm, làm gì, hạn khi nào',
        response: { 200: z.array(StepGuideSchema), ...problems },
      },
    },
    async (req) => {
      await requireUser(ctx, req);
      return stepGuides(ctx);
    },
  );
  r.get(
    '/api/v1/guides/steps/:key/versions',
    {
      schema: {
        tags: ['guides'],
        summary: 'Các phiên bản của hướng dẫn một bước, mới nhất trước',
        params: StepKeyParam,
        response: { 200: GuideVersionsSchema, ...problems },
      },
    },
    async (req) => {
      await requireUser(ctx, req);
      return versions(ctx, 'step', req.params.key);
    },
  );
  r.put(
    '/api/v1/guides/steps/:key',
    {
      schema: {
        tags: ['guides'],
        summary: 'Sửa hướng dẫn một bước: lưu thành phiên bản mới (chỉ quản trị viên cấp tỉnh)',
        params: StepKeyParam,
        body: StepGuideUpdate,
        response: { 200: Saved, ...problems },
      },
    },
    async (req) => saveGuide(ctx, await requireUser(ctx, req), 'step', req.params.key, req.body),
  );
}
