import fs from 'node:fs';

/*
 * Latency figures and CPU accounting for the intake bench. Latencies are kept exactly (a run records
 * tens of thousands of values, sorting them once is cheaper than reasoning about histogram buckets)
 * and the same recorder serves the HTTP run and the floor, so both are read the same way.
 */

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Records latencies in milliseconds; percentiles by nearest rank. */
export class LatencyRecorder {
  private values = new Float64Array(1 << 14);
  private n = 0;

  record(ms: number) {
    if (this.n === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.n++] = ms;
  }

  get count() {
    return this.n;
  }

  summary(): LatencySummary {
    const sorted = this.values.slice(0, this.n).sort();
    const at = (q: number) =>
      this.n === 0 ? 0 : (sorted[Math.min(this.n - 1, Math.ceil(q * this.n) - 1)] ?? 0);
    let sum = 0;
    for (const v of sorted) sum += v;
    return {
      count: this.n,
      mean: this.n ? sum / this.n : 0,
      p50: at(0.5),
      p95: at(0.95),
      p99: at(0.99),
      max: this.n ? (sorted[this.n - 1] ?? 0) : 0,
    };
  }
}

// Linux reports process CPU in clock ticks; USER_HZ is 100 on every architecture Node runs on.
const TICKS_PER_MS = 100 / 1000;

function readProcessCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: fields are counted after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_MS;
  } catch {
    return undefined;
  }
}

/** PostgreSQL backends serving `database` (their process title names it), found through /proc. */
function backendPids(database: string): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${e}/cmdline`, 'utf8');
      if (cmd.startsWith('postgres: ') && cmd.includes(` ${database} `)) pids.push(Number(e));
    } catch {
      // The process ended between readdir and read.
    }
  }
  return pids;
}

function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const total = v.reduce((a, b) => a + b, 0);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

export interface CpuFigures {
  /** CPU milliseconds spent by the server process, per completed operation. */
  serverMsPerOp?: number;
  /** CPU milliseconds spent by this process (load generator or floor driver), per operation. */
  benchMsPerOp: number;
  /** CPU milliseconds spent by PostgreSQL backends of the bench database, per operation. */
  postgresMsPerOp?: number;
  /** Share of all CPUs of the machine busy during the window (any process, ours or not). */
  machineBusyPct?: number;
  cpus: number;
}

/** Samples CPU counters at the start of a window; `stop(ops)` gives the per-operation figures. */
export function cpuWindow(opts: { serverPid?: number; database?: string }) {
  const server0 = opts.serverPid ? readProcessCpuMs(opts.serverPid) : undefined;
  const pgPids = opts.database ? backendPids(opts.database) : [];
  const pg0 = new Map(pgPids.map((p) => [p, readProcessCpuMs(p) ?? 0]));
  const bench0 = process.cpuUsage();
  const machine0 = machineTicks();
  return {
    stop(ops: number): CpuFigures {
      const per = (ms: number | undefined) => (ms === undefined || ops === 0 ? undefined : ms / ops);
      const bench = process.cpuUsage(bench0);
      const server1 = opts.serverPid ? readProcessCpuMs(opts.serverPid) : undefined;
      let pgMs: number | undefined;
      if (opts.database) {
        pgMs = 0;
        // Backends that connected during the window count from zero.
        for (const pid of backendPids(opts.database))
          pgMs += (readProcessCpuMs(pid) ?? 0) - (pg0.get(pid) ?? 0);
      }
      const machine1 = machineTicks();
      const cpus = (() => {
        try {
          return fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^processor\s*:/gm)?.length ?? 0;
        } catch {
          return 0;
        }
      })();
      return {
        serverMsPerOp: per(server0 !== undefined && server1 !== undefined ? server1 - server0 : undefined),
        benchMsPerOp: (bench.user + bench.system) / 1000 / Math.max(ops, 1),
        postgresMsPerOp: per(pgMs),
        machineBusyPct:
          machine0 && machine1 && machine1.total > machine0.total
            ? (100 * (machine1.busy - machine0.busy)) / (machine1.total - machine0.total)
            : undefined,
        cpus,
      };
    },
  };
}
