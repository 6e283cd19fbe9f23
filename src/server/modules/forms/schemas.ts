import { z } from 'zod';

export const FormParams = z.object({
  code: z.string().regex(/^\d\.\d{6}$/, 'Mã thủ tục có dạng d.dddddd, ví dụ 1.001193'),
});

export const FormQuery = z.object({
  version: z.coerce
    .number()
    .int('Phiên bản mẫu đơn là số nguyên')
    .min(1, 'Phiên bản mẫu đơn từ 1 trở lên')
    .max(1000, 'Phiên bản mẫu đơn không quá 1000')
    .optional(),
});

const Condition = z.union([
  z.object({ field: z.string(), equals: z.union([z.string(), z.number(), z.boolean()]) }),
  z.object({ field: z.string(), in: z.array(z.union([z.string(), z.number()])) }),
]);

const Field = z
  .object({
    id: z.string(),
    type: z.enum(['text', 'date', 'personalId', 'phone', 'select', 'checkbox', 'number', 'address']),
    label: z.string(),
    help: z.string().optional(),
    required: z.boolean().optional(),
    requiredWhen: Condition.optional(),
    showWhen: Condition.optional(),
    maxLength: z.number().optional(),
    minLength: z.number().optional(),
    multiline: z.boolean().optional(),
    notFuture: z.boolean().optional(),
    options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
    mustBeChecked: z.boolean().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    unit: z.string().optional(),
  })
  .meta({ id: 'FormField' });

export const FormDefinitionSchema = z
  .object({
    procedureCode: z.string(),
    version: z.number().int(),
    title: z.string(),
    source: z.string(),
    addressee: z.string(),
    intro: z.string().optional(),
    formDocumentId: z.string().optional().describe('Thành phần hồ sơ mà chính mẫu đơn này thay thế'),
    groups: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        help: z.string().optional(),
        repeat: z.object({ min: z.number(), max: z.number(), itemLabel: z.string() }).optional(),
        showWhen: Condition.optional(),
        fields: z.array(Field),
      }),
    ),
  })
  .meta({
    id: 'FormDefinition',
    description: 'Mẫu đơn điện tử của một thủ tục (một phiên bản, không bao giờ sửa)',
  });
