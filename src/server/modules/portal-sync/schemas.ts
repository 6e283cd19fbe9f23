import { z } from 'zod';
import { text } from '../../../domain/text/text-schema.ts';
import { DossierSchema } from '../dossiers/schemas.ts';

export const RetryAnswerSchema = z.object({
  retried: z.number().int().describe('Số thông điệp được gửi lại'),
  sync: DossierSchema.shape.sync,
});

export const FetchInboundBodySchema = z
  .object({
    unitCode: text({ min: 1, max: 10 }).optional().describe('Mã xã; bỏ trống: mọi xã đang hoạt động'),
  })
  .strict();

const InboundResultSchema = z.object({
  received: z.number().int().describe('Số mục Cổng trả về (kể cả trùng lặp)'),
  added: z.number().int().describe('Hồ sơ lần đầu thấy'),
  duplicates: z.number().int(),
  invalid: z.number().int().describe('Mục sai hợp đồng dữ liệu hoặc của xã khác'),
  queued: z.number().int().describe('Hồ sơ được đưa vào hàng đợi trực tuyến của xã lần này'),
  unknownProcedure: z.number().int().describe('Hồ sơ còn chờ vì thủ tục không có trong danh mục của xã'),
});

export const FetchInboundAnswerSchema = z.object({
  results: z.array(
    z.object({
      unitCode: z.string(),
      result: InboundResultSchema.optional(),
      error: z.string().optional().describe('Lỗi kết nối Cổng DVCQG của xã này'),
    }),
  ),
});

export const UnmatchedInboundQuerySchema = z
  .object({ unitCode: text({ min: 1, max: 10 }).describe('Mã xã') })
  .strict();

export const UnmatchedInboundAnswerSchema = z.object({
  items: z.array(
    z.object({
      portalId: z.string().describe('Mã hồ sơ trên Cổng (IdHoSoCong)'),
      portalCode: z.string().describe('Mã hồ sơ của Cổng (MaHoSo)'),
      procedureCode: z.string().describe('Mã thủ tục Cổng gửi (MaTTHC)'),
      procedureName: z.string().describe('Tên thủ tục Cổng gửi (TenTTHC)'),
      submittedAt: z.string().describe('Thời điểm nộp trên Cổng'),
      fetchedAt: z.string(),
      reason: z.enum(['unknown_procedure']).describe('Lý do chờ: thủ tục không có trong danh mục của xã'),
    }),
  ),
});
