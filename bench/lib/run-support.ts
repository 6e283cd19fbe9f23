import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { adminUrl } from '../intake/database.ts';
import { ServerStartError } from '../intake/server.ts';

// What the dataset benchmarks (bench/workflow, bench/reports) share: clean-up on exit or Ctrl-C,
// one-off clients, and a scratch database dropped at the end unless kept.

const log = (line: string) => console.log(`[bench] ${line}`);

/** Undone in reverse order by `cleanUp()` (also on SIGINT). */
export const cleanups: Array<() => Promise<unknown>> = [];

export async function cleanUp() {
  while (cleanups.length)
    await cleanups
      .pop()?.()
      .catch((err: unknown) => log(`cleanup: ${(err as Error).message}`));
}

process.once('SIGINT', () => {
  log('interrupted: cleaning up');
  void cleanUp().then(() => process.exit(130));
});

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fresh `<prefix>_<random>` on the admin URL's server, dropped by `cleanUp()` unless `keep`. */
export async function createScratchDatabase(prefix: string, keep: boolean): Promise<string> {
  const admin = adminUrl();
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  cleanups.push(async () => {
    if (keep) return log(`kept database ${url.toString()}`);
    await withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    log(`dropped database ${name}`);
  });
  return url.toString();
}

/** Runs a benchmark's main, cleans up after it either way and exits with its status (1 when it threw). */
export function runBench(main: () => Promise<number>) {
  main().then(
    async (code) => {
      await cleanUp();
      process.exit(code);
    },
    async (err: unknown) => {
      console.error(err instanceof ServerStartError ? err.message : err);
      await cleanUp();
      process.exit(1);
    },
  );
}
