import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { requireUser, SESSION_COOKIE } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { closePracticeCenter, practiceCenter } from './center.ts';
import {
  CheckedSchema,
  ExerciseParam,
  ExercisesSchema,
  StartedSchema,
  TrainingRegisterQuery,
  TrainingRegisterSchema,
} from './schemas.ts';
import { checkExercise, listExercises, startExercise, trainingRegister } from './service.ts';

const problems = {
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  503: ProblemSchema,
};

export const PRACTICE_PREFIX = '/api/v1/practice';

/**
 * The training center: exercises and their checks, the training register, and the pass-through that
 * lets the staff app's own screens work against the practice database (`/api/v1/practice/api/v1/...`).
 */
export function practiceRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onClose', async () => closePracticeCenter(ctx));

  r.get(
    '/api/v1/practice/exercises',
    {
      schema: {
        tags: ['practice'],
        summary: 'Bài tập của trung tâm luyện tập, kèm hướng dẫn từng bước và bài đã hoàn thành',
        response: { 200: ExercisesSchema, ...problems },
      },
    },
    async (req) => listExercises(ctx, await requireUser(ctx, req)),
  );
  r.post(
    '/api/v1/practice/exercises/:id/start',
    {
      schema: {
        tags: ['practice'],
        summary: 'Bắt đầu một bài tập (trên cơ sở dữ liệu luyện tập riêng, không bao giờ là dữ liệu thật)',
        params: ExerciseParam,
        response: { 200: StartedSchema, ...problems },
      },
    },
    async (req) => startExercise(ctx, await requireUser(ctx, req), req.params.id),
  );
  r.post(
    '/api/v1/practice/exercises/:id/check',
    {
      schema: {
        tags: ['practice'],
        summary: 'Kiểm tra bài tập; bài đạt được ghi vào sổ luyện tập (cơ sở dữ liệu thật)',
        params: ExerciseParam,
        response: { 200: CheckedSchema, ...problems },
      },
    },
    async (req) => checkExercise(ctx, await requireUser(ctx, req), req.params.id),
  );
  r.get(
    '/api/v1/training-register',
    {
      schema: {
        tags: ['practice'],
        summary: 'Sổ luyện tập: cán bộ nào đã hoàn thành bài tập nào, khi nào (tỉnh xem các xã của tỉnh)',
        querystring: TrainingRegisterQuery,
        response: { 200: TrainingRegisterSchema, ...problems },
      },
    },
    async (req) => trainingRegister(ctx, await requireUser(ctx, req), req.query.unit),
  );

  // The staff app's screens in practice mode: the same routes, answered by the practice server.
  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: `${PRACTICE_PREFIX}/api/*`,
    // As large as the largest request of the routes passed through (the counter intake with its scans).
    bodyLimit: Math.ceil(ctx.config.maxUploadBytes * ctx.config.maxAttachments * 1.4) + 256 * 1024,
    schema: { hide: true },
    handler: (req, reply) => forward(ctx, req, reply),
  });
}

const HOP_HEADERS = new Set([
  'host',
  'cookie',
  'connection',
  'content-length',
  'transfer-encoding',
  'accept-encoding',
]);

async function forward(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const user = await requireUser(ctx, req);
  const url = req.url.slice(PRACTICE_PREFIX.length);
  // Signing in or out is the real server's business; the trainee's practice session is opened for them.
  if (/^\/api\/v1\/auth\//.test(url) && !/^\/api\/v1\/auth\/me(\?|$)/.test(url))
    throw new AppError('NOT_FOUND', req.url.split('?')[0]);
  const center = await practiceCenter(ctx);
  const { token } = await center.trainee(user);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (!HOP_HEADERS.has(k) && typeof v === 'string') headers[k] = v;
  }
  headers.cookie = `${SESSION_COOKIE}=${token}`;
  const hasBody = req.body !== undefined && req.method !== 'GET';
  const res = await center.app.inject({
    method: req.method as 'GET',
    url,
    headers,
    ...(hasBody ? { payload: typeof req.body === 'string' ? req.body : JSON.stringify(req.body) } : {}),
  });
  for (const name of ['content-type', 'content-disposition', 'cache-control']) {
    const v = res.headers[name];
    if (typeof v === 'string') reply.header(name, v);
  }
  reply.header('x-motcua-practice', '1');
  return reply.code(res.statusCode).send(res.rawPayload);
}
