import { z } from 'zod';
import { ACTIONS } from '../../../domain/lifecycle/transitions.ts';
import { ATTACHMENT_TYPES } from '../dossiers/schemas.ts';

export const ActionBodySchema = z
  .object({
    action: z.enum(ACTIONS),
    reason: z.string().trim().max(2000).optional(),
    expectedVersion: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Phiên bản hồ sơ người dùng đang xem; khác hiện tại → 409'),
    assignee: z.string().max(80).optional().describe('assign: tên đăng nhập cán bộ được phân công'),
    items: z
      .array(
        z.object({
          name: z.string().min(1).max(300),
          originals: z.number().int().min(0).max(99).default(0),
          certifiedCopies: z.number().int().min(0).max(99).default(0),
          photocopies: z.number().int().min(0).max(99).default(0),
        }),
      )
      .max(30)
      .optional()
      .describe('request_supplement: giấy tờ cần bổ sung'),
    newDueAt: z.iso.datetime({ offset: true }).optional().describe('draft_apology: ngày hẹn trả mới'),
    resultName: z.string().max(300).optional(),
    resultFile: z
      .object({
        fileName: z.string().min(1).max(200),
        contentType: z.enum(ATTACHMENT_TYPES),
        dataBase64: z.string().min(1),
      })
      .optional()
      .describe('issue_result: tệp kết quả giải quyết'),
    returnMethod: z.enum(['counter', 'post']).optional(),
  })
  .meta({ id: 'ActionRequest' });

export type ActionBody = z.infer<typeof ActionBodySchema>;
