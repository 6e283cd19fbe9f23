/**
 * Questions that recur across the civil-status, certification and business forms, written once so
 * their labels and help read the same everywhere. Each form file copies them into a frozen version:
 * editing a builder here changes no published version, because versions.lock.json fingerprints them.
 */
import type { FormField } from '../types.ts';

export const fullName = (label = 'Họ, chữ đệm và tên', help?: string): FormField => ({
  id: 'fullName',
  type: 'text',
  label,
  maxLength: 100,
  minLength: 2,
  required: true,
  help: help ?? 'Viết đúng như trên thẻ căn cước hoặc giấy khai sinh, có dấu.',
});

export const personalId = (label = 'Số định danh cá nhân', required = true): FormField => ({
  id: 'personalId',
  type: 'personalId',
  label,
  required,
  help: 'Dãy 12 chữ số in trên thẻ căn cước hoặc trong ứng dụng VNeID.',
});

export const dateOfBirth = (required = true): FormField => ({
  id: 'dateOfBirth',
  type: 'date',
  label: 'Ngày, tháng, năm sinh',
  required,
  notFuture: true,
});

export const sex: FormField = {
  id: 'sex',
  type: 'select',
  label: 'Giới tính',
  required: true,
  options: [
    { value: 'nam', label: 'Nam' },
    { value: 'nu', label: 'Nữ' },
  ],
};

export const ethnicity: FormField = {
  id: 'ethnicity',
  type: 'text',
  label: 'Dân tộc',
  maxLength: 40,
  required: true,
  help: 'Ví dụ: Kinh, Tày, Khmer.',
};

export const nationality: FormField = {
  id: 'nationality',
  type: 'text',
  label: 'Quốc tịch',
  maxLength: 40,
  required: true,
  help: 'Ví dụ: Việt Nam.',
};

export const residence = (label = 'Nơi cư trú'): FormField => ({
  id: 'residence',
  type: 'address',
  label,
  required: true,
  help: 'Số nhà, đường hoặc thôn, xã/phường, tỉnh/thành phố (theo đơn vị hành chính mới từ 01/7/2025).',
});

export const phone = (required = true): FormField => ({
  id: 'phone',
  type: 'phone',
  label: 'Số điện thoại',
  required,
  help: 'Trung tâm gọi hoặc nhắn tin vào số này khi cần bổ sung hoặc khi có kết quả.',
});

export const commitment = (label: string): FormField => ({
  id: 'commitment',
  type: 'checkbox',
  label,
  mustBeChecked: true,
  help: 'Khai sai sự thật là vi phạm pháp luật; hãy đọc lại trước khi đánh dấu.',
});

export const declarantRelationship: FormField = {
  id: 'relationship',
  type: 'select',
  label: 'Quan hệ với người được đăng ký',
  required: true,
  options: [
    { value: 'cha', label: 'Cha' },
    { value: 'me', label: 'Mẹ' },
    { value: 'ong-ba', label: 'Ông hoặc bà' },
    { value: 'vo-chong', label: 'Vợ hoặc chồng' },
    { value: 'con', label: 'Con' },
    { value: 'khac', label: 'Người thân thích khác' },
  ],
};

export const resultDelivery: FormField = {
  id: 'delivery',
  type: 'select',
  label: 'Cách nhận kết quả',
  required: true,
  help: 'Nhận qua bưu điện thì phí chuyển phát do người nhận trả theo giá của bưu điện.',
  options: [
    { value: 'counter', label: 'Nhận trực tiếp tại Trung tâm' },
    { value: 'post', label: 'Nhận qua bưu điện' },
  ],
};

export const postalAddress: FormField = {
  id: 'postalAddress',
  type: 'address',
  label: 'Địa chỉ nhận qua bưu điện',
  showWhen: { field: 'delivery', equals: 'post' },
  requiredWhen: { field: 'delivery', equals: 'post' },
};
