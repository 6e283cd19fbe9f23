import { loadConfig } from '../../server/config.ts';
import { seedDatabase } from '../../server/seed/seed-database.ts';
import { describeDatabase, openDatabase, requireCurrentSchema } from '../database.ts';
import { EXIT } from '../errors.ts';
import { parseCommand } from '../options.ts';

/** Reference data from data/, and the demo in demo mode (what `start` loads after migrating). */
export async function run(args: string[]): Promise<number> {
  parseCommand('seed', args, {});
  const config = loadConfig(process.env);
  const database = await openDatabase(config);
  try {
    await requireCurrentSchema(database);
    const { demo, story } = await seedDatabase(database, config);
    console.log(
      `Đã nạp dữ liệu tham chiếu (đơn vị, thủ tục, lịch nghỉ) / reference data loaded — ${describeDatabase(config)}`,
    );
    if (story) console.log('Đã nạp dữ liệu minh họa đợt kiểm tra / inspection story loaded.');
    if (demo) {
      console.log(`Tài khoản demo (mật khẩu: ${demo.password}) / demo accounts:`);
      for (const a of demo.accounts) console.log(`  ${a.username.padEnd(28)} ${a.role.padEnd(11)} ${a.unit}`);
    }
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
