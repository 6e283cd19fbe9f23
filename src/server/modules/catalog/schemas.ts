import { z } from 'zod';

/** Shapes of the public catalogue (GET /api/v1/procedures…); the web's types are inferred from them. */

export const CodeNameSchema = z.object({ code: z.string(), name: z.string() });

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
    sector: CodeNameSchema,
    field: CodeNameSchema.describe('Lĩnh vực'),
    level: z.enum(['province', 'commune']),
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
