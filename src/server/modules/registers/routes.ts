import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDays, vnInstant } from '../../../domain/calendar/vn-time.ts';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { actorOf, recordSecurityEvent } from '../audit/security.ts';
import { Base64Schema } from '../dossiers/schemas.ts';
import { certificationRegisterRoutes } from './certification-routes.ts';
import { CONSULTATION_LOGGERS, REGISTER_EDITORS } from './policy.ts';
import {
  ConsultationInputSchema,
  ConsultationSchema,
  EquipmentInputSchema,
  EquipmentItemSchema,
  StaffInputSchema,
  StaffSchema,
  TrainingInputSchema,
  TrainingSchema,
} from './schemas.ts';
import { communeFor } from './scope.ts';
import * as svc from './service.ts';

const UnitQuery = z.object({
  unit: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
});
const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registersRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  certificationRegisterRoutes(app, ctx);
  r.get(
    '/api/v1/registers/staff',
    {
      schema: {
        tags: ['registers'],
        summary: 'Danh sách nhân sự của xã (cán bộ, công chức, viên chức, hợp đồng, không chuyên trách)',
        querystring: UnitQuery,
        response: { 200: z.array(StaffSchema), ...problems },
      },
    },
    async (req) => {
      const unit = await communeFor(ctx, await requireUser(ctx, req), req.query.unit);
      const rows = await svc.listStaff(ctx.db, unit.code);
      return rows.map((s) => ({ ...s, bloc: s.bloc ?? null, startDate: s.startDate ?? null }));
    },
  );
  r.get(
    '/api/v1/registers/staff.xlsx',
    {
      schema: {
        tags: ['registers'],
        summary: 'Xuất danh sách nhân sự ra XLSX (cùng cột với tệp nhập)',
        querystring: UnitQuery,
        produces: [XLSX],
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req);
      const unit = await communeFor(ctx, user, req.query.unit);
      const staff = await svc.listStaff(ctx.db, unit.code);
      const file = await ctx.workers.run('staffXlsx', unit.fullName, staff);
      await recordSecurityEvent(ctx.db, {
        action: 'export_staff_register',
        unitCode: unit.code,
        actor: actorOf(user),
        data: { rows: staff.length },
        requestId: req.id,
      });
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="nhan-su-${unit.slug}.xlsx"`)
        .send(file);
    },
  );
  r.post(
    '/api/v1/registers/staff',
    {
      schema: {
        tags: ['registers'],
        summary: 'Thêm một người vào danh sách nhân sự',
        querystring: UnitQuery,
        body: StaffInputSchema,
        response: { 201: z.object({ id: z.string() }), ...problems },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req);
      const unit = await communeFor(ctx, user, req.query.unit, REGISTER_EDITORS);
      const [id] = await svc.addStaff(ctx, unit.code, [req.body], actorOf(user));
      return reply.code(201).send({ id: id! });
    },
  );
  r.post(
    '/api/v1/registers/staff/import',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags: ['registers'],
        summary: 'Nhập danh sách nhân sự từ tệp XLSX (toàn bộ hoặc không dòng nào; lỗi kèm số dòng)',
        querystring: UnitQuery,
        body: z.object({ dataBase64: Base64Schema }),
        response: { 200: z.object({ imported: z.number().int() }), ...problems, 413: ProblemSchema },
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req);
      const unit = await communeFor(ctx, user, req.query.unit, REGISTER_EDITORS);
      return svc.importStaffXlsx(ctx, unit.code, Buffer.from(req.body.dataBase64, 'base64'), actorOf(user));
    },
  );
  r.post(
    '/api/v1/registers/trainings',
    {
      schema: {
        tags: ['registers'],
        summary: 'Ghi nhận một khóa bồi dưỡng của cán bộ',
        querystring: UnitQuery,
        body: TrainingInputSchema,
        response: { 201: z.object({ id: z.string() }), ...problems },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req);
      const unit = await communeFor(ctx, user, req.query.unit, REGISTER_EDITORS);
      return reply.code(201).send({ id: await svc.addTraining(ctx, unit.code, req.body, actorOf(user)) });
    },
  );
  r.get(
    '/api/v1/registers/trainings',
    {
      schema: {
        tags: ['registers'],
        summary: 'Các khóa bồi dưỡng đã ghi nhận (của xã, hoặc của một người với staffId)',
        querystring: UnitQuery.extend({ staffId: z.uuid().optional() }),
        response: { 200: z.array(TrainingSchema), ...problems },
      },
    },
    async (req) => {
      const unit = await communeFor(ctx, await requireUser(ctx, req), req.query.unit);
      return svc.listTrainings(ctx.db, unit.code, req.query.staffId);
    },
  );
  r.get(
    '/api/v1/registers/equipment',
    {
      schema: {
        tags: ['registers'],
        summary: 'Trang thiết bị của Trung tâm',
        querystring: UnitQuery,
        response: { 200: z.array(EquipmentItemSchema), ...problems },
      },
    },
    async (req) => {
      const unit = await communeFor(ctx, await requireUser(ctx, req), req.query.unit);
      return svc.listEquipment(ctx.db, unit.code);
    },
  );
  r.post(
    '/api/v1/registers/equipment',
    {
      schema: {
        tags: ['registers'],
        summary: 'Thêm trang thiết bị',
        querystring: UnitQuery,
        body: EquipmentInputSchema,
        response: { 201: z.object({ id: z.string() }), ...problems },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req);
      const unit = await communeFor(ctx, user, req.query.unit, REGISTER_EDITORS);
      return reply.code(201).send({
        id: await svc.addEquipment(
          ctx,
          unit.code,
          { ...req.body, location: req.body.location ?? null, note: req.body.note ?? null },
          actorOf(user),
        ),
      });
    },
  );
  r.get(
    '/api/v1/consultations',
    {
      schema: {
        tags: ['consultations'],
        summary: 'Sổ hướng dẫn, tư vấn (không phát sinh hồ sơ)',
        querystring: UnitQuery.extend({ from: z.iso.date(), to: z.iso.date() }),
        response: {
          200: z.array(ConsultationSchema),
          ...problems,
        },
      },
    },
    async (req) => {
      const unit = await communeFor(ctx, await requireUser(ctx, req), req.query.unit);
      const rows = await svc.listConsultations(
        ctx.db,
        unit.code,
        vnInstant(req.query.from, 0),
        vnInstant(addDays(req.query.to, 1), 0),
      );
      return rows.map((c) => ({
        id: c.id,
        at: c.at.toISOString(),
        fieldCode: c.fieldCode,
        procedureCode: c.procedureCode,
        channel: c.channel,
        subject: c.subject,
      }));
    },
  );
  r.post(
    '/api/v1/consultations',
    {
      schema: {
        tags: ['consultations'],
        summary: 'Ghi nhận một lượt hướng dẫn, tư vấn',
        body: ConsultationInputSchema,
        response: { 201: z.object({ id: z.string() }), ...problems },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req, [...CONSULTATION_LOGGERS]);
      const unit = await communeFor(ctx, user, undefined);
      return reply
        .code(201)
        .send({ id: await svc.addConsultation(ctx, unit.code, user.id, req.body, actorOf(user), user) });
    },
  );
}
