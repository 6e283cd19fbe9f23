import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { INSPECTORS } from './policy.ts';
import {
  CommuneQuerySchema,
  FollowUpTaskSchema,
  InspectionBodySchema,
  InspectionSchema,
  OptionalCommuneQuerySchema,
  TaskParamsSchema,
} from './schemas.ts';
import { completeTask, listCommuneInspections, listMyTasks, recordInspection } from './service.ts';

const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };

/** Inspection records of a commune and their follow-up tasks. */
export function inspectionsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/inspections',
    {
      schema: {
        tags: ['inspections'],
        summary: 'Biên bản kiểm tra một xã: thành phần, kết quả, chỉ đạo, nhiệm vụ sau kiểm tra',
        querystring: CommuneQuerySchema,
        body: InspectionBodySchema,
        response: { 201: z.object({ id: z.string(), tasks: z.number() }), ...problems },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req, [...INSPECTORS]);
      return reply.code(201).send(await recordInspection(ctx, user, req.query.unit, req.body));
    },
  );
  r.get(
    '/api/v1/inspections',
    {
      schema: {
        tags: ['inspections'],
        summary: 'Các biên bản kiểm tra của một xã và nhiệm vụ sau kiểm tra',
        querystring: OptionalCommuneQuerySchema,
        response: { 200: z.array(InspectionSchema), ...problems },
      },
    },
    async (req) => listCommuneInspections(ctx, await requireUser(ctx, req), req.query.unit),
  );
  r.get(
    '/api/v1/tasks/mine',
    {
      schema: {
        tags: ['inspections'],
        summary: 'Nhiệm vụ sau kiểm tra chưa hoàn thành của tôi',
        response: { 200: z.array(FollowUpTaskSchema), ...problems },
      },
    },
    async (req) => listMyTasks(ctx, await requireUser(ctx, req)),
  );
  r.post(
    '/api/v1/tasks/:id/done',
    {
      schema: {
        tags: ['inspections'],
        summary: 'Đánh dấu hoàn thành nhiệm vụ sau kiểm tra',
        params: TaskParamsSchema,
      },
    },
    async (req, reply) => {
      await completeTask(ctx, await requireUser(ctx, req), req.params.id);
      return reply.code(204).send();
    },
  );
}
