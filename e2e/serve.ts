// Starts the product for the browser journeys: `node --import tsx e2e/serve.ts pglite|postgres PORT`.
// Each run gets a fresh embedded database folder or a fresh PostgreSQL database, removed on exit.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { startServer } from '../src/server/start.ts';
import { createEmptyCitusDatabase } from '../src/server/test-support/citus.ts';
import { E2E_PASSWORD } from './support.ts';

const [kind = 'pglite', port = '3901'] = process.argv.slice(2);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `motcua-e2e-${kind}-`));
const env: Record<string, string> = {
  PORT: port,
  HOST: '127.0.0.1',
  MOTCUA_DATA_DIR: dataDir,
  MOTCUA_DEMO_PASSWORD: E2E_PASSWORD,
  MOTCUA_PUBLIC_URL: `http://127.0.0.1:${port}`,
  LOG_LEVEL: 'warn',
};
let dropDb: (() => Promise<void>) | undefined;
if (kind === 'citus') {
  // A database on the Citus cluster (scripts/citus-cluster.sh): the server's migrations distribute it.
  const base = process.env.TEST_CITUS_URL;
  if (!base) throw new Error('TEST_CITUS_URL is required for the citus journeys');
  const created = await createEmptyCitusDatabase(base);
  env.DATABASE_URL = created.url;
  dropDb = created.drop;
}
if (kind === 'postgres') {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is required for the postgres journeys');
  const name = `motcua_e2e_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  dropDb = async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
}

const started = await startServer(loadConfig(env), () => undefined);
console.log(`e2e server (${kind}) at ${started.url}`);

// Journeys that tamper with the data on purpose (the audit check finding a deleted row) send SQL here:
// the harness's own loopback port (product port + 1000), never part of the product.
const control = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    started.database.db
      .execute(sql.raw(body))
      .then((r) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify((r as unknown as { rows?: unknown[] }).rows ?? []));
      })
      .catch((err: Error) => {
        res.writeHead(500);
        res.end(err.message);
      });
  });
});
control.listen(Number(port) + 1000, '127.0.0.1');
const stop = async () => {
  control.close();
  await started.stop();
  await dropDb?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
