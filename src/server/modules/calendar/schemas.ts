import { z } from 'zod';
import { text } from '../../../domain/text/text-schema.ts';

export const DueQuery = z.object({
  from: z.iso.datetime({ offset: true }).describe('Thời điểm tiếp nhận (ISO 8601, có múi giờ)'),
  amount: z.coerce.number().min(0).max(2000).default(0),
  unit: z.enum(['working_days', 'working_hours', 'same_day']),
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .describe('Mã tỉnh (giờ làm việc của tỉnh); mặc định tỉnh demo'),
});

export const SkippedSchema = z.object({ date: z.string(), reason: z.string() });

export const DueDateSchema = z
  .object({ dueAt: z.string(), startAt: z.string(), skipped: z.array(SkippedSchema) })
  .meta({ id: 'DueDate' });

/** Years the calendar routes take (the working calendar itself answers CALENDAR_YEARS). */
export const YearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const CalendarYearSchema = z
  .object({
    year: z.number(),
    days: z.array(
      z.object({
        date: z.string(),
        kind: z.enum(['holiday', 'compensatory', 'swapped_day_off', 'makeup_workday']),
        name: z.string(),
        source: z.enum(['official', 'derived']),
        note: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'CalendarYear' });

/** One year's official schedule as an administrator imports it (the body of PUT /calendar/years/:year). */
export const OfficialYearSchema = z.object({
  source: text({ min: 3, max: 500, trim: false }).describe('Văn bản công bố, ví dụ Công văn 12729/VPCP-KGVX'),
  days: z
    .array(
      z.object({
        date: z.iso.date(),
        kind: z.enum(['holiday', 'compensatory', 'swapped_day_off', 'makeup_workday']),
        name: text({ min: 1, max: 200, trim: false }),
        note: text({ max: 500, trim: false }).optional(),
      }),
    )
    .max(60),
});
export type DueQuery = z.infer<typeof DueQuery>;
