import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  PERIOD_ERROR_NAMES,
  periodInstants,
  type ReportPeriod,
  validatePeriod,
} from '../../../domain/reports/periods.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { fieldNames, reportIssuer } from './report-parts.ts';
import { reportUnits } from './scope.ts';
import {
  noIndicatorCounts,
  presentSettlement,
  type ReportGroup,
  settlement,
  settlementCountsByUnit,
} from './settlement.ts';
import {
  centerTrainingByUnit,
  consultationsByUnit,
  consultationsReport,
  equipmentReport,
  staffingReport,
} from './staffing.ts';

const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };
const UnitParam = z
  .string()
  .regex(/^(\d{2}|\d{5}|all)$/, 'Mã tỉnh (2 số), mã xã (5 số) hoặc all')
  .optional();

function checkedPeriod(from: string, to: string): ReportPeriod {
  const period = { from, to };
  const error = validatePeriod(period);
  if (error)
    throw new AppError('VALIDATION_FAILED', PERIOD_ERROR_NAMES[error], [
      { path: 'to', message: PERIOD_ERROR_NAMES[error] },
    ]);
  return period;
}

const Counts = z.object({
  field: z.object({ code: z.string(), name: z.string() }),
  received: z.object({ total: z.number(), online: z.number(), direct: z.number(), carriedOver: z.number() }),
  settled: z.object({ total: z.number(), early: z.number(), onTime: z.number(), late: z.number() }),
  inProcess: z.object({ total: z.number(), withinTime: z.number(), overdue: z.number() }),
  withdrawnOrStopped: z.number(),
});

const ExportFormat = z.enum(['json', 'xlsx', 'pdf']).default('json');
const ReportUnitSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['commune', 'province', 'national']),
});
const CountByCode = z.object({ code: z.string(), name: z.string(), count: z.number() });

const StaffingSchema = z.object({
  unit: ReportUnitSchema,
  total: z.number(),
  officials: z.number(),
  byCategory: z.array(CountByCode),
  byBloc: z.array(CountByCode),
  byUnit: z.array(z.object({ name: z.string(), kind: z.string(), count: z.number() })),
  centerTraining: z.object({ staff: z.number(), trained: z.number(), rate: z.number().nullable() }),
});

const ConsultationsSchema = z.object({
  unit: ReportUnitSchema,
  from: z.string(),
  to: z.string(),
  total: z.number(),
  byField: z.array(z.object({ code: z.string(), count: z.number() })),
  byChannel: z.array(z.object({ channel: z.string(), count: z.number() })),
});

