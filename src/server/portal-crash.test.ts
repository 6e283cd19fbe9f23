import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandInProcess, startStandInProcess } from '../standins/spawn.ts';
import { databaseKinds, intakeBody } from './test-support/harness.ts';
import {
  createPgDatabase,
  killAllServers,
  killHard,
  login,
  type ServerProcess,
  startServerProcess,
} from './test-support/processes.ts';

/*
 * The outbox worker killed (SIGKILL, with the server it runs in) while it delivers to the portal
 * stand-in process, which answers slowly so that requests are in flight: after a restart on the same
 * database every message is delivered, and the de-duplicating receiver has seen every event exactly
 * once and in order per dossier (a message sent but not marked sent before the kill is sent again and
 * recognised by its event id).
 */

const PASSWORD = 'portal-crash-password';
const DOSSIERS = 24;
const SUITE_TIMEOUT = 10 * 60_000;

interface Received {
  call: string;
  MaHoSo: string;
  MaSuKien: string;
}

let portal: StandInProcess;
beforeAll(async () => {
  portal = await startStandInProcess('portal', { args: ['--no-bodies'] });
});
afterAll(async () => {
  await killAllServers();
  await portal?.stop();
});

describe.each(databaseKinds())('portal delivery killed with SIGKILL on %s', (kind) => {
  let dataDir: string;
  let database: { url: string; drop(): Promise<void> } | undefined;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `motcua-portal-crash-${kind}-`));
    if (kind === 'postgres') database = await createPgDatabase(process.env.TEST_DATABASE_URL!);
  });
  afterAll(async () => {
    await killAllServers();
    await database?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const start = () =>
    startServerProcess({
      env: {
        MOTCUA_DATA_DIR: dataDir,
        MOTCUA_DEMO_PASSWORD: PASSWORD,
        MOTCUA_MODE: 'demo',
        MOTCUA_STANDINS: 'off',
        MOTCUA_PORTAL_URL: portal.url,
        MOTCUA_OUTBOX_INTERVAL_MS: '200',
        LOG_LEVEL: 'warn',
        ...(database ? { DATABASE_URL: database.url } : {}),
      },
    });
  const received = async () => (await portal.state<{ received: Received[] }>()).received;

  it(
    'resumes after the kill without loss; the receiver sees each event once, in order',
    async () => {
      await portal.reset();
      // The portal is down while the dossiers are received: a backlog builds up.
      await portal.setFaults({ mode: 'status', status: 503 });
      let server: ServerProcess = await start();
      const cookie = await login(server.url, 'reception.tan-thoi', PASSWORD);
      const codes: string[] = [];
      for (let i = 0; i < DOSSIERS; i++) {
        const res = await fetch(`${server.url}/api/v1/dossiers`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify(intakeBody()),
        });
        expect(res.status).toBe(201);
        codes.push(((await res.json()) as { code: string }).code);
      }
      // Back, but slow: the worker's next rounds are in flight when it is killed.
      await portal.setFaults({ mode: 'none', latencyMs: 300 });
      const deadline = Date.now() + 120_000;
      while ((await received()).length < 4) {
        if (Date.now() > deadline) throw new Error(`no delivery after recovery:\n${server.output()}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      await killHard(server.proc);
      const atKill = (await received()).length;
      expect(atKill).toBeLessThan(2 * DOSSIERS);

      await portal.clearFaults();
      server = await start();
      const until = Date.now() + 180_000;
      while ((await received()).length < 2 * DOSSIERS) {
        if (Date.now() > until) throw new Error(`backlog not delivered after restart:\n${server.output()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const all = await received();
      const keys = all.map((r) => `${r.MaHoSo} ${r.MaSuKien}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const code of codes) {
        const mine = all.filter((r) => r.MaHoSo === code);
        expect(
          mine.map((r) => r.call),
          code,
        ).toEqual(['dossier', 'progress']);
        expect(mine[1]!.MaSuKien).toBe(`${mine[0]!.MaSuKien}.2`);
      }
      // Every dossier says it is synced once its messages are marked sent (those claimed by the killed
      // worker when their lease ends).
      const officer = await login(server.url, 'reception.tan-thoi', PASSWORD);
      for (const code of codes) {
        let state = '';
        for (let i = 0; i < 1200 && state !== 'synced'; i++) {
          const res = await fetch(`${server.url}/api/v1/dossiers/${code}`, { headers: { cookie: officer } });
          state = ((await res.json()) as { sync?: { state: string } }).sync?.state ?? '';
          if (state !== 'synced') await new Promise((r) => setTimeout(r, 100));
        }
        expect(state, code).toBe('synced');
      }
      await killHard(server.proc);
    },
    SUITE_TIMEOUT,
  );
});
