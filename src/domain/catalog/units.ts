import { z } from 'zod';

/** Kind of commune-level unit after 1 July 2025: xã, phường or đặc khu (special zone). */
export const CommuneKindSchema = z.enum(['xa', 'phuong', 'dac_khu']);
export type CommuneKind = z.infer<typeof CommuneKindSchema>;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const ProvinceSchema = z
  .object({
    code: z.string().regex(/^\d{2}$/),
    name: z.string().min(1),
    fullName: z.string().min(1),
    nameEn: z.string().min(1),
    slug,
    /** Configurable default, not an official code: see the file's agencyCodeNote. */
    agencyCode: z.string().regex(/^H\d{2}$/),
  })
  .strict();
export type Province = z.infer<typeof ProvinceSchema>;

export const CommuneSchema = z
  .object({
    code: z.string().regex(/^\d{5}$/),
    name: z.string().min(1),
    fullName: z.string().min(1),
    nameEn: z.string().min(1),
    kind: CommuneKindSchema,
    provinceCode: z.string().regex(/^\d{2}$/),
    /** Unique within the province only. */
    slug,
    /** Configurable default `H<pp>.<nnn>`, not an official code. */
    agencyCode: z.string().regex(/^H\d{2}\.\d{3}$/),
  })
  .strict();
export type Commune = z.infer<typeof CommuneSchema>;

/** The file data/units.json produced by scripts/data/build-units.ts. */
export const UnitsFileSchema = z.object({
  source: z.string().min(1),
  licence: z.string().min(1),
  generatedBy: z.string().min(1),
  agencyCodeNote: z.string().min(1),
  slugNote: z.string().min(1),
  corrections: z.array(z.string()),
  counts: z.object({ provinces: z.number().int(), communes: z.number().int() }),
  provinces: z.array(ProvinceSchema),
  communes: z.array(CommuneSchema),
});
export type UnitsFile = z.infer<typeof UnitsFileSchema>;
