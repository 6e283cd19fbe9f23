import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FormDefinition } from '../../../domain/forms/types.ts';
import type { AppContext } from '../../context.ts';
import { FormDefinitionSchema, FormParams, FormQuery } from './schemas.ts';
import { getServedForm, renderBlankFormPdf } from './service.ts';

// A given version never changes: cache it for a year. The latest version may be superseded by a new
// release, so it is revalidated (ETag) after five minutes.
const CACHE_VERSIONED = 'public, max-age=31536000, immutable';
const CACHE_LATEST = 'public, max-age=300';

function isFresh(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

export function formsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/procedures/:code/form',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Mẫu đơn điện tử của thủ tục (mới nhất, hoặc một phiên bản với ?version=)',
        params: FormParams,
        querystring: FormQuery,
        response: { 200: FormDefinitionSchema, 304: z.null().describe('Không đổi (ETag khớp)') },
      },
    },
    async (req, reply) => {
      const { definition, etag } = getServedForm(req.params.code, req.query.version);
      reply.header('etag', etag);
      reply.header('cache-control', req.query.version === undefined ? CACHE_LATEST : CACHE_VERSIONED);
      if (isFresh(req.headers['if-none-match'], etag)) return reply.code(304).send(null);
      return definition as FormDefinition & z.infer<typeof FormDefinitionSchema>;
    },
  );
  r.get(
    '/api/v1/procedures/:code/form.pdf',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Mẫu đơn giấy để trống (PDF) in từ cùng định nghĩa với mẫu điện tử',
        params: FormParams,
        querystring: FormQuery,
      },
    },
    async (req, reply) => {
      // Checked before the PDF is built: a client that has it does not cost a worker.
      const served = getServedForm(req.params.code, req.query.version);
      reply.header('etag', served.etag);
      reply.header('cache-control', req.query.version === undefined ? CACHE_LATEST : CACHE_VERSIONED);
      if (isFresh(req.headers['if-none-match'], served.etag)) return reply.code(304).send();
      const { pdf, definition } = await renderBlankFormPdf(ctx, req.params.code, req.query.version);
      const name = `mau-don-${definition.procedureCode}-v${definition.version}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(pdf);
    },
  );
}
