import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { actorOf, recordSecurityEvent, SYSTEM_CHAIN } from '../audit/security.ts';
import { DossierCodeParam, DossierSchema } from '../dossiers/schemas.ts';
import {
  apologyPdf,
  controlSlipPdf,
  refusalSlipPdf,
  stopNoticePdf,
  supplementSlipPdf,
  trackingBookEntries,
  trackingBookPdf,
} from './documents.ts';
import {
  ActionBodySchema,
  ActionsSchema,
  DueExplanationSchema,
  QueueResponseSchema,
  TimelineSchema,
  TrackingBookPageSchema,
} from './schemas.ts';
import { listActions, performAction } from './service.ts';
import {
  attachmentDisposition,
  attachmentFile,
  explainDue,
  QUEUES,
  resultFile,
  timeline,
  workQueue,
} from './views.ts';

const problems = {
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
};

export function workflowRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/dossiers/:code/actions',
    {
      bodyLimit: Math.ceil(ctx.config.maxUploadBytes * 1.4) + 64 * 1024,
      schema: {
        tags: ['workflow'],
        summary:
          'Thực hiện một thao tác trong quy trình giải quyết hồ sơ (chuyển, bổ sung, dừng, trả kết quả, xin lỗi…)',
        description:
          'Bảng chuyển trạng thái theo Nghị định 118/2025: thao tác sai trạng thái → 409 ACTION_NOT_ALLOWED; sai vai trò → 403 ACTION_FORBIDDEN; thiếu lý do → 422 REASON_REQUIRED; hai người cùng thao tác → một người thành công, người kia 409 DOSSIER_CONFLICT.',
        params: DossierCodeParam,
        body: ActionBodySchema,
        response: { 200: DossierSchema, ...problems },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req);
      return (await performAction(ctx, user, req.params.code, req.body, { requestId: req.id })).dossier;
    },
  );
  r.get(
    '/api/v1/dossiers/:code/actions',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Các thao tác người dùng được phép thực hiện với hồ sơ lúc này',
        params: DossierCodeParam,
        response: {
          200: ActionsSchema,
          ...problems,
        },
      },
    },
    async (req) => listActions(ctx, await requireUser(ctx, req), req.params.code),
  );
  r.get(
    '/api/v1/dossiers/:code/timeline',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Nhật ký (sự kiện kiểm toán) của hồ sơ theo thứ tự thời gian',
        params: DossierCodeParam,
        response: {
          200: TimelineSchema,
          ...problems,
        },
      },
    },
    async (req) => timeline(ctx, await requireUser(ctx, req), req.params.code),
  );
  r.get(
    '/api/v1/dossiers/:code/due',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Giải thích ngày hẹn trả: thời hạn, ngày không tính, thời gian tạm dừng, hẹn lại',
        params: DossierCodeParam,
        response: {
          200: DueExplanationSchema,
          ...problems,
        },
      },
    },
    async (req) => explainDue(ctx, await requireUser(ctx, req), req.params.code),
  );
  r.get(
    '/api/v1/queues/:queue',
    {
      schema: {
        tags: ['workflow'],
        summary:
          'Hàng đợi công việc: hồ sơ của tôi, đến hạn hôm nay, sắp đến hạn, quá hạn, chờ bổ sung, chờ duyệt…',
        params: z.object({ queue: z.enum(QUEUES) }),
        response: {
          200: QueueResponseSchema,
          ...problems,
        },
      },
    },
    async (req) => workQueue(ctx, await requireUser(ctx, req), req.params.queue),
  );

  const pdfs = {
    'control-slip': { render: controlSlipPdf, summary: 'Phiếu kiểm soát quá trình giải quyết hồ sơ (PDF)' },
    'supplement-slip': {
      render: supplementSlipPdf,
      summary: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (PDF, lần yêu cầu gần nhất)',
    },
    'refusal-slip': { render: refusalSlipPdf, summary: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ (PDF)' },
    apology: { render: apologyPdf, summary: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (PDF)' },
    'stop-notice': { render: stopNoticePdf, summary: 'Thông báo dừng giải quyết hồ sơ (PDF)' },
  } as const;
  for (const [name, doc] of Object.entries(pdfs)) {
    r.get(
      `/api/v1/dossiers/:code/${name}.pdf`,
      {
        schema: {
          tags: ['documents'],
          summary: doc.summary,
          params: DossierCodeParam,
          produces: ['application/pdf'],
        },
      },
      async (req, reply) => {
        const pdf = await doc.render(ctx, await requireUser(ctx, req), req.params.code);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${name}-${req.params.code}.pdf"`)
          .header('cache-control', 'private, no-store')
          .send(pdf);
      },
    );
  }
  r.get(
    '/api/v1/dossiers/:code/result',
    {
      schema: {
        tags: ['documents'],
        summary: 'Tải tệp kết quả giải quyết hồ sơ (do lãnh đạo đính kèm khi ký, ban hành)',
        description:
          'Chỉ người dùng được xem hồ sơ; hồ sơ của xã khác → 404 DOSSIER_NOT_FOUND; chưa có kết quả → 404 RESULT_NOT_FOUND.',
        params: DossierCodeParam,
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
      },
    },
    async (req, reply) => {
      const file = await resultFile(ctx, await requireUser(ctx, req), req.params.code);
      return reply
        .type(file.contentType)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('content-length', file.bytes.length)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );
  r.get(
    '/api/v1/dossiers/:code/attachments/:fileId',
    {
      schema: {
        tags: ['documents'],
        summary: 'Mở hoặc tải tệp công dân đính kèm hồ sơ (nộp trực tuyến, tại quầy hoặc bổ sung)',
        description:
          'Cán bộ trong phạm vi xã của hồ sơ; hồ sơ của xã khác → 404 DOSSIER_NOT_FOUND; tệp không thuộc hồ sơ → 404 ATTACHMENT_NOT_FOUND. ' +
          'inline=true để xem trước (ảnh, PDF) thay vì tải về. Mỗi lần mở được ghi vào nhật ký an ninh (dữ liệu cá nhân).',
        params: DossierCodeParam.extend({ fileId: z.uuid() }),
        querystring: z.object({ inline: z.enum(['true', 'false']).optional() }),
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req);
      const file = await attachmentFile(ctx, user, req.params.code, req.params.fileId);
      const inline = req.query.inline === 'true';
      // An applicant's documents are personal data: every opening is on the commune's audit chain.
      await recordSecurityEvent(ctx.db, {
        action: 'dossier_attachment_opened',
        unitCode: file.unitCode,
        actor: actorOf(user),
        data: { dossier: req.params.code, file: req.params.fileId, inline },
        requestId: req.id,
      });
      const disposition = attachmentDisposition(file.fileName);
      return reply
        .type(file.contentType)
        .header('content-disposition', inline ? disposition.replace(/^attachment/, 'inline') : disposition)
        .header('content-length', file.bytes.length)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );
  r.get(
    '/api/v1/tracking-book',
    {
      schema: {
        tags: ['documents'],
        summary: 'Các dòng sổ theo dõi hồ sơ của xã trong một khoảng thời gian (từng trang)',
        querystring: z.object({
          from: z.iso.date(),
          to: z.iso.date(),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: TrackingBookPageSchema, ...problems },
      },
    },
    async (req) => trackingBookEntries(ctx, await requireUser(ctx, req), req.query),
  );
  r.get(
    '/api/v1/tracking-book.pdf',
    {
      schema: {
        tags: ['documents'],
        summary: 'Sổ theo dõi hồ sơ của xã trong một khoảng thời gian (PDF)',
        querystring: z.object({ from: z.iso.date(), to: z.iso.date() }),
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const { from, to } = req.query;
      const user = await requireUser(ctx, req);
      const pdf = await trackingBookPdf(ctx, user, from, to);
      // The book names applicants with their addresses and phones: an export of personal data.
      await recordSecurityEvent(ctx.db, {
        action: 'export_tracking_book',
        unitCode: user.unit?.code ?? SYSTEM_CHAIN,
        actor: actorOf(user),
        data: { from, to },
        requestId: req.id,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="so-theo-doi-${from}-${to}.pdf"`)
        .send(pdf);
    },
  );
}
