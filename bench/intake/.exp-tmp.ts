import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startServer } from './server.ts';
import { loginAll } from './http-load.ts';
import { DEMO_COMMUNES, INTAKE_BODY } from './fixtures.ts';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exp-'));
import { adminUrl, createBenchDatabase } from './database.ts';
const pgdb = process.env.EXP_PG ? await createBenchDatabase(adminUrl()) : undefined;
const server = await startServer({ env: pgdb ? { MOTCUA_DATA_DIR: dir, DATABASE_URL: pgdb.url } : { MOTCUA_DATA_DIR: dir }, label: 'exp', readyTimeoutMs: 300_000 });
try {
  const cookies = await loginAll(server.url, DEMO_COMMUNES.map((c) => `reception.${c.slug}`));
  const path_ = process.argv[2] ?? '/api/v1/dossiers';
  for (const round of [1, 2]) {
    let next = 0;
    const perClient = new Map<unknown, number[]>();
    const t0 = performance.now();
    const firsts: Array<{ at: number; ms: number }> = [];
    await new Promise<void>((resolve, reject) => {
      const inst = autocannon({ url: server.url, connections: 32, duration: 4, requests: [{ method: 'POST', path: path_, body: INTAKE_BODY,
        setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'content-type': 'application/json', cookie: cookies[next++ % cookies.length] as string } }) }] },
        (err) => (err ? reject(err) : resolve()));
      (inst as unknown as NodeJS.EventEmitter).on('response', (client: unknown, status: number, _b: number, ms: number) => {
        const list = perClient.get(client) ?? []; list.push(ms); perClient.set(client, list);
        if (list.length === 1) firsts.push({ at: performance.now() - t0, ms });
      });
    });
    const firstMs = [...perClient.values()].map((l) => l[0]!).sort((a, b) => b - a);
    const secondMax = Math.max(...[...perClient.values()].map((l) => Math.max(...l.slice(1))));
    console.log(`round ${round}: clients ${perClient.size}; first-response latencies (desc): ${firstMs.slice(0, 8).map((x) => x.toFixed(0)).join(' ')} ... ${firstMs.slice(-3).map((x) => x.toFixed(0)).join(' ')}; max of later responses ${secondMax.toFixed(0)}; requests ${[...perClient.values()].reduce((a, l) => a + l.length, 0)}`);
    console.log('  per-client request counts:', [...perClient.values()].map((l) => l.length).join(' '));
    await new Promise((r) => setTimeout(r, 1000));
  }
} finally {
  await server.stop();
  await pgdb?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
}
