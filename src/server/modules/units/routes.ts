import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { UnitRow } from './repository.ts';

export const UnitSchema = z
  .object({
    code: z.string().describe('Mã đơn vị hành chính (tỉnh: 2 chữ số, xã: 5 chữ số)'),
    name: z.string(),
    fullName: z.string(),
    level: z.enum(['province', 'commune']),
    parentCode: z.string().nullable(),
    agencyCode: z.string().describe('Mã định danh cơ quan dùng trong mã hồ sơ'),
    slug: z.string(),
    isActive: z.boolean().describe('Trung tâm đang vận hành trên hệ thống này'),
    portalConnected: z.boolean().describe('Đã kết nối Cổng Dịch vụ công quốc gia'),
  })
  .meta({ id: 'Unit' });

export function presentUnit(u: UnitRow): z.infer<typeof UnitSchema> {
  return {
    code: u.code,
    name: u.name,
    fullName: u.fullName,
    level: u.level,
    parentCode: u.parentCode,
    agencyCode: u.agencyCode,
    slug: u.slug,
    isActive: u.isActive,
    portalConnected: u.portalConnected,
  };
}

export function unitsRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
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
}
