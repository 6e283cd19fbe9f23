import { z } from 'zod';
import { text } from '../../../domain/text/text-schema.ts';

export const STAFF_CATEGORIES = [
  'can_bo',
  'cong_chuc',
  'vien_chuc',
  'hd111',
  'part_time',
  'seconded',
] as const;
export const BLOCS = ['party', 'state', 'front'] as const;
export const ORG_UNIT_KINDS = [
  'center',
  'office',
  'public_service_unit',
  'party',
  'front',
  'council',
  'other',
] as const;

export const CATEGORY_NAMES: Record<(typeof STAFF_CATEGORIES)[number], string> = {
  can_bo: 'Cán bộ',
  cong_chuc: 'Công chức',
  vien_chuc: 'Viên chức',
  hd111: 'Hợp đồng theo Nghị định 111/2022/NĐ-CP',
  part_time: 'Người hoạt động không chuyên trách',
  seconded: 'Biệt phái, cơ quan ngành dọc',
};
export const BLOC_NAMES: Record<(typeof BLOCS)[number], string> = {
  party: 'Khối Đảng',
  state: 'Khối chính quyền',
  front: 'Khối Mặt trận Tổ quốc và các đoàn thể',
};

export const StaffInputSchema = z.object({
  fullName: text({ min: 1, max: 120 }),
  personalId: z
    .string()
    .trim()
    .regex(/^\d{12}$/, 'Số định danh cá nhân gồm 12 chữ số')
    .optional()
    .nullable(),
  category: z.enum(STAFF_CATEGORIES),
  bloc: z.enum(BLOCS).optional().nullable(),
  orgUnit: text({ min: 1, max: 200 }),
  orgUnitKind: z.enum(ORG_UNIT_KINDS),
  position: text({ max: 200 }).optional().nullable(),
  fields: z
    .array(text({ max: 20, trim: false }))
    .max(20)
    .default([]),
  counters: z
    .array(text({ max: 20, trim: false }))
    .max(20)
    .default([]),
  startDate: z.iso.date().optional().nullable(),
});
export type StaffInput = z.infer<typeof StaffInputSchema>;

export const StaffSchema = StaffInputSchema.extend({
  id: z.string(),
  isActive: z.boolean(),
  trainedOneStop: z.boolean(),
}).meta({ id: 'StaffMember' });

export const TrainingInputSchema = z.object({
  staffId: z.uuid(),
  course: text({ min: 1, max: 300 }),
  day: z.iso.date(),
  hours: z.number().positive().max(2000),
  coversOneStop: z.boolean().describe('Có nội dung hành chính công / kỹ năng một cửa'),
});

export const TrainingSchema = TrainingInputSchema.extend({ id: z.string(), fullName: z.string() }).meta({
  id: 'TrainingRecord',
});

export const EquipmentInputSchema = z.object({
  kind: z.enum([
    'desk',
    'chair',
    'cabinet',
    'computer',
    'printer',
    'scanner',
    'queue_kiosk',
    'camera',
    'other',
  ]),
  name: text({ min: 1, max: 200 }),
  quantity: z.number().int().min(0).max(100000),
  condition: z.enum(['good', 'fair', 'poor']),
  location: text({ max: 200 }).optional().nullable(),
  meetsNeed: z.boolean(),
  note: text({ max: 1000, multiline: true }).optional().nullable(),
});

export const ConsultationInputSchema = z.object({
  at: z.iso.datetime({ offset: true }).optional(),
  fieldCode: text({ min: 1, max: 20 }),
  procedureCode: text({ max: 40 }).optional().nullable(),
  channel: z.enum(['counter', 'phone', 'online']),
  subject: text({ min: 1, max: 500 }),
  queueTicketId: z
    .uuid()
    .optional()
    .describe(
      'Số thứ tự đang được gọi tại quầy của lượt tư vấn: số được kết thúc (đã phục vụ) trong cùng giao dịch',
    ),
});

export const ConsultationSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    fieldCode: z.string(),
    procedureCode: z.string().nullable(),
    channel: z.enum(['counter', 'phone', 'online']),
    subject: z.string(),
  })
  .meta({ id: 'Consultation' });

export const EquipmentItemSchema = EquipmentInputSchema.extend({ id: z.string() }).meta({
  id: 'EquipmentItem',
});
