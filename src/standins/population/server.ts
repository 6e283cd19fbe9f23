import { z } from 'zod';
import {
  BadRequest,
  type StandInRequest,
  type StandInResponse,
  startStandIn,
  type TlsOptions,
} from '../common/http.ts';
import { tokenIssuer } from '../common/tokens.ts';
import { DEMO_CITIZENS, type DemoAddress, type DemoCitizen } from './citizens.ts';

/*
 * A stand-in for the provincial data-sharing platform (LGSP → NDXP → national population database)
 * answering the citizen lookup of docs/domain-vn.md §8.3.
 *
 *   POST /oauth2/token                         client credentials → bearer
 *   POST /api/ndxp/csdlqgdc/tra-cuu-cong-dan   JSON {SoDinhDanh, HoVaTen, NgayThangNam (yyyyMMdd) | Nam,
 *                                              SoCMND?, MaYeuCau, MaDVC, MaTichHop, MaCanBo}
 *   → 200 text/xml Envelope/Body/CongdanCollection/CongDan (empty collection: no such citizen)
 *
 * A person is answered only when the ID, the full name and the birth date (or year) all match, so a
 * lookup never discloses someone whose name the officer did not already have. Every request is kept
 * (request id, officer, service, outcome — not the person) for the tests' inspection, as the platform
 * logs lookups (§8.3).
 */

const LookupSchema = z.object({
  SoDinhDanh: z.string().regex(/^[0-9]{12}$/, 'SoDinhDanh: 12 chữ số'),
  HoVaTen: z.string().min(1).max(120),
  NgayThangNam: z
    .string()
    .regex(/^\d{8}$/)
    .optional(),
  Nam: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  SoCMND: z.string().max(12).optional(),
  MaYeuCau: z.string().min(8).max(128),
  MaDVC: z.string().min(1).max(60),
  MaTichHop: z.string().min(1).max(60),
  MaCanBo: z.string().min(1).max(80),
});

export interface PopulationStandInOptions {
  port?: number;
  host?: string;
  tls?: TlsOptions;
  clientId?: string;
  clientSecret?: string;
  tokenTtlSeconds?: number;
  citizens?: readonly DemoCitizen[];
}

export interface LookupRecord {
  MaYeuCau: string;
  MaCanBo: string;
  MaDVC: string;
  MaTichHop: string;
  found: boolean;
  at: string;
}

const sameName = (a: string, b: string) =>
  a.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi') ===
  b.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

const esc = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const el = (name: string, value: string) => `<${name}>${esc(value)}</${name}>`;

function address(name: string, a: DemoAddress) {
  return `<${name}>${el('MaTinhThanh', a.MaTinhThanh)}${el('TenTinhThanh', a.TenTinhThanh)}${el('MaQuanHuyen', a.MaQuanHuyen)}${el('TenQuanHuyen', a.TenQuanHuyen)}${el('MaPhuongXa', a.MaPhuongXa)}${el('TenPhuongXa', a.TenPhuongXa)}${el('ChiTiet', a.ChiTiet)}</${name}>`;
}

/** The §8.3 XML envelope for zero or one citizen. */
export function citizenEnvelope(c: DemoCitizen | undefined, requestId: string): string {
  const body = c
    ? `<CongDan>${el('SoDinhDanh', c.SoDinhDanh)}<HoVaTen>${el('Ho', c.Ho)}${el('ChuDem', c.ChuDem)}${el('Ten', c.Ten)}</HoVaTen>${el('GioiTinh', String(c.GioiTinh))}${el('DanToc', c.DanToc)}${el('TonGiao', c.TonGiao)}${el('TinhTrangHonNhan', c.TinhTrangHonNhan)}${el('NhomMau', c.NhomMau)}${el('NgayThangNamSinh', c.NgayThangNamSinh)}${address('NoiDangKyKhaiSinh', c.NoiDangKyKhaiSinh)}${el('QuocTich', c.QuocTich)}${address('QueQuan', c.QueQuan)}${address('ThuongTru', c.ThuongTru)}${address('NoiOHienTai', c.NoiOHienTai)}<ChuHo>${el('QuanHe', c.ChuHo.QuanHe)}${el('SoDinhDanh', c.ChuHo.SoDinhDanh)}${el('HoVaTen', c.ChuHo.HoVaTen)}</ChuHo>${el('SoSoHoKhau', c.SoSoHoKhau)}</CongDan>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?><Envelope><Header>${el('MaYeuCau', requestId)}</Header><Body><CongdanCollection>${body}</CongdanCollection></Body></Envelope>`;
}

export async function startPopulationStandIn(opts: PopulationStandInOptions = {}) {
  const tokens = tokenIssuer({
    clientId: opts.clientId ?? 'motcua-demo',
    clientSecret: opts.clientSecret ?? 'motcua-demo-secret',
    ttlSeconds: opts.tokenTtlSeconds ?? 3600,
  });
  const citizens = opts.citizens ?? DEMO_CITIZENS;
  let lookups: LookupRecord[] = [];

  const lookup = (req: StandInRequest): StandInResponse => {
    const denied = tokens.check(req);
    if (denied) return denied;
    const r = LookupSchema.safeParse(req.json());
    if (!r.success)
      throw new BadRequest(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const q = r.data;
    if (!q.NgayThangNam && !q.Nam) throw new BadRequest('NgayThangNam hoặc Nam là bắt buộc');
    const c = citizens.find(
      (x) =>
        x.SoDinhDanh === q.SoDinhDanh &&
        sameName(`${x.Ho} ${x.ChuDem} ${x.Ten}`, q.HoVaTen) &&
        (q.NgayThangNam ? x.NgayThangNamSinh === q.NgayThangNam : x.NgayThangNamSinh.startsWith(q.Nam ?? '')),
    );
    lookups.push({
      MaYeuCau: q.MaYeuCau,
      MaCanBo: q.MaCanBo,
      MaDVC: q.MaDVC,
      MaTichHop: q.MaTichHop,
      found: Boolean(c),
      at: new Date().toISOString(),
    });
    return { status: 200, type: 'xml', body: citizenEnvelope(c, q.MaYeuCau) };
  };

  const server = await startStandIn({
    name: 'lgsp-population',
    port: opts.port ?? 0,
    host: opts.host,
    tls: opts.tls,
    routes: [
      { method: 'POST', pattern: /^\/oauth2\/token$/, handler: (req) => tokens.handle(req) },
      { method: 'POST', pattern: /^\/api\/ndxp\/csdlqgdc\/tra-cuu-cong-dan$/, handler: lookup },
    ],
    state: () => ({ tokensIssued: tokens.issued, lookups }),
    commands: { 'revoke-tokens': () => tokens.revokeAll() },
    reset: () => {
      lookups = [];
    },
  });
  return server;
}
