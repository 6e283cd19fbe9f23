import { FILE_REF_PREFIX, type PortalDossier, type PortalMessage } from '../../../domain/portal/contract.ts';
import type { Db } from '../../db/client.ts';
import type { FileStore } from '../../lib/file-store.ts';
import { findUploadedFile, rememberUploadedFile } from './repository.ts';

/** What the delivery needs of the portal client (client.ts). */
export interface PortalLink {
  deliver(m: PortalMessage): Promise<unknown>;
  uploadFile(fileName: string, bytes: Buffer): Promise<{ id: string; hash: string; url: string }>;
}

/**
 * Delivers one outbox message to the portal. A dossier that names files by reference
 * (FILE_REF_PREFIX) has them uploaded first through the portal's file upload (§8.2 step 3) — each
 * file once: its portal address is kept in `portal_files` — and the addresses put in their place.
 * A failed upload fails the message (the outbox retries it), so no dossier is sent naming a file
 * the portal does not have.
 */
export async function deliverPortalMessage(
  db: Db,
  unitCode: string,
  m: PortalMessage,
  link: PortalLink,
  files: FileStore | undefined,
  now: () => Date = () => new Date(),
): Promise<void> {
  if (m.call !== 'dossier' || !m.files?.length) {
    await link.deliver(m);
    return;
  }
  if (!files) throw new Error('no file store to read the dossier files from');
  const urls = new Map<string, string>();
  for (const f of m.files) {
    const known = await findUploadedFile(db, unitCode, f.id);
    if (known) {
      urls.set(f.id, known.url);
      continue;
    }
    const up = await link.uploadFile(f.fileName, await files.get(f.storageKey));
    // Two deliveries racing on one file both upload; the first address kept is the one used after.
    await rememberUploadedFile(db, {
      unitCode,
      fileId: f.id,
      portalFileId: up.id,
      url: up.url,
      hash: up.hash,
      uploadedAt: now(),
    });
    urls.set(f.id, up.url);
  }
  const resolve = (ref: string) => {
    if (!ref.startsWith(FILE_REF_PREFIX)) return ref;
    const url = urls.get(ref.slice(FILE_REF_PREFIX.length));
    if (!url) throw new Error(`dossier ${m.HoSo.MaHoSo} names a file it does not list`);
    return url;
  };
  const HoSo: PortalDossier = {
    ...m.HoSo,
    TaiLieuNop: m.HoSo.TaiLieuNop.map((t) => ({ ...t, DuongDanTaiTepTin: resolve(t.DuongDanTaiTepTin) })),
    DanhSachGiayToKetQua: m.HoSo.DanhSachGiayToKetQua.map((k) => ({
      ...k,
      DuongDanTepTinKetQua: resolve(k.DuongDanTepTinKetQua),
    })),
  };
  await link.deliver({ call: 'dossier', eventId: m.eventId, HoSo });
}
