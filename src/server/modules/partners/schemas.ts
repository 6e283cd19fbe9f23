import { z } from 'zod';
import { WEBHOOK_EVENT_KINDS } from '../../../domain/lifecycle/events.ts';
import { text } from '../../../domain/text/text-schema.ts';
import { DossierSchema } from '../dossiers/schemas.ts';
import { PARTNER_PERMISSIONS } from './policy.ts';

const Instant = z.string().describe('Thời điểm ISO 8601 (UTC)');

export const KeyScopeSchema = z.object({
  kind: z.enum(['commune', 'province']).describe('commune: một xã/phường; province: một tỉnh'),
  code: z
    .string()
    .regex(/^(\d{2}|\d{5})$/, 'Mã đơn vị gồm 2 (tỉnh) hoặc 5 (xã) chữ số')
    .describe('Mã đơn vị hành chính'),
});

export const CreateKeyBody = z.object({
  name: text({ min: 1, max: 120 }).describe('Tên hệ thống đối tác, ví dụ "Cổng thông tin điện tử tỉnh"'),
  scope: KeyScopeSchema,
  permissions: z
    .array(z.enum(PARTNER_PERMISSIONS))
    .min(1)
    .max(PARTNER_PERMISSIONS.length)
    .describe(
      'dossiers:read: đọc hồ sơ (không có thông tin cá nhân); applicants:read: kèm thông tin người nộp; webhooks: nhận sự kiện hồ sơ',
    ),
  ratePerMinute: z.number().int().min(1).max(6000).default(120).describe('Số yêu cầu tối đa mỗi phút'),
});

export const WebhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_KINDS)),
  createdAt: Instant,
  disabledAt: Instant.nullable(),
});

export const PartnerKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe('Phần đầu công khai của khóa (mck_<prefix>_…)'),
    scope: z.object({ kind: z.enum(['commune', 'province']), code: z.string(), name: z.string() }),
    permissions: z.array(z.string()),
    ratePerMinute: z.number().int(),
    createdAt: Instant,
    revokedAt: Instant.nullable(),
    lastUsedAt: Instant.nullable().describe('Lần dùng gần nhất (chính xác đến phút)'),
    webhooks: z.array(WebhookSchema),
  })
  .meta({ id: 'PartnerKey' });

export const CreatedKeySchema = z.object({
  key: PartnerKeySchema,
  secret: z.string().describe('Khóa API đầy đủ: chỉ hiển thị một lần, máy chủ chỉ lưu giá trị băm'),
});

export const KeyListSchema = z.object({ items: z.array(PartnerKeySchema) });

export const IdParam = z.object({ id: z.uuid() });

export const CreateWebhookBody = z.object({
  url: text({ min: 1, max: 500, trim: true }).describe(
    'Địa chỉ nhận sự kiện (https; http chỉ khi được cho phép)',
  ),
  events: z.array(z.enum(WEBHOOK_EVENT_KINDS)).min(1).max(WEBHOOK_EVENT_KINDS.length),
});

export const CreatedWebhookSchema = z.object({
  webhook: WebhookSchema,
  secret: z.string().describe('Khóa ký (whsec_…): chỉ hiển thị một lần'),
});

/** The dossier as a partner system sees it: the dossier JSON without staff-only fields. */
export const PartnerDossierSchema = z
  .object({
    code: DossierSchema.shape.code,
    status: DossierSchema.shape.status,
    statusName: z.string(),
    channel: DossierSchema.shape.channel,
    unit: DossierSchema.shape.unit,
    procedure: DossierSchema.shape.procedure,
    subject: z.string(),
    returnMethod: DossierSchema.shape.returnMethod,
    documents: DossierSchema.shape.documents,
    receivedAt: Instant,
    dueAt: Instant,
    dueAtOriginal: Instant,
    pausedSince: Instant.nullable(),
    processingEndedAt: Instant.nullable(),
    returnedAt: Instant.nullable(),
    timeliness: DossierSchema.shape.timeliness,
    hasResult: z.boolean(),
    applicant: DossierSchema.shape.applicant
      .nullable()
      .describe('Người nộp: chỉ với quyền applicants:read, nếu không là null'),
    changedAt: Instant.optional().describe('Thời điểm sự kiện gần nhất của hồ sơ (trong danh sách)'),
  })
  .meta({ id: 'PartnerDossier' });

export const FeedQuery = z.object({
  since: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Chỉ hồ sơ có sự kiện sau thời điểm này (ISO 8601)'),
  status: z.coerce.number().int().min(1).max(10).optional().describe('Trạng thái hiện tại (1–10)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'Con trỏ trang không hợp lệ')
    .optional()
    .describe('nextCursor của trang trước'),
});

export const FeedSchema = z.object({
  items: z.array(PartnerDossierSchema),
  nextCursor: z.string().nullable().describe('Gửi lại trong `after` để lấy trang sau; null khi hết'),
});
