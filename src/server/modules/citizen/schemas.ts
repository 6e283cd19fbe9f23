import { z } from 'zod';
import { phoneSchema } from '../../../domain/contact/phone-schema.ts';
import { text } from '../../../domain/text/text-schema.ts';
import { ATTACHMENT_TYPES, Base64Schema } from '../dossiers/schemas.ts';

export const RATINGS = ['very_satisfied', 'satisfied', 'dissatisfied'] as const;

export const CitizenMeSchema = z
  .object({
    fullName: z.string(),
    personalId: z.string(),
    birthDate: z.string().nullable(),
    verified: z.boolean().describe('Được xác thực bởi dịch vụ định danh (không do công dân tự khai)'),
  })
  .meta({ id: 'CitizenMe' });

const UploadSchema = z.object({
  documentId: text({ min: 1, max: 80, trim: false }).describe('Mã thành phần hồ sơ của thủ tục'),
  fileName: text({ min: 1, max: 200 }),
  contentType: z.enum(ATTACHMENT_TYPES),
  dataBase64: Base64Schema.describe(
    'Nội dung tệp mã hóa base64 (JPEG, PNG hoặc PDF; kiểm tra theo nội dung)',
  ),
});

export const AnswersSchema = z
  .record(z.string(), z.unknown())
  .describe('Câu trả lời theo biểu mẫu của thủ tục (đối tượng JSON, giá trị là văn bản an toàn)');

export const OnlineSubmissionSchema = z
  .object({
    procedureCode: text({ min: 1, max: 40 }),
    unitCode: z.string().regex(/^\d{5}$/, 'Mã xã gồm 5 chữ số'),
    formVersion: z.number().int().min(1).max(10_000),
    answers: AnswersSchema,
    contact: z.object({
      phone: phoneSchema(),
      email: z.email().max(200).optional().nullable(),
      address: text({ min: 1, max: 300 }),
    }),
    returnMethod: z.enum(['counter', 'post']).default('counter'),
    documents: z.array(UploadSchema).max(20).default([]),
  })
  .meta({ id: 'OnlineSubmission' });
export type OnlineSubmission = z.infer<typeof OnlineSubmissionSchema>;

export const SupplementSchema = z.object({
  note: text({ max: 1000, multiline: true }).optional(),
  documents: z.array(UploadSchema).min(1).max(20),
});
export type SupplementBody = z.infer<typeof SupplementSchema>;

export const DraftSchema = z.object({ data: AnswersSchema, formVersion: z.number().int().min(1).optional() });

export const CitizenDossierItemSchema = z.object({
  code: z.string(),
  procedure: z.object({ code: z.string(), name: z.string() }),
  unit: z.object({ code: z.string(), name: z.string() }),
  status: z.number().int(),
  statusName: z.string(),
  actionNeeded: z.boolean().describe('Có việc công dân cần làm (bổ sung, đánh giá)'),
  submittedAt: z.string(),
});

export const CitizenDossierSchema = CitizenDossierItemSchema.extend({
  subState: z.string(),
  channel: z.enum(['counter', 'online', 'post']),
  formVersion: z.number().int().nullable(),
  answers: z.record(z.string(), z.unknown()).nullable(),
  appointment: z.string().nullable().describe('Ngày hẹn trả kết quả (sau khi được tiếp nhận)'),
  asked: z
    .object({
      kind: z.enum(['pre_receipt_supplement', 'supplement']),
      reasons: z.array(z.string()),
      items: z.array(z.object({ name: z.string() })),
    })
    .nullable()
    .describe('Điều công dân được yêu cầu làm'),
  refusal: z.array(z.string()).nullable(),
  timeline: z.array(
    z.object({
      at: z.string(),
      code: z.string().describe('Mã thao tác (accept, submit_online…), để hiển thị theo ngôn ngữ người đọc'),
      action: z.string(),
      status: z.number().int().nullable(),
      statusName: z.string(),
    }),
  ),
  files: z.array(
    z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number() }),
  ),
  result: z.object({ fileName: z.string(), url: z.string() }).nullable(),
  can: z.object({ withdraw: z.boolean(), supplement: z.boolean(), rate: z.boolean() }),
  rating: z.enum(RATINGS).nullable(),
});
export type CitizenDossierView = z.infer<typeof CitizenDossierSchema>;
