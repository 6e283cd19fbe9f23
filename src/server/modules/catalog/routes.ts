import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../domain/text/text-schema.ts';
import type { AppContext } from '../../context.ts';
import { type CatalogEntry, feeText } from './service.ts';

const CodeName = z.object({ code: z.string(), name: z.string() });

export const TimeLimitSchema = z
  .object({
    amount: z.number().describe('Số lượng (0 với thủ tục trong ngày)'),
    unit: z.enum(['working_days', 'working_hours', 'same_day', 'calendar_days']),
    text: z.string(),
    cutoff: z.string().optional().describe('Giờ chốt với thủ tục trong ngày, ví dụ 15:00'),
  })
  .meta({ id: 'TimeLimit' });

export const ProcedureSummarySchema = z
  .object({
    no: z.number().int().describe('Số thứ tự trong danh mục công khai của xã'),
    code: z.string().describe('Mã thủ tục hành chính quốc gia'),
    name: z.string(),
    sector: CodeName,
    field: CodeName.describe('Lĩnh vực'),
    level: z.string(),
    timeLimit: TimeLimitSchema,
    channels: z.array(z.enum(['counter', 'online', 'post'])),
    feeText: z.string(),
  })
  .meta({ id: 'ProcedureSummary' });

export const ProcedureDetailSchema = ProcedureSummarySchema.extend({
  agency: z.string(),
  onlineLevel: z.string(),
  fees: z.array(
    z.object({
      name: z.string(),
      amount: z.number().nullable().describe('Đồng; null = do HĐND tỉnh quy định'),
      provinceSet: z.boolean().optional(),
      unitText: z.string().optional(),
      note: z.string().optional(),
    }),
  ),
  documents: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      originals: z.number().int(),
      certifiedCopies: z.number().int(),
      photocopies: z.number().int(),
      required: z.boolean(),
    }),
  ),
  result: z.string(),
  legalBasis: z.array(z.string()),
  applicants: z.array(z.string()),
}).meta({ id: 'ProcedureDetail' });

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
}
