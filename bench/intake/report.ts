import type { RowCounts } from './database.ts';
import type { FloorResult } from './floor.ts';
import type { HttpResult } from './http-load.ts';
import type { ProfileSummary } from './profile.ts';
import type { CpuFigures, LatencySummary } from './stats.ts';

/* Figures of one database's run, the targets they are held to, and how they are printed. */

export type DbKind = 'postgres' | 'pglite';

export interface RowCheck {
  /** 201 responses seen (warm-up and measured run) or floor intakes committed. */
  confirmed: number;
  counts: RowCounts;
  /** Requests abandoned when autocannon stopped may still have been written: at most this many. */
  inFlightAllowance: number;
  ok: boolean;
}

export interface DbReport {
  db: DbKind;
  description: string;
  communes: number;
  connections: number;
  http: HttpResult & { cpu: CpuFigures };
  floor: FloorResult & { cpu: CpuFigures; description: string };
  ratio: number;
  rows: { http: RowCheck; floor: RowCheck };
  targets: Array<{ key: string; name: string; ok: boolean }>;
  profile?: ProfileSummary & { file: string };
  notes: string[];
}

export function checkRows(confirmed: number, counts: RowCounts, inFlightAllowance: number): RowCheck {
  const ok =
    counts.dossiers === counts.trackingBook &&
    counts.dossiers === counts.auditIntakes &&
    counts.unitsNotGapless === 0 &&
    counts.dossiers >= confirmed &&
    counts.dossiers <= confirmed + inFlightAllowance;
  return { confirmed, counts, inFlightAllowance, ok };
}

export function targetsFor(
  db: DbKind,
  http: HttpResult,
  floor: FloorResult,
  rowsOk: boolean,
): DbReport['targets'] {
  const ratio = http.throughput / floor.throughput;
  const clean = {
    key: 'clean',
    name: 'no non-2xx, no errors, rows as expected, floor without errors',
    ok: http.non2xx === 0 && http.errors === 0 && rowsOk && floor.errors === 0 && floor.ops > 0,
  };
  if (db === 'postgres') {
    return [
      { key: 'ratioAtLeast0.5', name: `HTTP >= 0.5 x floor (${ratio.toFixed(2)} x)`, ok: ratio >= 0.5 },
      {
        key: 'atLeast800PerSecond',
        name: `>= 800 intakes/s (${http.throughput.toFixed(0)}/s)`,
        ok: http.throughput >= 800,
      },
      {
        key: 'p99AtMost100ms',
        name: `p99 <= 100 ms (${http.latency.p99.toFixed(1)} ms)`,
        ok: http.latency.p99 <= 100,
      },
      clean,
    ];
  }
  return [
    {
      key: 'atLeast400PerSecond',
      name: `>= 400 intakes/s (${http.throughput.toFixed(0)}/s)`,
      ok: http.throughput >= 400,
    },
    {
      key: 'maxAtMost1s',
      name: `no request slower than 1 s (max ${http.latency.max.toFixed(0)} ms)`,
      ok: http.latency.max <= 1000,
    },
    clean,
  ];
}

const f1 = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(1));
const f2 = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(2));

function latencyLine(l: LatencySummary) {
  return `latency ms: p50 ${f1(l.p50)}  p95 ${f1(l.p95)}  p99 ${f1(l.p99)}  max ${f1(l.max)}  (mean ${f1(l.mean)})`;
}

function cpuLine(c: CpuFigures, benchRole: string) {
  const parts = [];
  if (c.serverMsPerOp !== undefined) parts.push(`server ${f2(c.serverMsPerOp)} ms`);
  if (c.postgresMsPerOp !== undefined) parts.push(`postgres backends ${f2(c.postgresMsPerOp)} ms`);
  parts.push(`${benchRole} ${f2(c.benchMsPerOp)} ms`);
  const machine =
    c.machineBusyPct === undefined
      ? ''
      : `; machine ${c.machineBusyPct.toFixed(0)}% busy (${c.cpus} CPUs, every process)`;
  return `CPU per intake: ${parts.join(', ')}${machine}`;
}

