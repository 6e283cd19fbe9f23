import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { periodInstants } from '../../../domain/reports/periods.ts';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { anchorsBetween } from '../audit/verify.ts';
import {
  ConsultationsSchema,
  DashboardQuery,
  DashboardSchema,
  EquipmentSchema,
  PeriodQuery,
  SettlementQuery,
  SettlementSchema,
  StaffingSchema,
  UnitQuery,
} from './schemas.ts';
import {
  buildConsultations,
  buildEquipment,
  buildStaffing,
  checkedPeriod,
  dashboard,
  fieldNames,
  reportIssuer,
  reportUnits,
  settlementReport,
} from './service.ts';

const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };

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

/** The reports: Biểu II.06a with the Decision 766 index, staffing, consultations, equipment, the province dashboard. */
export function reportsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/reports/settlement',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Biểu II.06a: tình hình, kết quả giải quyết TTHC (xã, tỉnh hoặc toàn quốc) và chỉ số Quyết định 766',
        description:
          '`format=xlsx|pdf` xuất cùng số liệu. `groupBy`: field (lĩnh vực, mặc định), sector (ngành), procedure (thủ tục), unit (xã). Hồ sơ đang giải quyết được đánh giá tại `cutoff`: ngày kết thúc kỳ, hoặc thời điểm lập báo cáo nếu kỳ chưa kết thúc.',
        querystring: SettlementQuery,
        response: { 200: SettlementSchema, ...problems },
      },
    },
    async (req, reply) => {
      const report = await settlementReport(ctx, await requireUser(ctx, req), req.query);
      if (req.query.format === 'xlsx')
        return sendXlsx(
          reply,
          `bieu-06a-${report.unit.code}-${report.from}-${report.to}.xlsx`,
          await ctx.workers.run('settlementXlsx', report),
        );
      if (req.query.format === 'pdf')
        return sendPdf(
          reply,
          `bieu-06a-${report.unit.code}.pdf`,
          await ctx.workers.run(
            'settlementPdf',
            report,
            await reportIssuer(ctx, report.unit),
            ctx.now(),
            // The daily anchor roots of the period, printed so that the paper pins the audit chains.
            anchorsBetween(ctx.config.auditAnchorDir, periodInstants(report).start, new Date(report.cutoff), [
              report.unit.code,
            ]),
          ),
        );
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
        querystring: UnitQuery,
        response: { 200: StaffingSchema, ...problems },
      },
    },
    async (req, reply) => {
      const report = await buildStaffing(
        ctx,
        await reportUnits(ctx, await requireUser(ctx, req), req.query.unit),
      );
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
        querystring: PeriodQuery,
        response: { 200: ConsultationsSchema, ...problems },
      },
    },
    async (req, reply) => {
      const period = checkedPeriod(req.query.from, req.query.to);
      const scope = await reportUnits(ctx, await requireUser(ctx, req), req.query.unit);
      const report = await buildConsultations(ctx, scope, period);
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
        querystring: UnitQuery,
        response: { 200: EquipmentSchema, ...problems },
      },
    },
    async (req, reply) => {
      const report = await buildEquipment(
        ctx,
        await reportUnits(ctx, await requireUser(ctx, req), req.query.unit),
      );
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
          'Bảng điều hành của tỉnh: các xã cạnh nhau (hồ sơ theo lĩnh vực, tỷ lệ đúng hạn, quá hạn, trực tuyến, kết quả chờ trả, tư vấn, bồi dưỡng)',
        description:
          'Hồ sơ đang giải quyết được đánh giá tại `cutoff`: ngày kết thúc kỳ, hoặc thời điểm lập báo cáo nếu kỳ chưa kết thúc.',
        querystring: DashboardQuery,
        response: { 200: DashboardSchema, ...problems },
      },
    },
    async (req) => dashboard(ctx, await requireUser(ctx, req), req.query),
  );
}
