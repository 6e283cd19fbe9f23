import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isNodeUnavailable } from '../db/errors.ts';
import { AppError, type AppErrorCode } from '../errors.ts';
import { isUnstorableText, unstorableTextError } from './db-errors.ts';
import { toProblem } from './errors.ts';

/*
 * The one place where an error becomes an HTTP answer: every failure leaves as problem+json with a
 * stable code. Client mistakes caught by the framework or a plugin stay 4xx; only what nobody
 * anticipated is a 500, logged (without values: log-redaction.ts) under its request id.
 */

/** Fastify's own error codes for a body it could not take. */
const FASTIFY_CODES = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
} as const satisfies Record<string, AppErrorCode>;

function isFastifyCode(code: string | undefined): code is keyof typeof FASTIFY_CODES {
  return code !== undefined && Object.hasOwn(FASTIFY_CODES, code);
}

/** The AppError an error thrown while serving `req` stands for. */
export function toAppError(err: FastifyError, req: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    return new AppError(
      'VALIDATION_FAILED',
      undefined,
      err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || err.validationContext || '',
        message: v.message ?? 'không hợp lệ',
      })),
    );
  }
  if (isUnstorableText(err)) {
    // A field without the shared text rule let the database see it: still the client's input.
    req.log.warn({ err }, 'text refused by the database');
    return unstorableTextError();
  }
  if (isFastifyCode(err.code)) return new AppError(FASTIFY_CODES[err.code], err.message);
  if (err.statusCode === 429) return new AppError('RATE_LIMITED');
  // The static file server refuses a directory (`/assets/`) or a path outside its root.
  if (err.statusCode === 403 || err.statusCode === 404) {
    return new AppError('NOT_FOUND', `${req.method} ${req.url.split('?')[0]}`);
  }
  if (err.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE');
  // Any other client error raised by the framework or a plugin is the client's, never a 500.
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    req.log.warn({ err }, 'client error');
    return new AppError('BAD_REQUEST');
  }
  // The database server could not reach another server — on Citus a worker holding this commune's
  // shards is down. The statement was not applied (one transaction); communes on other workers keep
  // working (citus-worker-down.api.test.ts).
  if (isNodeUnavailable(err)) {
    req.log.error({ err }, 'database node unavailable');
    return new AppError('DATABASE_NODE_UNAVAILABLE');
  }
  req.log.error({ err }, 'unhandled error');
  return new AppError('INTERNAL');
}

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const appErr = toAppError(err, req);
    const problem = toProblem(appErr, req.id);
    if (problem.status >= 500 && appErr.code !== 'INTERNAL') req.log.error({ err }, appErr.code);
    for (const [k, v] of Object.entries(appErr.headers ?? {})) reply.header(k, v);
    return reply.code(problem.status).type('application/problem+json').send(problem);
  });
}

/** Fastify's `frameworkErrors`: an undecodable URL never reaches a route, and is answered like any problem. */
export function answerFrameworkError(_err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(new AppError('BAD_REQUEST', 'Đường dẫn không hợp lệ'), req.id);
  void reply.code(400).type('application/problem+json').send(problem);
}
