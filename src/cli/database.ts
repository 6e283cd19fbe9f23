import fs from 'node:fs';
import type { Config } from '../server/config.ts';
import { type AppContext, createAppContext } from '../server/context.ts';
import { type Database, openPglite, openPostgres } from '../server/db/client.ts';
import { CliError } from './errors.ts';
import { appliedMigrations, committedMigrations, describeLevel, isPrefix } from './migrations.ts';

/** Where the configured database is, for messages. */
export function describeDatabase(config: Config): string {
  if (config.database.kind === 'pglite') return `PGlite ${config.database.dataDir}`;
  const url = new URL(config.database.url);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

/**
 * Opens the configured database. The embedded one is locked for the whole command (a running server
 * holds the same lock: DataDirLockedError, exit 4). Without `create`, a missing embedded database is
 * an error rather than a new empty one.
 */
export async function openDatabase(
  config: Config,
  opts: { create?: boolean; log?: (line: string) => void } = {},
): Promise<Database> {
  if (config.database.kind === 'postgres') return openPostgres(config.database.url, 4);
  const exists = fs.existsSync(config.database.dataDir);
  if (!exists && !opts.create)
    throw new CliError(
      `Chưa có cơ sở dữ liệu tại ${config.database.dataDir}: chạy "motcua migrate" hoặc "motcua restore" trước. ` +
        `No database at ${config.database.dataDir}: run "motcua migrate" or "motcua restore" first.`,
    );
  if (!exists)
    opts.log?.(
      'Đang khởi tạo cơ sở dữ liệu nhúng lần đầu (khoảng 10–20 giây)… / creating the embedded database…',
    );
  return openPglite(config.database.dataDir);
}

/** Refuses to work on a database whose schema is not the one this version of motcua expects. */
export async function requireCurrentSchema(database: Database): Promise<void> {
  const applied = await appliedMigrations(database.db);
  const committed = committedMigrations();
  if (applied.length === committed.length && isPrefix(applied, committed)) return;
  if (isPrefix(applied, committed))
    throw new CliError(
      `Cơ sở dữ liệu chưa được cập nhật cấu trúc (${describeLevel(applied)}): chạy "motcua migrate" trước. ` +
        'The database schema is behind this version: run "motcua migrate" first.',
    );
  throw new CliError(
    `Cấu trúc cơ sở dữ liệu (${describeLevel(applied)}) mới hơn hoặc khác phiên bản motcua này: hãy nâng cấp motcua. ` +
      'The database was migrated by a newer or different motcua: upgrade motcua.',
  );
}

/**
 * What the server's use cases need, for a command run outside the server. Workbooks are read on a
 * worker as in the server; the process exits when the command ends.
 */
export function cliContext(config: Config, database: Database, now?: () => Date): AppContext {
  return createAppContext(config, database, now);
}
