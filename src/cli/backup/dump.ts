import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../../server/db/client.ts';
import { appliedMigrations, type MigrationId } from '../migrations.ts';
import { progress } from '../progress.ts';
import { type ManifestTable, tableFile } from './manifest.ts';
import { countRows, listTables, quoteIdent, rowsOf } from './tables.ts';

const FETCH_ROWS = 1000;

/**
 * Writes every table of the database to `dir`/database/<table>.jsonl from one snapshot (a repeatable-read,
 * read-only transaction: a PostgreSQL server may keep working meanwhile). Each line holds a row's columns
 * in their PostgreSQL text form, which the restore casts back: exact for every type, as COPY is.
 */
export async function dumpDatabase(
  database: Database,
  dir: string,
): Promise<{ migrations: MigrationId[]; tables: ManifestTable[] }> {
  fs.mkdirSync(path.join(dir, 'database'), { recursive: true });
  return database.db.transaction(
    async (tx) => {
      const migrations = await appliedMigrations(tx);
      const tables = await listTables(tx);
      const counts = await countRows(tx, tables);
      const bar = progress(
        'Sao lưu dữ liệu / dumping rows',
        [...counts.values()].reduce((a, b) => a + b, 0),
      );
      const out: ManifestTable[] = [];
      for (const t of tables) {
        const names = t.columns.map((c) => `'${c.name.replaceAll("'", "''")}'`).join(', ');
        const values = t.columns.map((c) => `${quoteIdent(c.name)}::text`).join(', ');
        await tx.execute(
          sql.raw(
            `DECLARE motcua_backup NO SCROLL CURSOR FOR SELECT json_object(ARRAY[${names}]::text[], ARRAY[${values}]::text[])::text AS j FROM public.${quoteIdent(t.name)}`,
          ),
        );
        const file = fs.createWriteStream(tableFile(dir, t.name));
        const hash = createHash('sha256');
        let rows = 0;
        for (;;) {
          const batch = await rowsOf<{ j: string }>(tx, sql.raw(`FETCH ${FETCH_ROWS} FROM motcua_backup`));
          if (batch.length === 0) break;
          const chunk = `${batch.map((r) => r.j).join('\n')}\n`;
          hash.update(chunk);
          if (!file.write(chunk)) await once(file, 'drain');
          rows += batch.length;
          bar.tick(batch.length);
        }
        await tx.execute(sql.raw('CLOSE motcua_backup'));
        file.end();
        await once(file, 'finish');
        if (rows !== counts.get(t.name))
          throw new Error(`${t.name}: ${rows} rows read, ${counts.get(t.name)} counted in the same snapshot`);
        out.push({ name: t.name, rows, sha256: hash.digest('hex'), columns: t.columns });
      }
      bar.done();
      return { migrations, tables: out };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
