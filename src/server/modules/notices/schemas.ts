import { z } from 'zod';
import { isPlainDate } from '../../../domain/calendar/vn-time.ts';
import { NOTICE_KINDS } from '../../../domain/notices/rules.ts';
import { text } from '../../../domain/text/text-schema.ts';

const PlainDate = z
  .string()
  .refine(isPlainDate, 'Ngày theo dạng YYYY-MM-DD')
  .describe('Ngày (YYYY-MM-DD, lịch Việt Nam)');

const UnitCode = z
  .string()
  .regex(/^(\d{2}|\d{5})$/, 'Mã tỉnh (2 chữ số) hoặc mã xã (5 chữ số)')
  .describe('Mã xã (5 chữ số) hoặc mã tỉnh (2 chữ số) cho thông báo toàn tỉnh');

const NewFile = z.object({
  fileName: text({ min: 1, max: 200 }).describe('Tên tệp hiển thị cho người dân'),
  dataBase64: z
    .string()
    .min(1)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Nội dung tệp không đúng mã hóa base64')
    .describe('Nội dung tệp PDF mã hóa base64; loại tệp được kiểm tra theo nội dung'),
});

const fields = {
  kind: z.enum(NOTICE_KINDS).describe('notice: thông báo; legal_document: văn bản pháp luật, chỉ đạo'),
  title: text({ min: 1, max: 300 }).describe('Tiêu đề (văn bản thuần, không HTML)'),
  summary: text({ max: 1000, multiline: true }).optional().describe('Tóm tắt'),
  body: text({ max: 20000, multiline: true }).optional().describe('Nội dung (văn bản thuần)'),
  docNumber: text({ max: 80 }).optional().describe('Số, ký hiệu văn bản (vd. 118/2025/NĐ-CP)'),
  issuer: text({ max: 200 }).optional().describe('Cơ quan ban hành'),
  issuedOn: PlainDate.optional().describe('Ngày ban hành'),
  effectiveOn: PlainDate.optional().describe('Ngày có hiệu lực'),
  expiresOn: PlainDate.optional().describe('Ngày cuối hiển thị cho người dân (không có: đến khi gỡ)'),
};

export const CreateNoticeBody = z
  .object({
    unitCode: UnitCode,
    ...fields,
    attachments: z.array(NewFile).max(10).optional().describe('Tệp PDF đính kèm'),
  })
  .meta({ id: 'NoticeCreate' });
export type CreateNoticeBody = z.infer<typeof CreateNoticeBody>;

export const UpdateNoticeBody = z
  .object({
    ...fields,
    expectedVersion: z.number().int().min(1).describe('Phiên bản đang xem; khác phiên bản hiện tại: 409'),
    addAttachments: z.array(NewFile).max(10).optional().describe('Tệp PDF thêm vào'),
    removeAttachments: z.array(z.uuid()).max(20).optional().describe('Mã các tệp bỏ đi'),
  })
  .meta({ id: 'NoticeUpdate' });
export type UpdateNoticeBody = z.infer<typeof UpdateNoticeBody>;

export const VersionBody = z
  .object({ expectedVersion: z.number().int().min(1) })
  .meta({ id: 'NoticeVersion' });

export const NoticeParams = z.object({ unit: UnitCode, id: z.uuid() });
export const NoticeFileParams = z.object({ unit: UnitCode, id: z.uuid(), fileId: z.uuid() });
export const CommuneParams = z.object({ code: UnitCode });

export const PublicListQuery = z.object({
  kind: z.enum(NOTICE_KINDS).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});

export const ManageListQuery = z.object({
  unit: UnitCode.optional().describe('Đơn vị; mặc định: xã hoặc tỉnh của người dùng'),
});

const FileSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});

const UnitRef = z.object({ code: z.string(), name: z.string(), level: z.enum(['province', 'commune']) });

export const PublicNoticeSchema = z
  .object({
    id: z.string(),
    unit: UnitRef,
    kind: z.enum(NOTICE_KINDS),
    title: z.string(),
    summary: z.string(),
    body: z.string(),
    docNumber: z.string().nullable(),
    issuer: z.string().nullable(),
    issuedOn: z.string().nullable(),
    effectiveOn: z.string().nullable(),
    publishedAt: z.string(),
    updatedAt: z.string(),
    expiresOn: z.string().nullable(),
    attachments: z.array(FileSchema),
  })
  .meta({ id: 'PublicNotice' });

export const PublicNoticeListSchema = z
  .object({
    unit: UnitRef,
    province: UnitRef.nullable(),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    items: z.array(PublicNoticeSchema.omit({ body: true })),
  })
  .meta({ id: 'PublicNoticeList' });

export const ManagedNoticeSchema = PublicNoticeSchema.extend({
  version: z.number().int(),
  state: z.enum(['shown', 'expired', 'unpublished']),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedBy: z.string().nullable(),
  unpublishedAt: z.string().nullable(),
  unpublishedBy: z.string().nullable(),
}).meta({ id: 'ManagedNotice' });

export const ManagedNoticeListSchema = z
  .object({ units: z.array(UnitRef), items: z.array(ManagedNoticeSchema) })
  .meta({ id: 'ManagedNoticeList' });
