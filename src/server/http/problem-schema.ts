import { z } from 'zod';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string().describe('Thông báo lỗi bằng tiếng Việt'),
    status: z.number().int(),
    code: z.string().describe('Mã lỗi ổn định'),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem' });
