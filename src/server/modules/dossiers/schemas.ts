import { z } from 'zod';
import { FEE_PAYMENTS } from '../../../domain/catalog/fee-payment.ts';
import { normalizeDossierCode } from '../../../domain/codes/dossier-code.ts';
import { phoneSchema } from '../../../domain/contact/phone-schema.ts';
import { ATTACHMENT_TYPES } from '../../../domain/files/attachments.ts';
import { text } from '../../../domain/text/text-schema.ts';
import { TimeLimitSchema } from '../catalog/schemas.ts';

export const NATIONAL_STATUS_NAMES: Record<number, string> = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

export { ATTACHMENT_TYPES };

/**
 * A dossier code in a path, as typed: `h82.050-261206-0001 ` finds H82.050-261206-0001. Letters,
 * digits, '.', '-' and '_' only (after normalising), so nothing else reaches a query.
 */
export const DossierCodeParam = z.object({
  code: z
    .string()
    .max(80)
    .transform(normalizeDossierCode)
    .pipe(
      z
        .string()
        .min(1, 'Cần nhập mã hồ sơ')
        .max(60)
        .regex(/^[\p{L}\p{N}._-]+$/u, 'Mã hồ sơ chỉ gồm chữ, số, dấu chấm và dấu gạch ngang'),
    ),
});

const trimmed = (max: number) => text({ min: 1, max });

/** File contents in a JSON body: strict base64, so nothing else ever reaches the decoder. */
export const Base64Schema = z
  .string()
  .min(1)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Nội dung tệp không đúng mã hóa base64');

export const IntakeBodySchema = z
  .object({
    procedureCode: text({ min: 1, max: 40 }).describe('Mã thủ tục hành chính quốc gia, ví dụ 2.000815'),
    applicant: z.object({
      fullName: trimmed(120).describe('Họ và tên người nộp'),
      idNumber: text().describe('Số định danh cá nhân 12 chữ số'),
      phone: phoneSchema(),
      address: trimmed(300),
      email: z.email().max(200).optional().nullable(),
    }),
    subject: text({ max: 500 }).optional().describe('Nội dung yêu cầu giải quyết; mặc định tên thủ tục'),
    returnMethod: z.enum(['counter', 'post']).default('counter'),
    decision: z
      .enum(['accept', 'refuse', 'supplement'])
      .default('accept')
      .describe(
        'accept: tiếp nhận (trạng thái 2); refuse: từ chối tiếp nhận (3, phiếu từ chối); supplement: hướng dẫn bổ sung trước khi tiếp nhận (1)',
      ),
    reasons: z
      .array(text({ min: 1, max: 500, multiline: true }))
      .max(20)
      .optional()
      .describe('Lý do từ chối / nội dung cần bổ sung'),
    missing: z
      .array(
        z.object({
          name: text({ min: 1, max: 300 }),
          originals: z.number().int().min(0).max(99).default(0),
          certifiedCopies: z.number().int().min(0).max(99).default(0),
          photocopies: z.number().int().min(0).max(99).default(0),
        }),
      )
      .max(30)
      .optional()
      .describe('supplement: giấy tờ cần bổ sung'),
    documents: z
      .array(
        z.object({
          id: text({ min: 1, max: 80, trim: false }),
          originals: z.number().int().min(0).max(99),
          certifiedCopies: z.number().int().min(0).max(99),
          photocopies: z.number().int().min(0).max(99),
        }),
      )
      .max(50)
      .describe('Thành phần hồ sơ đã kiểm tra; phải có đủ các thành phần bắt buộc của thủ tục'),
    attachments: z
      .array(
        z.object({
          fileName: text({ min: 1, max: 200 }),
          contentType: z.enum(ATTACHMENT_TYPES),
          dataBase64: Base64Schema.describe('Nội dung tệp mã hóa base64'),
        }),
      )
      .optional()
      .describe('Bản quét (PDF/JPEG/PNG); loại tệp được kiểm tra theo nội dung'),
    fee: z
      .object({
        payment: z
          .enum(FEE_PAYMENTS)
          .describe(
            'Hình thức nộp phí, lệ phí: cash (tiền mặt tại quầy), online (thanh toán trực tuyến), transfer (chuyển khoản), not_required (không phải nộp)',
          ),
        amount: z.number().int().min(0).max(1_000_000_000).optional().describe('Số tiền đã thu (đồng)'),
      })
      .optional()
      .describe('Phí, lệ phí thu khi tiếp nhận (Bộ chỉ số 766, chỉ số 3.6)'),
    queueTicketId: z
      .uuid()
      .optional()
      .describe(
        'Số thứ tự đang được gọi tại quầy mà hồ sơ này được tiếp nhận từ đó: số được kết thúc (đã phục vụ) và gắn với mã hồ sơ trong cùng giao dịch',
      ),
  })
  .meta({ id: 'IntakeRequest' });

export type IntakeBody = z.infer<typeof IntakeBodySchema>;

