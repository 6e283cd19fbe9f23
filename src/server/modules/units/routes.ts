import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { FORMER_UNIT_EDITORS } from './policy.ts';
import {
  CorrectionsImportSchema,
  FormerUnitsOfSchema,
  presentUnit,
  UnitSchema,
  UnitSearchQuery,
  UnitSearchResultSchema,
} from './schemas.ts';
import { formerUnitsOf, importCorrections, searchUnits } from './service.ts';

export { presentUnit, UnitSchema } from './schemas.ts';

export function unitsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Tỉnh và xã (34 tỉnh, 3.321 xã) với mã chính thức',
        querystring: z.object({
          level: z.enum(['province', 'commune']).optional(),
          parent: z
            .string()
            .regex(/^\d{2}$/)
            .optional(),
          active: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: z.array(UnitSchema) },
      },
    },
    async (req, reply) => {
      const { level, parent, active } = req.query;
      const rows = await ctx.services.units.list({
        level,
        parent,
        active: active === undefined ? undefined : active === 'true',
      });
      reply.header('cache-control', 'public, max-age=300');
      return rows.map(presentUnit);
    },
  );
  r.get(
    '/api/v1/units/search',
    {
      schema: {
        tags: ['units'],
        summary:
          'Tìm xã, phường hiện nay theo tên hiện nay hoặc tên xã, huyện, tỉnh cũ (trước 01/7/2025); không phân biệt dấu',
        querystring: UnitSearchQuery,
        response: { 200: UnitSearchResultSchema, 422: ProblemSchema },
      },
    },
    async (req) => searchUnits(ctx, req.query),
  );
  r.get(
    '/api/v1/units/:code/former',
    {
      schema: {
        tags: ['units'],
        summary: 'Các đơn vị hành chính cũ đã hợp thành xã, phường này',
        params: z.object({ code: z.string().regex(/^\d{5}$/) }),
        response: { 200: FormerUnitsOfSchema, 404: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return formerUnitsOf(ctx, req.params.code);
    },
  );
  r.post(
    '/api/v1/units/former/corrections',
    {
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        tags: ['units'],
        summary:
          'Nhập đính chính bảng đối chiếu đơn vị cũ (quản trị viên; toàn bộ hoặc không dòng nào; lỗi kèm số dòng)',
        body: CorrectionsImportSchema,
        response: {
          200: z.object({ applied: z.number().int(), communes: z.array(z.string()) }),
          401: ProblemSchema,
          403: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (req) => importCorrections(ctx, await requireUser(ctx, req, FORMER_UNIT_EDITORS), req.body),
  );
}
