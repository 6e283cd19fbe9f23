import { z } from 'zod';

/*
 * The DVCQG synchronisation contract as motcua implements it (docs/domain-vn.md §8.2): the dossier
 * payload (create, then update), progress entries (tiến trình) and status updates. Field names are the
 * portal's; dates are `yyyyMMddHHmmss` in Vietnam time. The exact provincial contract is issued by the
 * Government Office (§8.2 last paragraph): this schema is what the stand-in checks and the client sends,
 * and the one place to change when the issued specification differs.
 */

/** `yyyyMMddHHmmss` (14 digits). */
export const PortalDateTimeSchema = z.string().regex(/^\d{14}$/, 'yyyyMMddHHmmss');
export const PortalStatusSchema = z.number().int().min(1).max(10);
const Flag = z.union([z.literal(0), z.literal(1)]);

export const PortalDossierSchema = z.object({
  MaHoSo: z.string().min(1).max(60),
  MaTTHC: z.string().min(1),
  TenTTHC: z.string().min(1),
  MaLinhVuc: z.string().min(1),
  TenLinhVuc: z.string().min(1),
  /** 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích (§2.3 step 1). */
  KenhThucHien: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  ChuHoSo: z.string().min(1),
  /** 1 công dân, 2 tổ chức/doanh nghiệp. */
  LoaiDoiTuong: z.union([z.literal(1), z.literal(2)]),
  MaDoiTuong: z.string(),
  SoGiayToChuHoSo: z.string(),
  SoDienThoai: z.string(),
  Email: z.string(),
  TrichYeuHoSo: z.string(),
  NgayNopHoSo: PortalDateTimeSchema,
  NgayTiepNhan: PortalDateTimeSchema.optional(),
  NgayHenTra: PortalDateTimeSchema.optional(),
  TrangThaiHoSo: PortalStatusSchema,
  NgayKetThucXuLy: PortalDateTimeSchema.optional(),
  NgayTra: PortalDateTimeSchema.optional(),
  ThongTinTra: z.string().optional(),
  /** 0 tại quầy, 1 qua bưu chính (§2.2). */
  HinhThuc: Flag,
  NgayTuChoi: PortalDateTimeSchema.optional(),
  DonViXuLy: z.string(),
  NoiNopHoSo: z.string(),
  HoSoCoThanhPhanSoHoa: Flag,
  TaiKhoanDuocXacThucVoiVNeID: Flag,
  /** 0 không thanh toán trực tuyến, 1 trên DVCQG, 2 qua cổng thanh toán của tỉnh. */
  DuocThanhToanTrucTuyen: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  DinhDanhCHS: z.array(z.object({ LoaiDinhDanh: z.number().int(), SoDinhDanh: z.string() })),
  DSKetNoiCSDL: z.array(z.object({ MaCSDL: z.string() })),
  TaiLieuNop: z.array(
    z.object({
      TenTepDinhKem: z.string(),
      MaThanhPhanHoSo: z.string(),
      DuongDanTaiTepTin: z.string(),
      DuocSoHoa: Flag,
      DuocTaiSuDung: Flag,
      DuocLayTuKhoDMQG: Flag,
      MaKetQuaThayThe: z.string(),
    }),
  ),
  DanhSachLePhi: z.array(
    z.object({
      TenPhiLePhi: z.string(),
      MaPhiLePhi: z.string(),
      /** 1 khi tiếp nhận, 2 khi bổ sung, 4 khi trả kết quả (§8.2). */
      HinhThucThu: z.union([z.literal(1), z.literal(2), z.literal(4)]),
      Gia: z.number().int().min(0),
      /** 1 phí, 2 lệ phí. */
      LoaiPhiLePhi: z.union([z.literal(1), z.literal(2)]),
    }),
  ),
  DanhSachHoSoBoSung: z.array(
    z.object({
      NguoiYeuCauBoSung: z.string(),
      NoiDungBoSung: z.string(),
      NgayBoSung: PortalDateTimeSchema,
      NgayTiepNhanBoSung: PortalDateTimeSchema.optional(),
      NgayHenTraTruoc: PortalDateTimeSchema.optional(),
      NgayHenTraMoi: PortalDateTimeSchema.optional(),
      DanhSachGiayToBoSung: z.array(z.object({ TenGiayTo: z.string() })),
    }),
  ),
  DanhSachGiayToKetQua: z.array(
    z.object({ TenGiayTo: z.string(), MaGiayToKetQua: z.string(), DuongDanTepTinKetQua: z.string() }),
  ),
});
export type PortalDossier = z.infer<typeof PortalDossierSchema>;

