import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import {
  applyCorrection,
  type FormerUnitsFile,
  formerUnitRows,
  rebuildSearchIndex,
} from '../modules/units/former-units.ts';
import { listCorrections, replaceFormerUnits } from '../modules/units/repository.ts';

/**
 * Loads data/former-units.json (dvhcvn/20250701, MIT: data/former-units.LICENSE), then applies again,
 * in their order, the corrections administrators imported (a newer data file must not undo them), and
 * rebuilds the name index. A correction the new file makes impossible (its former unit is gone) is
 * skipped and returned.
 */
export async function loadFormerUnits(tx: Executor, file: FormerUnitsFile): Promise<{ skipped: number }> {
  await replaceFormerUnits(tx, formerUnitRows(file));
  let skipped = 0;
  for (const c of await listCorrections(tx)) {
    if (!(await applyCorrection(tx, c))) skipped++;
  }
  await rebuildSearchIndex(tx);
  return { skipped };
}

/**
 * Fresh statistics of the name index, so the planner sees the index is selective before autovacuum
 * would. After the loading transaction, not in it: on Citus an ANALYZE of a reference table runs on
 * every node, which it refuses in a transaction that already wrote the coordinator's copy.
 */
export async function analyzeFormerUnits(db: Executor) {
  await db.execute(sql`ANALYZE unit_search`);
}
