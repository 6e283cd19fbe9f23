/*
 * Demo citizens of the population database stand-in. Personal IDs follow the structure of
 * docs/domain-vn.md §8.3 (3-digit birth-registration province, century/sex digit, 2-digit birth year,
 * 6 digits) and are checked against it by the stand-in's tests; the people are invented.
 */

export interface DemoAddress {
  MaTinhThanh: string;
  TenTinhThanh: string;
  /** Empty for addresses recorded after the 1 July 2025 reorganisation (no district level). */
  MaQuanHuyen: string;
  TenQuanHuyen: string;
  MaPhuongXa: string;
  TenPhuongXa: string;
  ChiTiet: string;
}

export interface DemoCitizen {
  SoDinhDanh: string;
  Ho: string;
  ChuDem: string;
  Ten: string;
  /** 1 nam, 2 nữ. */
  GioiTinh: 1 | 2;
  DanToc: string;
  TonGiao: string;
  TinhTrangHonNhan: string;
  NhomMau: string;
  /** yyyyMMdd */
  NgayThangNamSinh: string;
  NoiDangKyKhaiSinh: DemoAddress;
  QuocTich: string;
  QueQuan: DemoAddress;
  ThuongTru: DemoAddress;
  NoiOHienTai: DemoAddress;
  ChuHo: { QuanHe: string; SoDinhDanh: string; HoVaTen: string };
  SoSoHoKhau: string;
}

const dongThap = (xa: string, ma: string, chiTiet: string): DemoAddress => ({
  MaTinhThanh: '82',
  TenTinhThanh: 'Tỉnh Đồng Tháp',
  MaQuanHuyen: '',
  TenQuanHuyen: '',
  MaPhuongXa: ma,
  TenPhuongXa: xa,
  ChiTiet: chiTiet,
});

const tienGiangOld = (huyen: string, maHuyen: string, xa: string, maXa: string): DemoAddress => ({
  MaTinhThanh: '82',
  TenTinhThanh: 'Tỉnh Tiền Giang',
  MaQuanHuyen: maHuyen,
  TenQuanHuyen: huyen,
  MaPhuongXa: maXa,
  TenPhuongXa: xa,
  ChiTiet: '',
});

