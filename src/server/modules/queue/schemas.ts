import { z } from 'zod';
import { phoneSchema } from '../../../domain/contact/phone-schema.ts';
import { TICKET_ACTIONS, TICKET_STATUSES } from '../../../domain/queue/ticket.ts';
import { text } from '../../../domain/text/text-schema.ts';

/* Requests and responses of the queue API (tickets, counters, the hall's board). */

export const CommuneCode = z.string().regex(/^\d{5}$/, 'Mã xã, phường gồm 5 chữ số');
/** A field code of the catalogue (lĩnh vực), e.g. CT. */
export const FieldCode = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'Mã lĩnh vực gồm chữ, số, dấu chấm, gạch ngang (tối đa 40 ký tự)');
export const CounterNumber = z.coerce.number().int().min(1).max(99);

export const TakeTicketBody = z.object({
  unit: CommuneCode,
  group: FieldCode.optional().describe('Mã lĩnh vực; bỏ trống: hàng chung'),
  phone: phoneSchema().optional().describe('Số di động để nhận số thứ tự qua SMS (không lưu cùng số thứ tự)'),
});
export type TakeTicketBody = z.infer<typeof TakeTicketBody>;

export const UnitQuery = z.object({ unit: CommuneCode });
export const StaffUnitQuery = z.object({ unit: CommuneCode.optional() });
export const TicketParams = z.object({ id: z.uuid() });
/** The commune of a public ticket link: optional (older links name none); given, it must be the ticket's. */
export const TicketUnitQuery = z.object({ unit: CommuneCode.optional() });
export const CounterParams = z.object({ number: CounterNumber });

export const TicketActionBody = z.object({
  action: z.enum(TICKET_ACTIONS),
  counter: z.number().int().min(1).max(99).describe('Quầy đang gọi số này'),
  to: z.number().int().min(1).max(99).optional().describe('Quầy nhận chuyển (chỉ với action=transfer)'),
});
export type TicketActionBody = z.infer<typeof TicketActionBody>;

export const CounterInput = z.object({
  number: z.number().int().min(1).max(99),
  name: text({ min: 1, max: 60 }),
  fields: z.array(FieldCode).max(50).describe('Các lĩnh vực quầy phục vụ; để trống: mọi lĩnh vực'),
  active: z.boolean().default(true),
});
export const SaveCountersBody = z.object({
  unit: CommuneCode,
  counters: z.array(CounterInput).max(99),
});
export type SaveCountersBody = z.infer<typeof SaveCountersBody>;

const Group = z.object({ code: z.string(), name: z.string() });

export const TicketSchema = z.object({
  id: z.uuid(),
  unit: z.string(),
  day: z.iso.date(),
  number: z.number().int(),
  group: Group.nullable(),
  status: z.enum(TICKET_STATUSES),
  counter: z.number().int().nullable().describe('Quầy đang gọi/phục vụ; khi đang chờ: quầy được chuyển đến'),
  takenAt: z.iso.datetime(),
  calledAt: z.iso.datetime().nullable(),
  calls: z.number().int(),
  sms: z.boolean().describe('Đã gửi số thứ tự qua SMS'),
});
export type TicketView = z.infer<typeof TicketSchema>;

export const TakenTicketSchema = TicketSchema.extend({
  waitingAhead: z.number().int(),
  followUrl: z.string().describe('Trang theo dõi lượt gọi (mã QR trên phiếu)'),
  printUrl: z.string().describe('Phiếu in khổ 80 mm (PDF)'),
});

export const FollowSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  number: z.number().int(),
  day: z.iso.date(),
  group: Group.nullable(),
  status: z.enum(TICKET_STATUSES),
  counter: z.number().int().nullable(),
  counterName: z.string().nullable(),
  waitingAhead: z.number().int(),
  expired: z.boolean().describe('Số của ngày trước'),
});

export const KioskSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  groups: z.array(Group).describe('Các lĩnh vực có quầy phục vụ'),
});

export const BoardCall = z.object({
  number: z.number().int(),
  counter: z.number().int(),
  counterName: z.string(),
  calledAt: z.iso.datetime(),
  calls: z.number().int(),
});
export const BoardSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  day: z.iso.date(),
  current: z.array(BoardCall).describe('Số đang được gọi tại từng quầy'),
  recent: z.array(BoardCall).describe('Các lượt gọi gần nhất, mới nhất trước'),
  waiting: z.number().int(),
});
export type BoardView = z.infer<typeof BoardSchema>;

