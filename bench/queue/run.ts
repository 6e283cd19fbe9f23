/*
 * The hall of one commune at its busiest (issue 16, "Measured"): 20 kiosks taking tickets and 10
 * counters calling and serving them at once, with the hall's board listening to the event stream.
 * Prints ticket issue latency, call → board latency (SSE), tickets called twice (must be 0), whether
 * the day's numbers are gapless, and a floor: the same statements (repository functions) through the
 * driver directly, at the same concurrency, on the same database kind, in the same run.
 *
 *   node --import tsx bench/queue/run.ts [--db=both|postgres|pglite] [--duration=15]
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { vnDateOf } from '../../src/domain/calendar/vn-time.ts';
import { type Database, openPglite, openPostgres } from '../../src/server/db/client.ts';
import * as repo from '../../src/server/modules/queue/repository.ts';
import { adminUrl, createBenchDatabase } from '../intake/database.ts';
import { DEMO_PASSWORD } from '../intake/fixtures.ts';
import { startServer } from '../intake/server.ts';
import { LatencyRecorder, type LatencySummary } from '../intake/stats.ts';

const UNIT = '28693';
const KIOSKS = 20;
const COUNTERS = 10;
const FIELDS = ['HT', 'CT', 'HKD', 'DD'];

function arg(name: string, fallback: string): string {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : fallback;
}
const DB = arg('db', 'both');
const DURATION_MS = Number(arg('duration', '15')) * 1000;
if (!['both', 'postgres', 'pglite'].includes(DB) || !Number.isFinite(DURATION_MS) || DURATION_MS <= 0) {
  console.error('usage: run.ts [--db=both|postgres|pglite] [--duration=seconds]');
  process.exit(2);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (s: LatencySummary) =>
  `n=${s.count} p50=${s.p50.toFixed(1)} p95=${s.p95.toFixed(1)} p99=${s.p99.toFixed(1)} max=${s.max.toFixed(1)} ms`;

interface HallResult {
  issue: LatencySummary;
  call: LatencySummary;
  board: LatencySummary;
  calledTwice: number;
  missedOnBoard: number;
  gapless: boolean;
  tickets: number;
}

async function login(url: string, username: string, address: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('motcua_session='));
  return cookie!.split(';')[0]!;
}

/** The hall through the real server: kiosks, counters and one board on the event stream. */
async function hall(
  url: string,
  query: (sql: string) => Promise<Array<Record<string, unknown>>>,
): Promise<HallResult> {
  const leader = await login(url, 'leader.tan-thoi', '10.1.0.1');
  const officers = await Promise.all(
    ['reception', 'specialist', 'leader'].map((r, i) => login(url, `${r}.tan-thoi`, `10.1.1.${i + 1}`)),
  );
  const put = await fetch(`${url}/api/v1/queue/counters`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie: leader },
    body: JSON.stringify({
      unit: UNIT,
      counters: Array.from({ length: COUNTERS }, (_, i) => ({
        number: i + 1,
        name: `Quầy ${i + 1}`,
        fields: i < FIELDS.length ? [FIELDS[i]] : [],
        active: true,
      })),
    }),
  });
  if (put.status !== 200) throw new Error(`counters: ${put.status} ${await put.text()}`);

  // The board: when did each call (number, calls) arrive?
  const arrived = new Map<string, number>();
  const controller = new AbortController();
  const stream = await fetch(`${url}/api/v1/queue/board/stream?unit=${UNIT}`, {
    signal: controller.signal,
    headers: { accept: 'text/event-stream' },
  });
  const reading = (async () => {
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^event: call\ndata: (.*)$/m.exec(block);
          if (data) {
            const e = JSON.parse(data[1]!) as { number: number; calls: number };
            const key = `${e.number}/${e.calls}`;
            if (!arrived.has(key)) arrived.set(key, performance.now());
          }
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // Aborted at the end.
    }
  })();

  const issue = new LatencyRecorder();
  const call = new LatencyRecorder();
  const calledAt = new Map<string, number>();
  const calledIds: string[] = [];
  const stopAt = performance.now() + DURATION_MS;
  const kiosks = Array.from({ length: KIOSKS }, async (_, k) => {
    let n = 0;
    while (performance.now() < stopAt) {
      const group = (k + n++) % 5 === 0 ? undefined : FIELDS[(k + n) % FIELDS.length];
      const t0 = performance.now();
      const res = await fetch(`${url}/api/v1/queue/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.2.${k}.1` },
        body: JSON.stringify({ unit: UNIT, ...(group ? { group } : {}) }),
      });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`ticket: ${res.status}`);
      issue.record(performance.now() - t0);
      // A citizen reads the screen and walks away: a kiosk takes a ticket every 100 ms at most.
      await sleep(100);
    }
  });
  const counters = Array.from({ length: COUNTERS }, async (_, c) => {
    const cookie = officers[c % officers.length]!;
    while (performance.now() < stopAt) {
      const t0 = performance.now();
      const res = await fetch(`${url}/api/v1/queue/counters/${c + 1}/call-next`, {
        method: 'POST',
        headers: { cookie },
      });
      const body = (await res.json()) as { ticket: { id: string; number: number; calls: number } | null };
      if (res.status !== 200) throw new Error(`call-next: ${res.status} ${JSON.stringify(body)}`);
      call.record(performance.now() - t0);
      if (!body.ticket) {
        await sleep(50);
        continue;
      }
      calledIds.push(body.ticket.id);
      calledAt.set(`${body.ticket.number}/${body.ticket.calls}`, t0);
      // Serving takes a moment; then served.
      await sleep(50);
      const done = await fetch(`${url}/api/v1/queue/tickets/${body.ticket.id}/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ action: 'served', counter: c + 1 }),
      });
      await done.arrayBuffer();
      if (done.status !== 200) throw new Error(`served: ${done.status}`);
    }
  });
  await Promise.all([...kiosks, ...counters]);
  await sleep(1500); // the last calls reach the board
  controller.abort();
  await reading;

  const board = new LatencyRecorder();
  let missed = 0;
  for (const [key, t0] of calledAt) {
    const t1 = arrived.get(key);
    if (t1 === undefined) missed++;
    else board.record(t1 - t0);
  }
  const day = vnDateOf(new Date());
  const [twice] = await query(
    `SELECT count(*)::int AS n FROM queue_tickets WHERE unit_code = '${UNIT}' AND day = '${day}' AND calls > 1`,
  );
  const [gap] = await query(
    `SELECT count(*)::int AS n, max(number)::int AS max FROM queue_tickets WHERE unit_code = '${UNIT}' AND day = '${day}'`,
  );
  return {
    issue: issue.summary(),
    call: call.summary(),
    board: board.summary(),
    calledTwice: Number(twice?.n) + (calledIds.length - new Set(calledIds).size),
    missedOnBoard: missed,
    gapless: Number(gap?.n) === Number(gap?.max),
    tickets: Number(gap?.n),
  };
}

/** The floor: the same statements through the driver (repository functions on drizzle), same concurrency. */
async function floor(database: Database) {
  const unit = '99999';
  const day = vnDateOf(new Date());
  await repo.saveCounters(
    database.db,
    unit,
    Array.from({ length: COUNTERS }, (_, i) => ({
      number: i + 1,
      name: `Q${i + 1}`,
      fields: i < FIELDS.length ? [FIELDS[i]!] : [],
      active: true,
    })),
    new Date(),
  );
  const issue = new LatencyRecorder();
  const call = new LatencyRecorder();
  const stopAt = performance.now() + DURATION_MS;
  const kiosks = Array.from({ length: KIOSKS }, async (_, k) => {
    let n = 0;
    while (performance.now() < stopAt) {
      const group = (k + n++) % 5 === 0 ? null : (FIELDS[(k + n) % FIELDS.length] ?? null);
      const t0 = performance.now();
      await repo.insertTicket(database.db, {
        id: randomUUID(),
        unitCode: unit,
        day,
        fieldCode: group,
        at: new Date(),
      });
      issue.record(performance.now() - t0);
      await sleep(100);
    }
  });
  const counters = Array.from({ length: COUNTERS }, async (_, c) => {
    while (performance.now() < stopAt) {
      const t0 = performance.now();
      const t = await repo.callNext(database.db, unit, day, c + 1, new Date());
      call.record(performance.now() - t0);
      if (!t) {
        await sleep(50);
        continue;
      }
      await sleep(50);
      await repo.changeCalled(
        database.db,
        unit,
        t.id,
        day,
        c + 1,
        { action: 'served', by: randomUUID() },
        new Date(),
      );
    }
  });
  await Promise.all([...kiosks, ...counters]);
  return { issue: issue.summary(), call: call.summary() };
}

function report(kind: string, h: HallResult, f: Awaited<ReturnType<typeof floor>>) {
  const ok = (b: boolean) => (b ? 'met' : 'MISSED');
  console.log(`\n== ${kind}: ${KIOSKS} kiosks, ${COUNTERS} counters, one board, ${DURATION_MS / 1000} s ==`);
  console.log(`tickets issued        ${h.tickets} (numbers gapless: ${h.gapless ? 'yes' : 'NO'})`);
  console.log(`ticket issue (HTTP)   ${fmt(h.issue)}   target p95 ≤ 50 ms: ${ok(h.issue.p95 <= 50)}`);
  console.log(
    `ticket issue (floor)  ${fmt(f.issue)}   ratio p95 ${(h.issue.p95 / Math.max(f.issue.p95, 0.001)).toFixed(1)}×`,
  );
  console.log(`call next (HTTP)      ${fmt(h.call)}`);
  console.log(
    `call next (floor)     ${fmt(f.call)}   ratio p95 ${(h.call.p95 / Math.max(f.call.p95, 0.001)).toFixed(1)}×`,
  );
  console.log(`call → board (SSE)    ${fmt(h.board)}   target p95 ≤ 1000 ms: ${ok(h.board.p95 <= 1000)}`);
  console.log(`calls not on board    ${h.missedOnBoard}`);
  console.log(`tickets called twice  ${h.calledTwice}   (must be 0): ${ok(h.calledTwice === 0)}`);
}

async function runPostgres() {
  const bench = await createBenchDatabase(adminUrl());
  try {
    const server = await startServer({
      label: 'postgres',
      env: { DATABASE_URL: bench.url, MOTCUA_QUEUE_TICKETS_PER_MINUTE: '100000' },
    });
    const direct = openPostgres(bench.url, 32);
    try {
      const query = async (text: string) =>
        ((await direct.db.execute(sql.raw(text))) as unknown as { rows: Array<Record<string, unknown>> })
          .rows;
      const h = await hall(server.url, query);
      const f = await floor(direct);
      report('PostgreSQL', h, f);
    } finally {
      await server.stop();
      await direct.close();
    }
  } finally {
    await bench.drop();
  }
}

async function runPglite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-queue-'));
  try {
    const server = await startServer({
      label: 'pglite',
      env: { MOTCUA_DATA_DIR: dir, MOTCUA_QUEUE_TICKETS_PER_MINUTE: '100000' },
    });
    let h: HallResult;
    try {
      // The server holds the data folder: the checks after the run read through a second server-less
      // look only once it has stopped.
      const pending: string[] = [];
      h = await hall(server.url, async (text) => {
        pending.push(text);
        return [{ n: 0, max: 0 }];
      });
      await server.stop();
      const db = await openPglite(path.join(dir, 'pgdata'), { lockDir: dir });
      try {
        const rows = async (text: string) =>
          ((await db.db.execute(sql.raw(text))) as unknown as { rows: Array<Record<string, unknown>> }).rows;
        const [twice] = await rows(pending[0]!);
        const [gap] = await rows(pending[1]!);
        h.calledTwice += Number(twice?.n);
        h.gapless = Number(gap?.n) === Number(gap?.max);
        h.tickets = Number(gap?.n);
      } finally {
        await db.close();
      }
    } finally {
      await server.stop();
    }
    // The floor: the embedded database in this process, as the server runs it.
    const memory = await openPglite(undefined);
    try {
      await memory.migrate();
      report('PGlite', h, await floor(memory));
    } finally {
      await memory.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

try {
  if (DB === 'both' || DB === 'postgres') await runPostgres();
  if (DB === 'both' || DB === 'pglite') await runPglite();
} catch (err) {
  console.error(err);
  process.exit(1);
}