function rowsLine(r: RowCheck, what: string) {
  const c = r.counts;
  return (
    `rows ${what}: ${c.dossiers} dossiers, ${c.trackingBook} tracking-book, ${c.auditIntakes} audit; ` +
    `confirmed ${r.confirmed}${r.inFlightAllowance ? ` (+<= ${r.inFlightAllowance} abandoned by the client)` : ''}; ` +
    `units not gapless ${c.unitsNotGapless} -> ${r.ok ? 'OK' : 'MISMATCH'}`
  );
}

export function printReport(r: DbReport, print: (line: string) => void = console.log) {
  const h = r.http;
  const fl = r.floor;
  print('');
  print(`== ${r.description} ==`);
  print(
    `HTTP   POST /api/v1/dossiers: ${h.throughput.toFixed(1)} intakes/s (${h.created} x 201 in ${h.seconds.toFixed(1)} s)`,
  );
  print(`       ${latencyLine(h.latency)}`);
  print(
    `       max after each connection's first response ${f1(h.maxAfterFirstMs)} ms; longest time without any response ${f1(h.longestGapMs)} ms`,
  );
  print(
    `       slowest: ${h.slowest.map((x) => `${x.ms.toFixed(0)} ms sent at +${x.sentAtS.toFixed(2)} s`).join(', ')}`,
  );
  print(
    `       non-2xx ${h.non2xx}, errors ${h.errors}, timeouts ${h.timeouts}; statuses ${JSON.stringify(h.statuses)}`,
  );
  print(`       ${cpuLine(h.cpu, 'autocannon')}`);
  print(
    `floor  ${fl.description}: ${fl.throughput.toFixed(1)} intakes/s (${fl.ops} in ${fl.seconds.toFixed(1)} s)`,
  );
  print(`       ${latencyLine(fl.latency)}`);
  print(`       errors ${fl.errors}${fl.firstError ? ` (first: ${fl.firstError})` : ''}`);
  print(`       ${cpuLine(fl.cpu, r.db === 'pglite' ? 'PGlite (in the bench process)' : 'driver')}`);
  print(`ratio  HTTP / floor = ${r.ratio.toFixed(2)}`);
  print(rowsLine(r.rows.http, 'HTTP'));
  print(rowsLine(r.rows.floor, 'floor'));
  print(`targets: ${r.targets.map((t) => `${t.ok ? 'PASS' : 'FAIL'} ${t.name}`).join('; ')}`);
  for (const n of r.notes) print(`note: ${n}`);
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The machine-readable part of a report (no profile tables). */
export function jsonOf(r: DbReport) {
  const lat = (l: LatencySummary) => ({
    p50: round(l.p50),
    p95: round(l.p95),
    p99: round(l.p99),
    max: round(l.max),
  });
  return {
    communes: r.communes,
    connections: r.connections,
    http: {
      throughput: round(r.http.throughput),
      created: r.http.created,
      seconds: round(r.http.seconds),
      latencyMs: lat(r.http.latency),
      longestGapMs: round(r.http.longestGapMs),
      maxAfterFirstMs: round(r.http.maxAfterFirstMs),
      non2xx: r.http.non2xx,
      errors: r.http.errors,
      timeouts: r.http.timeouts,
      cpuMsPerIntake: {
        server: r.http.cpu.serverMsPerOp,
        postgres: r.http.cpu.postgresMsPerOp,
        loadGenerator: r.http.cpu.benchMsPerOp,
      },
    },
    floor: {
      throughput: round(r.floor.throughput),
      ops: r.floor.ops,
      errors: r.floor.errors,
      latencyMs: lat(r.floor.latency),
      cpuMsPerIntake: { postgres: r.floor.cpu.postgresMsPerOp, driver: r.floor.cpu.benchMsPerOp },
    },
    ratio: round(r.ratio),
    rowsOk: r.rows.http.ok && r.rows.floor.ok,
    targets: Object.fromEntries(r.targets.map((t) => [t.key, t.ok])),
    targetsMet: r.targets.every((t) => t.ok),
    notes: r.notes,
    machineBusyPct:
      r.http.cpu.machineBusyPct === undefined ? undefined : Math.round(r.http.cpu.machineBusyPct),
  };
}
