import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  MaSuKienSchema,
  type PortalDossier,
  PortalDossierSchema,
  type PortalOnlineDossier,
  PortalOnlineDossierSchema,
  PortalProgressSchema,
  PortalStatusUpdateSchema,
} from '../../domain/portal/contract.ts';
import {
  BadRequest,
  type StandInRequest,
  type StandInResponse,
  startStandIn,
  type TlsOptions,
} from '../common/http.ts';
import { tokenIssuer } from '../common/tokens.ts';
import { demoOnlineDossiers } from './demo-data.ts';

/*
 * A stand-in for the National Public Service Portal (DVCQG) as a provincial system meets it
 * (docs/domain-vn.md §8.2, the 6-step flow of the ministry adapter): token → dossier code
 * (GetNextValue) → file upload (IdTepTin + HashTepTin) → create/update dossier → progress →
 * status. It de-duplicates every write by (MaHoSo, MaSuKien) as the issue asks of the receiver, keeps
 * what it received in order, and serves the online dossiers citizens submitted on the portal
 * (status 1) for the inbound fetch (§8.5 pull side).
 *
 * Endpoints (JSON):
 *   POST /oauth2/token                             client credentials → bearer
 *   POST /api/ma-ho-so/get-next-value {MaCoQuan}   → {MaHoSo}
 *   POST /api/tep-tin {TenTep, NoiDung(base64)}    → {IdTepTin, HashTepTin, DuongDan}
 *   POST /api/ho-so {MaSuKien, HoSo}               create or update (upsert by MaHoSo)
 *   POST /api/ho-so/tien-trinh {MaSuKien, TienTrinh}
 *   POST /api/ho-so/trang-thai {MaSuKien, TrangThai}
 *   GET  /api/ho-so-truc-tuyen?MaDonVi=…           online dossiers in status 1 of a unit (and of the
 *                                                  former units the portal routes to it since 1/7/2025)
 *   GET  /api/tep-tin/{IdTepTin}                   a file: {IdTepTin, TenTep, LoaiTep, KichThuoc, HashTepTin, NoiDung(base64)}
 * An online dossier's files are named in its TaiLieuNop by DuongDanTaiTepTin (`/api/tep-tin/{id}`).
 * Progress and status of an online dossier are accepted under its MaHoSo before motcua created it:
 * that is how a refusal of a dossier motcua never took reaches the portal (status 3).
 * Admin: POST /__admin/online {dossiers, files?} adds online dossiers (and their files) to the list.
 * Answers: 200 {KetQua: 'created'|'updated'|'accepted'|'duplicate', …}; 400 {error} for a payload
 * that breaks the contract; 401 without a live token; 404 for progress of an unknown dossier.
 */

export interface ReceivedMessage {
  seq: number;
  call: 'dossier' | 'progress' | 'status';
  MaHoSo: string;
  MaSuKien: string;
  TrangThai?: number;
  at: string;
  body: unknown;
}

export interface PortalStandInOptions {
  port?: number;
  host?: string;
  tls?: TlsOptions;
  clientId?: string;
  clientSecret?: string;
  tokenTtlSeconds?: number;
  /** Online dossiers served to the inbound fetch; the demo set by default. */
  onlineDossiers?: PortalOnlineDossier[];
  /** Keep only the call, code and event id of what it receives (long benches), not the bodies. */
  keepBodies?: boolean;
}

/** A file the portal holds: uploaded by motcua, or attached by a citizen to an online dossier. */
interface HeldFile {
  name: string;
  type: string;
  hash: string;
  size: number;
  /** Kept unless the stand-in keeps no bodies (benches); a file without them is answered 404. */
  bytes?: Buffer;
}

/**
 * The former units the portal routes to their commune of today (the 2025 merger): a citizen who
 * picked the former commune on the portal still reaches the new one, under the former code.
 */
const FORMER_UNITS: Readonly<Record<string, string>> = { '28690': '28693', '28699': '28693' };

const OnlineAddBody = z.object({
  dossiers: z.array(PortalOnlineDossierSchema).max(100),
  files: z
    .array(
      z.object({
        IdTepTin: z.string().regex(/^[A-Za-z0-9-]{1,80}$/),
        TenTep: z.string().min(1).max(255),
        LoaiTep: z.string().min(1).max(100),
        NoiDung: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
      }),
    )
    .max(100)
    .default([]),
});

