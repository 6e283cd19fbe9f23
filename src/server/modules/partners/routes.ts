import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { DossierCodeParam } from '../dossiers/schemas.ts';
import { partnerSecret } from './keys.ts';
import {
  CreatedKeySchema,
  CreatedWebhookSchema,
  CreateKeyBody,
  CreateWebhookBody,
  FeedQuery,
  FeedSchema,
  IdParam,
  KeyListSchema,
  PartnerDossierSchema,
  PartnerKeySchema,
  WebhookSchema,
} from './schemas.ts';
import {
  authenticateKey,
  createKey,
  createWebhook,
  disableWebhook,
  getPartnerDossier,
  listKeys,
  listPartnerDossiers,
  type PartnerPrincipal,
  revokeKey,
} from './service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    partner?: PartnerPrincipal;
  }
}

const problems = {
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  422: ProblemSchema,
  503: ProblemSchema,
};

/** The key a request presents: `Authorization: Bearer <key>`, else `X-API-Key`. */
function presentedKey(req: FastifyRequest): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && /^Bearer\s+/i.test(auth)) return auth.replace(/^Bearer\s+/i, '').trim();
  const header = req.headers['x-api-key'];
  return typeof header === 'string' ? header.trim() : undefined;
}

/**
 * Administrators' management of partner keys and webhook endpoints (session), and the Partner API
 * itself (API key, rate-limited per key), docs/API.md "Partner API".
 */
export function partnersRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secret = partnerSecret(ctx.config);

  r.get(
    '/api/v1/partners/keys',
    {
      schema: {
        tags: ['partners'],
        summary: 'Khóa API của hệ thống đối tác trong phạm vi quản trị (quản trị hệ thống)',
        response: { 200: KeyListSchema, ...problems },
      },
    },
    async (req) => listKeys(ctx, await requireUser(ctx, req)),
  );
  r.post(
    '/api/v1/partners/keys',
    {
      schema: {
        tags: ['partners'],
        summary: 'Cấp khóa API cho hệ thống đối tác (một xã hoặc một tỉnh); khóa chỉ hiển thị một lần',
        body: CreateKeyBody,
        response: { 201: CreatedKeySchema, ...problems },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createKey(ctx, secret, await requireUser(ctx, req), req.body)),
  );
  r.post(
    '/api/v1/partners/keys/:id/revoke',
    {
      schema: {
        tags: ['partners'],
        summary: 'Thu hồi khóa API (có hiệu lực ngay)',
        params: IdParam,
        response: { 200: PartnerKeySchema, ...problems },
      },
    },
    async (req) => revokeKey(ctx, await requireUser(ctx, req), req.params.id),
  );
  r.post(
    '/api/v1/partners/keys/:id/webhooks',
    {
      schema: {
        tags: ['partners'],
        summary: 'Đăng ký địa chỉ nhận sự kiện hồ sơ (webhook) cho khóa; khóa ký chỉ hiển thị một lần',
        params: IdParam,
        body: CreateWebhookBody,
        response: { 201: CreatedWebhookSchema, ...problems },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await createWebhook(ctx, secret, await requireUser(ctx, req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/partners/webhooks/:id/disable',
    {
      schema: {
        tags: ['partners'],
        summary: 'Ngừng gửi sự kiện tới địa chỉ này',
        params: IdParam,
        response: { 200: WebhookSchema, ...problems },
      },
    },
    async (req) => disableWebhook(ctx, await requireUser(ctx, req), req.params.id),
  );

  // The Partner API: the key is checked after the request's validation (a malformed request is
  // 422 whoever sends it), then the per-key rate limit (in each server process's memory).
  const partnerAuth = async (req: FastifyRequest) => {
    req.partner = await authenticateKey(ctx, secret, presentedKey(req));
  };
  const partnerRoute = {
    preHandler: partnerAuth,
    config: {
      rateLimit: {
        hook: 'preHandler' as const,
        timeWindow: 60_000,
        keyGenerator: (req: FastifyRequest) => `partner:${req.partner?.keyId ?? req.ip}`,
        max: async (req: FastifyRequest) => req.partner?.ratePerMinute ?? 60,
      },
    },
  };
  const partnerProblems = { ...problems, 429: ProblemSchema };

  r.get(
    '/api/v1/partner/dossiers',
    {
      ...partnerRoute,
      schema: {
        tags: ['partner'],
        summary: 'Hồ sơ trong phạm vi của khóa có thay đổi sau một thời điểm (hệ thống đối tác, khóa API)',
        security: [{ partnerKey: [] }],
        querystring: FeedQuery,
        response: { 200: FeedSchema, ...partnerProblems },
      },
    },
    async (req) => listPartnerDossiers(ctx, req.partner!, req.query),
  );
  r.get(
    '/api/v1/partner/dossiers/:code',
    {
      ...partnerRoute,
      schema: {
        tags: ['partner'],
        summary: 'Một hồ sơ trong phạm vi của khóa (ngoài phạm vi: 404 như hồ sơ không tồn tại)',
        security: [{ partnerKey: [] }],
        params: DossierCodeParam,
        response: { 200: PartnerDossierSchema, ...partnerProblems },
      },
    },
    async (req) => getPartnerDossier(ctx, req.partner!, req.params.code),
  );
}
