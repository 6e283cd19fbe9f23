import fs from 'node:fs';
import readline from 'node:readline';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../server/db/client.ts';
import { CliError } from '../errors.ts';
import { progress } from '../progress.ts';
import { type Manifest, tableFile } from './manifest.ts';
import { countRows, listTables, quoteIdent, type TableInfo } from './tables.ts';

const BATCH_ROWS = 1000;
const BATCH_BYTES = 4 * 1024 * 1024;

function sameColumns(a: TableInfo['columns'], b: TableInfo['columns']) {
  return a.length === b.length && a.every((c, i) => c.name === b[i]!.name && c.type === b[i]!.type);
}

async function loadTable(tx: Executor, t: TableInfo, file: string, onRows: (n: number) => void) {
  const cols = t.columns.map((c) => quoteIdent(c.name)).join(', ');
  const casts = t.columns.map((c) => `(x->>'${c.name.replaceAll("'", "''")}')::${c.type}`).join(', ');
  const head = `INSERT INTO public.${quoteIdent(t.name)} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${casts} FROM json_array_elements(`;
  let batch: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await tx.execute(sql`${sql.raw(head)}${`[${batch.join(',')}]`}::json) AS x`);
    onRows(batch.length);
    batch = [];
    bytes = 0;
  };
  const lines = readline.createInterface({
    input: fs.createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    if (line === '') continue;
    batch.push(line);
    bytes += line.length;
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) await flush();
  }
  await flush();
}

/**
 * Loads an extracted backup into a database whose schema is at the backup's migration, in one
 * transaction: either every row is there afterwards, with the backup's row count in every table, or
 * nothing changed. With `replace`, the tables are emptied first (in the same transaction). Table
 * triggers (the settlement rollup) are off while loading: the rollup's own rows are in the backup.
 */
export async function loadDatabase(db: Db, dir: string, manifest: Manifest, opts: { replace: boolean }) {
  await db.transaction(async (tx) => {
    const tables = await listTables(tx);
    const inArchive = new Map(manifest.tables.map((t) => [t.name, t]));
    const mismatched = [
      ...tables.filter(
        (t) => !inArchive.has(t.name) || !sameColumns(t.columns, inArchive.get(t.name)!.columns),
      ),
      ...manifest.tables.filter((t) => !tables.some((x) => x.name === t.name)),
    ].map((t) => t.name);
    if (mismatched.length)
      throw new CliError(
        `Cấu trúc bảng của cơ sở dữ liệu đích khác bản sao lưu / the target's tables differ from the backup's: ${mismatched.join(', ')}`,
      );
    if (opts.replace) {
      if (tables.length)
        await tx.execute(sql.raw(`TRUNCATE ${tables.map((t) => `public.${quoteIdent(t.name)}`).join(', ')}`));
    } else {
      const nonEmpty = [...(await countRows(tx, tables))].filter(([, n]) => n > 0).map(([name]) => name);
      if (nonEmpty.length)
        throw new CliError(
          `Cơ sở dữ liệu đích đã có dữ liệu / the target database holds rows: ${nonEmpty.join(', ')}`,
        );
    }
    const triggered = tables.filter((t) => t.hasTriggers);
    for (const t of triggered)
      await tx.execute(sql.raw(`ALTER TABLE public.${quoteIdent(t.name)} DISABLE TRIGGER USER`));
    const bar = progress(
      'Nạp dữ liệu / loading rows',
      manifest.tables.reduce((n, t) => n + t.rows, 0),
    );
    for (const t of tables) await loadTable(tx, t, tableFile(dir, t.name), (n) => bar.tick(n));
    bar.done();
    for (const t of triggered)
      await tx.execute(sql.raw(`ALTER TABLE public.${quoteIdent(t.name)} ENABLE TRIGGER USER`));
    const counts = await countRows(tx, tables);
    const wrong = manifest.tables.filter((t) => counts.get(t.name) !== t.rows);
    if (wrong.length)
      throw new CliError(
        `Số dòng sau khi nạp khác bản sao lưu / row counts differ after loading: ${wrong
          .map((t) => `${t.name} ${counts.get(t.name)}≠${t.rows}`)
          .join(', ')}`,
      );
  });
}