const DossierWrite = z.object({ MaSuKien: MaSuKienSchema, HoSo: PortalDossierSchema });
const ProgressWrite = z.object({ MaSuKien: MaSuKienSchema, TienTrinh: PortalProgressSchema });
const StatusWrite = z.object({ MaSuKien: MaSuKienSchema, TrangThai: PortalStatusUpdateSchema });
const UploadBody = z.object({
  TenTep: z.string().min(1).max(255),
  NoiDung: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

function parse<T>(schema: z.ZodType<T>, req: StandInRequest): T {
  const r = schema.safeParse(req.json());
  if (!r.success)
    throw new BadRequest(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return r.data;
}

export async function startPortalStandIn(opts: PortalStandInOptions = {}) {
  const tokens = tokenIssuer({
    clientId: opts.clientId ?? 'motcua-demo',
    clientSecret: opts.clientSecret ?? 'motcua-demo-secret',
    ttlSeconds: opts.tokenTtlSeconds ?? 3600,
  });
  const initialOnline = opts.onlineDossiers ?? demoOnlineDossiers();
  let online = [...initialOnline];
  let received: ReceivedMessage[] = [];
  let duplicates: Array<{ MaHoSo: string; MaSuKien: string }> = [];
  let seen = new Set<string>();
  let dossiers = new Map<string, PortalDossier>();
  let progress = new Map<string, unknown[]>();
  let files = new Map<string, HeldFile>();
  /** Uploads in the order received, numbered in the same sequence as the writes (`seq`). */
  let uploads: Array<{ seq: number; IdTepTin: string; TenTep: string }> = [];
  const keepBodies = opts.keepBodies ?? true;
  let sequence = new Map<string, number>();
  let seq = 0;

  const authed =
    (h: (req: StandInRequest) => StandInResponse) =>
    (req: StandInRequest): StandInResponse =>
      tokens.check(req) ?? h(req);

  /** Records a write once per (MaHoSo, MaSuKien); true when it was new. */
  const record = (
    call: ReceivedMessage['call'],
    code: string,
    eventId: string,
    body: unknown,
    status?: number,
  ) => {
    const key = `${code}\u0000${eventId}`;
    if (seen.has(key)) {
      duplicates.push({ MaHoSo: code, MaSuKien: eventId });
      return false;
    }
    seen.add(key);
    received.push({
      seq: ++seq,
      call,
      MaHoSo: code,
      MaSuKien: eventId,
      TrangThai: status,
      at: new Date().toISOString(),
      body: keepBodies ? body : undefined,
    });
    return true;
  };

  /** Online dossiers decided (a status reported) before motcua created them: a refusal, by MaHoSo. */
  let decided = new Map<string, number>();
  /** Downloads of files in the order served, numbered in the same sequence as the writes. */
  let fileDownloads: Array<{ seq: number; IdTepTin: string }> = [];
  /** The portal knows an online dossier while it lists it, and after a status was reported for it. */
  const isOnline = (code: string) => decided.has(code) || online.some((d) => d.MaHoSo === code);

  /** A dossier submitted on the portal leaves its status-1 list once its system reports another status. */
  const statusReported = (code: string, status: number) => {
    if (status !== 1) online = online.filter((d) => d.MaHoSo !== code);
  };

  const routes = [
    { method: 'POST', pattern: /^\/oauth2\/token$/, handler: (req: StandInRequest) => tokens.handle(req) },
    {
      method: 'POST',
      pattern: /^\/api\/ma-ho-so\/get-next-value$/,
      handler: authed((req) => {
        const { MaCoQuan } = parse(z.object({ MaCoQuan: z.string().min(1).max(40) }), req);
        const day = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(2, 10).replaceAll('-', '');
        const key = `${MaCoQuan}-${day}`;
        const n = (sequence.get(key) ?? 0) + 1;
        sequence.set(key, n);
        return { status: 200, body: { MaHoSo: `${key}-${String(n).padStart(4, '0')}` } };
      }),
    },
    {
      method: 'POST',
      pattern: /^\/api\/tep-tin$/,
      handler: authed((req) => {
        const b = parse(UploadBody, req);
        const bytes = Buffer.from(b.NoiDung, 'base64');
        const hash = createHash('sha256').update(bytes).digest('hex');
        const id = randomUUID();
        files.set(id, {
          name: b.TenTep,
          type: 'application/octet-stream',
          hash,
          size: bytes.length,
          bytes: keepBodies ? bytes : undefined,
        });
        uploads.push({ seq: ++seq, IdTepTin: id, TenTep: b.TenTep });
        return { status: 200, body: { IdTepTin: id, HashTepTin: hash, DuongDan: `/api/tep-tin/${id}` } };
      }),
    },
    {
      method: 'GET',
      pattern: /^\/api\/tep-tin\/[^/]+$/,
      handler: authed((req) => {
        const id = decodeURIComponent(req.path.slice('/api/tep-tin/'.length));
        const f = files.get(id);
        if (!f?.bytes) return { status: 404, body: { error: `IdTepTin ${id} không tồn tại` } };
        fileDownloads.push({ seq: ++seq, IdTepTin: id });
        return {
          status: 200,
          body: {
            IdTepTin: id,
            TenTep: f.name,
            LoaiTep: f.type,
            KichThuoc: f.size,
            HashTepTin: f.hash,
            NoiDung: f.bytes.toString('base64'),
          },
        };
      }),
    },
    {
      method: 'POST',
      pattern: /^\/api\/ho-so$/,
      handler: authed((req) => {
        const b = parse(DossierWrite, req);
        const existed = dossiers.has(b.HoSo.MaHoSo);
        if (!record('dossier', b.HoSo.MaHoSo, b.MaSuKien, b.HoSo, b.HoSo.TrangThaiHoSo))
          return { status: 200, body: { KetQua: 'duplicate', MaHoSo: b.HoSo.MaHoSo } };
        dossiers.set(b.HoSo.MaHoSo, b.HoSo);
        statusReported(b.HoSo.MaHoSo, b.HoSo.TrangThaiHoSo);
        return { status: 200, body: { KetQua: existed ? 'updated' : 'created', MaHoSo: b.HoSo.MaHoSo } };
      }),
    },
    {
      method: 'POST',
      pattern: /^\/api\/ho-so\/tien-trinh$/,
      handler: authed((req) => {
        const b = parse(ProgressWrite, req);
        const code = b.TienTrinh.MaHoSo;
        if (!dossiers.has(code) && !isOnline(code))
          return { status: 404, body: { error: `MaHoSo ${code} chưa được đồng bộ` } };
        if (!record('progress', code, b.MaSuKien, b.TienTrinh, b.TienTrinh.TrangThai))
          return { status: 200, body: { KetQua: 'duplicate', MaHoSo: code } };
        progress.set(code, [...(progress.get(code) ?? []), b.TienTrinh]);
        return { status: 200, body: { KetQua: 'accepted', MaHoSo: code } };
      }),
    },
    {
      method: 'POST',
      pattern: /^\/api\/ho-so\/trang-thai$/,
      handler: authed((req) => {
        const b = parse(StatusWrite, req);
        const code = b.TrangThai.MaHoSo;
        const d = dossiers.get(code);
        if (!d && !isOnline(code))
          return { status: 404, body: { error: `MaHoSo ${code} chưa được đồng bộ` } };
        if (!record('status', code, b.MaSuKien, b.TrangThai, b.TrangThai.TrangThaiHoSo))
          return { status: 200, body: { KetQua: 'duplicate', MaHoSo: code } };
        if (d) dossiers.set(code, { ...d, TrangThaiHoSo: b.TrangThai.TrangThaiHoSo });
        else decided.set(code, b.TrangThai.TrangThaiHoSo);
        statusReported(code, b.TrangThai.TrangThaiHoSo);
        return { status: 200, body: { KetQua: 'accepted', MaHoSo: code } };
      }),
    },
    {
      method: 'GET',
      pattern: /^\/api\/ho-so-truc-tuyen$/,
      handler: (req: StandInRequest, fault: { mode: string } | undefined): StandInResponse => {
        const denied = tokens.check(req);
        if (denied) return denied;
        const unit = req.query.get('MaDonVi');
        const list = online.filter((d) => !unit || d.MaDonVi === unit || FORMER_UNITS[d.MaDonVi] === unit);
        // A duplicate delivery: the same submissions twice in one answer (and again on the next call).
        const items = fault?.mode === 'duplicate' ? [...list, ...list] : list;
        return { status: 200, body: { TongSo: items.length, DanhSach: items } };
      },
    },
  ];

  const server = await startStandIn({
    name: 'dvcqg',
    port: opts.port ?? 0,
    host: opts.host,
    tls: opts.tls,
    routes,
    state: () => ({
      tokensIssued: tokens.issued,
      received,
      duplicates,
      dossiers: Object.fromEntries(dossiers),
      progress: Object.fromEntries(progress),
      files: files.size,
      uploads,
      online: online.length,
      decided: Object.fromEntries(decided),
      fileDownloads,
    }),
    commands: {
      online: (req) => {
        const b = parse(OnlineAddBody, req);
        for (const f of b.files) {
          const bytes = Buffer.from(f.NoiDung, 'base64');
          const hash = createHash('sha256').update(bytes).digest('hex');
          files.set(f.IdTepTin, { name: f.TenTep, type: f.LoaiTep, hash, size: bytes.length, bytes });
        }
        online.push(...b.dossiers);
        return { online: online.length };
      },
      'revoke-tokens': () => tokens.revokeAll(),
      // Counts only, for benches that send tens of thousands of messages.
      summary: () => ({ received: received.length, duplicates: duplicates.length, dossiers: dossiers.size }),
    },
    reset: () => {
      received = [];
      duplicates = [];
      seen = new Set();
      dossiers = new Map();
      progress = new Map();
      files = new Map();
      uploads = [];
      decided = new Map();
      fileDownloads = [];
      sequence = new Map();
      online = [...initialOnline];
      seq = 0;
    },
  });
  return server;
}
