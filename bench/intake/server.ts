import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { DEMO_PASSWORD, REPO_ROOT } from './fixtures.ts';

/* The real server as a child process: `node --import tsx src/cli/motcua.ts start`, as operators run it. */

export class ServerStartError extends Error {}

export interface ServerProcess {
  pid: number;
  url: string;
  /** The last lines the server printed (for diagnosis when something goes wrong). */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

// Variables of the caller's shell that would change what the server connects to or how it runs.
const INHERITED_OUT = /^(DATABASE_URL|MOTCUA_.*|PORT|HOST|LOG_LEVEL|NODE_ENV|NODE_OPTIONS)$/;

export interface StartOptions {
  /** `DATABASE_URL` (PostgreSQL) or `MOTCUA_DATA_DIR` (embedded PGlite) and any other variables. */
  env: Record<string, string>;
  /** Write a V8 CPU profile of the server into this folder when it exits. */
  cpuProfDir?: string;
  readyTimeoutMs?: number;
  label: string;
}

export async function startServer(opts: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !INHERITED_OUT.test(k)) env[k] = v;
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    MOTCUA_DEMO_PASSWORD: DEMO_PASSWORD,
    // The bench signs in hundreds of officers from one address, spreading them over X-Forwarded-For
    // addresses to stay under the per-address login limit; only a bench may trust that header blindly.
    MOTCUA_TRUST_PROXY: 'true',
    MOTCUA_PG_POOL: '32',
    ...opts.env,
  });
  const args = ['--import', 'tsx'];
  if (opts.cpuProfDir) args.push('--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`);
  args.push('src/cli/motcua.ts', 'start');
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 60) lines.splice(0, lines.length - 60);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? -1 : null);
      resolve();
    });
  });

  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    pid: child.pid ?? -1,
    url,
    output: () => lines.join('\n'),
    async stop(graceMs = 15_000) {
      if (exitCode !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new ServerStartError(
        `${opts.label}: the server exited (code ${exitCode}) before it was ready:\n${server.output()}`,
      );
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await server.stop(2_000);
  throw new ServerStartError(`${opts.label}: /healthz not 200 within the timeout:\n${server.output()}`);
}
