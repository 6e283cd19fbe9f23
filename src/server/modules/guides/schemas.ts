import { z } from 'zod';
import { IntakeGuideBody, STEP_KEYS, StepGuideBody } from '../../../domain/guides/guide.ts';

/* Requests and responses of the guides API. */

export const GuideKind = z.enum(['intake', 'step']);
export const ProcedureCodeParam = z.object({
  code: z.string().regex(/^\d\.\d{6}$/, 'Mã thủ tục dạng 1.234567'),
});
export const StepKeyParam = z.object({ key: z.enum(STEP_KEYS) });

const VersionMeta = {
  version: z.number().int(),
  editedBy: z.string().nullable().describe('Họ tên người sửa; null = nội dung ban đầu'),
  createdAt: z.string(),
};

export const IntakeGuideSchema = z.object({
  procedureCode: z.string(),
  procedureName: z.string(),
  ...VersionMeta,
  body: IntakeGuideBody,
});

export const StepGuideSchema = z.object({ key: z.enum(STEP_KEYS), ...VersionMeta, body: StepGuideBody });

export const GuideVersionsSchema = z.object({
  kind: GuideKind,
  subject: z.string(),
  versions: z.array(z.object({ ...VersionMeta, body: z.record(z.string(), z.unknown()) })),
});

export const IntakeGuideUpdate = z.object({
  /** The version the editor started from: a newer one in between answers 409. */
  baseVersion: z.number().int().min(0),
  body: IntakeGuideBody,
});
export const StepGuideUpdate = z.object({ baseVersion: z.number().int().min(0), body: StepGuideBody });

export const GuideListSchema = z.object({
  intake: z.array(
    z.object({
      procedureCode: z.string(),
      procedureName: z.string(),
      version: z.number().int(),
      createdAt: z.string(),
    }),
  ),
  steps: z.array(StepGuideSchema),
});
