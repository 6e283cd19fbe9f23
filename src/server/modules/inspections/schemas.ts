import { z } from 'zod';
import { text } from '../../../domain/text/text-schema.ts';

export const InspectionBodySchema = z.object({
  day: z.iso.date(),
  participants: text({ min: 1, max: 2000, multiline: true }),
  findings: text({ min: 1, max: 10000, multiline: true }).describe('Kết quả kiểm tra, khó khăn, vướng mắc'),
  directions: text({ min: 1, max: 10000, multiline: true }).describe('Ý kiến chỉ đạo'),
  tasks: z
    .array(
      z.object({
        title: text({ min: 1, max: 500 }),
        owner: text({ min: 1, max: 80, trim: false }).describe('tên đăng nhập người chịu trách nhiệm ở xã'),
        dueDate: z.iso.date(),
      }),
    )
    .max(50)
    .default([]),
});
export type InspectionBody = z.infer<typeof InspectionBodySchema>;

export const CommuneQuerySchema = z.object({ unit: z.string().regex(/^\d{5}$/) });
export const OptionalCommuneQuerySchema = z.object({
  unit: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
});
export const TaskParamsSchema = z.object({ id: z.uuid() });

export const InspectionSchema = z
  .object({
    id: z.string(),
    day: z.string(),
    participants: z.string(),
    findings: z.string(),
    directions: z.string(),
    tasks: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        owner: z.string().nullable(),
        ownerName: z.string().nullable(),
        dueDate: z.string(),
        doneAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Inspection' });

/** An open follow-up task of the signed-in officer. */
export const FollowUpTaskSchema = z
  .object({ id: z.string(), title: z.string(), dueDate: z.string().describe('Ngày YYYY-MM-DD') })
  .meta({ id: 'FollowUpTask' });
