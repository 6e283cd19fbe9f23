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
  unitMismatch: z.number().int().describe('Hồ sơ còn chờ vì ghi mã đơn vị khác (ví dụ mã xã cũ)'),
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

const UnmatchedReasonSchema = z
  .enum(['unknown_procedure', 'unit_mismatch'])
  .describe(
    'Lý do chờ: unknown_procedure — thủ tục không có trong danh mục của xã; unit_mismatch — hồ sơ ghi mã đơn vị khác (ví dụ mã xã cũ trước sáp nhập)',
  );

export const UnmatchedInboundAnswerSchema = z.object({
  items: z.array(
    z.object({
      portalId: z.string().describe('Mã hồ sơ trên Cổng (IdHoSoCong)'),
      portalCode: z.string().describe('Mã hồ sơ của Cổng (MaHoSo)'),
      procedureCode: z.string().describe('Mã thủ tục Cổng gửi (MaTTHC)'),
      procedureName: z.string().describe('Tên thủ tục Cổng gửi (TenTTHC)'),
      portalUnitCode: z.string().describe('Mã đơn vị Cổng gửi (MaDonVi)'),
      applicantName: z.string().describe('Tên người nộp, đã che bớt (chỉ giữ họ và chữ cái đầu)'),
      submittedAt: z.string().describe('Thời điểm nộp trên Cổng'),
      fetchedAt: z.string().describe('Thời điểm hệ thống nhận từ Cổng'),
      reason: UnmatchedReasonSchema,
    }),
  ),
});

export const UnmatchedParam = z.object({
  portalId: text({ min: 1, max: 80, trim: false }).describe('Mã hồ sơ trên Cổng (IdHoSoCong)'),
});

export const MapUnmatchedBodySchema = z
  .object({
    unitCode: text({ min: 1, max: 10 }).describe('Mã xã tiếp nhận hồ sơ'),
    procedureCode: text({ min: 1, max: 40 }).describe('Mã thủ tục trong danh mục của xã'),
    unitConfirmed: z
      .boolean()
      .optional()
      .describe('Bắt buộc (true) khi hồ sơ ghi đơn vị khác: xác nhận hồ sơ thuộc xã này'),
  })
  .strict();
export type MapUnmatchedBody = z.infer<typeof MapUnmatchedBodySchema>;

export const RefuseUnmatchedBodySchema = z
  .object({
    unitCode: text({ min: 1, max: 10 }).describe('Mã xã'),
    reason: text({ max: 1000, multiline: true }).describe('Lý do từ chối tiếp nhận (gửi lên Cổng DVCQG)'),
  })
  .strict();
export type RefuseUnmatchedBody = z.infer<typeof RefuseUnmatchedBodySchema>;

export const HandledUnmatchedAnswerSchema = z.object({
  portalId: z.string(),
  state: z.enum(['taken', 'refused']),
  dossierCode: z.string().nullable().describe('Mã hồ sơ của xã khi đã đưa vào hàng đợi trực tuyến'),
});