const Instant = z.string().describe('Thời điểm ISO 8601 (UTC)');

export const DossierSchema = z
  .object({
    code: z.string().describe('Mã hồ sơ <mã cơ quan>-<YYMMDD>-<NNNN>'),
    status: z.number().int().min(1).max(10).describe('Trạng thái theo danh mục của Cổng DVC quốc gia (1–10)'),
    statusName: z.string(),
    channel: z.enum(['counter', 'online', 'post']),
    assisted: z
      .boolean()
      .describe('Nộp trực tuyến do cán bộ tiếp nhận điền giúp công dân tại quầy (hỗ trợ nộp hồ sơ)'),
    unit: z.object({ code: z.string(), name: z.string() }),
    procedure: z.object({ code: z.string(), name: z.string(), timeLimit: TimeLimitSchema }),
    applicant: z.object({
      fullName: z.string(),
      idNumber: z.string(),
      phone: z.string(),
      address: z.string(),
      email: z.string().nullable(),
    }),
    subject: z.string(),
    returnMethod: z.enum(['counter', 'post']),
    documents: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        originals: z.number(),
        certifiedCopies: z.number(),
        photocopies: z.number(),
      }),
    ),
    attachments: z.array(
      z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number() }),
    ),
    receivedAt: Instant,
    dueAt: Instant,
    receivedBy: z.object({ username: z.string(), fullName: z.string() }),
    book: z.object({ volume: z.string(), number: z.number().int() }),
    version: z
      .number()
      .int()
      .describe('Tăng sau mỗi thao tác; gửi lại trong expectedVersion để phát hiện xung đột'),
    subState: z.string(),
    dueAtOriginal: Instant,
    step: z
      .object({
        index: z.number().int(),
        key: z.string(),
        name: z.string(),
        role: z.string(),
        dueAt: Instant.nullable(),
      })
      .nullable()
      .describe('Bước xử lý hiện tại khi trạng thái là 4'),
    assignee: z.string().nullable(),
    pausedSince: Instant.nullable(),
    supplementRequests: z.number().int(),
    processingEndedAt: Instant.nullable(),
    returnedAt: Instant.nullable(),
    timeliness: z
      .enum(['early', 'on_time', 'late'])
      .nullable()
      .describe('Trước hạn / đúng hạn / quá hạn khi đã có kết quả'),
    result: z.object({ fileId: z.string(), fileName: z.string() }).nullable(),
    sync: z
      .object({
        state: z.enum(['synced', 'pending', 'failed', 'none']),
        attempts: z.number().int(),
        lastError: z.string().nullable(),
        syncedAt: Instant.nullable(),
      })
      .describe(
        'Đồng bộ với Cổng DVCQG: synced (đã gửi hết), pending (đang chờ gửi), failed (ngừng thử, chờ quản trị gửi lại), none (không đồng bộ)',
      ),
    portalFiles: z
      .array(
        z.object({
          fileName: z.string(),
          componentId: z.string().describe('Mã thành phần hồ sơ (MaThanhPhanHoSo)'),
          state: z.enum(['pending', 'fetched', 'failed']),
          attempts: z.number().int(),
          lastError: z.string().nullable(),
        }),
      )
      .describe(
        'Tệp của hồ sơ nộp trên Cổng DVCQG: pending (đang tải về, tự thử lại), fetched (đã có trong attachments), failed (không tải được: lý do trong lastError; quản trị gửi lại được)',
      ),
  })
  .meta({ id: 'Dossier' });

export type DossierView = z.infer<typeof DossierSchema>;

export const DossierListItemSchema = z
  .object({
    code: z.string(),
    procedure: z.object({ code: z.string(), name: z.string() }),
    applicantName: z.string(),
    status: z.number().int(),
    statusName: z.string(),
    receivedAt: Instant,
    dueAt: Instant,
  })
  .meta({ id: 'DossierListItem' });

export const TrackingSchema = z
  .object({
    code: z.string(),
    procedure: z.object({ code: z.string(), name: z.string() }),
    status: z.number().int(),
    statusName: z.string(),
    receivedAt: Instant,
    dueAt: Instant,
    unit: z.object({ code: z.string(), name: z.string() }),
    result: z
      .object({
        issuedAt: Instant.nullable(),
        number: z.string().nullable().describe('Số của kết quả soạn trên hệ thống (null với tệp đính kèm)'),
        title: z.string().nullable().describe('Tên loại giấy tờ theo mẫu (null với tệp đính kèm)'),
        sha256: z.string().nullable().describe('SHA-256 của tệp kết quả đã ban hành, để đối chiếu'),
      })
      .nullable()
      .describe('Kết quả đã ban hành: để kiểm tra giấy tờ mang mã QR của hồ sơ'),
  })
  .meta({ id: 'TrackingStatus' });

export const CHANNEL_BY_CODE: Record<number, 'counter' | 'online' | 'post'> = {
  1: 'counter',
  2: 'online',
  3: 'post',
};
