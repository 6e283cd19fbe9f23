/** Signature certification (incl. fingerprint), 2.000884 (docs/domain-vn.md §5 row 2). */
import type { FormDefinition } from '../types.ts';
import { commitment, fullName, personalId, phone, residence } from './common.ts';

export const SIGNATURE_V1: FormDefinition = {
  procedureCode: '2.000884',
  version: 1,
  title: 'PHIẾU YÊU CẦU CHỨNG THỰC CHỮ KÝ',
  source: 'Nghị định 23/2015/NĐ-CP, Điều 24–25 (không có mẫu tờ khai bắt buộc; phiếu do hệ thống lập)',
  addressee: 'Ủy ban nhân dân xã',
  groups: [
    {
      id: 'requester',
      title: 'Người yêu cầu chứng thực',
      help: 'Người sẽ ký (hoặc điểm chỉ) trước mặt người thực hiện chứng thực.',
      fields: [fullName(), personalId(), phone(), residence()],
    },
    {
      id: 'paper',
      title: 'Giấy tờ cần chứng thực chữ ký',
      help: 'Mang giấy tờ chưa ký đến Trung tâm: bạn sẽ ký trước mặt cán bộ.',
      fields: [
        {
          id: 'documentName',
          type: 'text',
          label: 'Tên giấy tờ, văn bản',
          maxLength: 200,
          required: true,
          help: 'Ví dụ: Giấy ủy quyền, Đơn xin việc, Bản cam kết.',
        },
        { id: 'pages', type: 'number', label: 'Số trang', min: 1, max: 200, unit: 'trang', required: true },
        {
          id: 'copies',
          type: 'number',
          label: 'Số bản cần chứng thực',
          min: 1,
          max: 20,
          unit: 'bản',
          required: true,
        },
        {
          id: 'mode',
          type: 'select',
          label: 'Cách xác nhận',
          required: true,
          options: [
            { value: 'sign', label: 'Ký tên' },
            { value: 'fingerprint', label: 'Điểm chỉ (lăn tay)' },
            { value: 'unable', label: 'Không thể ký và không thể điểm chỉ' },
          ],
        },
        {
          id: 'unableReason',
          type: 'text',
          label: 'Lý do không thể ký, không thể điểm chỉ',
          maxLength: 500,
          multiline: true,
          showWhen: { field: 'mode', equals: 'unable' },
          requiredWhen: { field: 'mode', equals: 'unable' },
          help: 'Trường hợp này cần hai người làm chứng có đủ năng lực hành vi dân sự đi cùng.',
        },
      ],
    },
    {
      id: 'declaration',
      title: 'Cam đoan',
      fields: [commitment('Tôi chịu trách nhiệm về nội dung của giấy tờ, văn bản mà tôi ký')],
    },
  ],
};
