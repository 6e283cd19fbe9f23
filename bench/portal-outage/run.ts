import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { toPortalDossier } from '../../src/domain/portal/payload.ts';
import { createPortalClient } from '../../src/server/modules/portal/client.ts';
import { intakeBody } from '../../src/server/test-support/harness.ts';
import {
  createPgDatabase,
  killHard,
  login,
  type ServerProcess,
  startServerProcess,
  waitForExit,
} from '../../src/server/test-support/processes.ts';
import { startStandInProcess } from '../../src/standins/spawn.ts';
import { positiveOption, readOptions } from '../lib/args.ts';

/*
 * A portal outage and its recovery, end to end (issue 15): the real server (child process) receives
 * dossiers at the counter at a steady rate while the portal stand-in answers 503; then the portal
 * comes back and the outbox worker drains the backlog. See bench/README.md.
 *
 *   node --import tsx bench/portal-outage/run.ts [--db=pglite|postgres|both] [--minutes=1] [--rate=20]
 *        [--probe=5]
 */

const argv = readOptions({
  db: { type: 'string', default: 'both' },
  minutes: { type: 'string', default: '1' },
  rate: { type: 'string', default: '20' },
  probe: { type: 'string', default: '5' },
  'cpu-prof': { type: 'string' },
});
const opts = {
  dbs: (argv.db === 'both' ? ['pglite', 'postgres'] : [argv.db]) as Array<'pglite' | 'postgres'>,
  minutes: positiveOption('minutes', argv.minutes),
  rate: positiveOption('rate', argv.rate),
  probe: positiveOption('probe', argv.probe),
};
const PASSWORD = 'bench-password-1';
const RECEPTIONISTS = ['reception.tan-thoi', 'reception.tan-phu-dong'];
const log = (line: string) => console.log(`[bench] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * NODE_OPTIONS of a server profiled into `dir` (--cpu-prof=dir): a preload starts the V8 profiler
 * through the inspector and writes `server.cpuprofile` when the server is stopped with SIGTERM
 * (node refuses --cpu-prof in NODE_OPTIONS).
 */
function cpuProfOptions(dir: string): string {
  const abs = path.resolve(dir);
  fs.mkdirSync(abs, { recursive: true });
  const preload = path.join(abs, 'profile-preload.mjs');
  fs.writeFileSync(
    preload,
    `import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
const s = new Session();
s.connect();
s.post('Profiler.enable', () => s.post('Profiler.start'));
process.once('SIGTERM', () => {
  s.post('Profiler.stop', (err, r) => {
    if (!err) writeFileSync(${JSON.stringify(path.join(abs, 'server.cpuprofile'))}, JSON.stringify(r.profile));
    process.exit(0);
  });
});
`,
  );
  return `--import=${preload}`;
}

async function run(kind: 'pglite' | 'postgres') {
  // No online dossiers on the portal: the server's inbound fetch would take the demo's three into the
  // commune and send their events too (a 30-minute run counted those 6 as duplicates after de-dup).
  const portal = await startStandInProcess('portal', { args: ['--no-bodies', '--no-online'] });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-outage-'));
  const pgUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/test';
  const database = kind === 'postgres' ? await createPgDatabase(pgUrl) : undefined;
  // PostgreSQL's own autovacuum, or the server's maintenance when it is off (src/server/db/maintenance.ts).
  let vacuum = 'the server (PGlite has none)';
  if (database) {
    const c = new pg.Client({ connectionString: database.url });
    await c.connect();
    const on = (await c.query<{ on: string }>(`SELECT current_setting('autovacuum') AS on`)).rows[0]?.on;
    await c.end();
    vacuum = on === 'off' ? 'the server (autovacuum is off here)' : "PostgreSQL's autovacuum";
  }
  let server: ServerProcess | undefined;
  try {
    const summary = async () => {
      const res = await fetch(`${portal.url}/__admin/summary`, { method: 'POST' });
      return ((await res.json()) as { done: { received: number; duplicates: number } }).done;
    };
    // Floor: the stand-in alone, driven by the same client, 8 at a time.
    const client = createPortalClient({
      baseUrl: portal.url,
      clientId: 'motcua-demo',
      clientSecret: 'motcua-demo-secret',
      timeoutMs: 10_000,
    });
    const floorN = 2000;
    await client.deliver({
      call: 'dossier',
      eventId: randomUUID(),
      HoSo: toPortalDossier(
        {
          code: 'FLOOR',
          status: 2,
          channel: 'counter',
          unit: { code: '28693', name: 'UBND xã Tân Thới' },
          procedure: { code: '2.000815', name: 'Chứng thực' },
          applicant: { fullName: 'Bench', idNumber: '', phone: '', address: '', email: null },
          subject: 'bench',
          returnMethod: 'counter',
          documents: [],
          attachments: [],
          receivedAt: '2026-01-05T02:00:00Z',
          dueAt: '2026-01-06T02:00:00Z',
          processingEndedAt: null,
          returnedAt: null,
          result: null,
        },
        { field: { code: 'CT', name: 'Chứng thực' }, fees: [] },
      ),
    });
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = next++; i < floorN; i = next++)
          await client.deliver({
            call: 'status',
            eventId: randomUUID(),
            TrangThai: { MaHoSo: 'FLOOR', TrangThaiHoSo: 4, ThoiDiem: '20260105090000' },
          });
      }),
    );
    const floorRate = floorN / ((performance.now() - t0) / 1000);
    await client.close();
    await portal.reset();

    server = await startServerProcess({
      env: {
        MOTCUA_DATA_DIR: dataDir,
        MOTCUA_DEMO_PASSWORD: PASSWORD,
        MOTCUA_MODE: 'demo',
        MOTCUA_STANDINS: 'off',
        MOTCUA_PORTAL_URL: portal.url,
        MOTCUA_OUTBOX_INTERVAL_MS: '500',
        LOG_LEVEL: 'warn',
        ...(argv['cpu-prof'] ? { NODE_OPTIONS: cpuProfOptions(argv['cpu-prof']) } : {}),
        ...(database ? { DATABASE_URL: database.url } : {}),
      },
    });
    const url = server.url;
    const cookies = await Promise.all(RECEPTIONISTS.map((u) => login(url, u, PASSWORD)));
    let intakes = 0;
    let intakeErrors = 0;
    let slowest = 0;
    let firstError = '';
    const intakeOnce = async (n: number) => {
      const started = performance.now();
      try {
        const res = await fetch(`${url}/api/v1/dossiers`, {
          method: 'POST',
          headers: { cookie: cookies[n % cookies.length]!, 'content-type': 'application/json' },
          body: JSON.stringify(intakeBody()),
        });
        await res.arrayBuffer();
        if (res.status === 201) intakes++;
        else {
          intakeErrors++;
          firstError ||= `HTTP ${res.status}`;
        }
      } catch (err) {
        // A request that could not even connect (a server stalled for seconds) is an intake error too.
        intakeErrors++;
        firstError ||= String((err as Error).cause ?? err);
      } finally {
        slowest = Math.max(slowest, performance.now() - started);
      }
    };
    /** Intake as fast as 4 clients go, for `seconds`: dossiers per second. */
    const probe = async (seconds: number) => {
      const before = intakes;
      const end = performance.now() + seconds * 1000;
      const start = performance.now();
      await Promise.all(
        Array.from({ length: 4 }, async (_, k) => {
          for (let i = k; performance.now() < end; i += 4) await intakeOnce(i);
        }),
      );
      return (intakes - before) / ((performance.now() - start) / 1000);
    };
    const waitDelivered = async (events: number, limitMs: number) => {
      const until = Date.now() + limitMs;
      for (;;) {
        const s = await summary();
        if (s.received >= events) return s;
        if (Date.now() > until) throw new Error(`only ${s.received} of ${events} events delivered`);
        await sleep(100);
      }
    };

    // Without a backlog: intake capacity (and its messages delivered before the outage starts).
    const baseline = await probe(opts.probe);
    await waitDelivered(2 * intakes, 120_000);
    log(`${kind}: intake without backlog ${baseline.toFixed(1)} dossiers/s`);

    // Outage: the portal answers 503 while the counter keeps receiving at the given rate.
    await portal.setFaults({ mode: 'status', status: 503 });
    slowest = 0;
    const outageMs = opts.minutes * 60_000;
    const outageStart = performance.now();
    const pending: Array<Promise<void>> = [];
    for (let n = 0; performance.now() - outageStart < outageMs; n++) {
      const due = outageStart + (n * 1000) / opts.rate;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      pending.push(intakeOnce(n));
    }
    await Promise.all(pending);
    const backlog = 2 * intakes - (await summary()).received;
    log(
      `${kind}: outage ${opts.minutes} min at ${opts.rate}/s, backlog ${backlog} events, intake errors ${intakeErrors}${firstError ? ` (first: ${firstError})` : ''}, slowest intake ${slowest.toFixed(0)} ms`,
    );

    // Recovery: the backlog drains while the counter keeps receiving.
    const atRecovery = (await summary()).received;
    await portal.clearFaults();
    const recovered = performance.now();
    const during = await probe(opts.probe);
    const expected = 2 * intakes;
    const done = await waitDelivered(expected, 30 * 60_000);
    const emptySeconds = (performance.now() - recovered) / 1000;
    // The drain delivers the backlog and what the counter receives meanwhile (the intake probe runs
    // first): every event delivered from recovery until nothing is pending, per second. The backlog
    // alone over the same time is printed too; with a short outage the time cannot be below the probe's.
    const delivered = expected - atRecovery;
    const drainRate = delivered / emptySeconds;
    const extra = done.received - expected;
    return {
      kind,
      vacuum,
      floorRate,
      baseline,
      during,
      backlog,
      delivered,
      emptySeconds,
      drainRate,
      intakeErrors,
      resends: done.duplicates,
      duplicatesAfterDedup: extra,
    };
  } finally {
    // A profiled server stops on SIGTERM so that it writes its profile.
    if (server && argv['cpu-prof']) {
      const exited = waitForExit(server.proc);
      server.proc.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
    }
    if (server) await killHard(server.proc);
    await portal.stop();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

for (const kind of opts.dbs) {
  const r = await run(kind);
  console.log(`
portal outage — ${r.kind} (${opts.minutes} min outage, intake ${opts.rate} dossiers/s)
  vacuum and analyze by         ${r.vacuum}
  backlog at recovery           ${r.backlog} events
  time to empty                 ${r.emptySeconds.toFixed(1)} s   (${r.delivered} events delivered: the backlog and the intake meanwhile)
  drain rate                    ${r.drainRate.toFixed(0)} events/s   (target >= 500; floor: stand-in alone ${r.floorRate.toFixed(0)} events/s, ratio ${(r.drainRate / r.floorRate).toFixed(2)})
  backlog alone / time          ${(r.backlog / r.emptySeconds).toFixed(0)} events/s   (not less than ${opts.probe} s: the intake probe runs first)
  intake without backlog        ${r.baseline.toFixed(1)} dossiers/s
  intake during drain           ${r.during.toFixed(1)} dossiers/s   (ratio ${(r.during / r.baseline).toFixed(2)}, target >= 0.8)
  intake errors                 ${r.intakeErrors}
  resends caught by de-dup      ${r.resends}
  duplicates after de-dup       ${r.duplicatesAfterDedup}   (must be 0)`);
}
process.exit(0);
