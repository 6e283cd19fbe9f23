import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import * as tar from 'tar';
import { CliError } from '../errors.ts';
import { progress } from '../progress.ts';
import { type Manifest, tableFile } from './manifest.ts';

const CONTENT_KEY = /^[0-9a-f]{64}$/;

/** Files under `root`, relative to it (the file store writes through `*.tmp` names: those are skipped). */
function listFiles(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.tmp'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/**
 * Packs `staging` (manifest.json, database/) and the files folder into a gzipped tar at `out`. The
 * archive is written under a temporary name and renamed at the end: `out` is complete or absent.
 */
export async function packArchive(
  out: string,
  staging: string,
  filesDir: string,
): Promise<{ files: number }> {
  const entries = ['manifest.json', 'database'];
  const total = listFiles(filesDir).length;
  if (total > 0) {
    fs.symlinkSync(filesDir, path.join(staging, 'files'), 'dir');
    entries.push('files');
  }
  const bar = progress('Đóng gói tệp / packing files', total);
  let files = 0;
  const partial = `${out}.partial`;
  try {
    await tar.c(
      {
        gzip: true,
        file: partial,
        cwd: staging,
        portable: true,
        // `files` is a link to MOTCUA_FILES_DIR: its content goes into the archive, not the link.
        follow: true,
        filter: (p) => !p.endsWith('.tmp'),
        onWriteEntry: (e) => {
          if (e.type === 'File' && e.path.startsWith('files/')) {
            files++;
            bar.tick();
          }
        },
      },
      entries,
    );
    fs.renameSync(partial, out);
  } finally {
    fs.rmSync(partial, { force: true });
    bar.done();
  }
  return { files };
}

/** Extracts a backup into `dir`: only manifest.json, database/ and files/, only plain files and folders. */
export async function unpackArchive(file: string, dir: string): Promise<void> {
  if (!fs.existsSync(file)) throw new CliError(`Không tìm thấy tệp ${file} / file not found`);
  try {
    await tar.x({
      file,
      cwd: dir,
      strict: true,
      filter: (p, entry) =>
        'type' in entry &&
        (entry.type === 'File' || entry.type === 'Directory') &&
        (p === 'manifest.json' || p.startsWith('database/') || p.startsWith('files/')),
    });
  } catch (err) {
    throw new CliError(
      `Không đọc được tệp sao lưu ${file} (${(err as Error).message}) / cannot read the backup archive`,
    );
  }
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Checks an extracted backup before anything is written: every table file is there with its
 * checksum, and every stored file still has the content its name (its sha256) promises.
 */
export async function verifyArchive(dir: string, manifest: Manifest): Promise<{ files: string[] }> {
  const broken: string[] = [];
  for (const t of manifest.tables) {
    const file = tableFile(dir, t.name);
    if (!fs.existsSync(file)) broken.push(`database/${t.name}.jsonl: thiếu / missing`);
    else if ((await sha256File(file)) !== t.sha256)
      broken.push(`database/${t.name}.jsonl: sai checksum / checksum mismatch`);
  }
  const filesRoot = path.join(dir, 'files');
  const files = listFiles(filesRoot);
  const bar = progress('Kiểm tra tệp / checking files', files.length);
  for (const f of files) {
    const name = path.basename(f);
    if (CONTENT_KEY.test(name) && (await sha256File(path.join(filesRoot, f))) !== name)
      broken.push(`files/${f}: nội dung không khớp tên / content does not match its sha256 name`);
    bar.tick();
  }
  bar.done();
  if (broken.length)
    throw new CliError(
      'Bản sao lưu bị hỏng, không khôi phục / the backup is damaged: nothing restored',
      undefined,
      broken,
    );
  return { files };
}

/** Storage keys that the backup's dossier_files rows point at and that neither `roots` holds. */
export async function missingStoredFiles(dir: string, roots: string[]): Promise<string[]> {
  const file = tableFile(dir, 'dossier_files');
  if (!fs.existsSync(file)) return [];
  const missing = new Set<string>();
  const lines = readline.createInterface({
    input: fs.createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    if (!line) continue;
    const key = (JSON.parse(line) as { storage_key?: string | null }).storage_key;
    if (key && !roots.some((r) => fs.existsSync(path.join(r, key.slice(0, 2), key)))) missing.add(key);
  }
  return [...missing];
}

/** Copies the backup's files into the file store; files already there (same content, same name) stay. */
export function copyFilesInto(dir: string, files: string[], filesDir: string): number {
  const bar = progress('Chép tệp / copying files', files.length);
  let copied = 0;
  for (const f of files) {
    const target = path.join(filesDir, f);
    if (!fs.existsSync(target)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.tmp`;
      fs.copyFileSync(path.join(dir, 'files', f), tmp);
      fs.renameSync(tmp, target);
      copied++;
    }
    bar.tick();
  }
  bar.done();
  return copied;
}
