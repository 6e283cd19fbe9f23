/*
 * The former-units mapping as stored: loading data/former-units.json, applying an administrator's
 * correction, and keeping the name index (unit_search) in step. Used by the seed and by the import.
 */
import { type FormerUnit, searchNames } from '../../../domain/units/former-units.ts';
import type { Executor } from '../../db/client.ts';
import * as repo from './repository.ts';

/** The shape of data/former-units.json (see data/former-units.LICENSE). */
export interface FormerUnitsFile {
  communes: Array<{
    code: string;
    formerUnits: Array<{
      code: string | null;
      name: string;
      districtCode: string;
      districtName: string;
      provinceCode: string;
      provinceName: string;
      merge: 'full' | 'partial';
      confidence: string;
    }>;
  }>;
}

/** One row per commune and former unit; an island district without communes is keyed by its own code. */
export function formerUnitRows(file: FormerUnitsFile): FormerUnit[] {
  return file.communes.flatMap((c) =>
    c.formerUnits.map((f) => ({
      communeCode: c.code,
      level: f.code === null ? ('district' as const) : ('commune' as const),
      formerCode: f.code ?? f.districtCode,
      name: f.name,
      districtCode: f.districtCode,
      districtName: f.districtName,
      provinceCode: f.provinceCode,
      provinceName: f.provinceName,
      merge: f.merge,
      confidence: f.confidence,
    })),
  );
}

export interface Correction {
  level: 'commune' | 'district';
  formerCode: string;
  communeCode: string;
  /** full: the whole former unit went here (taken from every other commune); partial: here too; remove. */
  action: 'full' | 'partial' | 'remove';
}

/**
 * Applies one correction and returns the communes whose names changed, or undefined when it cannot
 * apply (the former unit is unknown, or a removal of an assignment that does not exist).
 */
export async function applyCorrection(tx: Executor, c: Correction): Promise<string[] | undefined> {
  const current = await repo.findFormerUnit(tx, c.level, c.formerCode);
  const template = current[0];
  if (!template) return undefined;
  if (c.action === 'remove') {
    if (!current.some((r) => r.communeCode === c.communeCode)) return undefined;
    await repo.deleteFormerAssignment(tx, c);
    return [c.communeCode];
  }
  const others = current.filter((r) => r.communeCode !== c.communeCode);
  if (c.action === 'full') {
    await repo.deleteFormerAssignment(tx, { level: c.level, formerCode: c.formerCode });
  } else {
    // Several communes share it now: none of them holds the whole former unit.
    for (const o of others) await repo.upsertFormerAssignment(tx, { ...o, merge: 'partial' });
  }
  await repo.upsertFormerAssignment(tx, {
    ...template,
    communeCode: c.communeCode,
    merge: c.action,
    confidence: 'correction',
  });
  return [c.communeCode, ...others.map((o) => o.communeCode)];
}

/** Rebuilds the name index of the given communes (every commune when omitted) from the tables. */
export async function rebuildSearchIndex(tx: Executor, communeCodes?: string[]) {
  const all = await repo.listAllUnits(tx);
  const provinceNames = new Map(all.filter((u) => u.level === 'province').map((u) => [u.code, u.fullName]));
  const wanted = communeCodes ? new Set(communeCodes) : undefined;
  const communes = all
    .filter((u) => u.level === 'commune' && (!wanted || wanted.has(u.code)))
    .map((u) => ({ code: u.code, fullName: u.fullName, provinceCode: u.parentCode ?? '' }));
  const former = await repo.listFormerUnits(tx, communeCodes);
  const names = searchNames(
    communes,
    provinceNames,
    former.map((f) => ({ ...f })),
  );
  await repo.rewriteSearchIndex(tx, names, communeCodes);
}
