import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../domain/text/text-schema.ts';
import type { AppContext } from '../../context.ts';
import { inspections, inspectionTasks, users } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { communeFor } from '../registers/scope.ts';

const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };

const InspectionBody = z.object({
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

/** Inspection records of a commune and their follow-up tasks, which appear in the owners' work queue until done. */
export function inspectionsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/inspections',
    {
      schema: {
        tags: ['inspections'],
        summary: 'Biên bản kiểm tra một xã: thành phần, kết quả, chỉ đạo, nhiệm vụ sau kiểm tra',
        querystring: z.object({ unit: z.string().regex(/^\d{5}$/) }),
        body: InspectionBody,
        response: { 201: z.object({ id: z.string(), tasks: z.number() }), ...problems },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req, ['province', 'admin', 'leader']);
      const unit = await communeFor(ctx, user, req.query.unit);
      const owners = new Map<string, string>();
      const errors = [];
      for (const [i, t] of req.body.tasks.entries()) {
        const [u] = await ctx.db
          .select()
          .from(users)
          .where(and(eq(users.username, t.owner), eq(users.unitCode, unit.code)));
        if (!u)
          errors.push({ path: `tasks.${i}.owner`, message: `Không có cán bộ ${t.owner} ở ${unit.fullName}` });
        else owners.set(t.owner, u.id);
      }
      if (errors.length) throw new AppError('VALIDATION_FAILED', undefined, errors);
      const id = randomUUID();
      await ctx.db.transaction(async (tx) => {
        await tx.insert(inspections).values({
          unitCode: unit.code,
          id,
          day: req.body.day,
          participants: req.body.participants,
          findings: req.body.findings,
          directions: req.body.directions,
          createdBy: user.id,
          createdAt: ctx.now(),
        });
        if (req.body.tasks.length) {
          await tx.insert(inspectionTasks).values(
            req.body.tasks.map((t) => ({
              unitCode: unit.code,
              id: randomUUID(),
              inspectionId: id,
              title: t.title,
              ownerId: owners.get(t.owner)!,
              dueDate: t.dueDate,
            })),
          );
        }
      });
      return reply.code(201).send({ id, tasks: req.body.tasks.length });
    },
  );
  r.get(
    '/api/v1/inspections',
    {
      schema: {
        tags: ['inspections'],
        summary: 'Các biên bản kiểm tra của một xã và nhiệm vụ sau kiểm tra',
        querystring: z.object({
          unit: z
            .string()
            .regex(/^\d{5}$/)
            .optional(),
        }),
      },
    },
    async (req) => {
      const unit = await communeFor(ctx, await requireUser(ctx, req), req.query.unit);
      const list = await ctx.db
        .select()
        .from(inspections)
        .where(eq(inspections.unitCode, unit.code))
        .orderBy(desc(inspections.day));
      const tasks = await ctx.db
        .select({ task: inspectionTasks, owner: users.username, ownerName: users.fullName })
        .from(inspectionTasks)
        .leftJoin(users, eq(users.id, inspectionTasks.ownerId))
        .where(eq(inspectionTasks.unitCode, unit.code))
        .orderBy(asc(inspectionTasks.dueDate));
      return list.map((i) => ({
        id: i.id,
        day: i.day,
        participants: i.participants,
        findings: i.findings,
        directions: i.directions,
        tasks: tasks
          .filter((t) => t.task.inspectionId === i.id)
          .map((t) => ({
            id: t.task.id,
            title: t.task.title,
            owner: t.owner,
            ownerName: t.ownerName,
            dueDate: t.task.dueDate,
            doneAt: t.task.doneAt?.toISOString() ?? null,
          })),
      }));
    },
  );
  r.get(
    '/api/v1/tasks/mine',
    { schema: { tags: ['inspections'], summary: 'Nhiệm vụ sau kiểm tra chưa hoàn thành của tôi' } },
    async (req) => {
      const user = await requireUser(ctx, req);
      if (user.scope.kind !== 'unit') return [];
      const rows = await ctx.db
        .select()
        .from(inspectionTasks)
        .where(
          and(
            eq(inspectionTasks.unitCode, user.scope.unitCode),
            eq(inspectionTasks.ownerId, user.id),
            isNull(inspectionTasks.doneAt),
          ),
        )
        .orderBy(asc(inspectionTasks.dueDate));
      return rows.map((t) => ({ id: t.id, title: t.title, dueDate: t.dueDate }));
    },
  );
  r.post(
    '/api/v1/tasks/:id/done',
    {
      schema: {
        tags: ['inspections'],
        summary: 'Đánh dấu hoàn thành nhiệm vụ sau kiểm tra',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req);
      if (user.scope.kind !== 'unit') throw new AppError('FORBIDDEN');
      const done = await ctx.db
        .update(inspectionTasks)
        .set({ doneAt: ctx.now() })
        .where(
          and(
            eq(inspectionTasks.unitCode, user.scope.unitCode),
            eq(inspectionTasks.id, req.params.id),
            eq(inspectionTasks.ownerId, user.id),
            isNull(inspectionTasks.doneAt),
          ),
        )
        .returning();
      if (!done.length) throw new AppError('NOT_FOUND', 'Không có nhiệm vụ đang mở này của bạn');
      return reply.code(204).send();
    },
  );
}
