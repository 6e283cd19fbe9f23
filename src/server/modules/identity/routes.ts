import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../domain/text/text-schema.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { clearSessionCookie, requireUser, SESSION_COOKIE, setSessionCookie } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { staffListUnit } from './policy.ts';
import { listUnitStaff } from './repository.ts';
import { MeSchema, StaffMemberSchema } from './schemas.ts';
import { authenticate, login, logout } from './service.ts';
import type { AuthUser } from './types.ts';

/** Marks browsers their users signed in from, for the lock-out's device bucket (see lockout.ts). */
export const DEVICE_COOKIE = 'motcua_device';
const LOGIN_PATH = '/api/v1/auth/login';

function presentMe(u: AuthUser): z.infer<typeof MeSchema> {
  return {
    username: u.username,
    fullName: u.fullName,
    role: u.role,
    unit: u.unit ? { code: u.unit.code, name: u.unit.name, level: u.unit.level } : null,
  };
}

export function identityRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    LOGIN_PATH,
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập cán bộ: đặt cookie phiên httpOnly',
        description:
          'Sai mật khẩu quá số lần cho phép (theo tài khoản, theo địa chỉ, hoặc theo trình duyệt đã tin cậy) → 429 AUTH_RATE_LIMITED với retry-after; tài khoản không tồn tại bị đối xử như tài khoản có thật. Đăng nhập thành công đặt thêm cookie thiết bị motcua_device (httpOnly, chỉ gửi về địa chỉ này).',
        body: z.object({
          username: text({ min: 1, max: 80 }),
          password: text({ min: 1, max: 200, trim: false }),
        }),
        response: { 200: MeSchema, 401: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (req, reply) => {
      const { token, expiresAt, device } = await login(ctx, {
        username: req.body.username,
        password: req.body.password,
        address: req.ip,
        deviceCookie: req.cookies[DEVICE_COOKIE],
      });
      setSessionCookie(ctx, reply, token, expiresAt);
      // Sent back only to this route; SameSite=Strict so a cross-site form cannot borrow the trust.
      reply.setCookie(DEVICE_COOKIE, device.value, {
        path: LOGIN_PATH,
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.config.cookieSecure,
        maxAge: device.maxAgeSeconds,
      });
      const user = await authenticate(ctx.db, token);
      if (!user) throw new Error('session just created cannot be read back');
      return presentMe(user);
    },
  );
  r.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'Đăng xuất: hủy phiên' } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logout(ctx.db, token, ctx.services.sessions);
      clearSessionCookie(ctx, reply);
      return reply.code(204).send();
    },
  );
  r.get(
    '/api/v1/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Người dùng đang đăng nhập',
        response: { 200: MeSchema, 401: ProblemSchema },
      },
    },
    async (req) => presentMe(await requireUser(ctx, req)),
  );
  r.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['auth'],
        summary: 'Cán bộ đang làm việc của xã mình (để chọn người được phân công)',
        description:
          'Chỉ cán bộ của xã trả về danh sách người của chính xã đó; hỏi xã khác → 403 FORBIDDEN. Tài khoản đã khóa không được liệt kê.',
        querystring: z.object({
          unit: z
            .string()
            .regex(/^\d{5}$/)
            .optional()
            .describe('Mã xã; mặc định là xã của người dùng'),
          role: z.enum(['reception', 'specialist', 'leader']).optional(),
        }),
        response: {
          200: z.array(StaffMemberSchema),
          401: ProblemSchema,
          403: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req);
      const unitCode = staffListUnit(user);
      if (!unitCode) throw new AppError('FORBIDDEN', 'Danh sách cán bộ dành cho cán bộ của xã');
      if (req.query.unit && req.query.unit !== unitCode)
        throw new AppError('FORBIDDEN', 'Chỉ xem được cán bộ của xã mình');
      const rows = await listUnitStaff(ctx.db, unitCode, req.query.role);
      reply.header('cache-control', 'private, no-store');
      return rows.map((u) => ({ username: u.username, fullName: u.fullName, roles: [u.role] }));
    },
  );
}
