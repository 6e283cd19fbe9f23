import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FaultPlan } from './common/faults.ts';

/*
 * Starts a stand-in as its own process (`node --import tsx src/standins/<name>/main.ts`), for
 * `npm start` in demo mode and for tests. The child exits when its standard input closes, so it
 * never outlives the process that started it, even when that one is killed with SIGKILL.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const START_TIMEOUT_MS = 60_000;

export type StandInName = 'portal' | 'population';

export interface StandInProcess {
  name: StandInName;
  url: string;
  proc: ChildProcess;
  /** Injects a fault (see common/faults.ts); `{ mode: 'none' }` or clearFaults() ends it. */
  setFaults(plan: Partial<FaultPlan>): Promise<void>;
  clearFaults(): Promise<void>;
  /** GET /__admin/state: what the stand-in received, duplicates it saw, lookups, the fault plan. */
  state<T = Record<string, unknown>>(): Promise<T>;
  reset(): Promise<void>;
  /** Forgets every token it issued (the gateway restarted): clients must get a new one. */
  revokeTokens(): Promise<void>;
  /** POST /__admin/<name> with a JSON body (the portal's `online`: add online dossiers and their files). */
  command<T = unknown>(name: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

export async function startStandInProcess(
  name: StandInName,
  opts: { port?: number; args?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<StandInProcess> {
  const proc = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join('src/standins', name, 'main.ts'),
      '--port',
      String(opts.port ?? 0),
      '--exit-with-stdin',
      ...(opts.args ?? []),
    ],
    { cwd: ROOT, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`stand-in ${name} did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = output.split('\n').find((l) => l.startsWith('{"standIn"'));
      if (!line) return;
      clearTimeout(timer);
      proc.stdout?.off('data', onData);
      resolve((JSON.parse(line) as { listening: string }).listening);
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', (c: Buffer) => {
      output += c.toString('utf8');
    });
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`stand-in ${name} exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
  // Keep draining output so a chatty child never blocks on a full pipe.
  proc.stdout?.resume();
  proc.stderr?.resume();

  const admin = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(`${url}/__admin/${p}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`stand-in ${name} admin ${p}: ${res.status} ${text}`);
    return JSON.parse(text) as unknown;
  };
  return {
    name,
    url,
    proc,
    setFaults: async (plan) => void (await admin('POST', 'faults', plan)),
    clearFaults: async () => void (await admin('DELETE', 'faults')),
    state: async <T>() => (await admin('GET', 'state')) as T,
    reset: async () => void (await admin('POST', 'reset')),
    revokeTokens: async () => void (await admin('POST', 'revoke-tokens')),
    command: async <T>(cmd: string, body?: unknown) => ((await admin('POST', cmd, body)) as { done: T }).done,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
