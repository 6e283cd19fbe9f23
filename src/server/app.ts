import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants as zlibConstants } from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import { type AppContext, createAppContext } from './context.ts';
import type { Database } from './db/client.ts';
import { AppError } from './errors.ts';
import { answerFrameworkError, installErrorHandler } from './http/error-handler.ts';
import { toProblem } from './http/errors.ts';
import { installFairGate } from './http/fair-gate.ts';
import { serializeError, serializeRequest } from './http/log-redaction.ts';
import { metricsRoutes } from './http/metrics.ts';
import { checkRequestPath } from './http/path-guard.ts';
import { installSecurityHeaders } from './http/security-headers.ts';
import { hasWebBuild, isApiPath, registerWebApp, serveShellOrFile } from './http/web-app.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { catalogRoutes } from './modules/catalog/routes.ts';
import { citizenRoutes } from './modules/citizen/routes.ts';
import { dossiersRoutes } from './modules/dossiers/routes.ts';
import { feedbackRoutes } from './modules/feedback/routes.ts';
import { formsRoutes } from './modules/forms/routes.ts';
import { guidesRoutes } from './modules/guides/routes.ts';
import { identityRoutes } from './modules/identity/routes.ts';
import { inspectionsRoutes } from './modules/inspections/routes.ts';
import { noticesRoutes } from './modules/notices/routes.ts';
import { operationsRoutes } from './modules/operations/routes.ts';
import { partnersRoutes } from './modules/partners/routes.ts';
import { populationRoutes } from './modules/population/routes.ts';
import { portalSyncRoutes } from './modules/portal-sync/routes.ts';
import { practiceRoutes } from './modules/practice/routes.ts';
import { queueRoutes } from './modules/queue/routes.ts';
import { ratingsRoutes } from './modules/ratings/routes.ts';
import { registersRoutes } from './modules/registers/routes.ts';
import { reportsRoutes } from './modules/reports/routes.ts';
import { resultDraftRoutes } from './modules/result-drafts/routes.ts';
import { unitsRoutes } from './modules/units/routes.ts';
import { workflowRoutes } from './modules/workflow/routes.ts';

z.config(z.locales.vi());

const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');
/** How long a shutdown waits for requests in flight before closing their connections. */
const SHUTDOWN_GRACE_MS = 3_000;

export interface BuildOptions {
  now?: () => Date;
  logger?: boolean;
  /** Where log lines go (tests capture them); standard output by default. */
  logStream?: NodeJS.WritableStream;
}

/** Builds the HTTP application on an opened (and migrated) database. */
export async function buildApp(
  config: Config,
  database: Database,
  opts: BuildOptions = {},
): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  const ctx = createAppContext(config, database, opts.now);

  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
            serializers: { err: serializeError, req: serializeRequest },
            ...(opts.logStream ? { stream: opts.logStream } : {}),
          },
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    frameworkErrors: answerFrameworkError,
  });
  // Shutting down, the server waits for its connections to close. Idle keep-alive sockets close at
  // once; a socket the server still counts as busy (seen with a board's event stream the client
  // aborted) would hold the shutdown for the 72 s keep-alive timeout, so after a grace period for
  // the requests in flight every remaining connection is closed.
  app.addHook('preClose', async () => {
    app.server.closeIdleConnections();
    setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
  });
  app.addHook('onClose', async () => {
    await ctx.workers.close();
    await ctx.links.close();
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The embedded database runs on this thread: take requests one per event-loop turn so new
  // connections keep being accepted under load (see fair-gate.ts).
  if (database.kind === 'pglite') ctx.fairGate = installFairGate(app);
  app.addHook('onRequest', async (req) => checkRequestPath(req));
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    // API answers carry personal data or per-user views unless a route says otherwise.
    if (!reply.hasHeader('cache-control') && isApiPath(req.url.split('?')[0] ?? '')) {
      reply.header('cache-control', 'no-store');
    }
  });

  installErrorHandler(app);

  // br/gzip by what the client accepts; the web build's files come precompressed (web-app.ts).
  await app.register(compress, {
    threshold: 1024,
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(cookie);
  installSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'motcua API',
        description:
          'API của hệ thống thông tin giải quyết thủ tục hành chính cấp xã (Trung tâm Phục vụ hành chính công). Lỗi trả về dạng application/problem+json với mã lỗi ổn định và thông báo tiếng Việt.',
        version: '1.0.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'motcua_session' },
          // Partner systems (docs/API.md, "Partner API"); X-API-Key is accepted too.
          partnerKey: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await database.ping();
      return { status: 'ok' };
    } catch (err) {
      throw new AppError('DATABASE_UNAVAILABLE', (err as Error).message);
    }
  });

  metricsRoutes(app, ctx);
  identityRoutes(app, ctx);
  unitsRoutes(app, ctx);
  catalogRoutes(app, ctx);
  formsRoutes(app, ctx);
  calendarRoutes(app, ctx);
  dossiersRoutes(app, ctx);
  workflowRoutes(app, ctx);
  resultDraftRoutes(app, ctx);
  portalSyncRoutes(app, ctx);
  operationsRoutes(app, ctx);
  registersRoutes(app, ctx);
  inspectionsRoutes(app, ctx);
  reportsRoutes(app, ctx);
  populationRoutes(app, ctx);
  citizenRoutes(app, ctx);
  partnersRoutes(app, ctx);
  guidesRoutes(app, ctx);
  practiceRoutes(app, ctx);
  queueRoutes(app, ctx);
  auditRoutes(app, ctx);
  ratingsRoutes(app, ctx);
  noticesRoutes(app, ctx);
  feedbackRoutes(app, ctx);

  const hasWeb = hasWebBuild(WEB_ROOT);
  if (hasWeb) await registerWebApp(app, WEB_ROOT);
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes of the web app get the shell; a missing API route or file is a 404.
    const served = hasWeb ? serveShellOrFile(req, reply, WEB_ROOT) : undefined;
    if (served) return served;
    const problem = toProblem(new AppError('NOT_FOUND', `${req.method} ${req.url.split('?')[0]}`), req.id);
    return reply.code(404).type('application/problem+json').send(problem);
  });

  return { app, ctx };
}
