import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { computeDue } from '../../../domain/calendar/work-calendar.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { actorOf } from '../audit/security.ts';
import { importOfficialYear, OfficialYearSchema } from './import-year.ts';

const DueQuery = z.object({
  from: z.iso.datetime({ offset: true }).describe('Thời điểm tiếp nhận (ISO 8601, có múi giờ)'),
  amount: z.coerce.number().min(0).max(2000).default(0),
  unit: z.enum(['working_days', 'working_hours', 'same_day']),
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .describe('Mã tỉnh (giờ làm việc của tỉnh); mặc định tỉnh demo'),
});

const SkippedSchema = z.object({ date: z.string(), reason: z.string() });

export function calendarRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/calendar/due',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Tính ngày hẹn trả theo lịch làm việc (giờ hành chính, ngày nghỉ, làm bù, mốc 15 giờ)',
        querystring: DueQuery,
        response: {
          200: z
            .object({ dueAt: z.string(), startAt: z.string(), skipped: z.array(SkippedSchema) })
            .meta({ id: 'DueDate' }),
        },
      },
    },
    async (req) => {
      const { from, amount, unit, province } = req.query;
      const cal = await ctx.services.calendar.forProvince(province ?? ctx.config.defaultProvince);
      const fromDate = new Date(from);
      const year = fromDate.getUTCFullYear();
      if (year < 2000 || year > 2100) throw new AppError('CALENDAR_RANGE', 'Năm phải trong khoảng 2000–2100');
      const due = computeDue(cal, fromDate, amount, unit);
      return { dueAt: due.dueAt.toISOString(), startAt: due.startAt.toISOString(), skipped: due.skipped };
    },
  );
  r.get(
    '/api/v1/calendar/days',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Ngày nghỉ lễ, nghỉ bù, hoán đổi và ngày làm bù của một năm (chính thức hoặc tự suy ra)',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: {
          200: z
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
            .meta({ id: 'CalendarYear' }),
        },
      },
    },
    async (req) => ({ year: req.query.year, days: await ctx.services.calendar.daysOfYear(req.query.year) }),
  );
  r.put(
    '/api/v1/calendar/years/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Quản trị: nhập lịch nghỉ lễ chính thức của một năm (thay thế lịch tự suy ra)',
        params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        body: OfficialYearSchema,
        response: {
          200: z.object({ year: z.number(), imported: z.number() }),
          401: ProblemSchema,
          403: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req, ['admin']);
      return importOfficialYear(ctx, req.params.year, req.body, actorOf(user));
    },
  );
}
