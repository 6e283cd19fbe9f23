import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bookVolume, CERTIFICATION_BOOKS, RESULT_BOOKS } from '../../../domain/results/templates.ts';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/auth.ts';
import { ProblemSchema } from '../../http/problem-schema.ts';
import { listResultEntries } from './repository.ts';
import { communeFor } from './scope.ts';

/*
 * The certification registers (sổ chứng thực bản sao từ bản chính, sổ chứng thực chữ ký): filled by
 * issue_result when a certification result drafted in motcua is issued; read and printed here.
 */

const Query = z.object({
  book: z
    .enum(CERTIFICATION_BOOKS)
    .describe('copy: bản sao từ bản chính (SCT/BS); signature: chữ ký (SCT/CK)'),
  year: z.coerce.number().int().min(2015).max(2100).describe('Năm của quyển sổ'),
  unit: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
});

const EntrySchema = z.object({
  number: z.number().int(),
  issuedAt: z.string(),
  dossierCode: z.string(),
  requesterName: z.string(),
  requesterId: z.string().nullable(),
  documentName: z.string(),
  copies: z.number().int().nullable(),
  fee: z.number().int().nullable(),
  signerName: z.string(),
  signerTitle: z.string(),
  note: z.string().nullable(),
  sha256: z.string(),
});

export const CertificationRegisterSchema = z
  .object({
    book: z.string(),
    title: z.string(),
    volume: z.string(),
    year: z.number().int(),
    entries: z.array(EntrySchema),
  })
  .meta({ id: 'CertificationRegister' });

const problems = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };

export function certificationRegisterRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const load = async (user: Awaited<ReturnType<typeof requireUser>>, q: z.infer<typeof Query>) => {
    const unit = await communeFor(ctx, user, q.unit);
    const rows = await listResultEntries(ctx.db, unit.code, q.book, q.year);
    const book = RESULT_BOOKS[q.book];
    return { unit, book, volume: `${bookVolume(q.year)}-${book.symbol}`, rows };
  };
  r.get(
    '/api/v1/registers/certifications',
    {
      schema: {
        tags: ['registers'],
        summary: 'Sổ chứng thực của xã theo năm (bản sao từ bản chính hoặc chữ ký)',
        querystring: Query,
        response: { 200: CertificationRegisterSchema, ...problems },
      },
    },
    async (req) => {
      const { book, volume, rows } = await load(await requireUser(ctx, req), req.query);
      return {
        book: req.query.book,
        title: book.name,
        volume,
        year: req.query.year,
        entries: rows.map((e) => ({
          number: e.number,
          issuedAt: e.issuedAt.toISOString(),
          dossierCode: e.dossierCode,
          requesterName: e.requesterName,
          requesterId: e.requesterId,
          documentName: e.documentName,
          copies: e.copies,
          fee: e.fee,
          signerName: e.signerName,
          signerTitle: e.signerTitle,
          note: e.note,
          sha256: e.sha256,
        })),
      };
    },
  );
  r.get(
    '/api/v1/registers/certifications.pdf',
    {
      schema: {
        tags: ['registers'],
        summary: 'In sổ chứng thực của năm (PDF khổ ngang)',
        querystring: Query,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const { unit, book, volume, rows } = await load(await requireUser(ctx, req), req.query);
      const province = unit.parentCode ? await ctx.services.units.get(unit.parentCode) : null;
      const pdf = await ctx.workers.run('certificationRegister', {
        issuerLine1: province ? `UBND ${province.fullName.toUpperCase()}` : '',
        issuerLine2: `ỦY BAN NHÂN DÂN ${unit.fullName.toUpperCase()}`,
        book: req.query.book,
        title: book.name,
        volume,
        year: req.query.year,
        lines: rows,
      });
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `inline; filename="so-chung-thuc-${req.query.book}-${req.query.year}-${unit.slug}.pdf"`,
        )
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
}
