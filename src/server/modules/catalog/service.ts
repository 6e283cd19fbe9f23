import type { ProcedureRecord } from '../../../domain/catalog/procedure.ts';
import { matchesSearch } from '../../../domain/text/fold.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { cached } from '../../lib/cache.ts';
import type { UnitsService } from '../units/service.ts';
import { listUnitProcedures, procedureExists } from './repository.ts';

export interface CatalogEntry {
  no: number;
  record: ProcedureRecord;
  searchText: string;
}

/** Summary of fees in one line, as printed in a public catalogue. */
export function feeText(record: ProcedureRecord): string {
  if (record.fees.length === 0) return 'Không thu phí, lệ phí';
  return record.fees
    .map((f) => {
      if (f.amount === null) return `${f.name}: theo mức do Hội đồng nhân dân tỉnh quy định`;
      if (f.amount === 0) return `${f.name}: miễn phí`;
      const example = f.provinceSet ? ' (mức tham khảo, do tỉnh quy định)' : '';
      return `${f.name}: ${f.amount.toLocaleString('vi-VN')} ${f.unitText ?? 'đồng'}${example}`;
    })
    .join('; ');
}

export function createCatalogService(db: Db, units: UnitsService) {
  const byUnit = cached(async (unitCode: string) => {
    const rows = await listUnitProcedures(db, unitCode);
    const entries: CatalogEntry[] = rows.map((r, i) => ({
      no: i + 1,
      record: r.procedure.record as unknown as ProcedureRecord,
      searchText: r.procedure.searchText,
    }));
    return { entries, byCode: new Map(entries.map((e) => [e.record.code, e])) };
  }, 60_000);

  async function activeUnit(unitCode: string) {
    const unit = await units.get(unitCode);
    if (unit.level !== 'commune') throw new AppError('UNIT_NOT_FOUND', 'Danh mục thủ tục thuộc về một xã');
    if (!unit.isActive) throw new AppError('UNIT_INACTIVE');
    return unit;
  }

  return {
    invalidate: () => byUnit.clear(),
    /** The numbered catalogue of a commune, filtered by a diacritic-insensitive query. */
    async list(unitCode: string, q?: string) {
      await activeUnit(unitCode);
      const { entries } = await byUnit(unitCode);
      return q ? entries.filter((e) => matchesSearch(e.searchText, q)) : entries;
    },
    async find(unitCode: string, code: string) {
      return (await byUnit(unitCode)).byCode.get(code);
    },
    /** Whether the national catalogue has this procedure (another unit may offer it). */
    exists: (code: string) => procedureExists(db, code),
    async get(unitCode: string, code: string) {
      await activeUnit(unitCode);
      const entry = (await byUnit(unitCode)).byCode.get(code);
      if (!entry) throw new AppError('PROCEDURE_NOT_FOUND', `Mã thủ tục ${code}`);
      return entry;
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
