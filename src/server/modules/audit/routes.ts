import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { AnchorBody, AnchorSchema, VerificationSchema, VerifyQuery } from './schemas.ts';
import { anchorTrail, verifyTrail } from './service.ts';

const problems = { 401: ProblemSchema, 403: ProblemSchema, 422: ProblemSchema };

/** The audit trail's verification and anchoring (administrators). */
export function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Kiểm tra nhật ký: mọi chuỗi băm và mốc neo gần nhất (quản trị viên)',
        description:
          'Cùng phép kiểm tra với `motcua audit-verify`. `ok=false` khi có chuỗi bị sửa hoặc thiếu sự kiện giữa chừng (`breaks`), hoặc khi cơ sở dữ liệu không còn khớp mốc neo gần nhất (sự kiện cuối chuỗi hoặc cả chuỗi bị xóa, `anchor.mismatches`). Không ghi gì.',
        querystring: VerifyQuery,
        response: { 200: VerificationSchema, ...problems },
      },
    },
    async (req) => verifyTrail(ctx, await requireUser(ctx, req), req.query.unit),
  );
  r.post(
    '/api/v1/audit/anchors',
    {
      schema: {
        tags: ['audit'],
        summary: 'Ghi một mốc neo nhật ký vào tệp mốc neo (quản trị viên)',
        description:
          'Gốc băm đầu mọi chuỗi (theo đơn vị và toàn bộ) đến `until` (mặc định một phút trước), nối vào tệp trong MOTCUA_AUDIT_ANCHOR_DIR. Nhật ký không còn khớp mốc gần nhất → 409 AUDIT_ANCHOR_MISMATCH, không ghi gì.',
        body: AnchorBody,
        response: { 201: AnchorSchema, 409: ProblemSchema, ...problems },
      },
    },
    async (req, reply) => reply.code(201).send(await anchorTrail(ctx, await requireUser(ctx, req), req.body)),
  );
}
