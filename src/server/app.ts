import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import type { Database } from './db/client.ts';
import { AppError, type AppErrorCode, toProblem } from './http/errors.ts';
import { installFairGate } from './http/fair-gate.ts';
import { metricsRoutes } from './http/metrics.ts';
import { installSecurityHeaders } from './http/security-headers.ts';
import { localFileStore } from './lib/file-store.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { catalogRoutes } from './modules/catalog/routes.ts';
import { dossiersRoutes } from './modules/dossiers/routes.ts';
import { identityRoutes } from './modules/identity/routes.ts';
import { registersRoutes } from './modules/registers/routes.ts';
import { inspectionsRoutes } from './modules/reports/inspections.ts';
import { reportsRoutes } from './modules/reports/routes.ts';
import { unitsRoutes } from './modules/units/routes.ts';
import { workflowRoutes } from './modules/workflow/routes.ts';
import { createServices } from './services.ts';
import { createWorkerPool } from './workers/pool.ts';

z.config(z.locales.vi());

const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface BuildOptions {
  now?: () => Date;
  logger?: boolean;
}

const FASTIFY_CODES: Record<string, AppErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
};

/** Builds the HTTP application on an opened (and migrated) database. */
export async function buildApp(
  config: Config,
  database: Database,
  opts: BuildOptions = {},
): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  const now = opts.now ?? (() => new Date());
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    files: localFileStore(config.filesDir),
    services: createServices(database.db, now),
    workers: createWorkerPool({ threads: config.workerThreads, maxHeapMb: config.workerHeapMb }),
    now,
  };

  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
          },
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  app.addHook('onClose', () => ctx.workers.close());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The embedded database runs on this thread: take requests one per event-loop turn so new
  // connections keep being accepted under load (see fair-gate.ts).
  if (database.kind === 'pglite') ctx.fairGate = installFairGate(app);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    let appErr: AppError;
    if (err instanceof AppError) appErr = err;
    else if (hasZodFastifySchemaValidationErrors(err)) {
      appErr = new AppError(
        'VALIDATION_FAILED',
        undefined,
        err.validation.map((v) => ({
          path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || err.validationContext || '',
          message: v.message ?? 'không hợp lệ',
        })),
      );
    } else if (err.code && FASTIFY_CODES[err.code])
      appErr = new AppError(FASTIFY_CODES[err.code]!, err.message);
    else if (err.statusCode === 429) appErr = new AppError('RATE_LIMITED');
    // A directory of the web build (`/assets/`): static files refuse to list it.
    else if (err.statusCode === 403 && err.name === 'ForbiddenError')
      appErr = new AppError('NOT_FOUND', `${req.method} ${req.url.split('?')[0]}`);
    else {
      req.log.error({ err }, 'unhandled error');
      appErr = new AppError('INTERNAL');
    }
    const problem = toProblem(appErr, req.id);
    if (problem.status >= 500 && appErr.code !== 'INTERNAL') req.log.error({ err }, appErr.code);
    for (const [k, v] of Object.entries(appErr.headers ?? {})) reply.header(k, v);
    return reply.code(problem.status).type('application/problem+json').send(problem);
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
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'motcua_session' } } },
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
  calendarRoutes(app, ctx);
  dossiersRoutes(app, ctx);
  workflowRoutes(app, ctx);
  registersRoutes(app, ctx);
  inspectionsRoutes(app, ctx);
  reportsRoutes(app, ctx);

  const hasWeb = fs.existsSync(path.join(WEB_ROOT, 'index.html'));
  if (hasWeb) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: WEB_ROOT, wildcard: true, index: false });
    // The static wildcard route also answers `/`: the home page is the app shell.
    app.get('/', { schema: { hide: true } }, (_req, reply) => reply.type('text/html').sendFile('index.html'));
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const isApi = path.startsWith('/api/') || ['/healthz', '/readyz', '/metrics'].includes(path);
    // A missing asset (a file name with an extension) is a 404, never the app shell.
    const isAsset = path.startsWith('/assets/') || /\.[a-z0-9]{1,8}$/i.test(path);
    if (!isApi && !isAsset && hasWeb && req.method === 'GET') {
      // Client-side routes of the web app.
      return reply.type('text/html').sendFile('index.html');
    }
    const problem = toProblem(new AppError('NOT_FOUND', `${req.method} ${req.url.split('?')[0]}`), req.id);
    return reply.code(404).type('application/problem+json').send(problem);
  });

  return { app, ctx };
}
