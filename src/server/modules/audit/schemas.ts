import { z } from 'zod';

export const VerifyQuery = z.object({
  unit: z
    .string()
    .regex(/^(\d{2}|\d{5}|\*)$/)
    .optional()
    .describe('Mã đơn vị (tỉnh 2 số, xã 5 số) hoặc * (nhật ký chung); mặc định mọi đơn vị'),
});

const BreakSchema = z.object({
  unitCode: z.string(),
  dossierCode: z.string().nullable().describe('null: nhật ký an ninh của đơn vị'),
  seq: z.number().int(),
  id: z.string(),
  problem: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap']),
  message: z.string(),
});

const CountsSchema = z.object({ chains: z.number().int(), events: z.number().int() });

export const AnchorReportSchema = z.object({
  status: z.enum(['none', 'ok', 'mismatch', 'file_broken']),
  count: z.number().int(),
  latest: z
    .object({ n: z.number().int(), until: z.string(), writtenAt: z.string(), root: z.string() })
    .nullable(),
  fileProblem: z
    .object({
      line: z.number().int(),
      problem: z.enum(['unreadable', 'prev_mismatch', 'hash_mismatch', 'order']),
    })
    .nullable(),
  mismatches: z.array(
    z.object({
      unitCode: z.string(),
      problem: z.enum(['unit_missing', 'chains_missing', 'events_missing', 'root_mismatch']),
      anchored: CountsSchema,
      found: CountsSchema,
      message: z.string(),
    }),
  ),
  message: z.string(),
});

export const VerificationSchema = z
  .object({
    ok: z.boolean(),
    unitCode: z.string().nullable(),
    checkedEvents: z.number().int(),
    checkedChains: z.number().int(),
    breaks: z.array(BreakSchema),
    anchor: AnchorReportSchema,
  })
  .meta({ id: 'AuditVerification' });

export const AnchorBody = z
  .object({
    until: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('Mốc thời gian (ISO); mặc định một phút trước, không được ở tương lai'),
  })
  .nullish();
export type AnchorBody = z.infer<typeof AnchorBody>;

export const AnchorSchema = z
  .object({
    n: z.number().int(),
    until: z.string(),
    writtenAt: z.string(),
    root: z.string(),
    units: z.record(
      z.string(),
      z.object({ chains: z.number().int(), events: z.number().int(), root: z.string() }),
    ),
  })
  .meta({ id: 'AuditAnchor' });
