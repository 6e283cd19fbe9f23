import type { NationalStatus } from '../lifecycle/statuses.ts';
import type { PortalDossier, PortalProgress, PortalStatusUpdate } from './contract.ts';

/*
 * Pure mapping from motcua's dossier (the JSON of GET /api/v1/dossiers/{code}, plus what the catalogue
 * knows of its procedure) to the DVCQG payloads of docs/domain-vn.md §8.2. No I/O: the caller gathers
 * the inputs (in the transaction of the change) and keeps the result in the outbox.
 */

const VN_OFFSET_MS = 7 * 3_600_000;

/** `yyyyMMddHHmmss` of an instant in Vietnam time (UTC+7, no daylight saving) — the portal's date format (§8.2). */
export function portalDateTime(instant: Date | string): string {
  const ms = (typeof instant === 'string' ? new Date(instant) : instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`invalid instant: ${String(instant)}`);
  const v = new Date(ms + VN_OFFSET_MS).toISOString();
  return `${v.slice(0, 4)}${v.slice(5, 7)}${v.slice(8, 10)}${v.slice(11, 13)}${v.slice(14, 16)}${v.slice(17, 19)}`;
}

/** The instant of a portal `yyyyMMddHHmmss` (Vietnam time); undefined when it is not one. */
export function parsePortalDateTime(s: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, se) - VN_OFFSET_MS;
  const back = new Date(ms + VN_OFFSET_MS);
  // 20250231… rolls over in Date.UTC: refuse it rather than send another day.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || se > 59)
    return undefined;
  return new Date(ms);
}

const CHANNEL_CODE = { counter: 1, online: 2, post: 3 } as const;

/** What the mapping needs of a dossier: a subset of the dossier JSON (DossierSchema in modules/dossiers). */
export interface DossierForPortal {
  code: string;
  status: NationalStatus;
  channel: 'counter' | 'online' | 'post';
  unit: { code: string; name: string };
  procedure: { code: string; name: string };
  applicant: { fullName: string; idNumber: string; phone: string; address: string; email: string | null };
  subject: string;
  returnMethod: 'counter' | 'post';
  documents: Array<{
    id: string;
    name: string;
    originals: number;
    certifiedCopies: number;
    photocopies: number;
  }>;
  attachments: Array<{ id: string; fileName: string }>;
  receivedAt: string;
  dueAt: string;
  processingEndedAt: string | null;
  returnedAt: string | null;
  result: { fileId: string; fileName: string } | null;
  /** When the dossier was submitted (online); defaults to receivedAt for counter dossiers. */
  submittedAt?: string | null;
  /** When intake was refused (status 3). */
  refusedAt?: string | null;
  /** Applicant signed in with VNeID (online dossiers). */
  vneidVerified?: boolean;
}

/** What the catalogue and the integration add to the dossier. */
export interface PortalContext {
  /** Lĩnh vực of the procedure (catalogue `field`). */
  field: { code: string; name: string };
  fees: Array<{ name: string; amount: number | null }>;
  /** Where the processing happens (DonViXuLy); defaults to the receiving unit. */
  processingUnitName?: string;
  /** URL of each uploaded attachment, by attachment id (from the portal's file upload, §8.2 step 3). */
  fileUrls?: Record<string, string>;
  /** URL of the result file, when uploaded. */
  resultUrl?: string;
  /** Databases consulted for this dossier (DSKetNoiCSDL), e.g. 'DAN_CU' after a population lookup. */
  databases?: string[];
  supplements?: Array<{
    requestedBy: string;
    content: string;
    requestedAt: string;
    receivedAt?: string | null;
    dueBefore?: string | null;
    dueAfter?: string | null;
    items: Array<{ name: string }>;
  }>;
}

const opt = (instant: string | null | undefined) => (instant ? portalDateTime(instant) : undefined);

/** A fee is a "lệ phí" (2) when its name says so, else a "phí" (1) (Law on Fees and Charges 2015). */
function feeKind(name: string): 1 | 2 {
  return /^\s*lệ phí/i.test(name.normalize('NFC')) ? 2 : 1;
}

