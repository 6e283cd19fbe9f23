import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import type { FairGate } from './http/fair-gate.ts';
import { type FileStore, localFileStore } from './lib/file-store.ts';
import { createServices, type Services } from './services.ts';
import { createWorkerPool, type WorkerPool } from './workers/pool.ts';

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

/** The context of the use cases on an opened database: for the HTTP server and the CLI alike. */
export function createAppContext(
  config: Config,
  database: Database,
  now: () => Date = () => new Date(),
): AppContext {
  return {
    config,
    database,
    db: database.db,
    files: localFileStore(config.filesDir),
    services: createServices(database.db, now),
    workers: createWorkerPool({ threads: config.workerThreads, maxHeapMb: config.workerHeapMb }),
    now,
  };
}
