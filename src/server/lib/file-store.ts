import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Where scans and results are kept: a local folder by default, object storage in production. */
export interface FileStore {
  /**
   * Stores bytes under a content-derived key. Content is shared between dossiers, so callers never
   * delete on rollback: an unreferenced file is harmless and can be collected later.
   */
  put(bytes: Buffer): Promise<{ key: string; sha256: string }>;
  get(key: string): Promise<Buffer>;
}

/** Content-addressed files in a local folder; writes go through a temp file and a rename. */
export function localFileStore(root: string): FileStore {
  const full = (key: string) => path.join(root, key.slice(0, 2), key);
  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = full(sha256);
      try {
        await fs.access(target);
        return { key: sha256, sha256 };
      } catch {
        await fs.mkdir(path.dirname(target), { recursive: true });
        // A unique temp name: two requests storing the same bytes at once must not share it.
        const tmp = `${target}.${randomUUID()}.tmp`;
        const handle = await fs.open(tmp, 'w');
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.rename(tmp, target);
        return { key: sha256, sha256 };
      }
    },
    get: (key) => fs.readFile(full(key)),
  };
}
