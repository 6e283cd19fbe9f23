import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../../domain/text/text-schema.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { DossierCodeParam, DossierSchema } from '../dossiers/schemas.ts';
import { getDossier } from '../dossiers/service.ts';
import { attachmentDisposition } from '../workflow/views.ts';
import { type CitizenOidc, createCitizenOidc } from './oidc.ts';
import {
  CitizenDossierItemSchema,
  CitizenDossierSchema,
  CitizenMeSchema,
  DraftSchema,
  OnlineSubmissionSchema,
  RATINGS,
  SupplementSchema,
} from './schemas.ts';
import {
  type Citizen,
  citizenForToken,
  citizenResultFile,
  fileAssisted,
  finishLogin,
  getCitizenDossier,
  getDraft,
  listCitizenDossiers,
  logoutCitizen,
  rate,
  saveDraft,
  startLogin,
  submitOnline,
  supplement,
  withdraw,
} from './service.ts';

/** The citizen's session cookie: never the staff cookie (motcua_session), never read by staff routes. */
export const CITIZEN_COOKIE = 'motcua_citizen';

const oidcClients = new WeakMap<AppContext, CitizenOidc>();

/** The OpenID Connect client of an app (tests reach its HTTP client through it). */
export function citizenOidcOf(ctx: AppContext): CitizenOidc {
  let oidc = oidcClients.get(ctx);
  if (!oidc) {
    oidc = createCitizenOidc(ctx.config.oidc, { now: ctx.now });
    oidcClients.set(ctx, oidc);
  }
  return oidc;
}

/** Installs another OpenID Connect client for an app (tests: one whose HTTP client tampers with answers). */
export function setCitizenOidc(ctx: AppContext, oidc: CitizenOidc) {
  oidcClients.set(ctx, oidc);
}

async function requireCitizen(ctx: AppContext, req: FastifyRequest): Promise<Citizen> {
  const citizen = await citizenForToken(ctx, req.cookies[CITIZEN_COOKIE]);
  if (!citizen) throw new AppError('CITIZEN_AUTH_REQUIRED');
  return citizen;
}

function cookieOptions(ctx: AppContext) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.cookieSecure };
}

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  413: ProblemSchema,
  415: ProblemSchema,
  422: ProblemSchema,
};
const ProcedureParam = z.object({ procedureCode: text({ min: 1, max: 40 }) });
const DraftView = z.object({
  procedureCode: z.string(),
  data: z.record(z.string(), z.unknown()),
  updatedAt: z.string(),
});
const uploadLimit = (ctx: AppContext) =>
  Math.ceil(ctx.config.maxUploadBytes * ctx.config.maxAttachments * 1.4) + 256 * 1024;

