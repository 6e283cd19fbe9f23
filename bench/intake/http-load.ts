import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { DEMO_PASSWORD, INTAKE_BODY } from './fixtures.ts';
import { LatencyRecorder, type LatencySummary } from './stats.ts';

/* Signing reception officers in, and driving POST /api/v1/dossiers with autocannon. */

/**
 * Logs each user in and returns their `motcua_session` cookies. Login is rate limited per client
 * address (30 a minute); the server trusts X-Forwarded-For, so each login claims its own address —
 * the bench stands for officers at many counters, not one client.
 */
export async function loginAll(
  baseUrl: string,
  usernames: readonly string[],
  parallel = 4,
): Promise<string[]> {
  const cookies: string[] = new Array(usernames.length);
  let next = 0;
  const worker = async () => {
    while (next < usernames.length) {
      const i = next++;
      const username = usernames[i] as string;
      const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`login ${username}: HTTP ${res.status} ${text.slice(0, 200)}`);
      const session = res.headers.getSetCookie().find((c) => c.startsWith('motcua_session='));
      if (!session) throw new Error(`login ${username}: no session cookie`);
      cookies[i] = session.split(';')[0] as string;
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return cookies;
}

export interface HttpResult {
  seconds: number;
  /** Responses 201 Created. */
  created: number;
  /** Responses that were not 2xx, by status. */
  non2xx: number;
  statuses: Record<string, number>;
  /** Connection errors and timeouts reported by autocannon. */
  errors: number;
  timeouts: number;
  throughput: number;
  latency: LatencySummary;
  /** Longest time with no response at all: a stall of the server, as opposed to unfair queueing. */
  longestGapMs: number;
  /** Slowest response that was not the first on its connection (the first waits for the server to accept). */
  maxAfterFirstMs: number;
  /** The slowest requests: when they were sent (seconds into the run) and how long they took. */
  slowest: Array<{ sentAtS: number; ms: number }>;
}

export interface LoadOptions {
  url: string;
  cookies: readonly string[];
  connections: number;
  durationSeconds: number;
}

/**
 * One autocannon run: every request is a valid counter intake under the cookie of the next commune
 * in round robin. Latencies come from autocannon's per-response timings, into the bench's own recorder.
 */
export function runLoad(opts: LoadOptions): Promise<HttpResult> {
  let next = 0;
  const recorder = new LatencyRecorder();
  const statuses: Record<string, number> = {};
  let created = 0;
  let non2xx = 0;
  let longestGapMs = 0;
  const slowest: HttpResult['slowest'] = [];
  const seenClients = new Set<unknown>();
  let maxAfterFirstMs = 0;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let last = start;
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: opts.durationSeconds,
        // A slow response is a latency to report, not an error to hide (autocannon's default is 10 s).
        timeout: 60,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/dossiers',
            body: INTAKE_BODY,
            setupRequest: (req) => ({
              ...req,
              headers: {
                ...req.headers,
                'content-type': 'application/json',
                cookie: opts.cookies[next++ % opts.cookies.length] as string,
              },
            }),
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        const seconds = (performance.now() - start) / 1000;
        resolve({
          seconds,
          created,
          non2xx,
          statuses,
          errors: result.errors,
          timeouts: result.timeouts,
          throughput: created / seconds,
          latency: recorder.summary(),
          longestGapMs,
          maxAfterFirstMs,
          slowest,
        });
      },
    );
    // The typings omit the client argument that autocannon passes first.
    (instance as unknown as NodeJS.EventEmitter).on(
      'response',
      (client: unknown, status: number, _bytes: number, ms: number) => {
        recorder.record(ms);
        if (seenClients.has(client)) maxAfterFirstMs = Math.max(maxAfterFirstMs, ms);
        else seenClients.add(client);
        const now = performance.now();
        longestGapMs = Math.max(longestGapMs, now - last);
        last = now;
        if (slowest.length < 5 || ms > (slowest[slowest.length - 1]?.ms ?? 0)) {
          slowest.push({ sentAtS: (now - ms - start) / 1000, ms });
          slowest.sort((a, b) => b.ms - a.ms);
          slowest.length = Math.min(slowest.length, 5);
        }
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === 201) created++;
        if (status < 200 || status >= 300) non2xx++;
      },
    );
  });
}
