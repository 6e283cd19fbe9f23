/**
 * Marriage registration, 1.000894 (docs/domain-vn.md §5 row 7): contents of the "Tờ khai đăng ký kết
 * hôn" [S]. Both parties sign at the centre; fee waived for Vietnamese citizens residing in Vietnam.
 */
import type { FormDefinition, FormField } from '../types.ts';
import {
  commitment,
  dateOfBirth,
  ethnicity,
  fullName,
  nationality,
  personalId,
  residence,
} from './common.ts';

const marriageTimes: FormField = {
  id: 'marriageCount',
  type: 'select',
  label: 'Kết hôn lần thứ mấy',
  required: true,
  options: [
    { value: 'first', label: 'Lần đầu' },
    { value: 'again', label: 'Lần thứ hai trở lên (đã ly hôn hoặc vợ/chồng đã chết)' },
  ],
};

const party = (id: string, title: string) => ({
  id,
  title,
  help: 'Ghi theo thẻ căn cước. Nữ từ đủ 18 tuổi, nam từ đủ 20 tuổi mới được kết hôn.',
  fields: [fullName(), dateOfBirth(), ethnicity, nationality, personalId(), residence(), marriageTimes],
});

export const MARRIAGE_V1: FormDefinition = {
  procedureCode: '1.000894',
  version: 1,
  title: 'TỜ KHAI ĐĂNG KÝ KẾT HÔN',
  source: 'Mẫu tờ khai đăng ký kết hôn ban hành kèm Thông tư 04/2020/TT-BTP (đã sửa đổi)',
  addressee: 'Ủy ban nhân dân xã',
  formDocumentId: 'to-khai-ket-hon',
  intro:
    'Hai bên nam, nữ cùng khai. Khi đăng ký, cả hai phải có mặt tại Trung tâm để ký vào Giấy chứng nhận kết hôn.',
  groups: [
    party('bride', 'Thông tin bên nữ'),
    party('groom', 'Thông tin bên nam'),
    {
      id: 'contact',
      title: 'Liên hệ và cam đoan',
      fields: [
        {
          id: 'phone',
          type: 'phone',
          label: 'Số điện thoại liên hệ',
          required: true,
          help: 'Trung tâm hẹn ngày trao Giấy chứng nhận kết hôn qua số này.',
        },
        commitment(
          'Chúng tôi cam đoan tự nguyện kết hôn, đủ điều kiện kết hôn và lời khai trên là đúng sự thật',
        ),
      ],
    },
  ],
};
