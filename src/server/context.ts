import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import type { FileStore } from './lib/file-store.ts';
import type { Services } from './services.ts';

/** What every module needs from the running server. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  files: FileStore;
  services: Services;
  /** Current time; tests may pin it. */
  now(): Date;
}
