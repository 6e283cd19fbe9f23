import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { MATCH_KINDS, splitUnitName } from '../../../domain/units/former-units.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { cached } from '../../lib/cache.ts';
import { actorOf, recordSecurityEvent, SYSTEM_CHAIN } from '../audit/security.ts';
import type { AuthUser } from '../identity/types.ts';
import { applyCorrection, rebuildSearchIndex } from './former-units.ts';
import type { UnitRow } from './repository.ts';
import * as repo from './repository.ts';
import {
  type CorrectionsImportSchema,
  type FormerUnitsOfSchema,
  presentUnit,
  type UnitSearchQuery,
  type UnitSearchResultSchema,
} from './schemas.ts';

export interface UnitIndex {
  all: UnitRow[];
  byCode: Map<string, UnitRow>;
  byAgency: Map<string, UnitRow>;
}

/** Units are reference data: every process keeps an index of them for a minute. */
export function createUnitsService(db: Db) {
  const index = cached(async (): Promise<UnitIndex> => {
    const all = await repo.listAllUnits(db);
    return {
      all,
      byCode: new Map(all.map((u) => [u.code, u])),
      byAgency: new Map(all.map((u) => [u.agencyCode, u])),
    };
  }, 60_000);

  return {
    index: () => index(undefined),
    invalidate: () => index.clear(),
    async list(filter: { level?: 'province' | 'commune'; parent?: string; active?: boolean }) {
      const { all } = await index(undefined);
      return all.filter(
        (u) =>
          (filter.level === undefined || u.level === filter.level) &&
          (filter.parent === undefined || u.parentCode === filter.parent) &&
          (filter.active === undefined || u.isActive === filter.active),
      );
    },
    async find(code: string) {
      return (await index(undefined)).byCode.get(code);
    },
    async get(code: string) {
      const unit = (await index(undefined)).byCode.get(code);
      if (!unit) throw new AppError('UNIT_NOT_FOUND', `Mã đơn vị ${code}`);
      return unit;
    },
    /** The commune center whose agency code starts a dossier code. */
    async findByAgency(agencyCode: string) {
      return (await index(undefined)).byAgency.get(agencyCode);
    },
  };
}

export type UnitsService = ReturnType<typeof createUnitsService>;

function provinceOf(idx: UnitIndex, unit: UnitRow) {
  const province = idx.byCode.get(unit.parentCode ?? '');
  return { code: province?.code ?? unit.parentCode ?? '', fullName: province?.fullName ?? '' };
}

/** Communes by current or former name, each with the name that matched (docs/API.md). */
export async function searchUnits(
  ctx: AppContext,
  query: z.infer<typeof UnitSearchQuery>,
): Promise<z.infer<typeof UnitSearchResultSchema>> {
  const { kind, bare: key } = splitUnitName(query.q);
  if (!key)
    throw new AppError('VALIDATION_FAILED', 'Từ khóa tìm kiếm cần có chữ hoặc số', [
      { path: 'q', message: 'Cần ít nhất một chữ cái hoặc chữ số' },
    ]);
  const opts = {
    key,
    kind,
    limit: query.limit,
    offset: query.offset,
    province: query.province,
    active: query.active === undefined ? undefined : query.active === 'true',
  };
  const hits = await repo.searchUnitNames(ctx.db, opts);
  // A page past the end carries no window count: ask for the first row to know the total.
  const total =
    hits[0]?.total ??
    (query.offset > 0
      ? ((await repo.searchUnitNames(ctx.db, { ...opts, offset: 0, limit: 1 }))[0]?.total ?? 0)
      : 0);
  const idx = await ctx.services.units.index();
  return {
    items: hits.flatMap((h) => {
      const unit = idx.byCode.get(h.commune_code);
      if (!unit) return [];
      return [
        {
          unit: presentUnit(unit),
          province: provinceOf(idx, unit),
          match: MATCH_KINDS[h.rank] ?? 'contains',
          matched: { level: h.level, isFormer: h.is_former, code: h.code, name: h.name, context: h.context },
        },
      ];
    }),
    total,
    limit: query.limit,
    offset: query.offset,
  };
}

