import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../domain/text/text-schema.ts';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/auth.ts';
import {
  PostingBody,
  PostingSchema,
  ProcedureDetailSchema,
  ProcedureSummarySchema,
  PublicationBody,
  PublicationSchema,
} from './schemas.ts';
import { type CatalogEntry, feeText, savePosting, savePublication } from './service.ts';

function summary(e: CatalogEntry): z.infer<typeof ProcedureSummarySchema> {
  const r = e.record;
  return {
    no: e.no,
    code: r.code,
    name: r.name,
    sector: r.sector,
    field: r.field,
    level: r.level,
    timeLimit: {
      amount: r.timeLimit.amount,
      unit: r.timeLimit.unit,
      text: r.timeLimit.text,
      ...(r.timeLimit.cutoff ? { cutoff: r.timeLimit.cutoff } : {}),
    },
    channels: r.channels,
    feeText: feeText(r),
  };
}

function detail(e: CatalogEntry): z.infer<typeof ProcedureDetailSchema> {
  const r = e.record;
  return {
    ...summary(e),
    agency: r.agency,
    onlineLevel: r.onlineLevel,
    fees: r.fees.map((f) => ({
      name: f.name,
      amount: f.amount,
      ...(f.provinceSet !== undefined ? { provinceSet: f.provinceSet } : {}),
      ...(f.unitText ? { unitText: f.unitText } : {}),
      ...(f.note ? { note: f.note } : {}),
    })),
    documents: r.documents.map((d) => ({
      id: d.id,
      name: d.name,
      originals: d.originals,
      certifiedCopies: d.certifiedCopies,
      photocopies: d.photocopies,
      required: d.required,
    })),
    result: r.result,
    legalBasis: r.legalBasis,
    applicants: r.applicants ?? [],
  };
}

const UnitQuery = z.string().regex(/^\d{5}$/, 'Mã xã gồm 5 chữ số');

export function catalogRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/procedures',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Danh mục thủ tục hành chính của một xã (tìm kiếm không phân biệt dấu)',
        querystring: z.object({ unit: UnitQuery, q: text({ max: 200, trim: false }).optional() }),
        response: { 200: z.array(ProcedureSummarySchema) },
      },
    },
    async (req) => (await ctx.services.catalog.list(req.query.unit, req.query.q)).map(summary),
  );
  r.get(
    '/api/v1/procedures/:code',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Chi tiết một thủ tục hành chính',
        params: z.object({ code: text({ max: 40, trim: false }) }),
        querystring: z.object({ unit: UnitQuery }),
        response: { 200: ProcedureDetailSchema },
      },
    },
    async (req) => detail(await ctx.services.catalog.get(req.query.unit, req.params.code)),
  );
  r.put(
    '/api/v1/procedures/:code/publication',
    {
      schema: {
        tags: ['catalog'],
        summary:
          'Ghi nhận quyết định công bố, trình tự thực hiện và thanh toán trực tuyến của một thủ tục (quản trị hệ thống; Bộ chỉ số 766: 1.1, 1.3, 3.5)',
        params: z.object({ code: text({ max: 40, trim: false }) }),
        body: PublicationBody,
        response: { 200: PublicationSchema },
      },
    },
    async (req) => savePublication(ctx, await requireUser(ctx, req), req.params.code, req.body),
  );
  r.put(
    '/api/v1/procedures/:code/posting',
    {
      schema: {
        tags: ['catalog'],
        summary:
          'Ghi nhận ngày xã công khai thủ tục tại Trung tâm / trên Cổng (lãnh đạo xã, tỉnh, quản trị; Bộ chỉ số 766: 1.1)',
        params: z.object({ code: text({ max: 40, trim: false }) }),
        querystring: z.object({ unit: UnitQuery }),
        body: PostingBody,
        response: { 200: PostingSchema },
      },
    },
    async (req) => savePosting(ctx, await requireUser(ctx, req), req.query.unit, req.params.code, req.body),
  );
}
