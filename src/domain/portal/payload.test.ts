import { describe, expect, it } from 'vitest';
import { PortalDossierSchema, PortalProgressSchema } from './contract.ts';
import {
  type DossierForPortal,
  parsePortalDateTime,
  portalDateTime,
  toPortalDossier,
  toPortalProgress,
  toPortalStatus,
} from './payload.ts';

const base: DossierForPortal = {
  code: 'H82.050-250701-0007',
  status: 2,
  channel: 'counter',
  unit: { code: '28849', name: 'Xã Tân Thới' },
  procedure: { code: '2.000815', name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản' },
  applicant: {
    fullName: 'Nguyễn Thị Hồng Nhung',
    idNumber: '082195001234',
    phone: '0912345678',
    address: 'Ấp Tân Phú, xã Tân Thới',
    email: null,
  },
  subject: 'Chứng thực bản sao',
  returnMethod: 'counter',
  documents: [
    { id: 'ban-chinh', name: 'Bản chính giấy tờ', originals: 1, certifiedCopies: 0, photocopies: 0 },
  ],
  attachments: [{ id: 'a1', fileName: 'ban-chinh.pdf' }],
  // 16:05:09 in Vietnam on 1 July 2025
  receivedAt: '2025-07-01T09:05:09.000Z',
  dueAt: '2025-07-02T10:00:00.000Z',
  processingEndedAt: null,
  returnedAt: null,
  result: null,
};

const context = {
  field: { code: 'G01-CT', name: 'Chứng thực' },
  fees: [
    { name: 'Lệ phí chứng thực bản sao', amount: 2000 },
    { name: 'Phí cung cấp thông tin', amount: null },
  ],
};

describe('portalDateTime', () => {
  it('writes yyyyMMddHHmmss in Vietnam time', () => {
    expect(portalDateTime('2025-07-01T09:05:09.000Z')).toBe('20250701160509');
    // 17:30 UTC on 31 December is already the next year in Vietnam
    expect(portalDateTime(new Date('2025-12-31T17:30:00Z'))).toBe('20260101003000');
  });

  it('reads back what it writes and refuses impossible dates', () => {
    expect(parsePortalDateTime('20250701160509')?.toISOString()).toBe('2025-07-01T09:05:09.000Z');
    expect(parsePortalDateTime('20250231120000')).toBeUndefined();
    expect(parsePortalDateTime('2025-07-01')).toBeUndefined();
    expect(parsePortalDateTime('20250701250000')).toBeUndefined();
  });

  it('refuses an invalid instant', () => {
    expect(() => portalDateTime('not a date')).toThrow(RangeError);
  });
});

describe('toPortalDossier', () => {
  it('maps a counter dossier to the §8.2 payload', () => {
    const p = toPortalDossier(base, {
      ...context,
      fileUrls: { a1: 'https://cong/tep/1' },
      databases: ['DAN_CU'],
    });
    expect(PortalDossierSchema.parse(p)).toEqual(p);
    expect(p).toMatchObject({
      MaHoSo: 'H82.050-250701-0007',
      MaTTHC: '2.000815',
      MaLinhVuc: 'G01-CT',
      TenLinhVuc: 'Chứng thực',
      KenhThucHien: 1,
      ChuHoSo: 'Nguyễn Thị Hồng Nhung',
      SoGiayToChuHoSo: '082195001234',
      Email: '',
      NgayNopHoSo: '20250701160509',
      NgayTiepNhan: '20250701160509',
      NgayHenTra: '20250702170000',
      TrangThaiHoSo: 2,
      HinhThuc: 0,
      NoiNopHoSo: 'Xã Tân Thới',
      HoSoCoThanhPhanSoHoa: 1,
      DinhDanhCHS: [{ LoaiDinhDanh: 1, SoDinhDanh: '082195001234' }],
      DSKetNoiCSDL: [{ MaCSDL: 'DAN_CU' }],
    });
    expect(p.NgayTuChoi).toBeUndefined();
    expect(p.NgayTra).toBeUndefined();
    expect(p.TaiLieuNop).toEqual([
      expect.objectContaining({
        MaThanhPhanHoSo: 'ban-chinh',
        TenTepDinhKem: 'Bản chính giấy tờ',
        DuocSoHoa: 0,
      }),
      expect.objectContaining({
        TenTepDinhKem: 'ban-chinh.pdf',
        DuongDanTaiTepTin: 'https://cong/tep/1',
        DuocSoHoa: 1,
      }),
    ]);
  });

  it('lists fees with their kind; a province-set fee without a known amount goes as 0', () => {
    const p = toPortalDossier(base, context);
    expect(p.DanhSachLePhi).toEqual([
      {
        TenPhiLePhi: 'Lệ phí chứng thực bản sao',
        MaPhiLePhi: '2.000815-1',
        HinhThucThu: 1,
        Gia: 2000,
        LoaiPhiLePhi: 2,
      },
      {
        TenPhiLePhi: 'Phí cung cấp thông tin',
        MaPhiLePhi: '2.000815-2',
        HinhThucThu: 1,
        Gia: 0,
        LoaiPhiLePhi: 1,
      },
    ]);
  });

  it('uses the channel codes 1/2/3 and the return form 0/1', () => {
    expect(toPortalDossier({ ...base, channel: 'online' }, context).KenhThucHien).toBe(2);
    const post = toPortalDossier({ ...base, channel: 'post', returnMethod: 'post' }, context);
    expect(post.KenhThucHien).toBe(3);
    expect(post.HinhThuc).toBe(1);
  });

  it('a refused dossier carries NgayTuChoi and no appointment', () => {
    const p = toPortalDossier({ ...base, status: 3 }, context);
    expect(p.NgayTuChoi).toBe('20250701160509');
    expect(p.NgayTiepNhan).toBeUndefined();
    expect(p.NgayHenTra).toBeUndefined();
  });

  it('a returned dossier carries its end and return dates, result and supplements', () => {
    const p = toPortalDossier(
      {
        ...base,
        status: 10,
        processingEndedAt: '2025-07-02T02:00:00.000Z',
        returnedAt: '2025-07-02T03:00:00.000Z',
        result: { fileId: 'r1', fileName: 'ban-sao.pdf' },
      },
      {
        ...context,
        resultUrl: 'https://cong/kq/1',
        supplements: [
          {
            requestedBy: 'Trần Văn Bình',
            content: 'Thiếu bản chính',
            requestedAt: '2025-07-01T10:00:00.000Z',
            receivedAt: '2025-07-01T11:00:00.000Z',
            dueBefore: null,
            dueAfter: null,
            items: [{ name: 'Bản chính giấy khai sinh' }],
          },
        ],
      },
    );
    expect(PortalDossierSchema.safeParse(p).success).toBe(true);
    expect(p.NgayKetThucXuLy).toBe('20250702090000');
    expect(p.NgayTra).toBe('20250702100000');
    expect(p.ThongTinTra).toBe('Trả tại quầy');
    expect(p.DanhSachGiayToKetQua).toEqual([
      { TenGiayTo: 'ban-sao.pdf', MaGiayToKetQua: 'r1', DuongDanTepTinKetQua: 'https://cong/kq/1' },
    ]);
    expect(p.DanhSachHoSoBoSung[0]).toMatchObject({
      NgayBoSung: '20250701170000',
      NgayTiepNhanBoSung: '20250701180000',
      DanhSachGiayToBoSung: [{ TenGiayTo: 'Bản chính giấy khai sinh' }],
    });
  });
});

describe('progress and status', () => {
  it('maps a progress entry with the step deadline', () => {
    const p = toPortalProgress({
      code: base.code,
      actorName: 'Lê Thị Thu',
      actorTitle: 'Công chức Tư pháp - Hộ tịch',
      unitName: 'Xã Tân Thới',
      at: '2025-07-01T09:30:00.000Z',
      content: 'Chuyển xử lý',
      status: 4,
      stepStartedAt: '2025-07-01T09:05:09.000Z',
      stepDueAt: '2025-07-02T01:00:00.000Z',
    });
    expect(PortalProgressSchema.parse(p)).toEqual({
      MaHoSo: base.code,
      NguoiXuLy: 'Lê Thị Thu',
      ChucDanh: 'Công chức Tư pháp - Hộ tịch',
      ThoiDiemXuLy: '20250701163000',
      PhongBanXuLy: 'Xã Tân Thới',
      NoiDungXuLy: 'Chuyển xử lý',
      TrangThai: 4,
      NgayBatDau: '20250701160509',
      NgayKetThucTheoQuyDinh: '20250702080000',
    });
  });

  it('maps a status change', () => {
    expect(toPortalStatus(base.code, 9, '2025-07-01T17:00:00.000Z')).toEqual({
      MaHoSo: base.code,
      TrangThaiHoSo: 9,
      ThoiDiem: '20250702000000',
    });
  });
});
