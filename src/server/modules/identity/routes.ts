import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { clearSessionCookie, requireUser, SESSION_COOKIE, setSessionCookie } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { authenticate, login, logout } from './service.ts';
import { type AuthUser, ROLES } from './types.ts';

const MeSchema = z
  .object({
    username: z.string(),
    fullName: z.string(),
    role: z.enum(ROLES),
    unit: z.object({ code: z.string(), name: z.string(), level: z.enum(['province', 'commune']) }).nullable(),
  })
  .meta({ id: 'Me' });

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
    '/api/v1/auth/login',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập cán bộ: đặt cookie phiên httpOnly',
        body: z.object({ username: z.string().trim().min(1).max(80), password: z.string().min(1).max(200) }),
        response: { 200: MeSchema, 401: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (req, reply) => {
      const { token, expiresAt } = await login(ctx.db, ctx.config, req.body.username, req.body.password);
      setSessionCookie(ctx, reply, token, expiresAt);
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
    { schema: { tags: ['auth'], summary: 'Người dùng đang đăng nhập', response: { 200: MeSchema, 401: ProblemSchema } } },
    async (req) => presentMe(await requireUser(ctx, req)),
  );
}
