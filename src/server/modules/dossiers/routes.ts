import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { vnDateOf } from '../../../domain/calendar/vn-time.ts';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { receiptPdf } from './receipt.ts';
import {
  DossierCodeParam,
  DossierListItemSchema,
  DossierSchema,
  IntakeBodySchema,
  TrackingSchema,
} from './schemas.ts';
import { getDossier, listReceivedOn, receiveAtCounter, track } from './service.ts';

const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };

export function dossiersRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/dossiers',
    {
      bodyLimit: Math.ceil(ctx.config.maxUploadBytes * ctx.config.maxAttachments * 1.4) + 256 * 1024,
      schema: {
        tags: ['dossiers'],
        summary: 'Tiếp nhận hồ sơ tại quầy: cấp mã hồ sơ, tính ngày hẹn trả, vào sổ theo dõi',
        description:
          'Header Idempotency-Key (8–128 ký tự): gửi lại cùng khóa và cùng nội dung trả về đúng hồ sơ đã tạo, không tạo hồ sơ thứ hai.',
        headers: z.object({ 'idempotency-key': z.string().optional() }),
        body: IntakeBodySchema,
        response: { 201: DossierSchema, 413: ProblemSchema, 415: ProblemSchema, ...problems },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req);
      const { dossier, replayed } = await receiveAtCounter(ctx, user, req.body, {
        requestId: req.id,
        idempotencyKey: req.headers['idempotency-key'],
      });
      if (replayed) reply.header('idempotent-replayed', 'true');
      reply.header('location', `/api/v1/dossiers/${encodeURIComponent(dossier.code)}`);
      return reply.code(201).send(dossier);
    },
  );

  r.get(
    '/api/v1/dossiers',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Hồ sơ tiếp nhận trong một ngày (mặc định hôm nay, giờ Việt Nam) của đơn vị',
        querystring: z.object({
          date: z.iso.date().optional(),
          unit: z
            .string()
            .regex(/^\d{5}$/)
            .optional(),
        }),
        response: { 200: z.object({ items: z.array(DossierListItemSchema) }), ...problems },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req);
      const day = req.query.date ?? vnDateOf(ctx.now());
      return { items: await listReceivedOn(ctx, user, day, req.query.unit) };
    },
  );

  r.get(
    '/api/v1/dossiers/:code',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Chi tiết hồ sơ (chỉ trong phạm vi đơn vị của người dùng)',
        params: DossierCodeParam,
        response: { 200: DossierSchema, ...problems },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req);
      return getDossier(ctx, user.scope, req.params.code);
    },
  );

  r.get(
    '/api/v1/dossiers/:code/receipt.pdf',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF, có mã QR tra cứu)',
        params: DossierCodeParam,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req);
      const pdf = await receiptPdf(ctx, user, req.params.code);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="giay-tiep-nhan-${req.params.code}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  r.get(
    '/api/v1/track/:code',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['tracking'],
        summary: 'Tra cứu tình trạng hồ sơ bằng mã hồ sơ và 4 số cuối điện thoại',
        params: DossierCodeParam,
        querystring: z.object({
          phone: z
            .string()
            .trim()
            .regex(/^\d{4}$/, '4 chữ số cuối của số điện thoại'),
        }),
        response: { 200: TrackingSchema, 404: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (req) => track(ctx, req.params.code, req.query.phone),
  );
}
