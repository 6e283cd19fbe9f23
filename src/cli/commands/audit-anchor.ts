import { loadConfig } from '../../server/config.ts';
import { AppError } from '../../server/errors.ts';
import { anchorFilePath, writeAnchor } from '../../server/modules/audit/verify.ts';
import { openDatabase, requireCurrentSchema } from '../database.ts';
import { EXIT, UsageError } from '../errors.ts';
import { parseCommand } from '../options.ts';

/**
 * Appends an anchor over every audit chain to the anchor file (MOTCUA_AUDIT_ANCHOR_DIR). The cut-off
 * is --until (ISO instant) or one minute ago, so that no event dated before it is still being written.
 * Refuses, writing nothing, when the trail no longer matches the latest anchor (exit 3).
 */
export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand('audit-anchor', args, { until: { type: 'string' } });
  const until = values.until ? new Date(values.until) : new Date(Date.now() - 60_000);
  if (Number.isNaN(until.getTime()) || (values.until && !/^\d{4}-\d{2}-\d{2}T/.test(values.until)))
    throw new UsageError(
      `--until: thời điểm không hợp lệ / not an ISO instant: ${values.until}`,
      'audit-anchor',
    );
  const config = loadConfig(process.env);
  const database = await openDatabase(config);
  try {
    await requireCurrentSchema(database);
    const line = await writeAnchor(database.db, config.auditAnchorDir, { until });
    console.log(
      `Đã ghi mốc neo số ${line.n} / anchor written: đến ${line.until}, ${Object.keys(line.units).length} đơn vị, gốc ${line.root} → ${anchorFilePath(config.auditAnchorDir)}`,
    );
    return EXIT.ok;
  } catch (err) {
    if (err instanceof AppError && err.code === 'AUDIT_ANCHOR_MISMATCH') {
      console.error(`Không ghi mốc neo / anchor not written: ${err.detail}`);
      return EXIT.auditBroken;
    }
    throw err;
  } finally {
    await database.close();
  }
}
