import { loadConfig } from '../../server/config.ts';
import { verifyAll } from '../../server/modules/audit/repository.ts';
import { openDatabase, requireCurrentSchema } from '../database.ts';
import { EXIT } from '../errors.ts';
import { parseCommand } from '../options.ts';

/** Walks every dossier's audit chain (or one commune's) and reports the first broken link (exit 3). */
export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand('audit-verify', args, { unit: { type: 'string' } });
  const config = loadConfig(process.env);
  const database = await openDatabase(config);
  try {
    await requireCurrentSchema(database);
    const { checked, broken } = await verifyAll(database.db, values.unit);
    if (broken) {
      console.error(
        `Chuỗi nhật ký bị phá vỡ / audit chain broken: đơn vị ${broken.unitCode}, hồ sơ ${broken.dossierCode}, sự kiện số ${broken.seq} (${broken.problem}, id ${broken.id}); đã kiểm tra ${checked} sự kiện`,
      );
      return EXIT.auditBroken;
    }
    console.log(`Chuỗi nhật ký toàn vẹn / audit chain intact: ${checked} sự kiện / events`);
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
