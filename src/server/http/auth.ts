import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { authenticate } from '../modules/identity/service.ts';
import type { AuthUser, Role } from '../modules/identity/types.ts';

export const SESSION_COOKIE = 'motcua_session';

declare module 'fastify' {
  interface FastifyRequest {
    authUser?: AuthUser | null;
  }
}

/** The signed-in user (looked up once per request), or undefined. */
export async function currentUser(ctx: AppContext, request: FastifyRequest): Promise<AuthUser | undefined> {
  if (request.authUser !== undefined) return request.authUser ?? undefined;
  const token = request.cookies[SESSION_COOKIE];
  const user = token ? await authenticate(ctx.db, token, ctx.services.sessions) : undefined;
  request.authUser = user ?? null;
  return user;
}

/** The signed-in user, who must hold one of `roles` when given; throws AUTH_REQUIRED / FORBIDDEN. */
export async function requireUser(
  ctx: AppContext,
  request: FastifyRequest,
  roles?: readonly Role[],
): Promise<AuthUser> {
  const user = await currentUser(ctx, request);
  if (!user) throw new AppError('AUTH_REQUIRED');
  if (roles && !roles.includes(user.role)) throw new AppError('FORBIDDEN');
  return user;
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string, expires: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.cookieSecure,
    expires,
  });
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.cookieSecure,
  });
}
