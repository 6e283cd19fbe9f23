/**
 * Household business registration, 1.001612 (docs/domain-vn.md §5 row 15): contents of the "Giấy đề
 * nghị đăng ký hộ kinh doanh" of the business-registration forms [S] (Decree 168/2025: received at
 * the commune). Members of the household who take part are listed.
 */
import type { FormDefinition } from '../types.ts';
import {
  commitment,
  dateOfBirth,
  ethnicity,
  fullName,
  nationality,
  personalId,
  phone,
  residence,
  sex,
} from './common.ts';

export const HOUSEHOLD_BUSINESS_V1: FormDefinition = {
  procedureCode: '1.001612',
  version: 1,
  title: 'GIẤY ĐỀ NGHỊ ĐĂNG KÝ HỘ KINH DOANH',
  source:
    'Mẫu giấy đề nghị đăng ký hộ kinh doanh về đăng ký doanh nghiệp, hộ kinh doanh (Nghị định 168/2025/NĐ-CP)',
  addressee: 'Cơ quan đăng ký kinh doanh cấp xã',
  formDocumentId: 'giay-de-nghi-dang-ky-hkd',
  groups: [
    {
      id: 'owner',
      title: 'Chủ hộ kinh doanh',
      help: 'Người đại diện cho hộ kinh doanh, chịu trách nhiệm về hoạt động kinh doanh.',
      fields: [
        fullName(),
        dateOfBirth(),
        sex,
        ethnicity,
        nationality,
        personalId(),
        residence('Nơi thường trú'),
        phone(),
      ],
    },
    {
      id: 'business',
      title: 'Thông tin hộ kinh doanh',
      fields: [
        {
          id: 'name',
          type: 'text',
          label: 'Tên hộ kinh doanh',
          maxLength: 150,
          minLength: 3,
          required: true,
          help: 'Gồm chữ "Hộ kinh doanh" và tên riêng, ví dụ: Hộ kinh doanh Tạp hóa Bình An.',
        },
        {
          id: 'address',
          type: 'address',
          label: 'Địa điểm kinh doanh',
          required: true,
          help: 'Nơi đặt cửa hàng; ghi cả số nhà.',
        },
        { ...phone(false), id: 'businessPhone', label: 'Điện thoại của cửa hàng' },
        {
          id: 'activities',
          type: 'text',
          label: 'Ngành, nghề kinh doanh',
          maxLength: 500,
          multiline: true,
          required: true,
          help: 'Ví dụ: bán lẻ thực phẩm, đồ uống; sửa chữa xe máy.',
        },
        {
          id: 'capital',
          type: 'number',
          label: 'Vốn kinh doanh',
          min: 1,
          max: 1_000_000,
          unit: 'triệu đồng',
          required: true,
        },
        {
          id: 'employees',
          type: 'number',
          label: 'Số lao động',
          min: 0,
          max: 1000,
          unit: 'người',
          required: true,
        },
      ],
    },
    {
      id: 'members',
      title: 'Thành viên hộ gia đình cùng tham gia',
      help: 'Chỉ kê khai khi các thành viên hộ gia đình cùng đăng ký hộ kinh doanh. Không có thì bỏ qua.',
      repeat: { min: 0, max: 20, itemLabel: 'thành viên' },
      fields: [fullName(), personalId(), dateOfBirth()],
    },
    {
      id: 'declaration',
      title: 'Cam đoan',
      fields: [
        commitment('Tôi cam đoan trung thực về nội dung đăng ký và chưa là chủ hộ kinh doanh nào khác'),
      ],
    },
  ],
};
