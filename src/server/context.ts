import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import type { FairGate } from './http/fair-gate.ts';
import type { FileStore } from './lib/file-store.ts';
import type { Services } from './services.ts';
import type { WorkerPool } from './workers/pool.ts';

/** What every module needs from the running server. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  files: FileStore;
  services: Services;
  /** Worker threads for documents and uploaded workbooks (CPU work kept off the main thread). */
  workers: WorkerPool;
  /** Present on the embedded database: the queue that interleaves requests with accepts. */
  fairGate?: FairGate;
  /** Current time; tests may pin it. */
  now(): Date;
}
