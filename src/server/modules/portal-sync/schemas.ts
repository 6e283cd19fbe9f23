import { z } from 'zod';
import { DossierSchema } from '../dossiers/schemas.ts';

export const RetryAnswerSchema = z.object({
  retried: z.number().int().describe('Số thông điệp được gửi lại'),
  sync: DossierSchema.shape.sync,
});
