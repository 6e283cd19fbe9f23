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
  // Fresh statistics, so the planner sees the index is selective before autovacuum would.
  await tx.execute(sql`ANALYZE unit_search`);
  return { skipped };
}
