import { randomUUID } from 'node:crypto';
import { ATTACHMENT_TYPES } from '../../../domain/files/attachments.ts';
import type { PortalOnlineDossier } from '../../../domain/portal/contract.ts';
import type { Db } from '../../db/client.ts';
import type { FileStore } from '../../lib/file-store.ts';
import { LinkError } from '../../lib/http-link.ts';
import { SIGNATURES } from '../dossiers/attachments.ts';
import { addFileOnce } from '../dossiers/repository.ts';
import type { OutboxRow } from '../integration/repository.ts';

/*
 * The files of an online dossier submitted on the portal (issue 15, inbound files). They live on the
 * portal (TaiLieuNop[].DuongDanTaiTepTin, served by its file service); motcua fetches each into the
 * dossier's files through the outbox — one message per file written by the hand-over's own statement
 * — so a fetch is retried with the outbox's backoff and jitter, recorded in link_attempts, and
 * dead-lettered (visible on the dossier as failed, retryable by an administrator) like any delivery.
 * The dossier itself is whole from the start: a file that cannot be fetched is a visible state, not a
 * half-imported dossier. A file is stored once whatever the retries: its id is fixed when the message
 * is written, and the row is inserted only if absent.
 */

/** The outbox kind of a portal file to fetch into a dossier. */
export const PORTAL_FILE_KIND = 'portal_file';

export interface PortalFileFetch {
  /** The file's address on the portal (DuongDanTaiTepTin). */
  address: string;
  fileName: string;
  /** The component of the dossier it belongs to (MaThanhPhanHoSo). */
  componentId: string;
  /** The id the file gets among the dossier's files (fixed here: a retry never makes a second one). */
  fileId: string;
  /** The dossier's code, put in by the intake statement. */
  code?: string;
}

/** One outbox message per file the portal lists with an address (written by the hand-over's statement). */
export function portalFileFetches(d: PortalOnlineDossier): OutboxRow[] {
  return d.TaiLieuNop.filter((t) => t.DuongDanTaiTepTin).map((t) => {
    const payload: PortalFileFetch = {
      address: t.DuongDanTaiTepTin!,
      fileName: t.TenTepDinhKem,
      componentId: t.MaThanhPhanHoSo,
      fileId: randomUUID(),
    };
    return { id: randomUUID(), kind: PORTAL_FILE_KIND, payload: { ...payload } };
  });
}

/** What the fetch needs of the portal client (client.ts). */
export interface PortalFileSource {
  downloadFile(address: string): Promise<{ fileName: string; contentType: string; bytes: Buffer }>;
}

/**
 * Fetches one portal file into its dossier (the outbox worker's delivery of a PORTAL_FILE_KIND
 * message). Too large, or not a PDF/JPEG/PNG by its content: a permanent failure (dead at once, with
 * the reason); a link failure is retried by the outbox.
 */
export async function fetchPortalFile(
  db: Db,
  unitCode: string,
  f: PortalFileFetch,
  source: PortalFileSource,
  files: FileStore | undefined,
  maxBytes: number,
  now: () => Date = () => new Date(),
): Promise<void> {
  if (!files) throw new Error('no file store to keep the portal files in');
  if (!f.code) throw new Error('portal file message without its dossier code');
  const got = await source.downloadFile(f.address);
  if (got.bytes.length > maxBytes)
    throw new LinkError(
      'rejected',
      false,
      `Tệp ${f.fileName} lớn hơn ${Math.round(maxBytes / 1048576)} MB (${got.bytes.length} byte)`,
    );
  const type = ATTACHMENT_TYPES.find((t) => t === got.contentType);
  if (!type || !SIGNATURES[type]?.(got.bytes))
    throw new LinkError(
      'rejected',
      false,
      `Tệp ${f.fileName} không phải PDF, JPEG hoặc PNG đúng nội dung (${got.contentType})`,
    );
  const stored = await files.put(got.bytes);
  await addFileOnce(db, {
    unitCode,
    dossierCode: f.code,
    id: f.fileId,
    fileName: f.fileName,
    contentType: type,
    size: got.bytes.length,
    sha256: stored.sha256,
    storageKey: stored.key,
    createdAt: now(),
  });
}
