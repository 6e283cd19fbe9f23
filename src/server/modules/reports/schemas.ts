import { z } from 'zod';

/* Requests and responses of the reports API. */

export const UnitParam = z
  .string()
  .regex(/^(\d{2}|\d{5}|all)$/, 'Mã tỉnh (2 số), mã xã (5 số) hoặc all')
  .optional();

export const ExportFormat = z.enum(['json', 'xlsx', 'pdf']).default('json');
export const ReportGroupSchema = z.enum(['field', 'sector', 'procedure', 'unit']);

export const SettlementQuery = z.object({
  unit: UnitParam,
  from: z.iso.date(),
  to: z.iso.date(),
  groupBy: ReportGroupSchema.default('field'),
  format: ExportFormat,
});
export type SettlementQuery = z.infer<typeof SettlementQuery>;

export const UnitQuery = z.object({ unit: UnitParam, format: ExportFormat });

export const PeriodQuery = z.object({
  unit: UnitParam,
  from: z.iso.date(),
  to: z.iso.date(),
  format: ExportFormat,
});

export const DashboardQuery = z.object({
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  from: z.iso.date(),
  to: z.iso.date(),
  active: z.enum(['true', 'false']).default('true'),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

const CutoffField = z
  .string()
  .describe(
    'Thời điểm chốt số liệu (ISO 8601): ngày kết thúc kỳ, hoặc thời điểm lập báo cáo nếu kỳ chưa kết thúc; hồ sơ đang giải quyết được đánh giá trong hạn/quá hạn tại thời điểm này',
  );

const Indicator = z.object({
  id: z.string(),
  name: z.string(),
  formula: z.string(),
  formulaVi: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
  unit: z
    .enum(['days', 'count'])
    .optional()
    .describe(
      'Đơn vị của value khi không phải tỷ lệ phần trăm (2.2: số ngày trung bình; 5.1: số phản ánh, kiến nghị)',
    ),
  parts: z.record(z.string(), z.number()).optional(),
  byProcedure: z
    .array(z.object({ code: z.string(), settled: z.number(), days: z.number() }))
    .optional()
    .describe('2.2: thời gian giải quyết trung bình (ngày) của từng TTHC có hồ sơ đã giải quyết trong kỳ'),
  missing: z.string().optional().describe('Chưa thu thập: dữ liệu còn thiếu để tính chỉ số'),
});

/** Results of the dossiers settled in the period: delivered (status 10) or still at the desk (status 9). */
const ResultsSchema = z.object({ returned: z.number(), awaiting: z.number() });

const Counts = z.object({
  field: z.object({ code: z.string(), name: z.string() }),
  received: z.object({ total: z.number(), online: z.number(), direct: z.number(), carriedOver: z.number() }),
  settled: z.object({ total: z.number(), early: z.number(), onTime: z.number(), late: z.number() }),
  inProcess: z.object({ total: z.number(), withinTime: z.number(), overdue: z.number() }),
  withdrawnOrStopped: z.number(),
  results: ResultsSchema,
});

export const SettlementSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  cutoff: CutoffField,
  groupBy: z.string(),
  rows: z.array(Counts),
  total: z.object({
    received: z.number(),
    settled: z.number(),
    inProcess: z.number(),
    withdrawnOrStopped: z.number(),
  }),
  totalRow: Counts,
  resultsBacklog: z
    .number()
    .describe('Kết quả đã có (trạng thái 9) chưa trả cho người dân, của mọi hồ sơ xử lý xong trước hết kỳ'),
  onlineFilings: z
    .object({ total: z.number(), assisted: z.number() })
    .describe(
      'Hồ sơ nộp trực tuyến trong kỳ (theo thời điểm nộp, mọi trạng thái) và số hồ sơ trong đó do cán bộ tiếp nhận nộp giúp công dân tại quầy',
    ),
  indicators: z.array(Indicator).describe('Các chỉ số 2.1, 3.3, 4.2, 5.4 tính từ hồ sơ (như trước)'),
  index766: z
    .array(Indicator)
    .optional()
    .describe(
      'Toàn bộ Bộ chỉ số 766 theo mã: chỉ số có dữ liệu được tính; chỉ số chưa có dữ liệu có `missing` (chưa thu thập) và value null',
    ),
});
export type SettlementResponse = z.infer<typeof SettlementSchema>;

const ReportUnitSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['commune', 'province', 'national']),
});
const CountByCode = z.object({ code: z.string(), name: z.string(), count: z.number() });

export const StaffingSchema = z.object({
  unit: ReportUnitSchema,
  total: z.number(),
  officials: z.number(),
  byCategory: z.array(CountByCode),
  byBloc: z.array(CountByCode),
  byUnit: z.array(z.object({ name: z.string(), kind: z.string(), count: z.number() })),
  centerTraining: z.object({ staff: z.number(), trained: z.number(), rate: z.number().nullable() }),
});

export const ConsultationsSchema = z.object({
  unit: ReportUnitSchema,
  from: z.string(),
  to: z.string(),
  total: z.number(),
  byField: z.array(z.object({ code: z.string(), count: z.number() })),
  byChannel: z.array(z.object({ channel: z.string(), count: z.number() })),
});

export const EquipmentSchema = z.object({
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

export const DashboardSchema = z.object({
  province: ReportUnitSchema,
  from: z.string(),
  to: z.string(),
  cutoff: CutoffField,
  communes: z.array(
    z.object({
      unit: z.object({ code: z.string(), name: z.string(), portalConnected: z.boolean() }),
      byField: z.array(z.object({ code: z.string(), name: z.string(), received: z.number() })),
      received: z.number(),
      settled: z.number(),
      inProcess: z.number(),
      overdue: z.number(),
      onTimeRate: z.number().nullable(),
      onlineShare: z.number().nullable(),
      resultsReturned: z.number(),
      resultsAwaiting: z.number(),
      resultsBacklog: z.number(),
      consultations: z.number(),
      centerStaff: z.number(),
      centerStaffTrained: z.number(),
      rank: z.number().describe('Thứ hạng theo điểm Bộ chỉ số 766 (điểm bằng nhau cùng hạng)'),
      index766: z
        .object({
          score: z.number().describe('Tổng điểm các chỉ số có dữ liệu'),
          attainable: z.number().describe('Điểm tối đa có thể đạt trên các chỉ số có dữ liệu'),
          assumption: z
            .string()
            .describe('Cách chia điểm nhóm cho từng chỉ số là giả định của motcua (chưa có văn bản công bố)'),
          groups: z.array(
            z.object({ group: z.number(), name: z.string(), max: z.number(), points: z.number() }),
          ),
          components: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              group: z.number(),
              value: z.number().nullable(),
              unit: z.enum(['days', 'count']).optional(),
              max: z.number(),
              points: z.number().nullable(),
              reason: z.string().optional(),
            }),
          ),
        })
        .describe('Điểm Bộ chỉ số 766 của xã theo nhóm và theo từng chỉ số'),
    }),
  ),
});