export const DEMO_CITIZENS: readonly DemoCitizen[] = [
  {
    SoDinhDanh: '082195001234',
    Ho: 'Nguyễn',
    ChuDem: 'Thị Hồng',
    Ten: 'Nhung',
    GioiTinh: 2,
    DanToc: 'Kinh',
    TonGiao: 'Không',
    TinhTrangHonNhan: 'Đã kết hôn',
    NhomMau: 'O',
    NgayThangNamSinh: '19950314',
    NoiDangKyKhaiSinh: tienGiangOld('Huyện Tân Phú Đông', '824', 'Xã Tân Thới', '28693'),
    QuocTich: 'Việt Nam',
    QueQuan: tienGiangOld('Huyện Gò Công Tây', '822', 'Xã Đồng Sơn', '28612'),
    ThuongTru: dongThap('Xã Tân Thới', '28693', 'Ấp Tân Phú'),
    NoiOHienTai: dongThap('Xã Tân Thới', '28693', 'Ấp Tân Phú'),
    ChuHo: { QuanHe: 'Vợ', SoDinhDanh: '082088004521', HoVaTen: 'Trần Văn Bình' },
    SoSoHoKhau: '',
  },
  {
    SoDinhDanh: '082088004521',
    Ho: 'Trần',
    ChuDem: 'Văn',
    Ten: 'Bình',
    GioiTinh: 1,
    DanToc: 'Kinh',
    TonGiao: 'Phật giáo',
    TinhTrangHonNhan: 'Đã kết hôn',
    NhomMau: 'A',
    NgayThangNamSinh: '19880702',
    NoiDangKyKhaiSinh: tienGiangOld('Huyện Tân Phú Đông', '824', 'Xã Tân Thới', '28693'),
    QuocTich: 'Việt Nam',
    QueQuan: tienGiangOld('Huyện Tân Phú Đông', '824', 'Xã Tân Thới', '28693'),
    ThuongTru: dongThap('Xã Tân Thới', '28693', 'Ấp Tân Phú'),
    NoiOHienTai: dongThap('Xã Tân Thới', '28693', 'Ấp Tân Phú'),
    ChuHo: { QuanHe: 'Chủ hộ', SoDinhDanh: '082088004521', HoVaTen: 'Trần Văn Bình' },
    SoSoHoKhau: '',
  },
  {
    SoDinhDanh: '087305012345',
    Ho: 'Lê',
    ChuDem: 'Ngọc',
    Ten: 'Hân',
    GioiTinh: 2,
    DanToc: 'Kinh',
    TonGiao: 'Không',
    TinhTrangHonNhan: 'Chưa kết hôn',
    NhomMau: 'B',
    NgayThangNamSinh: '20051120',
    NoiDangKyKhaiSinh: {
      MaTinhThanh: '87',
      TenTinhThanh: 'Tỉnh Đồng Tháp',
      MaQuanHuyen: '866',
      TenQuanHuyen: 'Thành phố Cao Lãnh',
      MaPhuongXa: '29869',
      TenPhuongXa: 'Phường 1',
      ChiTiet: '',
    },
    QuocTich: 'Việt Nam',
    QueQuan: dongThap('Phường Cao Lãnh', '29869', ''),
    ThuongTru: dongThap('Xã Tân Thới', '28693', 'Ấp Tân Hòa'),
    NoiOHienTai: dongThap('Xã Tân Thới', '28693', 'Ấp Tân Hòa'),
    ChuHo: { QuanHe: 'Con', SoDinhDanh: '087072000456', HoVaTen: 'Lê Văn Thành' },
    SoSoHoKhau: '',
  },
  {
    SoDinhDanh: '082062000871',
    Ho: 'Võ',
    ChuDem: 'Văn',
    Ten: 'Tư',
    GioiTinh: 1,
    DanToc: 'Kinh',
    TonGiao: 'Cao Đài',
    TinhTrangHonNhan: 'Đã kết hôn',
    NhomMau: 'AB',
    NgayThangNamSinh: '19620915',
    NoiDangKyKhaiSinh: tienGiangOld('Huyện Tân Phú Đông', '824', 'Xã Phú Thạnh', '28699'),
    QuocTich: 'Việt Nam',
    QueQuan: tienGiangOld('Huyện Tân Phú Đông', '824', 'Xã Phú Thạnh', '28699'),
    ThuongTru: dongThap('Xã Tân Phú Đông', '28696', 'Ấp Phú Thạnh'),
    NoiOHienTai: dongThap('Xã Tân Phú Đông', '28696', 'Ấp Phú Thạnh'),
    ChuHo: { QuanHe: 'Chủ hộ', SoDinhDanh: '082062000871', HoVaTen: 'Võ Văn Tư' },
    SoSoHoKhau: '',
  },
  {
    SoDinhDanh: '094179003318',
    Ho: 'Thạch',
    ChuDem: 'Thị Sa',
    Ten: 'Phia',
    GioiTinh: 2,
    DanToc: 'Khmer',
    TonGiao: 'Phật giáo',
    TinhTrangHonNhan: 'Đã kết hôn',
    NhomMau: 'O',
    NgayThangNamSinh: '19790408',
    NoiDangKyKhaiSinh: {
      MaTinhThanh: '94',
      TenTinhThanh: 'Tỉnh Sóc Trăng',
      MaQuanHuyen: '947',
      TenQuanHuyen: 'Huyện Trần Đề',
      MaPhuongXa: '31783',
      TenPhuongXa: 'Xã Lịch Hội Thượng',
      ChiTiet: '',
    },
    QuocTich: 'Việt Nam',
    QueQuan: {
      MaTinhThanh: '94',
      TenTinhThanh: 'Tỉnh Sóc Trăng',
      MaQuanHuyen: '947',
      TenQuanHuyen: 'Huyện Trần Đề',
      MaPhuongXa: '31783',
      TenPhuongXa: 'Xã Lịch Hội Thượng',
      ChiTiet: '',
    },
    ThuongTru: dongThap('Phường Mỹ Tho', '28261', 'Số 12 đường Lê Lợi'),
    NoiOHienTai: dongThap('Phường Mỹ Tho', '28261', 'Số 12 đường Lê Lợi'),
    ChuHo: { QuanHe: 'Chủ hộ', SoDinhDanh: '094179003318', HoVaTen: 'Thạch Thị Sa Phia' },
    SoSoHoKhau: '',
  },
  {
    SoDinhDanh: '001090017722',
    Ho: 'Đỗ',
    ChuDem: 'Quang',
    Ten: 'Huy',
    GioiTinh: 1,
    DanToc: 'Kinh',
    TonGiao: 'Không',
    TinhTrangHonNhan: 'Chưa kết hôn',
    NhomMau: 'A',
    NgayThangNamSinh: '19900228',
    NoiDangKyKhaiSinh: {
      MaTinhThanh: '01',
      TenTinhThanh: 'Thành phố Hà Nội',
      MaQuanHuyen: '005',
      TenQuanHuyen: 'Quận Cầu Giấy',
      MaPhuongXa: '00166',
      TenPhuongXa: 'Phường Dịch Vọng',
      ChiTiet: '',
    },
    QuocTich: 'Việt Nam',
    QueQuan: {
      MaTinhThanh: '01',
      TenTinhThanh: 'Thành phố Hà Nội',
      MaQuanHuyen: '',
      TenQuanHuyen: '',
      MaPhuongXa: '00166',
      TenPhuongXa: 'Phường Cầu Giấy',
      ChiTiet: '',
    },
    ThuongTru: {
      MaTinhThanh: '01',
      TenTinhThanh: 'Thành phố Hà Nội',
      MaQuanHuyen: '',
      TenQuanHuyen: '',
      MaPhuongXa: '00166',
      TenPhuongXa: 'Phường Cầu Giấy',
      ChiTiet: 'Số 8 ngõ 175 Xuân Thủy',
    },
    NoiOHienTai: dongThap('Xã Tân Phú Đông', '28696', 'Ấp Phú Hòa (tạm trú)'),
    ChuHo: { QuanHe: 'Con', SoDinhDanh: '001065004410', HoVaTen: 'Đỗ Văn Khang' },
    SoSoHoKhau: '',
  },
];
