import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { cached } from '../../lib/cache.ts';
import { listAllUnits, type UnitRow } from './repository.ts';

export interface UnitIndex {
  all: UnitRow[];
  byCode: Map<string, UnitRow>;
  byAgency: Map<string, UnitRow>;
}

/** Units are reference data: every process keeps an index of them for a minute. */
export function createUnitsService(db: Db) {
  const index = cached(async (): Promise<UnitIndex> => {
    const all = await listAllUnits(db);
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
