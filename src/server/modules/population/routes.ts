import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { LookupBodySchema, LookupResultSchema } from './schemas.ts';
import { lookUpCitizen } from './service.ts';

/** Citizen lookup in the national population database through the provincial platform (§8.3). */
export function populationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/population/lookup',
    {
      // Per officer session and address: a lookup is for the applicant at the counter, not for browsing.
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['population'],
        summary:
          'Tra cứu công dân trong CSDL quốc gia về dân cư (qua LGSP/NDXP) bằng số định danh, họ tên, ngày sinh; mọi lần tra cứu được ghi nhật ký',
        body: LookupBodySchema,
        response: {
          200: LookupResultSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          422: ProblemSchema,
          429: ProblemSchema,
          502: ProblemSchema,
          503: ProblemSchema,
        },
      },
    },
    async (req) => lookUpCitizen(ctx, await requireUser(ctx, req), req.body, req.id),
  );
}
