import http from 'node:http';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import { INTAKE_BODY } from '../intake/fixtures.ts';
import { LatencyRecorder, type LatencySummary } from '../intake/stats.ts';

/*
 * The lifecycle the transition benchmark drives, and its HTTP side: fresh dossiers received through
 * POST /api/v1/dossiers, then each one taken by one client through
 * transfer → complete_step → complete_step → issue_result → return_result.
 */

export type Role = 'reception' | 'specialist' | 'leader';

/** The five actions from "Được tiếp nhận" (2) to "Đã trả kết quả" (10), with who takes each. */
export const LIFECYCLE: ReadonlyArray<{ key: string; action: string; role: Role; to: number }> = [
  { key: 'transfer', action: 'transfer', role: 'reception', to: 4 },
  { key: 'complete_step(specialist)', action: 'complete_step', role: 'specialist', to: 4 },
  { key: 'complete_step(leader)', action: 'complete_step', role: 'leader', to: 4 },
  { key: 'issue_result', action: 'issue_result', role: 'leader', to: 9 },
  { key: 'return_result', action: 'return_result', role: 'reception', to: 10 },
];

export const RESULT_FILE = {
  fileName: 'ket-qua.pdf',
  contentType: 'application/pdf',
  dataBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
} as const;

/** Sessions of one commune's three officers. */
export interface CommuneSessions {
  code: string;
  slug: string;
  cookies: Record<Role, string>;
}

export interface BenchDossier {
  code: string;
  version: number;
  commune: CommuneSessions;
}

export interface TransitionResult {
  seconds: number;
  transitions: number;
  throughput: number;
  errors: number;
  firstError?: string;
  latency: LatencySummary;
  byAction: Record<string, LatencySummary>;
}

/**
 * Keep-alive connections for the load generator: node:http with an agent is several times lighter
 * per request than the global fetch (undici's WHATWG streams), and the load generator shares the two
 * CPUs with the server and PostgreSQL. One socket per concurrent client.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** POSTs JSON as a browser would (gzip accepted) and returns the status and the parsed answer. */
function postJson(
  url: string,
  cookie: string,
  body: string,
): Promise<{ status: number; json: unknown; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'accept-encoding': 'gzip',
          cookie,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          let raw = Buffer.concat(chunks);
          if (res.headers['content-encoding'] === 'gzip') raw = zlib.gunzipSync(raw);
          const text = raw.toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, json, text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Receives one dossier per entry of `communes` (in that commune), `parallel` at a time. */
export async function createDossiers(
  baseUrl: string,
  communes: readonly CommuneSessions[],
  parallel: number,
): Promise<{ dossiers: BenchDossier[]; seconds: number }> {
  const out: BenchDossier[] = new Array(communes.length);
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < communes.length) {
      const i = next++;
      const commune = communes[i] as CommuneSessions;
      const r = await postJson(`${baseUrl}/api/v1/dossiers`, commune.cookies.reception, INTAKE_BODY);
      if (r.status !== 201)
        throw new Error(`intake in ${commune.slug}: HTTP ${r.status} ${r.text.slice(0, 200)}`);
      const d = r.json as { code: string; version: number };
      out[i] = { code: d.code, version: d.version, commune };
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return { dossiers: out, seconds: (performance.now() - t0) / 1000 };
}

/**
 * Latencies of transitions across several rounds (HTTP and floor rounds alternate, so both meet the
 * same background load), with the wall time the rounds took.
 */
export class TransitionRecorder {
  readonly all = new LatencyRecorder();
  readonly byAction = new Map(LIFECYCLE.map((s) => [s.key, new LatencyRecorder()]));
  seconds = 0;
  errors = 0;
  firstError: string | undefined;

  record(key: string, ms: number) {
    this.all.record(ms);
    this.byAction.get(key)?.record(ms);
  }

  error(message: string) {
    this.errors++;
    this.firstError ??= message;
  }

  result(): TransitionResult {
    return {
      seconds: this.seconds,
      transitions: this.all.count,
      throughput: this.all.count / this.seconds,
      errors: this.errors,
      firstError: this.firstError,
      latency: this.all.summary(),
      byAction: Object.fromEntries([...this.byAction].map(([k, r]) => [k, r.summary()])),
    };
  }
}

/**
 * One round: every client takes its dossiers through the lifecycle, one action after the other (the
 * officer's next click waits for the previous answer), all clients at once. Without `rec` (warm-up)
 * nothing is recorded. Errors are always counted.
 */
export async function driveHttp(
  baseUrl: string,
  perClient: readonly (readonly BenchDossier[])[],
  rec: TransitionRecorder | undefined,
  errors: TransitionRecorder,
): Promise<void> {
  const start = performance.now();
  const run = async (dossiers: readonly BenchDossier[]) => {
    for (const d of dossiers) {
      for (const step of LIFECYCLE) {
        const body = JSON.stringify({
          action: step.action,
          expectedVersion: d.version,
          ...(step.action === 'issue_result' ? { resultFile: RESULT_FILE } : {}),
        });
        const t0 = performance.now();
        const r = await postJson(
          `${baseUrl}/api/v1/dossiers/${encodeURIComponent(d.code)}/actions`,
          d.commune.cookies[step.role],
          body,
        );
        const ms = performance.now() - t0;
        const view = r.json as { version?: number; status?: number } | undefined;
        if (r.status !== 200 || view?.status !== step.to) {
          errors.error(`${step.key} on ${d.code}: HTTP ${r.status} ${r.text.slice(0, 200)}`);
          break;
        }
        d.version = view.version ?? d.version + 1;
        rec?.record(step.key, ms);
      }
    }
  };
  await Promise.all(perClient.map(run));
  if (rec) rec.seconds += (performance.now() - start) / 1000;
}
