import fs from 'node:fs';
import path from 'node:path';
import pkg from '../../../package.json' with { type: 'json' };
import { loadConfig } from '../../server/config.ts';
import { missingStoredFiles, packArchive } from '../backup/archive.ts';
import { dumpDatabase } from '../backup/dump.ts';
import { FORMAT, FORMAT_VERSION, type Manifest } from '../backup/manifest.ts';
import { describeDatabase, openDatabase } from '../database.ts';
import { CliError, EXIT } from '../errors.ts';
import { describeLevel } from '../migrations.ts';
import { parseCommand } from '../options.ts';

/**
 * Writes the database (every table, one snapshot) and the files folder into one .tar.gz. On PGlite the
 * folder lock is held from the first row to the last file, so no server writes meanwhile.
 */
export async function run(args: string[]): Promise<number> {
  const { positionals } = parseCommand('backup', args, {}, { min: 0, max: 1 });
  const config = loadConfig(process.env);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = path.resolve(positionals[0] ?? `motcua-backup-${stamp}.tar.gz`);
  if (fs.existsSync(out)) throw new CliError(`Tệp ${out} đã tồn tại / the file already exists`);
  if (!fs.existsSync(path.dirname(out)))
    throw new CliError(`Không có thư mục ${path.dirname(out)} / no such folder`);
  const database = await openDatabase(config);
  const staging = fs.mkdtempSync(path.join(path.dirname(out), '.motcua-backup-'));
  try {
    const { migrations, tables } = await dumpDatabase(database, staging);
    if (migrations.length === 0)
      throw new CliError('Cơ sở dữ liệu trống, chưa migrate / the database is empty (never migrated)');
    const manifest: Manifest = {
      format: FORMAT,
      version: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      motcua: pkg.version,
      source: database.kind,
      migrations,
      tables,
    };
    fs.writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const missing = await missingStoredFiles(staging, [config.filesDir]);
    if (missing.length)
      console.error(
        `Cảnh báo: ${missing.length} tệp hồ sơ không có trong ${config.filesDir} / warning: ${missing.length} stored file(s) missing from the files folder`,
      );
    const { files } = await packArchive(out, staging, config.filesDir);
    const rows = tables.reduce((n, t) => n + t.rows, 0);
    const size = (fs.statSync(out).size / 1024 / 1024).toFixed(1);
    console.log(
      `Đã sao lưu vào / backed up to ${out}: ${tables.length} bảng/tables, ${rows} dòng/rows, ${files} tệp/files, ${size} MB` +
        ` — ${describeDatabase(config)}, ${describeLevel(migrations)}`,
    );
    return EXIT.ok;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    await database.close();
  }
}
