import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../../server/config.ts';
import { loadConfig } from '../../server/config.ts';
import { type Database, openPglite, openPostgres } from '../../server/db/client.ts';
import { lockDataDir } from '../../server/db/lock.ts';
import { copyFilesInto, missingStoredFiles, unpackArchive, verifyArchive } from '../backup/archive.ts';
import { loadDatabase } from '../backup/load.ts';
import { type Manifest, readManifest } from '../backup/manifest.ts';
import { countRows, listTables } from '../backup/tables.ts';
import { describeDatabase } from '../database.ts';
import { CliError, EXIT } from '../errors.ts';
import {
  appliedMigrations,
  committedMigrations,
  describeLevel,
  isPrefix,
  migrationsFolderUpTo,
} from '../migrations.ts';
import { parseCommand } from '../options.ts';

interface Unpacked {
  dir: string;
  manifest: Manifest;
  files: string[];
}

/** Extracts and checks the archive, before anything in the target is touched. */
async function unpack(config: Config, file: string): Promise<Unpacked> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const dir = fs.mkdtempSync(path.join(config.dataDir, '.restore-'));
  await unpackArchive(file, dir);
  const manifest = readManifest(dir);
  const committed = committedMigrations();
  if (manifest.migrations.length === 0 || !isPrefix(manifest.migrations, committed))
    throw new CliError(
      `Bản sao lưu có cấu trúc ${describeLevel(manifest.migrations)} mà phiên bản motcua này không có: hãy khôi phục bằng phiên bản đã tạo ra nó (motcua ${manifest.motcua}) hoặc mới hơn. ` +
        `The backup's schema is not one this motcua knows: restore with motcua ${manifest.motcua} or newer.`,
    );
  const { files } = await verifyArchive(dir, manifest);
  const missing = await missingStoredFiles(dir, [path.join(dir, 'files'), config.filesDir]);
  if (missing.length)
    console.error(
      `Cảnh báo: ${missing.length} tệp hồ sơ không có trong bản sao lưu / warning: ${missing.length} stored file(s) are not in the backup`,
    );
  return { dir, manifest, files };
}

/** Schema at the backup's migration, rows loaded in one transaction, then migrated to this version. */
async function load(database: Database, u: Unpacked, opts: { replace: boolean; migrated: number }) {
  if (opts.migrated < u.manifest.migrations.length)
    await database.migrate(
      migrationsFolderUpTo(u.manifest.migrations.length, path.join(u.dir, 'migrations')),
    );
  await loadDatabase(database.db, u.dir, u.manifest, opts);
  await database.migrate();
}

function notEmpty(what: string): CliError {
  return new CliError(
    `${what} đã có dữ liệu; không ghi đè nếu không có --force. ${what} already holds data: nothing restored (use --force to replace it).`,
    EXIT.targetNotEmpty,
  );
}

/**
 * The embedded database is rebuilt in a new folder beside the current one and swapped in at the end;
 * a replaced database is kept as pgdata.before-restore-<time>.
 */
async function restorePglite(
  config: Config & { database: { kind: 'pglite' } },
  file: string,
  force: boolean,
) {
  const target = config.database.dataDir;
  const lock = lockDataDir(config.dataDir);
  try {
    const exists = fs.existsSync(target) && fs.readdirSync(target).length > 0;
    if (exists && !force) throw notEmpty(target);
    const u = await unpack(config, file);
    const building = `${target}.restoring-${process.pid}`;
    try {
      fs.rmSync(building, { recursive: true, force: true });
      fs.mkdirSync(building, { recursive: true });
      console.log(
        'Đang tạo cơ sở dữ liệu nhúng mới (khoảng 10–20 giây)… / creating a new embedded database…',
      );
      const database = await openPglite(undefined, { client: await PGlite.create(building) });
      try {
        await load(database, u, { replace: false, migrated: 0 });
      } finally {
        await database.close();
      }
      const copied = copyFilesInto(u.dir, u.files, config.filesDir);
      let kept: string | undefined;
      if (fs.existsSync(target)) {
        kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        fs.renameSync(target, kept);
      }
      fs.renameSync(building, target);
      if (kept) console.log(`Cơ sở dữ liệu cũ được giữ tại / the previous database is kept at ${kept}`);
      return { manifest: u.manifest, copied };
    } finally {
      fs.rmSync(building, { recursive: true, force: true });
      fs.rmSync(u.dir, { recursive: true, force: true });
    }
  } finally {
    lock.release();
  }
}

/**
 * PostgreSQL: an empty database (or one only migrated) is brought to the backup's schema and loaded;
 * with --force the rows of a database at that schema are replaced in the same transaction as the load.
 * A database migrated past the backup cannot be taken back: restore into a new database instead.
 */
async function restorePostgres(
  config: Config & { database: { kind: 'postgres' } },
  file: string,
  force: boolean,
) {
  const database = openPostgres(config.database.url, 2);
  let dir: string | undefined;
  try {
    const applied = await appliedMigrations(database.db);
    const rows = [...(await countRows(database.db, await listTables(database.db))).values()].reduce(
      (a, b) => a + b,
      0,
    );
    if (rows > 0 && !force) throw notEmpty(describeDatabase(config));
    const u = await unpack(config, file);
    dir = u.dir;
    if (!isPrefix(applied, u.manifest.migrations))
      throw new CliError(
        `Cơ sở dữ liệu đích có cấu trúc ${describeLevel(applied)}, mới hơn hoặc khác bản sao lưu (${describeLevel(u.manifest.migrations)}): hãy khôi phục vào một cơ sở dữ liệu mới (createdb). ` +
          'The target database was migrated past (or apart from) the backup: restore into a new, empty database.',
      );
    const copied = copyFilesInto(u.dir, u.files, config.filesDir);
    await load(database, u, { replace: rows > 0, migrated: applied.length });
    return { manifest: u.manifest, copied };
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await database.close();
  }
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    'restore',
    args,
    { force: { type: 'boolean' } },
    { min: 1, max: 1 },
  );
  const file = path.resolve(positionals[0]!);
  if (!fs.existsSync(file)) throw new CliError(`Không tìm thấy tệp ${file} / file not found`);
  const config = loadConfig(process.env);
  const force = values.force ?? false;
  const { manifest, copied } =
    config.database.kind === 'pglite'
      ? await restorePglite({ ...config, database: config.database }, file, force)
      : await restorePostgres({ ...config, database: config.database }, file, force);
  const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `Đã khôi phục / restored ${path.basename(file)} (${manifest.source}, ${manifest.createdAt}): ${manifest.tables.length} bảng/tables, ${rows} dòng/rows, ${copied} tệp mới/new files — ${describeDatabase(config)}`,
  );
  console.log('Nên chạy / next: motcua audit-verify');
  return EXIT.ok;
}
