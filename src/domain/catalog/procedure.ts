import { z } from 'zod';

/**
 * Trust tag of a published fact, as in docs/domain-vn.md §0: [V] verified from a source that was read,
 * [S] seen in public implementations or secondary documents, [I] inferred — keep it configurable.
 */
export const TrustTagSchema = z.enum(['[V]', '[S]', '[I]']);
export type TrustTag = z.infer<typeof TrustTagSchema>;

/** National procedure code in the National Database on Administrative Procedures, e.g. "2.000815". */
export const ProcedureCodeSchema = z.string().regex(/^\d\.\d{6}$/, 'mã thủ tục phải có dạng d.dddddd');

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id phải ở dạng kebab-case');
const groupCode = z.string().regex(/^[A-Z]{2,6}$/);

/** Sector (ngành) or field (lĩnh vực): the grouping used by periodic reports and inspections. */
export const ProcedureGroupSchema = z.object({ code: groupCode, name: z.string().min(1) });

export const ChannelSchema = z.enum(['counter', 'online', 'post']);
export type Channel = z.infer<typeof ChannelSchema>;

/** Decree 42/2022: fully online (toàn trình), partly online (một phần), or not offered online. */
export const OnlineLevelSchema = z.enum(['full', 'partial', 'none']);

/**
 * How a time limit is counted. `same_day` = returned the day the complete dossier is received, or the
 * next working day when received after `cutoff`; `calendar_days` is for limits the law states in "ngày"
 * (e.g. land-dispute mediation, Land Law 2024 Art. 235), which must not be counted as working days.
 */
export const TimeUnitSchema = z.enum(['same_day', 'working_days', 'working_hours', 'calendar_days']);
export type TimeUnit = z.infer<typeof TimeUnitSchema>;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const TimeLimitSchema = z
  .object({
    amount: z.number().int().nonnegative(),
    unit: TimeUnitSchema,
    /** Official wording (Vietnamese), printed on the receipt slip. */
    text: z.string().min(1),
    /** Receipt after this local time moves a same-day result to the next working day. */
    cutoff: clockTime.optional(),
    /** Longer limits that apply in named cases (verification needed, remote communes...). */
    extensions: z
      .array(
        z.object({
          when: z.string().min(1),
          amount: z.number().int().positive(),
          unit: TimeUnitSchema.exclude(['same_day']),
        }),
      )
      .optional(),
  })
  .superRefine((limit, ctx) => {
    if (limit.unit === 'same_day' && limit.amount !== 0) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'same_day phải có amount = 0' });
    }
    if (limit.unit === 'same_day' && limit.cutoff === undefined) {
      ctx.addIssue({ code: 'custom', path: ['cutoff'], message: 'same_day cần giờ chốt (cutoff)' });
    }
    if (limit.unit !== 'same_day' && limit.amount === 0) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'thời hạn theo ngày/giờ phải lớn hơn 0' });
    }
  });

export const FeeSchema = z
  .object({
    name: z.string().min(1),
    /**
     * Integer đồng. 0 = no charge (say why in `note`). null = set by the provincial People's Council
     * and no verified example value is known: the province must configure it.
     */
    amount: z.number().int().nonnegative().nullable(),
    unitText: z.string().min(1).optional(),
    /** True when the amount is decided by each province (Circular 85/2019/TT-BTC); the value is an example. */
    provinceSet: z.boolean().optional(),
    note: z.string().min(1).optional(),
  })
  .superRefine((fee, ctx) => {
    if (fee.amount === null && fee.provinceSet !== true) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: 'amount null chỉ dùng cho phí do tỉnh quy định',
      });
    }
    if (fee.amount === 0 && fee.note === undefined) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'phí 0 đồng cần ghi chú lý do' });
    }
  });
export type Fee = z.infer<typeof FeeSchema>;

/** One row of "Thành phần hồ sơ" with the counts printed on the receipt slip (docs/domain-vn.md §3.2). */
export const DocumentSchema = z
  .object({
    id: kebabId,
    name: z.string().min(1),
    originals: z.number().int().nonnegative(),
    certifiedCopies: z.number().int().nonnegative(),
    photocopies: z.number().int().nonnegative(),
    required: z.boolean(),
    note: z.string().min(1).optional(),
  })
  .refine((d) => d.originals + d.certifiedCopies + d.photocopies > 0, {
    message: 'giấy tờ phải có ít nhất một bản',
  });
export type ProcedureDocument = z.infer<typeof DocumentSchema>;

export const ProcedureTagsSchema = z
  .object({
    code: TrustTagSchema,
    timeLimit: TrustTagSchema,
    fees: TrustTagSchema,
    documents: TrustTagSchema,
    name: TrustTagSchema.optional(),
    agency: TrustTagSchema.optional(),
    legalBasis: TrustTagSchema.optional(),
  })
  .strict();

export const ProcedureRecordSchema = z
  .object({
    code: ProcedureCodeSchema,
    name: z.string().min(1),
    sector: ProcedureGroupSchema,
    field: ProcedureGroupSchema,
    /** Level of the competent body; province-level procedures may still be received at a commune centre. */
    level: z.enum(['commune', 'province']),
    agency: z.string().min(1),
    channels: z.array(ChannelSchema).min(1),
    onlineLevel: OnlineLevelSchema,
    timeLimit: TimeLimitSchema,
    fees: z.array(FeeSchema).min(1),
    documents: z.array(DocumentSchema).min(1),
    result: z.string().min(1),
    legalBasis: z.array(z.string().min(1)).min(1),
    applicants: z.array(z.string().min(1)).min(1),
    tags: ProcedureTagsSchema,
    note: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (new Set(p.channels).size !== p.channels.length) {
      ctx.addIssue({ code: 'custom', path: ['channels'], message: 'kênh bị lặp' });
    }
    if (p.channels.includes('online') !== (p.onlineLevel !== 'none')) {
      ctx.addIssue({
        code: 'custom',
        path: ['onlineLevel'],
        message: 'onlineLevel không khớp kênh trực tuyến',
      });
    }
    const ids = p.documents.map((d) => d.id);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['documents'], message: 'id giấy tờ bị lặp trong thủ tục' });
    }
    if (!p.documents.some((d) => d.required)) {
      ctx.addIssue({ code: 'custom', path: ['documents'], message: 'cần ít nhất một giấy tờ bắt buộc' });
    }
  });
export type ProcedureRecord = z.infer<typeof ProcedureRecordSchema>;

/** The file data/procedures.json: provenance plus the records. */
export const ProcedureCatalogSchema = z.object({
  source: z.string().min(1),
  note: z.string().min(1),
  procedures: z.array(ProcedureRecordSchema).min(1),
});
export type ProcedureCatalog = z.infer<typeof ProcedureCatalogSchema>;