export function citizenRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const oidc = () => citizenOidcOf(ctx);

  r.get(
    '/api/v1/auth/citizen/login',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['citizen'],
        summary:
          'Đăng nhập công dân bằng định danh điện tử (OpenID Connect): chuyển đến nhà cung cấp định danh',
        querystring: z.object({ returnTo: text({ max: 300 }).optional() }),
        response: { 404: ProblemSchema, 422: ProblemSchema, 502: ProblemSchema },
      },
    },
    async (req, reply) => {
      const url = await startLogin(ctx, oidc(), req.query.returnTo);
      return reply.redirect(url.href, 303);
    },
  );

  r.get(
    '/api/v1/auth/citizen/callback',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['citizen'],
        summary: 'Địa chỉ nhà cung cấp định danh trả về (mã ủy quyền, state)',
        description:
          'state không do máy chủ này cấp, đã dùng (phát lại), quá hạn; mã ủy quyền hay ID token giả mạo → 400 problem+json, không tạo phiên.',
        response: { 400: ProblemSchema, 502: ProblemSchema, 503: ProblemSchema },
      },
    },
    async (req, reply) => {
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      const callbackUrl = new URL(`${ctx.config.oidc.redirectUrl}${query}`);
      const { token, expiresAt, returnTo } = await finishLogin(ctx, oidc(), callbackUrl, (reason) =>
        req.log.warn({ event: 'citizen_login_refused', reason }, 'citizen sign-in refused'),
      );
      reply.setCookie(CITIZEN_COOKIE, token, { ...cookieOptions(ctx), expires: expiresAt });
      return reply.redirect(returnTo, 303);
    },
  );

  r.post(
    '/api/v1/auth/citizen/logout',
    { schema: { tags: ['citizen'], summary: 'Đăng xuất công dân: hủy phiên' } },
    async (req, reply) => {
      const token = req.cookies[CITIZEN_COOKIE];
      if (token) await logoutCitizen(ctx, token);
      reply.clearCookie(CITIZEN_COOKIE, cookieOptions(ctx));
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/v1/citizen/me',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Công dân đang đăng nhập (thông tin đã được xác thực để điền sẵn biểu mẫu)',
        response: { 200: CitizenMeSchema, 401: ProblemSchema },
      },
    },
    async (req) => {
      const c = await requireCitizen(ctx, req);
      return { fullName: c.fullName, personalId: c.personalId, birthDate: c.birthDate, verified: c.verified };
    },
  );

  r.put(
    '/api/v1/citizen/drafts/:procedureCode',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Lưu bản nháp biểu mẫu của công dân (trên máy chủ)',
        params: ProcedureParam,
        body: DraftSchema,
        response: { 200: DraftView, 401: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (req) => saveDraft(ctx, await requireCitizen(ctx, req), req.params.procedureCode, req.body.data),
  );
  r.get(
    '/api/v1/citizen/drafts/:procedureCode',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Bản nháp đã lưu của công dân cho một thủ tục',
        params: ProcedureParam,
        response: { 200: DraftView, 401: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (req) => getDraft(ctx, await requireCitizen(ctx, req), req.params.procedureCode),
  );

  r.post(
    '/api/v1/citizen/dossiers',
    {
      bodyLimit: uploadLimit(ctx),
      schema: {
        tags: ['citizen'],
        summary: 'Nộp hồ sơ trực tuyến: hồ sơ vào hàng chờ tiếp nhận trực tuyến của xã (trạng thái 1)',
        body: OnlineSubmissionSchema,
        response: { 201: CitizenDossierSchema, ...problems },
      },
    },
    async (req, reply) => {
      const d = await submitOnline(ctx, await requireCitizen(ctx, req), req.body, { requestId: req.id });
      reply.header('location', `/api/v1/citizen/dossiers/${encodeURIComponent(d.code)}`);
      return reply.code(201).send(d);
    },
  );
  r.post(
    '/api/v1/dossiers/assisted',
    {
      bodyLimit: uploadLimit(ctx),
      schema: {
        tags: ['citizen'],
        summary:
          'Nộp trực tuyến giúp công dân tại quầy (hỗ trợ nộp hồ sơ): cán bộ tiếp nhận điền cùng biểu mẫu trực tuyến',
        description:
          'Chỉ cán bộ tiếp nhận của xã nhận hồ sơ. Hồ sơ là hồ sơ trực tuyến (kênh 2) có đánh dấu `assisted`, vào hàng chờ tiếp nhận trực tuyến (trạng thái 1); người nộp là người được ghi trong nhóm câu hỏi về người nộp của biểu mẫu.',
        body: OnlineSubmissionSchema,
        response: { 201: DossierSchema, 403: ProblemSchema, ...problems },
      },
    },
    async (req, reply) => {
      const user = await requireUser(ctx, req);
      const code = await fileAssisted(ctx, user, req.body, { requestId: req.id });
      const view = await getDossier(ctx, user.scope, code);
      reply.header('location', `/api/v1/dossiers/${encodeURIComponent(code)}`);
      return reply.code(201).send(view);
    },
  );
  r.get(
    '/api/v1/citizen/dossiers',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Hồ sơ của tôi',
        response: { 200: z.array(CitizenDossierItemSchema), 401: ProblemSchema },
      },
    },
    async (req) => listCitizenDossiers(ctx, await requireCitizen(ctx, req)),
  );
  r.get(
    '/api/v1/citizen/dossiers/:code',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Một hồ sơ của tôi: tiến trình, điều được yêu cầu, ngày hẹn, kết quả',
        description: 'Hồ sơ của người khác hoặc mã không có → 404 DOSSIER_NOT_FOUND (không phân biệt).',
        params: DossierCodeParam,
        response: { 200: CitizenDossierSchema, 401: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (req) => getCitizenDossier(ctx, await requireCitizen(ctx, req), req.params.code),
  );
  r.post(
    '/api/v1/citizen/dossiers/:code/supplement',
    {
      bodyLimit: uploadLimit(ctx),
      schema: {
        tags: ['citizen'],
        summary: 'Nộp bổ sung theo yêu cầu (trước tiếp nhận: hồ sơ trở lại hàng chờ tiếp nhận)',
        params: DossierCodeParam,
        body: SupplementSchema,
        response: { 200: CitizenDossierSchema, ...problems },
      },
    },
    async (req) =>
      supplement(ctx, await requireCitizen(ctx, req), req.params.code, req.body, { requestId: req.id }),
  );
  r.post(
    '/api/v1/citizen/dossiers/:code/withdraw',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Yêu cầu rút hồ sơ (trạng thái 7), khi pháp luật cho phép',
        params: DossierCodeParam,
        body: z.object({ reason: text({ min: 1, max: 1000, multiline: true }) }),
        response: { 200: CitizenDossierSchema, ...problems },
      },
    },
    async (req) =>
      withdraw(ctx, await requireCitizen(ctx, req), req.params.code, req.body.reason, { requestId: req.id }),
  );
  r.post(
    '/api/v1/citizen/dossiers/:code/rating',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Đánh giá mức độ hài lòng (Rất hài lòng / Hài lòng / Không hài lòng) sau khi nhận kết quả',
        params: DossierCodeParam,
        body: z.object({
          rating: z.enum(RATINGS),
          comment: text({ max: 1000, multiline: true }).optional().describe('Lý do, góp ý (không bắt buộc)'),
        }),
        response: { 200: CitizenDossierSchema, ...problems },
      },
    },
    async (req) =>
      rate(ctx, await requireCitizen(ctx, req), req.params.code, req.body.rating, req.body.comment),
  );
  r.get(
    '/api/v1/citizen/dossiers/:code/result',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Tải kết quả giải quyết điện tử của hồ sơ của tôi',
        params: DossierCodeParam,
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
      },
    },
    async (req, reply) => {
      const file = await citizenResultFile(ctx, await requireCitizen(ctx, req), req.params.code);
      return reply
        .type(file.contentType)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );
}
