/**
 * Death registration, 1.000656 (docs/domain-vn.md §5 row 8): contents of the "Tờ khai đăng ký khai
 * tử" [S]. Relatives register within 15 days of the death; free when on time.
 */
import type { FormDefinition } from '../types.ts';
import {
  commitment,
  dateOfBirth,
  declarantRelationship,
  ethnicity,
  fullName,
  nationality,
  personalId,
  phone,
  residence,
  sex,
} from './common.ts';

export const DEATH_V1: FormDefinition = {
  procedureCode: '1.000656',
  version: 1,
  title: 'TỜ KHAI ĐĂNG KÝ KHAI TỬ',
  source: 'Mẫu tờ khai đăng ký khai tử ban hành kèm Thông tư 04/2020/TT-BTP (đã sửa đổi)',
  addressee: 'Ủy ban nhân dân xã',
  formDocumentId: 'to-khai-khai-tu',
  intro:
    'Người thân đăng ký khai tử trong 15 ngày kể từ ngày người thân mất. Đăng ký đúng hạn không mất lệ phí.',
  groups: [
    {
      id: 'declarant',
      title: 'Người đi khai tử',
      fields: [fullName(), personalId(), declarantRelationship, phone(), residence()],
    },
    {
      id: 'deceased',
      title: 'Người đã mất',
      help: 'Ghi theo Giấy báo tử hoặc giấy tờ thay Giấy báo tử.',
      fields: [
        fullName('Họ, chữ đệm và tên người đã mất'),
        sex,
        dateOfBirth(),
        ethnicity,
        nationality,
        {
          ...personalId('Số định danh cá nhân của người đã mất', false),
          help: 'Nếu biết; giúp xóa thông tin trên Cơ sở dữ liệu dân cư.',
        },
        residence('Nơi cư trú cuối cùng'),
        { id: 'dateOfDeath', type: 'date', label: 'Ngày mất', required: true, notFuture: true },
        {
          id: 'placeOfDeath',
          type: 'address',
          label: 'Nơi mất',
          required: true,
          help: 'Bệnh viện, tại nhà (ghi địa chỉ) hoặc nơi khác.',
        },
        {
          id: 'cause',
          type: 'text',
          label: 'Nguyên nhân mất',
          maxLength: 200,
          help: 'Theo Giấy báo tử, nếu có ghi.',
        },
      ],
    },
    {
      id: 'notice',
      title: 'Giấy báo tử',
      help: 'Giấy báo tử do bệnh viện, cơ quan công an hoặc Ủy ban nhân dân xã cấp.',
      fields: [
        { id: 'number', type: 'text', label: 'Số Giấy báo tử', maxLength: 40, help: 'Nếu giấy có số.' },
        { id: 'issuer', type: 'text', label: 'Cơ quan cấp Giấy báo tử', maxLength: 200, required: true },
        { id: 'issuedOn', type: 'date', label: 'Ngày cấp', required: true, notFuture: true },
      ],
    },
    {
      id: 'declaration',
      title: 'Cam đoan',
      fields: [
        commitment(
          'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật',
        ),
      ],
    },
  ],
};
