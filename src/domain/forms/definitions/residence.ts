/**
 * Residence-information confirmation ("Xác nhận thông tin về cư trú"): the request contents of the
 * residence forms of the Ministry of Public Security (Circular 56/2021/TT-BCA as amended by Circular
 * 66/2023/TT-BCA) [S]. Handled by the commune police; the procedure record and its code are in
 * data/procedures.json with their trust tags.
 */
import type { FormDefinition } from '../types.ts';
import { commitment, dateOfBirth, fullName, personalId, phone, residence, sex } from './common.ts';

export const RESIDENCE_CONFIRMATION_V1: FormDefinition = {
  procedureCode: '1.004194',
  version: 1,
  title: 'TỜ KHAI ĐỀ NGHỊ XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ',
  source:
    'Nội dung tờ khai thay đổi thông tin cư trú (Thông tư 56/2021/TT-BCA, sửa đổi bởi Thông tư 66/2023/TT-BCA)',
  addressee: 'Công an xã',
  formDocumentId: 'to-khai-ct01',
  groups: [
    {
      id: 'requester',
      title: 'Người đề nghị xác nhận',
      fields: [fullName(), dateOfBirth(), sex, personalId(), phone(), residence('Nơi cư trú hiện nay')],
    },
    {
      id: 'request',
      title: 'Nội dung đề nghị',
      fields: [
        {
          id: 'content',
          type: 'select',
          label: 'Nội dung cần xác nhận',
          required: true,
          options: [
            { value: 'current', label: 'Nơi cư trú hiện nay' },
            { value: 'history', label: 'Các nơi đã cư trú và thời gian cư trú' },
            { value: 'household', label: 'Thông tin về hộ gia đình và chủ hộ' },
          ],
        },
        {
          id: 'purpose',
          type: 'text',
          label: 'Mục đích sử dụng',
          maxLength: 200,
          required: true,
          help: 'Ví dụ: bổ sung hồ sơ xin việc, nhập học cho con.',
        },
        {
          id: 'forWhom',
          type: 'select',
          label: 'Xác nhận cho ai',
          required: true,
          options: [
            { value: 'self', label: 'Cho bản thân tôi' },
            { value: 'member', label: 'Cho một thành viên trong hộ' },
          ],
        },
        {
          id: 'memberName',
          type: 'text',
          label: 'Họ và tên thành viên được xác nhận',
          maxLength: 100,
          showWhen: { field: 'forWhom', equals: 'member' },
          requiredWhen: { field: 'forWhom', equals: 'member' },
        },
        {
          id: 'memberPersonalId',
          type: 'personalId',
          label: 'Số định danh cá nhân của thành viên',
          showWhen: { field: 'forWhom', equals: 'member' },
          requiredWhen: { field: 'forWhom', equals: 'member' },
        },
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
