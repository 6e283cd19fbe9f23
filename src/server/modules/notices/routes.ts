import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { attachmentDisposition } from '../workflow/views.ts';
import {
  CommuneParams,
  CreateNoticeBody,
  ManagedNoticeListSchema,
  ManagedNoticeSchema,
  ManageListQuery,
  NoticeFileParams,
  NoticeParams,
  PublicListQuery,
  PublicNoticeListSchema,
  PublicNoticeSchema,
  UpdateNoticeBody,
  VersionBody,
} from './schemas.ts';
import {
  createNotice,
  manageList,
  publicDetail,
  publicFile,
  publicList,
  setPublished,
  updateNotice,
} from './service.ts';

const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };

/** Notices and legal documents for citizens (issue 16 item 5): staff publish, everyone reads. */
export function noticesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const uploadLimit = Math.ceil(ctx.config.maxUploadBytes * ctx.config.maxAttachments * 1.4) + 256 * 1024;

  r.get(
    '/api/v1/units/:code/notices',
    {
      schema: {
        tags: ['notices'],
        summary: 'Thông báo và văn bản của xã và của tỉnh (công khai, mới nhất trước)',
        description:
          'Chỉ các thông báo đang đăng: chưa gỡ, chưa hết hạn. Mã xã: của xã và của tỉnh; mã tỉnh: của tỉnh.',
        params: CommuneParams,
        querystring: PublicListQuery,
        response: { 200: PublicNoticeListSchema, 404: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (req, reply) => {
      // Revalidated on every read: a notice taken down disappears at once, also from browsers' caches.
      reply.header('cache-control', 'no-cache');
      return publicList(ctx, req.params.code, req.query);
    },
  );

  r.get(
    '/api/v1/notices/:unit/:id',
    {
      schema: {
        tags: ['notices'],
        summary: 'Một thông báo hoặc văn bản (công khai)',
        params: NoticeParams,
        response: { 200: PublicNoticeSchema, 404: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (req, reply) => {
      // Revalidated on every read: a notice taken down disappears at once, also from browsers' caches.
      reply.header('cache-control', 'no-cache');
      return publicDetail(ctx, req.params.unit, req.params.id);
    },
  );

  r.get(
    '/api/v1/notices/:unit/:id/files/:fileId',
    {
      schema: {
        tags: ['notices'],
        summary: 'Tải tệp PDF đính kèm của thông báo, văn bản (công khai)',
        params: NoticeFileParams,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const file = await publicFile(ctx, req.params.unit, req.params.id, req.params.fileId);
      return reply
        .type(file.contentType)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('cache-control', 'no-cache')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );

  r.get(
    '/api/v1/notices',
    {
      schema: {
        tags: ['notices'],
        summary: 'Thông báo, văn bản của đơn vị mình để đăng, sửa, gỡ (cả đã gỡ, hết hạn)',
        querystring: ManageListQuery,
        response: { 200: ManagedNoticeListSchema, ...problems },
      },
    },
    async (req) => manageList(ctx, await requireUser(ctx, req), req.query),
  );

  r.post(
    '/api/v1/notices',
    {
      bodyLimit: uploadLimit,
      schema: {
        tags: ['notices'],
        summary: 'Đăng thông báo hoặc văn bản của xã (lãnh đạo xã) hoặc toàn tỉnh (cán bộ tỉnh)',
        description: 'Nội dung là văn bản thuần (không HTML). Tệp đính kèm: chỉ PDF, kiểm tra theo nội dung.',
        body: CreateNoticeBody,
        response: { 201: ManagedNoticeSchema, ...problems, 413: ProblemSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createNotice(ctx, await requireUser(ctx, req), req.body)),
  );

  r.put(
    '/api/v1/notices/:unit/:id',
    {
      bodyLimit: uploadLimit,
      schema: {
        tags: ['notices'],
        summary: 'Sửa thông báo, văn bản; thêm, bỏ tệp đính kèm',
        params: NoticeParams,
        body: UpdateNoticeBody,
        response: { 200: ManagedNoticeSchema, ...problems, 409: ProblemSchema, 413: ProblemSchema },
      },
    },
    async (req) => updateNotice(ctx, await requireUser(ctx, req), req.params.unit, req.params.id, req.body),
  );

  // Taking a notice down and putting it back up: the same use case, one flag.
  const visibility = [
    { action: 'unpublish', published: false, summary: 'Gỡ thông báo, văn bản (người dân không còn thấy)' },
    { action: 'publish', published: true, summary: 'Đăng lại thông báo, văn bản đã gỡ' },
  ] as const;
  for (const v of visibility) {
    r.post(
      `/api/v1/notices/:unit/:id/${v.action}`,
      {
        schema: {
          tags: ['notices'],
          summary: v.summary,
          params: NoticeParams,
          body: VersionBody,
          response: { 200: ManagedNoticeSchema, ...problems, 409: ProblemSchema },
        },
      },
      async (req) =>
        setPublished(
          ctx,
          await requireUser(ctx, req),
          req.params.unit,
          req.params.id,
          req.body.expectedVersion,
          v.published,
        ),
    );
  }
}
