/**
 * Marital-status confirmation, 1.004873 (docs/domain-vn.md §5 row 9): contents of the "Tờ khai cấp
 * Giấy xác nhận tình trạng hôn nhân" [S]. Someone who lived in several places lists them: the commune
 * may have to ask those places to verify (up to 23 working days, §5).
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

export const MARITAL_STATUS_V1: FormDefinition = {
  procedureCode: '1.004873',
  version: 1,
  title: 'TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN',
  source:
    'Mẫu tờ khai cấp Giấy xác nhận tình trạng hôn nhân ban hành kèm Thông tư 04/2020/TT-BTP (đã sửa đổi)',
  addressee: 'Ủy ban nhân dân xã',
  formDocumentId: 'to-khai-xac-nhan-tthn',
  groups: [
    {
      id: 'requester',
      title: 'Người yêu cầu xác nhận',
      fields: [fullName(), dateOfBirth(), sex, ethnicity, nationality, personalId(), residence(), phone()],
    },
    {
      id: 'status',
      title: 'Tình trạng hôn nhân hiện nay',
      fields: [
        {
          id: 'current',
          type: 'select',
          label: 'Tình trạng hôn nhân',
          required: true,
          options: [
            { value: 'single', label: 'Chưa đăng ký kết hôn với ai' },
            { value: 'married', label: 'Đang có vợ hoặc chồng' },
            { value: 'divorced', label: 'Đã ly hôn, chưa kết hôn lại' },
            { value: 'widowed', label: 'Vợ hoặc chồng đã chết, chưa kết hôn lại' },
          ],
        },
        {
          id: 'spouseName',
          type: 'text',
          label: 'Họ và tên vợ hoặc chồng',
          maxLength: 100,
          showWhen: { field: 'current', equals: 'married' },
          requiredWhen: { field: 'current', equals: 'married' },
        },
        {
          id: 'purpose',
          type: 'select',
          label: 'Mục đích sử dụng giấy xác nhận',
          required: true,
          help: 'Giấy xác nhận dùng để kết hôn chỉ có giá trị với người được ghi tên trong giấy.',
          options: [
            { value: 'marriage', label: 'Để đăng ký kết hôn' },
            { value: 'other', label: 'Mục đích khác (vay vốn, mua bán nhà đất…)' },
          ],
        },
        {
          id: 'partnerName',
          type: 'text',
          label: 'Họ và tên người dự định kết hôn',
          maxLength: 100,
          showWhen: { field: 'purpose', equals: 'marriage' },
          requiredWhen: { field: 'purpose', equals: 'marriage' },
        },
        {
          id: 'otherPurpose',
          type: 'text',
          label: 'Ghi rõ mục đích',
          maxLength: 200,
          showWhen: { field: 'purpose', equals: 'other' },
          requiredWhen: { field: 'purpose', equals: 'other' },
        },
      ],
    },
    {
      id: 'previousResidences',
      title: 'Nơi đã cư trú trước đây',
      help: 'Chỉ kê khai nếu từ đủ 16 tuổi bạn đã đăng ký thường trú ở nơi khác. Không có thì bỏ qua bước này.',
      repeat: { min: 0, max: 10, itemLabel: 'nơi cư trú' },
      fields: [
        { id: 'address', type: 'address', label: 'Địa chỉ', required: true },
        { id: 'from', type: 'date', label: 'Từ ngày', required: true, notFuture: true },
        { id: 'to', type: 'date', label: 'Đến ngày', required: true, notFuture: true },
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
