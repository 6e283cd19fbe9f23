import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Executor, migrationsFolder } from '../server/db/client.ts';

/*
 * Where a database stands against the committed migrations. drizzle records each applied migration in
 * drizzle.__drizzle_migrations by the sha256 of its SQL file and the journal's `when`; the same two
 * values identify a migration here, so a backup names the exact schema its rows belong to.
 */

export interface MigrationId {
  hash: string;
  when: number;
  /** The file name without .sql, when this version of motcua has the migration. */
  tag?: string;
}

interface Journal {
  entries: Array<{ idx: number; when: number; tag: string }> & unknown[];
  [key: string]: unknown;
}

function readJournal(folder = migrationsFolder): Journal {
  return JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/** The migrations this version of motcua ships, in order. */
export function committedMigrations(): MigrationId[] {
  return readJournal().entries.map((e) => ({
    tag: e.tag,
    when: e.when,
    hash: createHash('sha256')
      .update(fs.readFileSync(path.join(migrationsFolder, `${e.tag}.sql`)))
      .digest('hex'),
  }));
}

/** The migrations applied to a database, oldest first (none on an empty database). */
export async function appliedMigrations(db: Executor): Promise<MigrationId[]> {
  const found = await db.execute(sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS ok`);
  if (!(found as unknown as { rows: Array<{ ok: boolean }> }).rows[0]?.ok) return [];
  const res = await db.execute(
    sql`SELECT hash, created_at::text AS created_at FROM drizzle.__drizzle_migrations ORDER BY created_at, id`,
  );
  const byHash = new Map(committedMigrations().map((m) => [m.hash, m.tag]));
  return (res as unknown as { rows: Array<{ hash: string; created_at: string }> }).rows.map((r) => ({
    hash: r.hash,
    when: Number(r.created_at),
    ...(byHash.has(r.hash) ? { tag: byHash.get(r.hash) } : {}),
  }));
}

/** True when `a` is `b` or its beginning (same hashes in the same order). */
export function isPrefix(a: MigrationId[], b: MigrationId[]): boolean {
  return a.length <= b.length && a.every((m, i) => m.hash === b[i]!.hash);
}

/** Names a list of migrations for messages: the last tag and the count. */
export function describeLevel(list: MigrationId[]): string {
  if (list.length === 0) return 'chưa có migration nào / no migrations';
  const last = list[list.length - 1]!;
  return `${last.tag ?? last.hash.slice(0, 12)} (${list.length})`;
}

/**
 * A copy of the migrations folder whose journal stops after the first `count` migrations: migrating
 * with it brings an empty database exactly to a backup's schema. The caller removes `dir`.
 */
export function migrationsFolderUpTo(count: number, dir: string): string {
  const journal = readJournal();
  const entries = journal.entries.slice(0, count);
  fs.mkdirSync(path.join(dir, 'meta'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries)
    fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}
