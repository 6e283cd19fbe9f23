import { loadConfig } from '../../server/config.ts';
import { describeDatabase, openDatabase, requireCurrentSchema } from '../database.ts';
import { EXIT } from '../errors.ts';
import { appliedMigrations, describeLevel } from '../migrations.ts';
import { parseCommand } from '../options.ts';

/** Brings the database schema to this version's migrations (what `start` does first). */
export async function run(args: string[]): Promise<number> {
  parseCommand('migrate', args, {});
  const config = loadConfig(process.env);
  const database = await openDatabase(config, { create: true, log: (l) => console.log(l) });
  try {
    const before = await appliedMigrations(database.db);
    await database.migrate();
    await requireCurrentSchema(database);
    const after = await appliedMigrations(database.db);
    const n = after.length - before.length;
    console.log(
      n > 0
        ? `Đã áp dụng ${n} migration / applied ${n} migration(s): ${describeLevel(after)} — ${describeDatabase(config)}`
        : `Cấu trúc đã mới nhất / already up to date: ${describeLevel(after)} — ${describeDatabase(config)}`,
    );
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
