import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { StatusQuery, StatusSchema } from './schemas.ts';
import { integrationStatus } from './service.ts';

/** The operations figures of the links to other systems (issue 15 item 6; docs/OPERATIONS.md). */
export function operationsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/integration/status',
    {
      schema: {
        tags: ['integration'],
        summary: 'Tình trạng truyền dữ liệu: kết nối Cổng DVCQG, CSDL dân cư, SMS/thư điện tử (xã hoặc tỉnh)',
        description:
          'Mỗi kết nối: trạng thái (up/degraded/down), số thông điệp chờ gửi, thông điệp chờ lâu nhất, lần thành công gần nhất, số thông điệp đã ngừng thử, tỷ lệ lỗi theo thời gian (5 phút trong 24 giờ, 1 giờ trong 7 ngày). Cán bộ xã xem xã mình; cán bộ tỉnh xem tỉnh mình với từng xã.',
        querystring: StatusQuery,
        response: {
          200: StatusSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (req) => integrationStatus(ctx, await requireUser(ctx, req), req.query),
  );
}
