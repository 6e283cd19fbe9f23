import { loadConfig } from '../../server/config.ts';
import { describeAnchorReport, verifyAudit } from '../../server/modules/audit/verify.ts';
import { openDatabase, requireCurrentSchema } from '../database.ts';
import { EXIT } from '../errors.ts';
import { parseCommand } from '../options.ts';

/**
 * Walks every audit chain (or one commune's) and checks the latest anchor (the same verification as
 * GET /api/v1/audit/verify); names every broken chain and anchor mismatch (exit 3). Writes nothing.
 */
export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand('audit-verify', args, { unit: { type: 'string' } });
  const config = loadConfig(process.env);
  const database = await openDatabase(config);
  try {
    await requireCurrentSchema(database);
    const v = await verifyAudit(database.db, config.auditAnchorDir, values.unit);
    const anchorLine = `Mốc neo / anchors: ${describeAnchorReport(v.anchor)}`;
    if (!v.ok) {
      for (const b of v.breaks)
        console.error(
          `Chuỗi nhật ký bị phá vỡ / audit chain broken: ${b.message} (${b.problem}, id ${b.id})`,
        );
      if (v.anchor.status === 'mismatch' || v.anchor.status === 'file_broken')
        console.error(`Mốc neo không khớp / anchor mismatch: ${describeAnchorReport(v.anchor)}`);
      console.error(`Đã kiểm tra ${v.checkedEvents} sự kiện trong ${v.checkedChains} chuỗi`);
      return EXIT.auditBroken;
    }
    console.log(
      `Chuỗi nhật ký toàn vẹn / audit chain intact: ${v.checkedEvents} sự kiện / events, ${v.checkedChains} chuỗi / chains`,
    );
    console.log(anchorLine);
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
