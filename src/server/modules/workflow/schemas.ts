import { z } from 'zod';
import { QUEUES } from '../../../domain/lifecycle/queues.ts';
import { ACTIONS } from '../../../domain/lifecycle/transitions.ts';
import { text } from '../../../domain/text/text-schema.ts';
import { TimeLimitSchema } from '../catalog/schemas.ts';
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

/** What the signed-in officer may do with a dossier now, GET /api/v1/dossiers/{code}/actions. */
export const ActionsSchema = z
  .object({
    version: z.number().int(),
    actions: z.array(z.object({ action: z.enum(ACTIONS), label: z.string(), reasonRequired: z.boolean() })),
  })
  .meta({ id: 'DossierActions' });

/** The dossier's audit events in order, GET /api/v1/dossiers/{code}/timeline. */
export const TimelineSchema = z.array(
  z.object({
    seq: z.number().int(),
    action: z.string(),
    label: z.string(),
    actor: z.object({
      username: z.string().nullable(),
      fullName: z.string().nullable(),
      role: z.string().nullable(),
    }),
    fromStatus: z.number().nullable(),
    toStatus: z.number().nullable(),
    toStatusName: z.string().nullable(),
    reason: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
    at: z.string(),
    requestId: z.string().nullable(),
    hash: z.string(),
  }),
);

const PredictionSchema = z
  .object({ finishAt: z.string(), likelyLate: z.boolean(), reason: z.string() })
  .nullable()
  .describe('Dự báo ngày xong theo thời gian thực tế các bước của xã (null khi không đang xử lý)');

/** Why the appointment is when it is, GET /api/v1/dossiers/{code}/due. */
export const DueExplanationSchema = z
  .object({
    code: z.string(),
    timeLimit: TimeLimitSchema,
    receivedAt: z.string(),
    startAt: z.string(),
    dueAtOriginal: z.string(),
    dueAtLegal: z.string(),
    dueAt: z.string(),
    skipped: z.array(z.object({ date: z.string(), reason: z.string() })),
    pauses: z.array(
      z.object({
        kind: z.string(),
        from: z.string(),
        to: z.string().nullable(),
        pausedMinutes: z.number().nullable(),
        reason: z.string(),
      }),
    ),
    rescheduled: z.object({ at: z.string(), dueAt: z.string(), reason: z.string().nullable() }).nullable(),
    deadlineState: z.enum(['on_track', 'due_soon', 'overdue']).nullable(),
    prediction: PredictionSchema,
    explanation: z.array(z.string()),
  })
  .meta({ id: 'DueExplanation' });

/** A work queue, GET /api/v1/queues/{queue}. */
export const QueueResponseSchema = z
  .object({
    queue: z.enum(QUEUES),
    items: z.array(
      z.object({
        code: z.string(),
        procedureCode: z.string(),
        procedureName: z
          .string()
          .nullable()
          .describe('Tên thủ tục theo danh mục của xã; null khi thủ tục không còn trong danh mục'),
        applicantName: z.string(),
        status: z.number().int(),
        statusName: z.string(),
        subState: z.string(),
        step: z.string().nullable(),
        receivedAt: z.string(),
        dueAt: z.string(),
        deadlineState: z.enum(['on_track', 'due_soon', 'overdue']).nullable(),
        prediction: PredictionSchema,
      }),
    ),
    hasMore: z.boolean().describe('Còn hồ sơ ngoài giới hạn 500 dòng'),
  })
  .meta({ id: 'WorkQueue' });
