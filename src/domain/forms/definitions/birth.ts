/**
 * Birth registration, 1.001193 (docs/domain-vn.md §5 row 5): the contents of the "Tờ khai đăng ký
 * khai sinh" of the Ministry of Justice civil-status forms [S]. Free when registered on time (Law on
 * Civil Status Art. 11).
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

export const BIRTH_V1: FormDefinition = {
  procedureCode: '1.001193',
  version: 1,
  title: 'TỜ KHAI ĐĂNG KÝ KHAI SINH',
  source: 'Mẫu tờ khai đăng ký khai sinh ban hành kèm Thông tư 04/2020/TT-BTP (đã sửa đổi)',
  addressee: 'Ủy ban nhân dân xã',
  formDocumentId: 'to-khai-khai-sinh',
  intro:
    'Cha, mẹ hoặc người thân đi khai sinh cho trẻ. Việc đăng ký đúng hạn (60 ngày kể từ ngày sinh) không mất lệ phí.',
  groups: [
    {
      id: 'declarant',
      title: 'Người đi khai sinh',
      help: 'Người đứng tên trên tờ khai: thường là cha hoặc mẹ của trẻ.',
      fields: [fullName(), personalId(), declarantRelationship, phone(), residence()],
    },
    {
      id: 'child',
      title: 'Thông tin của trẻ',
      help: 'Ghi theo Giấy chứng sinh do bệnh viện hoặc trạm y tế cấp.',
      fields: [
        fullName(
          'Họ, chữ đệm và tên của trẻ',
          'Tên cha mẹ chọn cho trẻ, có dấu; họ thường theo họ của cha hoặc mẹ.',
        ),
        sex,
        { ...dateOfBirth(), help: 'Ngày ghi trên Giấy chứng sinh.' },
        {
          id: 'placeOfBirth',
          type: 'address',
          label: 'Nơi sinh',
          required: true,
          help: 'Tên bệnh viện hoặc trạm y tế và địa chỉ; sinh ở nhà thì ghi địa chỉ nơi sinh.',
        },
        ethnicity,
        nationality,
        {
          id: 'hometown',
          type: 'text',
          label: 'Quê quán',
          maxLength: 200,
          help: 'Theo quê quán của cha hoặc mẹ, theo thỏa thuận của cha mẹ.',
        },
      ],
    },
    {
      id: 'mother',
      title: 'Thông tin người mẹ',
      fields: [
        fullName('Họ, chữ đệm và tên người mẹ'),
        dateOfBirth(),
        ethnicity,
        nationality,
        personalId(),
        residence(),
      ],
    },
    {
      id: 'father',
      title: 'Thông tin người cha',
      help: 'Nếu chưa xác định được cha, hãy chọn "Chưa xác định": phần tên cha trong giấy khai sinh để trống.',
      fields: [
        {
          id: 'known',
          type: 'select',
          label: 'Đã xác định được người cha chưa?',
          required: true,
          options: [
            { value: 'yes', label: 'Đã xác định' },
            { value: 'no', label: 'Chưa xác định' },
          ],
        },
        {
          ...fullName('Họ, chữ đệm và tên người cha'),
          required: false,
          showWhen: { field: 'known', equals: 'yes' },
          requiredWhen: { field: 'known', equals: 'yes' },
        },
        {
          ...dateOfBirth(false),
          showWhen: { field: 'known', equals: 'yes' },
          requiredWhen: { field: 'known', equals: 'yes' },
        },
        {
          ...ethnicity,
          required: false,
          showWhen: { field: 'known', equals: 'yes' },
          requiredWhen: { field: 'known', equals: 'yes' },
        },
        {
          ...nationality,
          required: false,
          showWhen: { field: 'known', equals: 'yes' },
          requiredWhen: { field: 'known', equals: 'yes' },
        },
        {
          ...personalId('Số định danh cá nhân của người cha', false),
          showWhen: { field: 'known', equals: 'yes' },
          requiredWhen: { field: 'known', equals: 'yes' },
        },
        {
          ...residence(),
          required: false,
          showWhen: { field: 'known', equals: 'yes' },
          requiredWhen: { field: 'known', equals: 'yes' },
        },
      ],
    },
    {
      id: 'request',
      title: 'Bản sao và cam đoan',
      fields: [
        {
          id: 'extractCopies',
          type: 'number',
          label: 'Số bản sao giấy khai sinh cần cấp thêm',
          min: 0,
          max: 10,
          unit: 'bản',
          required: true,
          help: 'Bản chính được cấp miễn phí; mỗi bản sao thu phí theo mức của tỉnh.',
        },
        commitment(
          'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật',
        ),
      ],
    },
  ],
};
