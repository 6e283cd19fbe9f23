import { z } from 'zod';

/* Requests and responses of the operations API (GET /api/v1/integration/status). */

export const StatusQuery = z.object({
  province: z
    .string()
    .regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số')
    .optional()
    .describe('Tỉnh (cán bộ tỉnh, quản trị); cán bộ xã luôn xem xã mình'),
});
export type StatusQuery = z.infer<typeof StatusQuery>;

const LinkStateSchema = z
  .enum(['up', 'degraded', 'down', 'idle', 'off'])
  .describe(
    'up: thông suốt; degraded: chập chờn; down: mất kết nối; idle: chưa có dữ liệu; off: chưa cấu hình',
  );
const ReasonSchema = z.enum(['probe_failed', 'failing', 'last_failed', 'slow', 'lagging', 'not_configured']);

const Figures = {
  link: z.string().describe('portal | population | sms | email | … (loại thông điệp trong outbox)'),
  state: LinkStateSchema,
  reasons: z.array(ReasonSchema),
  backlog: z
    .number()
    .int()
    .nullable()
    .describe('Thông điệp đang chờ gửi; null khi kết nối không có hàng đợi (tra cứu dân cư)'),
  oldestPendingAt: z.string().nullable(),
  oldestPendingAgeSeconds: z.number().int().nullable(),
  lastSuccessAt: z.string().nullable().describe('Lần gửi/tra cứu thành công gần nhất (trong 8 ngày lưu)'),
  lastFailureAt: z.string().nullable(),
  deadLettered: z.number().int().describe('Thông điệp đã ngừng thử (chờ quản trị gửi lại)'),
  consecutiveFailures: z.number().int(),
};

export const BucketSchema = z.object({
  at: z.string(),
  attempts: z.number().int(),
  failures: z.number().int(),
  errorRate: z.number().nullable(),
});

export const StatusSchema = z.object({
  scope: z.object({ level: z.enum(['commune', 'province']), code: z.string(), name: z.string() }),
  generatedAt: z.string(),
  links: z.array(
    z.object({
      ...Figures,
      configured: z.boolean(),
      endpoint: z.string().nullable().describe('Gốc địa chỉ của kết nối (không có thông tin xác thực)'),
      probe: z
        .object({
          ok: z.boolean(),
          status: z.number().int().optional(),
          latencyMs: z.number().int(),
          error: z.string().optional(),
          checkedAt: z.string(),
        })
        .nullable(),
      lastError: z.string().nullable(),
      attempts24h: z.number().int(),
      failures24h: z.number().int(),
    }),
  ),
  communes: z.array(
    z.object({
      unit: z.object({ code: z.string(), name: z.string() }),
      links: z.array(z.object(Figures)),
    }),
  ),
  series: z.array(
    z.object({
      link: z.string(),
      window: z.enum(['24h', '7d']),
      bucketSeconds: z.number().int(),
      buckets: z.array(BucketSchema),
    }),
  ),
  deadLetters: z.array(
    z.object({
      unitCode: z.string(),
      id: z.string(),
      link: z.string(),
      dossierCode: z.string().nullable(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      createdAt: z.string(),
      deadAt: z.string(),
    }),
  ),
  canRetry: z
    .boolean()
    .describe('Người dùng được gửi lại thông điệp đã ngừng thử (POST /api/v1/dossiers/{code}/sync/retry)'),
});
export type Status = z.infer<typeof StatusSchema>;