const EquipmentSchema = z.object({
  unit: ReportUnitSchema,
  items: z.array(
    z.object({
      kind: z.string(),
      name: z.string(),
      quantity: z.number(),
      condition: z.string(),
      meetsNeed: z.boolean(),
      note: z.string().nullable(),
    }),
  ),
  allMeetNeed: z.boolean(),
  notMeeting: z.array(z.string()),
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A report file; the name is ASCII (unit code and dates), so no RFC 5987 encoding is needed. */
function sendXlsx(reply: FastifyReply, filename: string, file: Buffer) {
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .serializer((x) => x as string)
    .send(file as never);
}

function sendPdf(reply: FastifyReply, filename: string, file: Buffer) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="${filename}"`)
    .serializer((x) => x as string)
    .send(file as never);
}

export function reportsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const settlementFor = async (
    user: Parameters<typeof reportUnits>[1],
    unit: string | undefined,
    from: string,
    to: string,
    groupBy: ReportGroup,
  ) => {
    const period = checkedPeriod(from, to);
    const scope = await reportUnits(ctx, user, unit);
    const names =
      groupBy === 'unit'
        ? Object.fromEntries(
            (await ctx.services.units.list({ level: 'commune' }))
              .filter((u) => scope.communes.includes(u.code))
              .map((u) => [u.code, u.fullName]),
          )
        : undefined;
    return {
      report: await settlement(
        ctx.db,
        { unit: scope.unit, communes: scope.communes, unitNames: names },
        period,
        groupBy,
      ),
      scope,
    };
  };

  r.get(
    '/api/v1/reports/settlement',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Biểu II.06a: tình hình, kết quả giải quyết TTHC (xã, tỉnh hoặc toàn quốc) và chỉ số Quyết định 766',
        description:
          '`format=xlsx|pdf` xuất cùng số liệu. `groupBy`: field (lĩnh vực, mặc định), sector (ngành), procedure (thủ tục), unit (xã).',
        querystring: z.object({
          unit: UnitParam,
          from: z.iso.date(),
          to: z.iso.date(),
          groupBy: z.enum(['field', 'sector', 'procedure', 'unit']).default('field'),
          format: z.enum(['json', 'xlsx', 'pdf']).default('json'),
        }),
        response: {
          200: z.object({
            unit: z.object({ code: z.string(), name: z.string() }),
            from: z.string(),
            to: z.string(),
            groupBy: z.string(),
            rows: z.array(Counts),
            total: z.object({
              received: z.number(),
              settled: z.number(),
              inProcess: z.number(),
              withdrawnOrStopped: z.number(),
            }),
            totalRow: Counts,
            indicators: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                formula: z.string(),
                formulaVi: z.string(),
                numerator: z.number(),
                denominator: z.number(),
                value: z.number().nullable(),
                parts: z.record(z.string(), z.number()).optional(),
              }),
            ),
          }),
          ...problems,
        },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req);
      const { report } = await settlementFor(
        user,
        req.query.unit,
        req.query.from,
        req.query.to,
        req.query.groupBy,
      );
      if (req.query.format === 'xlsx') {
        const file = await ctx.workers.run('settlementXlsx', report);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            `attachment; filename="bieu-06a-${report.unit.code}-${report.from}-${report.to}.xlsx"`,
          )
          .serializer((x) => x as string)
          .send(file as never);
      }
      if (req.query.format === 'pdf') {
        const unit = report.unit.code === 'all' ? undefined : await ctx.services.units.get(report.unit.code);
        const issuer = unit
          ? {
              line1:
                unit.level === 'province'
                  ? `UBND ${unit.fullName.toUpperCase()}`
                  : `UBND ${unit.fullName.toUpperCase()}`,
              line2: unit.level === 'province' ? 'VĂN PHÒNG UBND TỈNH' : 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
              place: unit.name,
            }
          : { line1: 'HỆ THỐNG MỘT CỬA', line2: 'TỔNG HỢP TOÀN QUỐC', place: 'Hà Nội' };
        const file = await ctx.workers.run('settlementPdf', report, issuer, ctx.now());
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="bieu-06a-${report.unit.code}.pdf"`)
          .serializer((x) => x as string)
          .send(file as never);
      }
      return report;
    },
  );

  r.get(
    '/api/v1/reports/staffing',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Cơ cấu nhân sự: theo phân loại, theo khối, theo đơn vị; tỷ lệ cán bộ Trung tâm được bồi dưỡng',
        description: '`format=xlsx|pdf` xuất cùng số liệu.',
        querystring: z.object({ unit: UnitParam, format: ExportFormat }),
        response: { 200: StaffingSchema, ...problems },
      },
    },
    async (req, reply) => {
      const scope = await reportUnits(ctx, await requireUser(ctx, req), req.query.unit);
      const report = { unit: scope.unit, ...(await staffingReport(ctx.db, scope.communes)) };
      if (req.query.format === 'xlsx')
        return sendXlsx(
          reply,
          `co-cau-nhan-su-${report.unit.code}.xlsx`,
          await ctx.workers.run('staffingXlsx', report, ctx.now()),
        );
      if (req.query.format === 'pdf')
        return sendPdf(
          reply,
          `co-cau-nhan-su-${report.unit.code}.pdf`,
          await ctx.workers.run('staffingPdf', report, await reportIssuer(ctx, report.unit), ctx.now()),
        );
      return report;
    },
  );

  r.get(
    '/api/v1/reports/consultations',
    {
      schema: {
        tags: ['reports'],
        summary: 'Số lượt hướng dẫn, tư vấn theo lĩnh vực và theo hình thức',
        description: '`format=xlsx|pdf` xuất cùng số liệu.',
        querystring: z.object({
          unit: UnitParam,
          from: z.iso.date(),
          to: z.iso.date(),
          format: ExportFormat,
        }),
        response: { 200: ConsultationsSchema, ...problems },
      },
    },
    async (req, reply) => {
      const period = checkedPeriod(req.query.from, req.query.to);
      const scope = await reportUnits(ctx, await requireUser(ctx, req), req.query.unit);
      const { start, end } = periodInstants(period);
      const report = {
        unit: scope.unit,
        from: period.from,
        to: period.to,
        ...(await consultationsReport(ctx.db, scope.communes, start, end)),
      };
      if (req.query.format === 'json') return report;
      const names = await fieldNames(
        ctx.db,
        report.byField.map((f) => f.code),
      );
      const name = `tu-van-${report.unit.code}-${report.from}-${report.to}`;
      if (req.query.format === 'xlsx')
        return sendXlsx(reply, `${name}.xlsx`, await ctx.workers.run('consultationsXlsx', report, names));
      return sendPdf(
        reply,
        `${name}.pdf`,
        await ctx.workers.run(
          'consultationsPdf',
          report,
          names,
          await reportIssuer(ctx, report.unit),
          ctx.now(),
        ),
      );
    },
  );

  r.get(
    '/api/v1/reports/equipment',
    {
      schema: {
        tags: ['reports'],
        summary: 'Trang thiết bị và mức đáp ứng',
        description: '`format=xlsx|pdf` xuất cùng số liệu.',
        querystring: z.object({ unit: UnitParam, format: ExportFormat }),
        response: { 200: EquipmentSchema, ...problems },
      },
    },
    async (req, reply) => {
      const scope = await reportUnits(ctx, await requireUser(ctx, req), req.query.unit);
      const report = { unit: scope.unit, ...(await equipmentReport(ctx.db, scope.communes)) };
      if (req.query.format === 'xlsx')
        return sendXlsx(
          reply,
          `trang-thiet-bi-${report.unit.code}.xlsx`,
          await ctx.workers.run('equipmentXlsx', report, ctx.now()),
        );
      if (req.query.format === 'pdf')
        return sendPdf(
          reply,
          `trang-thiet-bi-${report.unit.code}.pdf`,
          await ctx.workers.run('equipmentPdf', report, await reportIssuer(ctx, report.unit), ctx.now()),
        );
      return report;
    },
  );

  r.get(
    '/api/v1/reports/dashboard',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Bảng điều hành của tỉnh: các xã cạnh nhau (hồ sơ theo lĩnh vực, tỷ lệ đúng hạn, quá hạn, trực tuyến, tư vấn, bồi dưỡng)',
        querystring: z.object({
          province: z
            .string()
            .regex(/^\d{2}$/)
            .optional(),
          from: z.iso.date(),
          to: z.iso.date(),
          active: z.enum(['true', 'false']).default('true'),
        }),
      },
    },
    async (req) => {
      const user = await requireUser(ctx, req);
      const period = checkedPeriod(req.query.from, req.query.to);
      const province =
        req.query.province ??
        (user.scope.kind === 'province' || user.scope.kind === 'unit'
          ? user.scope.provinceCode
          : ctx.config.defaultProvince);
      const scope = await reportUnits(ctx, user, user.scope.kind === 'unit' ? user.scope.unitCode : province);
      const communes = (await ctx.services.units.list({ level: 'commune' })).filter(
        (u) => scope.communes.includes(u.code) && (req.query.active === 'false' || u.isActive),
      );
      const { start, end } = periodInstants(period);
      // Set-based: one settlement statement grouped by commune and field, one for center staff, one for consultations.
      const codes = communes.map((c) => c.code);
      const [counted, training, consulted] = await Promise.all([
        settlementCountsByUnit(ctx.db, codes, period, 'field'),
        centerTrainingByUnit(ctx.db, codes),
        consultationsByUnit(ctx.db, codes, start, end),
      ]);
      const rows = communes.map((c) => {
        const s = presentSettlement(
          counted.get(c.code) ?? { rows: [], indicators: noIndicatorCounts() },
          { unit: { code: c.code, name: c.fullName } },
          period,
          'field',
        );
        const staffing = training.get(c.code) ?? { staff: 0, trained: 0 };
        return {
          unit: { code: c.code, name: c.fullName, portalConnected: c.portalConnected },
          byField: s.rows.map((row) => ({
            code: row.field.code,
            name: row.field.name,
            received: row.received.total,
          })),
          received: s.total.received,
          settled: s.total.settled,
          inProcess: s.total.inProcess,
          overdue: s.totalRow.inProcess.overdue + s.totalRow.settled.late,
          onTimeRate: s.indicators.find((i) => i.id === '2.1')?.value ?? null,
          onlineShare: s.indicators.find((i) => i.id === '3.3')?.value ?? null,
          consultations: consulted.get(c.code) ?? 0,
          centerStaff: staffing.staff,
          centerStaffTrained: staffing.trained,
        };
      });
      return { province: scope.unit, from: period.from, to: period.to, communes: rows };
    },
  );
}
