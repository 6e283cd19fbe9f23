import { z } from 'zod';
import { ACTIONS } from '../../../domain/lifecycle/transitions.ts';
import { text } from '../../../domain/text/text-schema.ts';
import { ATTACHMENT_TYPES, Base64Schema } from '../dossiers/schemas.ts';

export const ActionBodySchema = z
  .object({
    action: z.enum(ACTIONS),
    reason: text({ max: 2000, multiline: true }).optional(),
    expectedVersion: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Phiên bản hồ sơ người dùng đang xem; khác hiện tại → 409'),
    assignee: text({ max: 80, trim: false })
      .optional()
      .describe('assign: tên đăng nhập cán bộ được phân công'),
    items: z
      .array(
        z.object({
          name: text({ min: 1, max: 300, trim: false }),
          originals: z.number().int().min(0).max(99).default(0),
          certifiedCopies: z.number().int().min(0).max(99).default(0),
          photocopies: z.number().int().min(0).max(99).default(0),
        }),
      )
      .max(30)
      .optional()
      .describe('request_supplement: giấy tờ cần bổ sung'),
    newDueAt: z.iso.datetime({ offset: true }).optional().describe('draft_apology: ngày hẹn trả mới'),
    resultName: text({ max: 300, trim: false }).optional(),
    resultFile: z
      .object({
        fileName: text({ min: 1, max: 200, trim: false }),
        contentType: z.enum(ATTACHMENT_TYPES),
        dataBase64: Base64Schema,
      })
      .optional()
      .describe('issue_result: tệp kết quả giải quyết'),
    returnMethod: z.enum(['counter', 'post']).optional(),
    resultDraft: z
      .object({
        fields: z
          .record(z.string().regex(/^[A-Za-z]{1,40}$/), text({ max: 2000, multiline: true, trim: false }))
          .refine((r) => Object.keys(r).length <= 30, 'Tối đa 30 trường'),
      })
      .optional()
      .describe('draft_result: nội dung dự thảo kết quả theo mẫu (GET …/result-draft liệt kê các trường)'),
  })
  .meta({ id: 'ActionRequest' });

export type ActionBody = z.infer<typeof ActionBodySchema>;

/** A page of the commune's tracking book (sổ theo dõi hồ sơ), GET /api/v1/tracking-book. */
export const TrackingBookPageSchema = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      volume: z.string(),
      number: z.number().int(),
      code: z.string(),
      procedure: z.object({ code: z.string(), name: z.string() }),
      applicantName: z.string(),
      status: z.number().int(),
      receivedAt: z.string(),
      dueAt: z.string().nullable(),
      transferredAt: z.string().nullable(),
      resultReceivedAt: z.string().nullable(),
      returnedAt: z.string().nullable(),
    }),
  ),
});
