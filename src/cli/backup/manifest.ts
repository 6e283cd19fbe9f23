import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CliError } from '../errors.ts';

/*
 * A motcua backup is a .tar.gz holding:
 *   manifest.json           this file: format, schema (migrations), tables with row counts and sha256
 *   database/<table>.jsonl  one JSON object per row, every column as its PostgreSQL text form (or null)
 *   files/<xx>/<sha256>     the stored scans and results (MOTCUA_FILES_DIR), content-addressed
 * The same archive restores into PGlite or PostgreSQL.
 */

export const FORMAT = 'motcua-backup';
export const FORMAT_VERSION = 1;

const MigrationSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  when: z.number(),
  tag: z.string().optional(),
});

export const ManifestSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(FORMAT_VERSION),
  createdAt: z.string(),
  motcua: z.string(),
  source: z.enum(['pglite', 'postgres']),
  migrations: z.array(MigrationSchema),
  tables: z.array(
    z.object({
      name: z.string().min(1),
      rows: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      columns: z.array(z.object({ name: z.string(), type: z.string() })),
    }),
  ),
});
export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestTable = Manifest['tables'][number];

export const tableFile = (dir: string, table: string) => path.join(dir, 'database', `${table}.jsonl`);

/** Reads and checks manifest.json of an extracted archive. */
export function readManifest(dir: string): Manifest {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file))
    throw new CliError(
      'Tệp không phải bản sao lưu motcua (thiếu manifest.json). Not a motcua backup: manifest.json is missing. ' +
        '(A data-folder tarball from motcua 0.1 is a PGlite dump: extract it into MOTCUA_DATA_DIR/pgdata.)',
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new CliError('manifest.json không đọc được / manifest.json is not valid JSON');
  }
  const result = ManifestSchema.safeParse(parsed);
  if (!result.success)
    throw new CliError(
      'manifest.json không đúng định dạng bản sao lưu motcua / manifest.json is not a motcua backup manifest',
      undefined,
      result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  return result.data;
}
