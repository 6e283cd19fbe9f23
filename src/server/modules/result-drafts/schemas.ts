import { z } from 'zod';

export const ResultDraftSchema = z
  .object({
    template: z
      .object({
        key: z.string(),
        title: z.string(),
        book: z.string(),
        bookName: z.string(),
        fields: z.array(
          z.object({
            key: z.string(),
            label: z.string(),
            required: z.boolean(),
            maxLength: z.number().int(),
            multiline: z.boolean(),
            numeric: z.boolean(),
          }),
        ),
      })
      .nullable(),
    status: z.enum(['none', 'drafted', 'approved']),
    fields: z.record(z.string(), z.string()),
    draft: z
      .object({
        draftedBy: z.string(),
        draftedAt: z.string(),
        approvedBy: z.string().nullable(),
        approvedAt: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'ResultDraft' });