export const PortalProgressSchema = z.object({
  MaHoSo: z.string().min(1).max(60),
  NguoiXuLy: z.string().min(1),
  ChucDanh: z.string(),
  ThoiDiemXuLy: PortalDateTimeSchema,
  PhongBanXuLy: z.string(),
  NoiDungXuLy: z.string().min(1),
  TrangThai: PortalStatusSchema,
  NgayBatDau: PortalDateTimeSchema,
  NgayKetThucTheoQuyDinh: PortalDateTimeSchema.optional(),
});
export type PortalProgress = z.infer<typeof PortalProgressSchema>;

export const PortalStatusUpdateSchema = z.object({
  MaHoSo: z.string().min(1).max(60),
  TrangThaiHoSo: PortalStatusSchema,
  ThoiDiem: PortalDateTimeSchema,
});
export type PortalStatusUpdate = z.infer<typeof PortalStatusUpdateSchema>;

/** Every request that changes the portal carries the sender's event id: the receiver de-duplicates by (MaHoSo, MaSuKien). */
export const MaSuKienSchema = z.string().min(8).max(128);

/**
 * A file of the dossier that its payload names by `FILE_REF_PREFIX + id` (DuongDanTaiTepTin,
 * DuongDanTepTinKetQua): the delivery uploads it through the portal's file upload (§8.2 step 3) — once
 * per file — and puts the portal's address in its place before sending the dossier.
 */
export interface PortalFileRef {
  id: string;
  storageKey: string;
  fileName: string;
}
export const FILE_REF_PREFIX = 'motcua-tep:';

/**
 * One outbound message, as the outbox keeps it: which call, the event id, and the body. `dossier`
 * creates or updates the dossier, `progress` appends a progress entry, `status` changes the status.
 */
export type PortalMessage =
  | { call: 'dossier'; eventId: string; HoSo: PortalDossier; files?: PortalFileRef[] }
  | { call: 'progress'; eventId: string; TienTrinh: PortalProgress }
  | { call: 'status'; eventId: string; TrangThai: PortalStatusUpdate };

/** An online dossier submitted on the portal (status 1), as the portal lists it for the inbound fetch (§8.5 pull side). */
export const PortalOnlineDossierSchema = z.object({
  /** The portal's own id of the submission: motcua's idempotency key for the inbound fetch. */
  IdHoSoCong: z.string().min(1).max(80),
  MaHoSo: z.string().min(1).max(60),
  MaTTHC: z.string().min(1),
  TenTTHC: z.string().min(1),
  MaDonVi: z.string().min(1),
  ChuHoSo: z.string().min(1),
  SoGiayToChuHoSo: z.string(),
  SoDienThoai: z.string(),
  Email: z.string(),
  DiaChi: z.string(),
  TrichYeuHoSo: z.string(),
  NgayNopHoSo: PortalDateTimeSchema,
  TrangThaiHoSo: z.literal(1),
  TaiKhoanDuocXacThucVoiVNeID: Flag,
  TaiLieuNop: z.array(
    z.object({
      TenTepDinhKem: z.string(),
      MaThanhPhanHoSo: z.string(),
      /**
       * The file's address on the portal's file service (`/api/tep-tin/{IdTepTin}`, as the upload
       * answers DuongDan); GET answers {IdTepTin, TenTep, LoaiTep, KichThuoc, HashTepTin, NoiDung}.
       */
      DuongDanTaiTepTin: z.string().min(1).max(500).optional(),
    }),
  ),
});
export type PortalOnlineDossier = z.infer<typeof PortalOnlineDossierSchema>;