/** The former units a commune of 1 July 2025 was formed from. */
export async function formerUnitsOf(
  ctx: AppContext,
  code: string,
): Promise<z.infer<typeof FormerUnitsOfSchema>> {
  const unit = await ctx.services.units.get(code);
  if (unit.level !== 'commune') throw new AppError('UNIT_NOT_FOUND', `${code} không phải mã xã, phường`);
  const idx = await ctx.services.units.index();
  const rows = await repo.listFormerUnits(ctx.db, [code]);
  return {
    unit: presentUnit(unit),
    province: provinceOf(idx, unit),
    formerUnits: rows.map((r) => ({
      level: r.level,
      code: r.formerCode,
      name: r.name,
      districtCode: r.districtCode,
      districtName: r.districtName,
      provinceCode: r.provinceCode,
      provinceName: r.provinceName,
      merge: r.merge,
      confidence: r.confidence,
    })),
  };
}

/**
 * Imports corrections of the mapping, all or none: every code is checked first (unknown codes are
 * reported with their line numbers), then the corrections are applied in order, recorded, and the
 * name index of the communes they touch rewritten — in one transaction.
 */
export async function importCorrections(
  ctx: AppContext,
  user: AuthUser,
  body: z.infer<typeof CorrectionsImportSchema>,
): Promise<{ applied: number; communes: string[] }> {
  const idx = await ctx.services.units.index();
  const { mappings } = body;
  const errors: FieldError[] = [];
  const known = {
    commune: await repo.knownFormerCodes(
      ctx.db,
      'commune',
      mappings.filter((m) => m.level === 'commune').map((m) => m.formerCode),
    ),
    district: await repo.knownFormerCodes(
      ctx.db,
      'district',
      mappings.filter((m) => m.level === 'district').map((m) => m.formerCode),
    ),
  };
  mappings.forEach((m, i) => {
    const line = i + 1;
    const commune = idx.byCode.get(m.communeCode);
    if (commune?.level !== 'commune')
      errors.push({ path: `line ${line}`, message: `Dòng ${line}: không có xã, phường mã ${m.communeCode}` });
    if (!known[m.level].has(m.formerCode))
      errors.push({
        path: `line ${line}`,
        message: `Dòng ${line}: mã ${m.level === 'commune' ? 'xã' : 'huyện'} cũ ${m.formerCode} không có trong bảng đối chiếu`,
      });
  });
  if (errors.length)
    throw new AppError(
      'VALIDATION_FAILED',
      `${errors.length} lỗi trong tệp đính chính; chưa ghi dòng nào`,
      errors,
    );

  const at = ctx.now();
  const touched = new Set<string>();
  await ctx.db.transaction(async (tx) => {
    for (const [i, m] of mappings.entries()) {
      const changed = await applyCorrection(tx, m);
      if (!changed) {
        // Only a removal of an assignment that is not there gets here: the codes were checked.
        throw new AppError(
          'VALIDATION_FAILED',
          'Tệp đính chính có dòng không áp dụng được; chưa ghi dòng nào',
          [
            {
              path: `line ${i + 1}`,
              message: `Dòng ${i + 1}: đơn vị cũ ${m.formerCode} không thuộc xã ${m.communeCode}, không bỏ được`,
            },
          ],
        );
      }
      for (const c of changed) touched.add(c);
    }
    await repo.insertCorrections(
      tx,
      mappings.map((m, i) => ({
        id: randomUUID(),
        at,
        seq: i + 1,
        userId: user.id,
        level: m.level,
        formerCode: m.formerCode,
        communeCode: m.communeCode,
        action: m.action,
        reason: m.reason ?? null,
      })),
    );
    await rebuildSearchIndex(tx, [...touched]);
    await recordSecurityEvent(tx, {
      action: 'unit_former_corrected',
      unitCode: user.unit?.code ?? SYSTEM_CHAIN,
      actor: actorOf(user),
      data: { corrections: mappings.length, communes: [...touched].sort().join(',') },
      at,
    });
  });
  return { applied: mappings.length, communes: [...touched].sort() };
}
