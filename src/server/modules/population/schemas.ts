import { z } from 'zod';
import { isPlainDate } from '../../../domain/calendar/vn-time.ts';
import { normalizeDossierCode } from '../../../domain/codes/dossier-code.ts';
import { text } from '../../../domain/text/text-schema.ts';

export const LookupBodySchema = z
  .object({
    personalId: text({ min: 1, max: 20 })
      .regex(/^\d{12}$/, 'Số định danh cá nhân gồm đúng 12 chữ số')
      .describe('Số định danh cá nhân 12 chữ số'),
    fullName: text({ min: 1, max: 120 }).describe('Họ và tên như trên giấy tờ'),
    birthDate: z
      .string()
      .refine(isPlainDate, 'Ngày sinh theo dạng YYYY-MM-DD')
      .describe('Ngày sinh (YYYY-MM-DD)'),
    purpose: text({ min: 3, max: 300 }).describe('Mục đích tra cứu (ghi vào nhật ký tra cứu)'),
    dossierCode: text({ max: 80 })
      .transform(normalizeDossierCode)
      .pipe(
        z
          .string()
          .max(60)
          .regex(/^[\p{L}\p{N}._-]*$/u, 'Mã hồ sơ không hợp lệ'),
      )
      .optional()
      .describe('Hồ sơ mà việc tra cứu phục vụ'),
    procedureCode: text({ max: 40 }).optional().describe('Thủ tục đang tiếp nhận (gửi kèm làm MaDVC)'),
  })
  .meta({ id: 'PopulationLookupRequest' });
export type LookupBody = z.infer<typeof LookupBodySchema>;

const Address = z
  .object({
    provinceCode: z.string(),
    provinceName: z.string(),
    districtCode: z.string().describe('Trống với địa chỉ sau 01/7/2025 (không còn cấp huyện)'),
    districtName: z.string(),
    communeCode: z.string(),
    communeName: z.string(),
    detail: z.string(),
    text: z.string(),
  })
  .nullable();

export const VERIFIED_FIELDS = [
  'personalId',
  'fullName',
  'birthDate',
  'sex',
  'ethnicity',
  'nationality',
  'permanentAddress',
  'currentAddress',
] as const;

export const LookupResultSchema = z
  .object({
    requestId: z.string().describe('MaYeuCau gửi tới nền tảng; ghi trong nhật ký tra cứu'),
    source: z.literal('CSDLQG_DAN_CU'),
    lookedUpAt: z.string(),
    person: z.object({
      personalId: z.string(),
      fullName: z.string(),
      familyName: z.string(),
      middleName: z.string(),
      givenName: z.string(),
      sex: z.enum(['male', 'female', 'unknown']),
      birthDate: z.string(),
      ethnicity: z.string(),
      religion: z.string(),
      maritalStatus: z.string(),
      nationality: z.string(),
      birthRegistrationPlace: Address,
      hometown: Address,
      permanentAddress: Address,
      currentAddress: Address,
      householdHead: z
        .object({ relation: z.string(), personalId: z.string(), fullName: z.string() })
        .nullable(),
    }),
    verified: z
      .array(z.enum(VERIFIED_FIELDS))
      .describe('Trường đã được đối chiếu với CSDL dân cư (điền sẵn và đánh dấu đã xác thực trên biểu mẫu)'),
  })
  .meta({ id: 'PopulationLookupResult' });
export type LookupResult = z.infer<typeof LookupResultSchema>;
