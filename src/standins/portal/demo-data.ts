import type { PortalOnlineDossier } from '../../domain/portal/contract.ts';

/**
 * Online dossiers citizens of the demo communes submitted on DVCQG (status 1), waiting for the
 * commune's inbound fetch. Submission times are fixed strings in the portal's format (Vietnam time).
 */
export function demoOnlineDossiers(): PortalOnlineDossier[] {
  return [
    {
      IdHoSoCong: 'DVCQG-2026-000184532',
      MaHoSo: 'G22.82-260105-000311',
      MaTTHC: '1.001193',
      TenTTHC: 'Đăng ký khai sinh',
      MaDonVi: '28693',
      ChuHoSo: 'Trần Văn Bình',
      SoGiayToChuHoSo: '082088004521',
      SoDienThoai: '0907123456',
      Email: 'tranvanbinh@example.vn',
      DiaChi: 'Ấp Tân Phú, xã Tân Thới, tỉnh Đồng Tháp',
      TrichYeuHoSo: 'Đăng ký khai sinh cho con Trần Gia Hân',
      NgayNopHoSo: '20260105081512',
      TrangThaiHoSo: 1,
      TaiKhoanDuocXacThucVoiVNeID: 1,
      TaiLieuNop: [
        { TenTepDinhKem: 'to-khai-khai-sinh.pdf', MaThanhPhanHoSo: 'to-khai-khai-sinh' },
        { TenTepDinhKem: 'giay-chung-sinh.pdf', MaThanhPhanHoSo: 'giay-chung-sinh' },
      ],
    },
    {
      IdHoSoCong: 'DVCQG-2026-000184977',
      MaHoSo: 'G22.82-260105-000318',
      MaTTHC: '1.004873',
      TenTTHC: 'Cấp Giấy xác nhận tình trạng hôn nhân',
      MaDonVi: '28693',
      ChuHoSo: 'Lê Ngọc Hân',
      SoGiayToChuHoSo: '087305012345',
      SoDienThoai: '0389456123',
      Email: '',
      DiaChi: 'Ấp Tân Hòa, xã Tân Thới, tỉnh Đồng Tháp',
      TrichYeuHoSo: 'Xác nhận tình trạng hôn nhân để đăng ký kết hôn',
      NgayNopHoSo: '20260105093044',
      TrangThaiHoSo: 1,
      TaiKhoanDuocXacThucVoiVNeID: 1,
      TaiLieuNop: [{ TenTepDinhKem: 'to-khai-xac-nhan.pdf', MaThanhPhanHoSo: 'to-khai-xac-nhan-tthn' }],
    },
    {
      IdHoSoCong: 'DVCQG-2026-000185020',
      MaHoSo: 'G22.82-260105-000322',
      MaTTHC: '2.000635',
      TenTTHC: 'Cấp bản sao Trích lục hộ tịch',
      MaDonVi: '28696',
      ChuHoSo: 'Võ Văn Tư',
      SoGiayToChuHoSo: '082062000871',
      SoDienThoai: '0918765432',
      Email: '',
      DiaChi: 'Ấp Phú Thạnh, xã Tân Phú Đông, tỉnh Đồng Tháp',
      TrichYeuHoSo: 'Cấp bản sao trích lục khai sinh',
      NgayNopHoSo: '20260105101207',
      TrangThaiHoSo: 1,
      TaiKhoanDuocXacThucVoiVNeID: 0,
      TaiLieuNop: [{ TenTepDinhKem: 'to-khai.pdf', MaThanhPhanHoSo: 'to-khai-cap-ban-sao-trich-luc' }],
    },
  ];
}