/** The §8.2 dossier payload (create and update use the same body; the portal upserts by MaHoSo). */
export function toPortalDossier(d: DossierForPortal, c: PortalContext): PortalDossier {
  const received = d.status !== 1 && d.status !== 3;
  const refused = d.status === 3;
  const fileUrls = c.fileUrls ?? {};
  return {
    MaHoSo: d.code,
    MaTTHC: d.procedure.code,
    TenTTHC: d.procedure.name,
    MaLinhVuc: c.field.code,
    TenLinhVuc: c.field.name,
    KenhThucHien: CHANNEL_CODE[d.channel],
    ChuHoSo: d.applicant.fullName,
    LoaiDoiTuong: 1,
    MaDoiTuong: d.applicant.idNumber,
    SoGiayToChuHoSo: d.applicant.idNumber,
    SoDienThoai: d.applicant.phone,
    Email: d.applicant.email ?? '',
    TrichYeuHoSo: d.subject,
    NgayNopHoSo: portalDateTime(d.submittedAt ?? d.receivedAt),
    NgayTiepNhan: received ? portalDateTime(d.receivedAt) : undefined,
    NgayHenTra: received ? portalDateTime(d.dueAt) : undefined,
    TrangThaiHoSo: d.status,
    NgayKetThucXuLy: opt(d.processingEndedAt),
    NgayTra: opt(d.returnedAt),
    ThongTinTra: d.returnedAt
      ? d.returnMethod === 'post'
        ? 'Trả qua bưu chính công ích'
        : 'Trả tại quầy'
      : undefined,
    HinhThuc: d.returnMethod === 'post' ? 1 : 0,
    NgayTuChoi: refused ? portalDateTime(d.refusedAt ?? d.receivedAt) : undefined,
    DonViXuLy: c.processingUnitName ?? d.unit.name,
    NoiNopHoSo: d.unit.name,
    HoSoCoThanhPhanSoHoa: d.attachments.length > 0 ? 1 : 0,
    TaiKhoanDuocXacThucVoiVNeID: d.vneidVerified ? 1 : 0,
    DuocThanhToanTrucTuyen: 0,
    DinhDanhCHS: d.applicant.idNumber ? [{ LoaiDinhDanh: 1, SoDinhDanh: d.applicant.idNumber }] : [],
    DSKetNoiCSDL: (c.databases ?? []).map((MaCSDL) => ({ MaCSDL })),
    TaiLieuNop: [
      ...d.documents.map((doc) => ({
        TenTepDinhKem: doc.name,
        MaThanhPhanHoSo: doc.id,
        DuongDanTaiTepTin: '',
        DuocSoHoa: 0 as const,
        DuocTaiSuDung: 0 as const,
        DuocLayTuKhoDMQG: 0 as const,
        MaKetQuaThayThe: '',
      })),
      ...d.attachments.map((a) => ({
        TenTepDinhKem: a.fileName,
        MaThanhPhanHoSo: '',
        DuongDanTaiTepTin: fileUrls[a.id] ?? '',
        DuocSoHoa: 1 as const,
        DuocTaiSuDung: 0 as const,
        DuocLayTuKhoDMQG: 0 as const,
        MaKetQuaThayThe: '',
      })),
    ],
    DanhSachLePhi: c.fees.map((f, i) => ({
      TenPhiLePhi: f.name,
      MaPhiLePhi: `${d.procedure.code}-${i + 1}`,
      HinhThucThu: 1 as const,
      Gia: f.amount ?? 0,
      LoaiPhiLePhi: feeKind(f.name),
    })),
    DanhSachHoSoBoSung: (c.supplements ?? []).map((s) => ({
      NguoiYeuCauBoSung: s.requestedBy,
      NoiDungBoSung: s.content,
      NgayBoSung: portalDateTime(s.requestedAt),
      NgayTiepNhanBoSung: opt(s.receivedAt),
      NgayHenTraTruoc: opt(s.dueBefore),
      NgayHenTraMoi: opt(s.dueAfter),
      DanhSachGiayToBoSung: s.items.map((it) => ({ TenGiayTo: it.name })),
    })),
    DanhSachGiayToKetQua: d.result
      ? [
          {
            TenGiayTo: d.result.fileName,
            MaGiayToKetQua: d.result.fileId,
            DuongDanTepTinKetQua: c.resultUrl ?? '',
          },
        ]
      : [],
  };
}

/** One progress entry (tiến trình) of §8.2: who handled the dossier, when, in which unit, with what outcome. */
export interface ProgressForPortal {
  code: string;
  actorName: string;
  actorTitle: string;
  unitName: string;
  at: string;
  content: string;
  status: NationalStatus;
  /** Start of the step; defaults to `at`. */
  stepStartedAt?: string | null;
  /** The step's deadline under the procedure, when it has one. */
  stepDueAt?: string | null;
}

export function toPortalProgress(p: ProgressForPortal): PortalProgress {
  return {
    MaHoSo: p.code,
    NguoiXuLy: p.actorName,
    ChucDanh: p.actorTitle,
    ThoiDiemXuLy: portalDateTime(p.at),
    PhongBanXuLy: p.unitName,
    NoiDungXuLy: p.content,
    TrangThai: p.status,
    NgayBatDau: portalDateTime(p.stepStartedAt ?? p.at),
    NgayKetThucTheoQuyDinh: opt(p.stepDueAt),
  };
}

export function toPortalStatus(code: string, status: NationalStatus, at: string): PortalStatusUpdate {
  return { MaHoSo: code, TrangThaiHoSo: status, ThoiDiem: portalDateTime(at) };
}
