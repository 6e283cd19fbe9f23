import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  type PortalMessage,
  type PortalOnlineDossier,
  PortalOnlineDossierSchema,
} from '../../../domain/portal/contract.ts';
import { createLink, LinkError, type LinkOptions, parseJsonBody } from '../../lib/http-link.ts';

/*
 * Client of the National Public Service Portal (DVCQG) for the steps of docs/domain-vn.md §8.2:
 * token (cached, refreshed), dossier code, file upload, create/update dossier, progress, status; and
 * the list of online dossiers in status 1 for the inbound fetch (§8.5). Errors are LinkErrors with
 * `retryable` set (http-link.ts); the outbox decides what to do with them.
 */

const WriteAnswer = z.object({
  KetQua: z.enum(['created', 'updated', 'accepted', 'duplicate']),
  MaHoSo: z.string(),
});
export type PortalWriteResult = z.infer<typeof WriteAnswer>['KetQua'];

const UploadAnswer = z.object({
  IdTepTin: z.string().min(1),
  HashTepTin: z.string().min(1),
  DuongDan: z.string(),
});
const CodeAnswer = z.object({ MaHoSo: z.string().min(1) });
const FileAnswer = z.object({
  IdTepTin: z.string().min(1),
  TenTep: z.string().min(1).max(255),
  LoaiTep: z.string().min(1).max(100),
  KichThuoc: z.number().int().min(0),
  HashTepTin: z.string().regex(/^[0-9a-fA-F]{64}$/),
  NoiDung: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
const OnlineAnswer = z.object({ TongSo: z.number().int(), DanhSach: z.array(z.unknown()) });

function shaped<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new LinkError('malformed', false, `${what}: answer does not follow the contract`);
  return r.data;
}

export function createPortalClient(opts: LinkOptions) {
  const link = createLink(opts);
  return {
    baseUrl: link.baseUrl,

    /** GetNextValue: a dossier code issued by the portal for an agency (when the province uses the portal's numbering). */
    async nextDossierCode(agencyCode: string): Promise<string> {
      const res = await link.call('POST', '/api/ma-ho-so/get-next-value', { MaCoQuan: agencyCode });
      return shaped(CodeAnswer, parseJsonBody(res), 'get-next-value').MaHoSo;
    },

    /** Uploads a file; the portal's hash must be the SHA-256 of what was sent, else the upload is refused. */
    async uploadFile(fileName: string, bytes: Buffer): Promise<{ id: string; hash: string; url: string }> {
      const res = await link.call('POST', '/api/tep-tin', {
        TenTep: fileName,
        NoiDung: bytes.toString('base64'),
      });
      const a = shaped(UploadAnswer, parseJsonBody(res), 'tep-tin');
      const ours = createHash('sha256').update(bytes).digest('hex');
      if (a.HashTepTin.toLowerCase() !== ours)
        throw new LinkError('rejected', false, 'tep-tin: HashTepTin differs from the file sent');
      return { id: a.IdTepTin, hash: a.HashTepTin, url: new URL(a.DuongDan, `${link.baseUrl}/`).toString() };
    },

    /**
     * Downloads a file of an online dossier from the portal's file service (GET of the address its
     * TaiLieuNop names, DuongDanTaiTepTin). Only addresses on the portal itself are fetched (a path, or
     * a URL under the base URL). The bytes must have the size and SHA-256 the answer states, else the
     * transfer was damaged (retryable).
     */
    async downloadFile(address: string): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
      const path = portalPathOf(link.baseUrl, address);
      const res = await link.call('GET', path);
      const a = shaped(FileAnswer, parseJsonBody(res), 'tep-tin');
      const bytes = Buffer.from(a.NoiDung, 'base64');
      const hash = createHash('sha256').update(bytes).digest('hex');
      if (bytes.length !== a.KichThuoc || hash !== a.HashTepTin.toLowerCase())
        throw new LinkError('malformed', true, 'tep-tin: the file does not match its size or HashTepTin');
      return { fileName: a.TenTep, contentType: a.LoaiTep.toLowerCase(), bytes };
    },

    /**
     * Delivers one outbound message (dossier upsert, progress entry or status). Safe to repeat: the
     * portal de-duplicates by (MaHoSo, MaSuKien) and answers 'duplicate' for a repeat.
     */
    async deliver(message: PortalMessage): Promise<PortalWriteResult> {
      const [path, body] =
        message.call === 'dossier'
          ? ['/api/ho-so', { MaSuKien: message.eventId, HoSo: message.HoSo }]
          : message.call === 'progress'
            ? ['/api/ho-so/tien-trinh', { MaSuKien: message.eventId, TienTrinh: message.TienTrinh }]
            : ['/api/ho-so/trang-thai', { MaSuKien: message.eventId, TrangThai: message.TrangThai }];
      const res = await link.call('POST', path, body, { 'idempotency-key': message.eventId });
      return shaped(WriteAnswer, parseJsonBody(res), path).KetQua;
    },

    /**
     * Online dossiers of a unit waiting in status 1. Entries that break the contract are returned apart
     * (the fetch records them; one bad entry does not block the others).
     */
    async fetchOnlineDossiers(
      unitCode: string,
    ): Promise<{ dossiers: PortalOnlineDossier[]; invalid: number }> {
      const res = await link.call('GET', `/api/ho-so-truc-tuyen?MaDonVi=${encodeURIComponent(unitCode)}`);
      const list = shaped(OnlineAnswer, parseJsonBody(res), 'ho-so-truc-tuyen').DanhSach;
      const dossiers: PortalOnlineDossier[] = [];
      let invalid = 0;
      for (const item of list) {
        const r = PortalOnlineDossierSchema.safeParse(item);
        if (r.success) dossiers.push(r.data);
        else invalid++;
      }
      return { dossiers, invalid };
    },

    forgetToken: link.forgetToken,
    probe: link.probe,
    close: link.close,
  };
}

export type PortalClient = ReturnType<typeof createPortalClient>;

/** The path of a portal file address: a path on the portal, or a URL under its base URL; nothing else. */
export function portalPathOf(baseUrl: string, address: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  const rest = address.startsWith('/')
    ? address
    : address.startsWith(`${base}/`)
      ? address.slice(base.length)
      : undefined;
  if (!rest || rest.startsWith('//') || /[\s\\]|\/\.\.?(\/|$)/.test(rest))
    throw new LinkError('rejected', false, 'tep-tin: the file address is not on the portal');
  return rest;
}
