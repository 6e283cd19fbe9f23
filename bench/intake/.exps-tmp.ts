import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openPglite } from '../../src/server/db/client.ts';
import { seedDemo } from '../../src/server/seed/demo.ts';
import { loadReferenceData } from '../../src/server/seed/reference.ts';
import { DEMO_PASSWORD } from './fixtures.ts';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exps-'));
const client = await PGlite.create(path.join(dir, 'pgdata'));
if (process.env.YIELD) {
  const tick = () => new Promise((r) => setImmediate(r));
  const q = client.query.bind(client);
  const t = client.transaction.bind(client);
  (client as unknown as { query: unknown }).query = async (...a: Parameters<typeof q>) => { await tick(); return q(...a); };
  (client as unknown as { transaction: unknown }).transaction = async (...a: Parameters<typeof t>) => { await tick(); return t(...a); };
}
const database = await openPglite(undefined, { client });
const config = loadConfig({ MOTCUA_DATA_DIR: dir, MOTCUA_DEMO_PASSWORD: DEMO_PASSWORD, LOG_LEVEL: 'warn' });
await database.migrate(); await loadReferenceData(database.db); await seedDemo(database.db, config);
const { app } = await buildApp(config, database, { logger: false });
const t0 = performance.now();
const conns = new Map<number, { conn: number; firstReq?: number; firstDone?: number }>();
app.server.on('connection', (sock) => { conns.set(sock.remotePort ?? 0, { conn: performance.now() - t0 }); });
app.addHook('onRequest', async (req) => { const c = conns.get(req.raw.socket.remotePort ?? 0); if (c && c.firstReq === undefined) c.firstReq = performance.now() - t0; });
app.addHook('onResponse', async (req) => { const c = conns.get(req.raw.socket.remotePort ?? 0); if (c && c.firstDone === undefined) c.firstDone = performance.now() - t0; });
setInterval(() => {
  const rows = [...conns.values()].filter((c) => c.conn > 5000 && c.firstDone !== undefined).sort((a, b) => (b.firstDone! - b.conn) - (a.firstDone! - a.conn)).slice(0, 5);
  if (rows.length) console.log('worst new connections (ms after accept): request parsed +' + rows.map((r) => `${(r.firstReq! - r.conn).toFixed(0)}/done +${(r.firstDone! - r.conn).toFixed(0)}`).join(', '));
  conns.clear();
}, 6000).unref();
await app.listen({ port: 45200, host: '127.0.0.1' });
console.log('up');
process.on('SIGTERM', async () => { await app.close(); await database.close(); fs.rmSync(dir, { recursive: true, force: true }); process.exit(0); });
