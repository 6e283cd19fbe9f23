import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import type { FairGate } from './http/fair-gate.ts';
import { type FileStore, localFileStore } from './lib/file-store.ts';
import { createPopulationClient, type PopulationClient } from './modules/population/client.ts';
import { createPortalClient, type PortalClient } from './modules/portal/client.ts';
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
  /** Clients of the links to other systems (docs/domain-vn.md §8); absent when not configured. */
  links: Links;
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
    links: createLinks(config),
    now,
  };
}

export interface Links {
  portal: PortalClient | undefined;
  population: PopulationClient | undefined;
  close(): Promise<void>;
}

/** The clients of the configured links (no connection is opened until one is used). */
export function createLinks(config: Config): Links {
  const { portal: p, population: q } = config.links;
  const portal = p
    ? createPortalClient({
        baseUrl: p.url,
        clientId: p.clientId,
        clientSecret: p.clientSecret,
        timeoutMs: p.timeoutMs,
        tls: p.tls,
      })
    : undefined;
  const population = q
    ? createPopulationClient({
        baseUrl: q.url,
        clientId: q.clientId,
        clientSecret: q.clientSecret,
        timeoutMs: q.timeoutMs,
        tls: q.tls,
        integrationCode: q.integrationCode,
      })
    : undefined;
  return {
    portal,
    population,
    async close() {
      await Promise.all([portal?.close(), population?.close()]);
    },
  };
}
