import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../config.ts';
import { openPglite, openPostgres } from '../db/client.ts';
import { seedDemo } from '../seed/demo.ts';
import { DATA_DIR, loadReferenceData } from '../seed/reference.ts';
import { ensureCitusTemplate } from './citus.ts';
import { TEST_ENV } from './test-env.ts';

/*
 * Creating an embedded database runs initdb in WebAssembly (10–20 s). The template — migrated, with the
 * reference data and the demo seed — is built once per content of migrations and data, kept in the
 * temp folder, and every test file starts its own in-memory copy from it in a few seconds.
 */

function fingerprint(): string {
  const h = createHash('sha256');
  const roots = [path.resolve(DATA_DIR), path.resolve(DATA_DIR, '../src/server/db/migrations')];
  const files = roots.flatMap((r) =>
    fs
      .readdirSync(r, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name)),
  );
  for (const f of files.sort())
    h.update(f.slice(path.resolve(DATA_DIR, '..').length)).update(fs.readFileSync(f));
  // Seeding code shapes the template too.
  for (const f of [
    '../src/server/seed/demo.ts',
    '../src/server/db/citus.ts',
    '../src/server/seed/reference.ts',
    '../src/server/seed/former-units.ts',
    '../src/server/modules/units/former-units.ts',
    '../src/domain/units/former-units.ts',
  ])
    h.update(fs.readFileSync(path.resolve(DATA_DIR, f)));
  return h.digest('hex').slice(0, 16);
}

export default async function setup(project: TestProject) {
  const file = path.join(os.tmpdir(), `motcua-pglite-template-${fingerprint()}.tar`);
  if (!fs.existsSync(file)) {
    const client = await PGlite.create();
    const database = await openPglite(undefined, { client });
    const config = loadConfig({
      ...TEST_ENV,
      MOTCUA_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-tpl-')),
    });
    await database.migrate();
    await loadReferenceData(database.db);
    await seedDemo(database.db, config);
    const dump = await client.dumpDataDir('none');
    const tmp = `${file}.${process.pid}`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file);
    await database.close();
  }
  project.provide('pgliteTemplate', file);
  // The Citus run (TEST_DB_KINDS=citus): the template every test copies (test-support/citus.ts).
  let citusTemplate = '';
  if (process.env.TEST_DB_KINDS === 'citus' && process.env.TEST_CITUS_URL) {
    citusTemplate = await ensureCitusTemplate(
      process.env.TEST_CITUS_URL,
      `motcua_citus_tpl_${fingerprint()}`,
      async (url) => {
        const database = openPostgres(url, 4);
        try {
          await database.migrate();
          await loadReferenceData(database.db);
          await seedDemo(
            database.db,
            loadConfig({
              ...TEST_ENV,
              MOTCUA_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-tpl-')),
            }),
          );
        } finally {
          await database.close();
        }
      },
    );
  }
  project.provide('citusTemplate', citusTemplate);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    citusTemplate: string;
  }
}
