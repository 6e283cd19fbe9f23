import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { actorOf } from '../audit/security.ts';
import { importOfficialYear } from './import-year.ts';
import { CALENDAR_EDITORS } from './policy.ts';
import { CalendarYearSchema, DueDateSchema, DueQuery, OfficialYearSchema, YearParam } from './schemas.ts';
import { dueDate } from './service.ts';

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
          200: DueDateSchema,
          400: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (req) => dueDate(ctx, req.query),
  );
  r.get(
    '/api/v1/calendar/days',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Ngày nghỉ lễ, nghỉ bù, hoán đổi và ngày làm bù của một năm (chính thức hoặc tự suy ra)',
        querystring: YearParam,
        response: {
          200: CalendarYearSchema,
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
        params: YearParam,
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
      const user = await requireUser(ctx, req, [...CALENDAR_EDITORS]);
      return importOfficialYear(ctx, req.params.year, req.body, actorOf(user));
    },
  );
}
