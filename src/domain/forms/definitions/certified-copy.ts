/**
 * Certified copy from the original, 2.000815 (docs/domain-vn.md §5 row 1). Decree 23/2015 asks only
 * that the original be shown with the copy: there is no mandatory request form [I], so this request
 * lists what the citizen will bring, which lets the centre estimate pages and fee (Circular
 * 226/2016: per page, capped per copy).
 */
import type { FormDefinition } from '../types.ts';
import { fullName, personalId, phone, postalAddress, residence, resultDelivery } from './common.ts';

const requester = {
  id: 'requester',
  title: 'Người yêu cầu chứng thực',
  help: 'Người mang bản chính đến đối chiếu. Thông tin phải khớp với giấy tờ tùy thân.',
  fields: [fullName(), personalId(), phone(), residence()],
} as const;

const papers = {
  id: 'papers',
  title: 'Giấy tờ cần chứng thực',
  help: 'Mỗi loại giấy tờ một mục. Khi đến Trung tâm, hãy mang theo bản chính của từng giấy tờ.',
  repeat: { min: 1, max: 20, itemLabel: 'giấy tờ' },
  fields: [
    {
      id: 'documentName',
      type: 'text',
      label: 'Tên giấy tờ',
      maxLength: 200,
      required: true,
      help: 'Ví dụ: Bằng tốt nghiệp trung học phổ thông, Giấy khai sinh.',
    },
    {
      id: 'issuer',
      type: 'text',
      label: 'Cơ quan cấp',
      maxLength: 200,
      help: 'Cơ quan đã cấp bản chính, nếu biết.',
    },
    {
      id: 'pages',
      type: 'number',
      label: 'Số trang của bản chính',
      min: 1,
      max: 500,
      unit: 'trang',
      required: true,
    },
    {
      id: 'copies',
      type: 'number',
      label: 'Số bản sao cần chứng thực',
      min: 1,
      max: 50,
      unit: 'bản',
      required: true,
    },
  ],
} as const;

/** Version 1 (first published). */
export const CERTIFIED_COPY_V1: FormDefinition = {
  procedureCode: '2.000815',
  version: 1,
  title: 'PHIẾU YÊU CẦU CHỨNG THỰC BẢN SAO TỪ BẢN CHÍNH',
  source: 'Nghị định 23/2015/NĐ-CP, Điều 20 (không có mẫu tờ khai bắt buộc; phiếu do hệ thống lập)',
  addressee: 'Ủy ban nhân dân xã',
  groups: [
    requester,
    papers,
    { id: 'result', title: 'Nhận kết quả', fields: [resultDelivery, postalAddress] },
  ],
};

/** Version 2: an optional e-mail for the result notice. Version 1 stays as published. */
export const CERTIFIED_COPY_V2: FormDefinition = {
  ...CERTIFIED_COPY_V1,
  version: 2,
  groups: [
    requester,
    papers,
    {
      id: 'result',
      title: 'Nhận kết quả',
      fields: [
        resultDelivery,
        postalAddress,
        {
          id: 'email',
          type: 'text',
          label: 'Thư điện tử (nếu có)',
          maxLength: 120,
          help: 'Trung tâm báo tin khi có kết quả qua địa chỉ này.',
        },
      ],
    },
  ],
};
