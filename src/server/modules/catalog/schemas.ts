import { z } from 'zod';
import { text } from '../../../domain/text/text-schema.ts';

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

const Day = z.iso.date().describe('Ngày YYYY-MM-DD');

/** PUT /api/v1/procedures/:code/publication: what the province published about a procedure. */
export const PublicationBody = z
  .object({
    decision: text({ min: 1, max: 120 }).describe('Số quyết định công bố, ví dụ 1025/QĐ-UBND'),
    decidedOn: Day.describe('Ngày ký quyết định công bố'),
    steps: z
      .array(text({ min: 1, max: 1000 }))
      .max(30)
      .describe('Trình tự thực hiện, mỗi bước một dòng (bộ phận bắt buộc, chỉ số 1.3)'),
    onlinePayment: z
      .boolean()
      .nullable()
      .describe('Đã tích hợp thanh toán trực tuyến phí, lệ phí (chỉ số 3.5); null = chưa xác định'),
  })
  .meta({ id: 'ProcedurePublication' });

export const PublicationSchema = PublicationBody.extend({
  code: z.string(),
  hasFee: z.boolean().describe('Thủ tục có thu phí, lệ phí'),
  missingParts: z.array(z.string()).describe('Bộ phận bắt buộc (Nghị định 63/2010 Điều 8.2) còn thiếu'),
});

/** PUT /api/v1/procedures/:code/posting?unit=: the day the commune publicly posted the procedure. */
export const PostingBody = z
  .object({
    postedOn: Day.nullable().describe('Ngày công khai; null = chưa công khai'),
    postedWhere: z
      .enum(['center', 'portal', 'both'])
      .nullable()
      .describe('Nơi công khai: tại Trung tâm, trên Cổng, hoặc cả hai'),
  })
  .meta({ id: 'ProcedurePosting' });

export const PostingSchema = PostingBody.extend({ unit: z.string(), code: z.string() });
