import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * PGlite has no lock on its folder: two processes on one folder silently lose writes.
 * The server takes an exclusive lock file before opening the embedded database and refuses to start
 * when a live process holds it. A lock left by a killed process (its pid is gone) is taken over.
 */

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockInfo,
  ) {
    super(
      `Thư mục dữ liệu đang được tiến trình khác sử dụng (pid ${holder.pid} trên ${holder.hostname}). ` +
        `The embedded database folder is in use by another process: ${lockPath}`,
    );
  }
}

interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(lockPath: string): LockInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
  } catch {
    // An unreadable or half-written lock file is treated as absent only if it is old enough
    // that its writer cannot still be finishing it.
    const stat = fs.statSync(lockPath, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs < 5_000) return { pid: -1, hostname: os.hostname(), startedAt: '' };
    return undefined;
  }
}

export interface DirLock {
  release(): void;
}

/** Takes the exclusive lock on `dir` or throws DataDirLockedError. */
export function lockDataDir(dir: string): DirLock {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, 'motcua.lock');
  const mine: LockInfo = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, JSON.stringify(mine));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const current = readLock(lockPath);
        if (current?.pid === process.pid) fs.rmSync(lockPath, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(lockPath);
      const stale =
        holder === undefined ||
        (holder.hostname === os.hostname() && holder.pid !== -1 && !isAlive(holder.pid));
      if (!stale || attempt > 0) throw new DataDirLockedError(lockPath, holder ?? mine);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error('unreachable');
}
