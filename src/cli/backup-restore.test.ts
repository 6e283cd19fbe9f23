import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, intakeBody } from '../server/test-support/harness.ts';
import {
  type CliTarget,
  createCliTarget,
  runCli,
  tableCounts,
  withApp,
  withDatabase,
} from './cli.test-support.ts';
import { appliedMigrations, committedMigrations, migrationsFolderUpTo } from './migrations.ts';

/*
 * backup → restore on each database: the restored one has the same rows in every table, the same
 * stored files, an intact audit chain, and numbers the next dossier exactly as the original would.
 */

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
// Tuesday 1 July 2025, 09:00 and 10:00 in Vietnam.
const FIRST = new Date('2025-07-01T02:00:00Z');
const NEXT = new Date('2025-07-01T03:00:00Z');

/** Receives one dossier at Tân Thới at `at`; returns its code and book number. */
async function receive(target: CliTarget, at: Date, attachments = false) {
  return withApp(
    target,
    () => at,
    async (app, login) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: { cookie: await login('reception.tan-thoi') },
        payload: intakeBody(
          attachments
            ? {
                attachments: [
                  { fileName: 'cccd.png', contentType: 'image/png', dataBase64: PNG.toString('base64') },
                  { fileName: 'don.pdf', contentType: 'application/pdf', dataBase64: PDF.toString('base64') },
                ],
              }
            : {},
        ),
      });
      if (res.statusCode !== 201) throw new Error(`intake: ${res.statusCode} ${res.body}`);
      const d = res.json() as { code: string; receipt?: { bookNumber?: number } };
      return d.code;
    },
  );
}

/** Every stored file of a target as relative path → bytes. */
function storedFiles(target: CliTarget): Map<string, string> {
  const root = target.config.filesDir;
  const out = new Map<string, string>();
  if (!fs.existsSync(root)) return out;
  for (const e of fs.readdirSync(root, { recursive: true, withFileTypes: true }))
    if (e.isFile()) {
      const file = path.join(e.parentPath, e.name);
      out.set(path.relative(root, file), fs.readFileSync(file).toString('hex'));
    }
  return out;
}

const kinds = databaseKinds();

describe.each(kinds)('backup and restore on %s', (kind) => {
  let source: CliTarget;
  let target: CliTarget;
  let work: string;
  let archive: string;
  let backedUp: Record<string, number>;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-cli-backup-'));
    archive = path.join(work, 'backup.tar.gz');
    source = await createCliTarget(kind, { seeded: true });
    target = await createCliTarget(kind, { seeded: false });
    await receive(source, FIRST, true);
  });
  afterAll(async () => {
    await source?.cleanup();
    await target?.cleanup();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('restores into an empty database: same rows and files, intact audit chain, same next number', async () => {
    const backup = await runCli(['backup', archive], source.env);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(archive);
    // Not a terminal: no progress bar, nothing on standard error.
    expect(backup.stderr).toBe('');

    const restore = await runCli(['restore', archive], target.env);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stderr).toBe('');

    const counts = await tableCounts(source);
    backedUp = counts;
    expect(counts.dossiers).toBe(1);
    expect(counts.dossier_files).toBe(2);
    expect(await tableCounts(target)).toEqual(counts);
    expect(storedFiles(target)).toEqual(storedFiles(source));
    expect(storedFiles(target).size).toBe(2);

    const verify = await runCli(['audit-verify'], target.env);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/toàn vẹn.*: [1-9]\d* sự kiện/);

    // Gapless counters: the restored database gives the next dossier the number the original gives.
    const fromTarget = await receive(target, NEXT);
    const fromSource = await receive(source, NEXT);
    expect(fromTarget).toMatch(/-0002$/);
    expect(fromTarget).toBe(fromSource);
  });

  it('refuses a database that holds data without --force, changing nothing; replaces it with --force', async () => {
    const before = await tableCounts(target);
    const dataDirBefore = fs.readdirSync(target.config.dataDir).sort();
    const refused = await runCli(['restore', archive], target.env);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain('--force');
    expect(await tableCounts(target)).toEqual(before);
    expect(fs.readdirSync(target.config.dataDir).sort()).toEqual(dataDirBefore);

    const damaged = path.join(work, 'damaged.tar.gz');
    fs.writeFileSync(damaged, fs.readFileSync(archive).subarray(0, 200));
    const bad = await runCli(['restore', '--force', damaged], target.env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Không đọc được tệp sao lưu|bị hỏng/);
    expect(await tableCounts(target)).toEqual(before);

    // The dossier received after the first restore goes: the database is the backup's again.
    const forced = await runCli(['restore', '--force', archive], target.env);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await tableCounts(target)).toEqual(backedUp);
    expect(before.dossiers).toBe(backedUp.dossiers! + 1);
    if (kind === 'pglite')
      expect(fs.readdirSync(target.config.dataDir).some((f) => f.startsWith('pgdata.before-restore-'))).toBe(
        true,
      );
    expect((await runCli(['audit-verify'], target.env)).code).toBe(0);
  });

  it('restores a backup of a database one migration behind, then migrates it', async () => {
    const old = await createCliTarget(kind, { seeded: false });
    const fresh = await createCliTarget(kind, { seeded: false });
    const behind = committedMigrations().length - 1;
    try {
      await withDatabase(old, async (d) => {
        await d.migrate(migrationsFolderUpTo(behind, path.join(work, 'migrations-behind')));
        await d.db.execute(
          sql`INSERT INTO unit_counters (unit_code, name, last) VALUES ('28693', 'code:2025-07-01', 7)`,
        );
      });
      const older = path.join(work, 'older.tar.gz');
      expect((await runCli(['backup', older], old.env)).code).toBe(0);
      const restore = await runCli(['restore', older], fresh.env);
      expect(restore.code, restore.stderr).toBe(0);
      expect(await withDatabase(fresh, (d) => appliedMigrations(d.db))).toEqual(
        committedMigrations().map((m) => ({ hash: m.hash, when: m.when, tag: m.tag })),
      );
      const counters = await withDatabase(fresh, async (d) => {
        const r = (await d.db.execute(sql`SELECT unit_code, name, last FROM unit_counters`)) as unknown as {
          rows: unknown[];
        };
        return r.rows;
      });
      expect(counters).toEqual([{ unit_code: '28693', name: 'code:2025-07-01', last: 7 }]);
    } finally {
      await old.cleanup();
      await fresh.cleanup();
    }
  });

  // The archive is the same format on both: each database's backup restores into the other.
  const other = kinds.find((k) => k !== kind);
  it.runIf(other !== undefined)(`restores this backup into ${other ?? 'the other database'}`, async () => {
    const target = await createCliTarget(other ?? kind, { seeded: false });
    try {
      const restore = await runCli(['restore', archive], target.env);
      expect(restore.code, restore.stderr).toBe(0);
      expect(await tableCounts(target)).toEqual(backedUp);
      expect((await runCli(['audit-verify'], target.env)).code).toBe(0);
    } finally {
      await target.cleanup();
    }
  });
});
