import { z } from 'zod';
import { text } from '../../../domain/text/text-schema.ts';
import { MATCH_KINDS, MATCH_LEVELS } from '../../../domain/units/former-units.ts';
import type { UnitRow } from './repository.ts';

export const UnitSchema = z
  .object({
    code: z.string().describe('Mã đơn vị hành chính (tỉnh: 2 chữ số, xã: 5 chữ số)'),
    name: z.string(),
    fullName: z.string(),
    level: z.enum(['province', 'commune']),
    parentCode: z.string().nullable(),
    agencyCode: z.string().describe('Mã định danh cơ quan dùng trong mã hồ sơ'),
    slug: z.string(),
    isActive: z.boolean().describe('Trung tâm đang vận hành trên hệ thống này'),
    portalConnected: z.boolean().describe('Đã kết nối Cổng Dịch vụ công quốc gia'),
  })
  .meta({ id: 'Unit' });

export function presentUnit(u: UnitRow): z.infer<typeof UnitSchema> {
  return {
    code: u.code,
    name: u.name,
    fullName: u.fullName,
    level: u.level,
    parentCode: u.parentCode,
    agencyCode: u.agencyCode,
    slug: u.slug,
    isActive: u.isActive,
    portalConnected: u.portalConnected,
  };
}

/** Longest query accepted: the longest unit name is under 40 characters. */
export const SEARCH_MAX_LENGTH = 100;

export const UnitSearchQuery = z.object({
  q: text({ min: 1, max: SEARCH_MAX_LENGTH }).describe(
    'Tên xã, phường, huyện, tỉnh hiện nay hoặc trước ngày 01/7/2025; không phân biệt dấu, hoa thường',
  ),
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .describe('Chỉ các xã thuộc tỉnh này (mã tỉnh hiện nay)'),
  active: z
    .enum(['true', 'false'])
    .optional()
    .describe('Chỉ các trung tâm đang (không) vận hành trên hệ thống'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const MatchedUnitSchema = z
  .object({
    level: z.enum(MATCH_LEVELS).describe('Cấp của đơn vị có tên khớp: xã, huyện hoặc tỉnh'),
    isFormer: z.boolean().describe('Đơn vị trước ngày 01/7/2025 (đã sáp nhập/giải thể)'),
    code: z.string().describe('Mã đơn vị có tên khớp (mã cũ nếu isFormer)'),
    name: z.string(),
    context: z
      .string()
      .describe('Đơn vị cấp trên của đơn vị có tên khớp, ví dụ "Huyện Tân Phú Đông, Tỉnh Tiền Giang"'),
  })
  .meta({ id: 'MatchedUnit' });

export const UnitSearchResultSchema = z
  .object({
    items: z.array(
      z.object({
        unit: UnitSchema.describe('Xã, phường, đặc khu hiện nay'),
        province: z.object({ code: z.string(), fullName: z.string() }),
        match: z
          .enum(MATCH_KINDS)
          .describe(
            'exact: trùng tên; prefix: tên bắt đầu bằng từ khóa; contains: một từ của tên bắt đầu bằng từ khóa',
          ),
        matched: MatchedUnitSchema,
      }),
    ),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: 'UnitSearchResult' });

export const FormerUnitSchema = z
  .object({
    level: z.enum(['commune', 'district']).describe('district: huyện đảo không có xã'),
    code: z.string(),
    name: z.string(),
    districtCode: z.string(),
    districtName: z.string(),
    provinceCode: z.string(),
    provinceName: z.string(),
    merge: z.enum(['full', 'partial']).describe('full: cả đơn vị cũ; partial: một phần'),
    confidence: z
      .string()
      .describe('Độ tin cậy theo nguồn dữ liệu, hoặc "correction" khi đã được đính chính'),
  })
  .meta({ id: 'FormerUnit' });

export const FormerUnitsOfSchema = z.object({
  unit: UnitSchema,
  province: z.object({ code: z.string(), fullName: z.string() }),
  formerUnits: z.array(FormerUnitSchema),
});

export const CorrectionSchema = z.object({
  // Codes are checked against the tables by the import, which reports each wrong one with its line.
  formerCode: text({ min: 1, max: 10 }).describe(
    'Mã xã cũ (5 chữ số), hoặc mã huyện đảo không có xã (3 chữ số) với level "district"',
  ),
  level: z.enum(['commune', 'district']).default('commune'),
  communeCode: text({ min: 1, max: 10 }).describe('Mã xã, phường, đặc khu hiện nay'),
  action: z
    .enum(['full', 'partial', 'remove'])
    .describe(
      'full: toàn bộ đơn vị cũ thuộc xã này (bỏ khỏi các xã khác); partial: một phần thuộc thêm xã này; remove: bỏ khỏi xã này',
    ),
  reason: text({ max: 500 }).optional().describe('Căn cứ đính chính, ví dụ số nghị quyết và điều khoản'),
});

export const CorrectionsImportSchema = z.object({
  mappings: z
    .array(CorrectionSchema)
    .min(1)
    .max(5000)
    .describe('Mỗi phần tử là một dòng; lỗi báo theo số dòng (1 = phần tử đầu)'),
});
