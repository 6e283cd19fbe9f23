import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { LatencyRecorder, type LatencySummary } from '../intake/stats.ts';

/* What the exports bench watches while the server works: /healthz latency and the server's memory. */

/** Resident memory of a process in MB (VmRSS; includes its worker threads), undefined once it is gone. */
export function rssMb(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples VmRSS every `everyMs` until stopped; reports the peak and the first sample. */
export function watchRss(pid: number, everyMs = 25) {
  let peak = 0;
  const first = rssMb(pid) ?? 0;
  const timer = setInterval(() => {
    const now = rssMb(pid);
    if (now !== undefined && now > peak) peak = now;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { startMb: first, peakMb: Math.max(peak, first) };
    },
  };
}

export interface HealthProbe {
  /** Stops polling and returns the latencies of the answered probes; failures are counted apart. */
  stop(): Promise<{ latency: LatencySummary; failures: number }>;
}

/**
 * One client polling GET /healthz: a request, its answer, `pauseMs`, the next request. Sequential on
 * purpose: a stalled server shows as one long probe, as a load balancer's health check would see it.
 */
export function pollHealth(baseUrl: string, pauseMs = 10): HealthProbe {
  const recorder = new LatencyRecorder();
  let failures = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        if (res.status === 200) recorder.record(performance.now() - t0);
        else failures += 1;
      } catch {
        failures += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { latency: recorder.summary(), failures };
    },
  };
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;
export const mb = (n: number) => `${n.toFixed(0)} MB`;