export const CounterSchema = z.object({
  number: z.number().int(),
  name: z.string(),
  fields: z.array(z.string()),
  active: z.boolean(),
  version: z.number().int().describe('Gửi lại khi sửa quầy (PATCH); khác phiên bản hiện tại: 409'),
  current: TicketSchema.nullable(),
});
export const CountersSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  day: z.iso.date(),
  fields: z.array(Group).describe('Các lĩnh vực trong danh mục của xã'),
  counters: z.array(CounterSchema),
  waiting: z.array(TicketSchema),
});

export const CallNextSchema = z.object({
  ticket: TicketSchema.nullable().describe('null: không còn ai chờ'),
});

export const AddCounterBody = z.object({
  unit: CommuneCode.optional().describe('Mã xã; mặc định: xã của người dùng'),
  number: z.number().int().min(1).max(99),
  name: text({ min: 1, max: 60 }),
  fields: z.array(FieldCode).max(50).describe('Các lĩnh vực quầy phục vụ; để trống: mọi lĩnh vực'),
});
export type AddCounterBody = z.infer<typeof AddCounterBody>;

export const UpdateCounterBody = z.object({
  unit: CommuneCode.optional().describe('Mã xã; mặc định: xã của người dùng'),
  name: text({ min: 1, max: 60 }),
  fields: z.array(FieldCode).max(50),
  active: z.boolean().describe('false: ngừng hoạt động (lịch sử giữ nguyên)'),
  version: z.number().int().min(1).describe('Phiên bản của quầy khi trang được mở; khác: 409'),
});
export type UpdateCounterBody = z.infer<typeof UpdateCounterBody>;

export const QueueReportQuery = z.object({
  unit: CommuneCode.optional().describe('Mã xã; mặc định: xã của người dùng'),
  from: z.iso.date(),
  to: z.iso.date(),
});
export type QueueReportQuery = z.infer<typeof QueueReportQuery>;

const Seconds = z.number().int().nullable();
const TimeFigures = z.object({
  tickets: z.number().int(),
  served: z.number().int(),
  noShow: z.number().int(),
  waitP50: Seconds.describe('Thời gian chờ (lấy số → được gọi lần đầu), trung vị, giây'),
  waitP90: Seconds,
  serviceP50: Seconds.describe('Thời gian phục vụ (lượt gọi công dân đến quầy → kết thúc), trung vị, giây'),
  serviceP90: Seconds,
});
const Outcome = z.enum(['dossier', 'consultation', 'none']);

export const QueueReportSchema = z
  .object({
    unit: z.object({ code: z.string(), name: z.string() }),
    from: z.iso.date(),
    to: z.iso.date(),
    totals: TimeFigures.extend({
      outcomes: z.object({
        dossier: z.number().int(),
        consultation: z.number().int(),
        none: z.number().int(),
      }),
    }),
    byHour: z.array(TimeFigures.extend({ hour: z.number().int().describe('Giờ lấy số (giờ Việt Nam)') })),
    byField: z.array(TimeFigures.extend({ field: z.string().nullable(), name: z.string().nullable() })),
    byCounter: z.array(
      TimeFigures.extend({ counter: z.number().int().nullable(), name: z.string().nullable() }),
    ),
    perDay: z.array(
      z.object({
        day: z.iso.date(),
        tickets: z.number().int(),
        served: z.number().int(),
        noShow: z.number().int(),
      }),
    ),
    busiestHours: z.array(z.object({ hour: z.number().int(), tickets: z.number().int() })),
    visits: z
      .array(
        z.object({
          day: z.iso.date(),
          number: z.number().int(),
          field: z.string().nullable(),
          counter: z.number().int().nullable(),
          status: z.enum(['served', 'no_show']),
          outcome: Outcome.nullable(),
          dossierCode: z.string().nullable(),
          takenAt: z.iso.datetime(),
          waitSeconds: Seconds,
          serviceSeconds: Seconds,
        }),
      )
      .describe('Các lượt đã kết thúc gần nhất (tối đa 200), mới nhất trước'),
  })
  .meta({ id: 'QueueReport' });
export type QueueReportView = z.infer<typeof QueueReportSchema>;
