import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { AppError, type AppErrorCode } from '../errors.ts';
import type { TaskMessage, TaskName, Tasks } from './tasks.ts';

/*
 * The application's one pool of worker threads (piscina). Building a PDF or XLSX, and reading an
 * uploaded workbook, is CPU work of up to many seconds; on the main thread it would stop every other
 * request, /healthz included. The main thread keeps the database work and hands plain rows over.
 */

type Output<K extends TaskName> = Awaited<ReturnType<Tasks[K]>>;

export interface WorkerPool {
  /** Runs a task on a worker; document bytes come back as a Buffer over the transferred memory. */
  run<K extends TaskName>(name: K, ...args: Parameters<Tasks[K]>): Promise<Output<K>>;
  /** Tasks handed to the pool and not yet settled (queued or running). */
  readonly pending: number;
  /** Stops the workers; tasks still running are abandoned. The pool cannot be used again. */
  close(): Promise<void>;
}

export interface WorkerPoolOptions {
  threads: number;
  /** Old-generation heap cap of each worker, in MB. */
  maxHeapMb: number;
}

const ENTRY = fileURLToPath(new URL('./entry.mjs', import.meta.url));
// A worker left idle this long exits, returning the memory of the last large document.
const IDLE_MS = 120_000;
// The main thread answers every request: workers run at a lower priority and yield the CPU to it.
const NICE = 5;

/** A task that outgrew its worker's heap: an export too large, or a workbook too large to read. */
const OUT_OF_MEMORY: Partial<Record<TaskName, AppErrorCode>> = { staffWorkbook: 'SPREADSHEET_TOO_LARGE' };

function isOutOfMemory(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/** Created lazily: a server that never prints starts no thread. */
export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const maxQueue = Math.max(16, options.threads * 4);
  let pool: Piscina<TaskMessage, unknown> | undefined;
  let closed = false;
  let pending = 0;

  const open = () => {
    pool ??= new Piscina<TaskMessage, unknown>({
      filename: ENTRY,
      minThreads: 0,
      maxThreads: options.threads,
      idleTimeout: IDLE_MS,
      maxQueue,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb },
      niceIncrement: NICE,
      // Tasks are asynchronous (font loading, zip streams): let the worker's event loop run freely.
      atomics: 'disabled',
    });
    return pool;
  };

  return {
    async run(name, ...args) {
      if (closed) throw new AppError('DOCUMENTS_BUSY', 'Máy chủ đang dừng');
      const p = open();
      if (p.queueSize >= maxQueue)
        throw new AppError('DOCUMENTS_BUSY', undefined, undefined, { 'retry-after': '5' });
      pending += 1;
      try {
        const out = await p.run({ name, args });
        if (out instanceof Uint8Array)
          return Buffer.from(out.buffer, out.byteOffset, out.byteLength) as never;
        return out as never;
      } catch (err) {
        if (isOutOfMemory(err)) throw new AppError(OUT_OF_MEMORY[name] ?? 'EXPORT_TOO_LARGE');
        throw err;
      } finally {
        pending -= 1;
      }
    },
    get pending() {
      return pending;
    },
    async close() {
      closed = true;
      await pool?.destroy();
    },
  };
}
