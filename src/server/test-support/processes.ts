import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/*
 * Helpers for tests that run the product as a real process (`motcua start`), e.g. the crash tests:
 * the server is killed with SIGKILL, so it must be its own process, not an in-process app.
 */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// A first start creates the embedded database, migrates and seeds the demo: 10–20 s on a quiet
// 2-core machine, but over 120 s was seen while other test runs saturated both cores.
const START_TIMEOUT_MS = 240_000;
// Keeps the last output of a server; enough to see why it died without holding megabytes.
const OUTPUT_LIMIT = 256 * 1024;

/** Every server process started here that has not exited yet: killAllServers() ends them. */
const live = new Set<ChildProcess>();

// Servers under test listen below the kernel's ephemeral range (net.ipv4.ip_local_port_range,
// 32768–60999 by default). A port from that range, found free by listening on port 0, can be taken
// by any outgoing connection (the test's own PostgreSQL clients, fetch) in the seconds before the
// server binds it: a crash test once failed with EADDRINUSE when restarting on its port.
const PORT_RANGE = { low: 20_000, high: 32_000 };

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A TCP port below the ephemeral range that was free a moment ago. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = PORT_RANGE.low + Math.floor(Math.random() * (PORT_RANGE.high - PORT_RANGE.low));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port between ${PORT_RANGE.low} and ${PORT_RANGE.high}`);
}

export interface ServerProcess {
  url: string;
  proc: ChildProcess;
  /** Everything the process printed so far (stdout and stderr interleaved, the tail when long). */
  output(): string;
}

/** True once the process has exited (or was killed by a signal). */
export function hasExited(proc: ChildProcess): boolean {
  return proc.exitCode !== null || proc.signalCode !== null;
}

/** Resolves with the exit code and signal of a process (at once when it has already exited). */
export function waitForExit(
  proc: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (hasExited(proc)) return Promise.resolve({ code: proc.exitCode, signal: proc.signalCode });
  return new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
}

// The parent's own configuration (a DATABASE_URL, a data dir) must never leak into a server under test.
export function inheritedEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('MOTCUA_') || ['DATABASE_URL', 'PORT', 'HOST', 'LOG_LEVEL', 'NODE_ENV'].includes(k))
      continue;
    env[k] = v;
  }
  return env;
}

/** Spawns the product server without waiting for it (PORT defaults to a free port, HOST to 127.0.0.1). */
export async function spawnServer(opts: { env: Record<string, string> }): Promise<ServerProcess> {
  const port = opts.env.PORT ?? String(await freePort());
  const host = opts.env.HOST ?? '127.0.0.1';
  const env = { ...inheritedEnv(), ...opts.env, PORT: port, HOST: host };
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli/motcua.ts', 'start'], {
    cwd: REPO_ROOT,
    env,
    detached: false,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(proc);
  proc.once('exit', () => live.delete(proc));
  let out = '';
  const collect = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (out.length > OUTPUT_LIMIT) out = out.slice(-OUTPUT_LIMIT);
  };
  proc.stdout?.on('data', collect);
  proc.stderr?.on('data', collect);
  proc.once('error', (err) => collect(Buffer.from(`\n[spawn error] ${err.message}\n`)));
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, proc, output: () => out };
}

/** True when GET /healthz answers 200 now. */
export async function isHealthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/**
 * Spawns the product server and resolves once GET /healthz answers 200. Rejects with the collected
 * output when the process exits first or is not healthy within 120 s (it is killed then).
 */
export async function startServerProcess(opts: {
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const timeoutMs = opts.timeoutMs ?? START_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  let server = await spawnServer(opts);
  // A port chosen here may still be taken by another test's server between the check and the bind:
  // start again on another one. A port the caller chose is never changed.
  for (let retries = 3; ; ) {
    const { proc, output } = server;
    if (hasExited(proc) || proc.pid === undefined) {
      await killHard(proc);
      if (!opts.env.PORT && retries-- > 0 && output().includes('EADDRINUSE')) {
        server = await spawnServer(opts);
        continue;
      }
      throw new Error(
        `server exited before it was healthy (code ${proc.exitCode}, signal ${proc.signalCode}):\n${output()}`,
      );
    }
    if (Date.now() > deadline) {
      await killHard(proc);
      throw new Error(`server not healthy within ${timeoutMs} ms:\n${output()}`);
    }
    if (await isHealthy(server.url)) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Sends SIGKILL and waits until the process has exited. */
export async function killHard(proc: ChildProcess): Promise<void> {
  // No pid: the spawn itself failed, there is nothing to kill.
  if (hasExited(proc) || proc.pid === undefined) return;
  const exited = waitForExit(proc);
  proc.kill('SIGKILL');
  await exited;
}

/** Kills every server process started by startServerProcess that is still running (for afterAll). */
export async function killAllServers(): Promise<void> {
  await Promise.all([...live].map((p) => killHard(p)));
}

/** Signs in and returns the Cookie header value (`motcua_session=...`). */
export async function login(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
    signal: AbortSignal.timeout(60_000),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${body}`);
  for (const c of res.headers.getSetCookie()) {
    const pair = c.split(';')[0]!.trim();
    if (pair.startsWith('motcua_session=')) return pair;
  }
  throw new Error(`login ${username}: no motcua_session cookie`);
}

/** A fresh database `motcua_crash_<random>` on the PostgreSQL server of `baseUrl`; drop() removes it. */
export async function createPgDatabase(
  baseUrl: string,
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `motcua_crash_${randomBytes(6).toString('hex')}`;
  const run = async (text: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** True when a fetch failed because the connection was refused, reset or closed (no HTTP answer). */
export function isConnectionError(err: unknown): boolean {
  const codes = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
    'UND_ERR_SOCKET',
    'UND_ERR_CLOSED',
    'ECONNABORTED',
  ]);
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && codes.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
