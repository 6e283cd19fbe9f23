import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'oidc-standin-main.ts');

/**
 * Starts the local OpenID Connect provider (oidc-standin.ts) as a separate process and resolves with
 * its issuer URL once it listens. `close()` ends that process (it also ends when this one does).
 */
export async function startOidcStandInProcess(opts: {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  port?: number;
  timeoutMs?: number;
}): Promise<{ issuer: string; pid: number | undefined; close(): Promise<void> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      OIDC_STANDIN_PORT: String(opts.port ?? 0),
      OIDC_STANDIN_CLIENT_ID: opts.clientId,
      OIDC_STANDIN_CLIENT_SECRET: opts.clientSecret,
      OIDC_STANDIN_REDIRECT_URIS: opts.redirectUris.join(','),
      // oidc-provider warns once about Node 20 (it supports 22+); the warning is not an error here.
      NODE_NO_WARNINGS: '1',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr?.on('data', (c: Buffer) => {
    err = (err + c.toString('utf8')).slice(-8192);
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`OIDC stand-in did not start:\n${err}`));
    }, opts.timeoutMs ?? 60_000);
    proc.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) {
        clearTimeout(timer);
        try {
          resolve((JSON.parse(line) as { issuer: string }).issuer);
        } catch (e) {
          reject(e);
        }
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`OIDC stand-in exited (${code}):\n${err}`));
    });
  });
  return {
    issuer,
    pid: proc.pid,
    close: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}
