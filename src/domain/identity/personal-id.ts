/**
 * The 12-digit personal identification number (số định danh cá nhân, Decree 137/2015, Circular
 * 07/2016/TT-BCA): 3-digit province of birth registration, 1 digit for century and sex, 2 digits of
 * birth year, 6 random digits. Only this structure is checked; the number's existence is a question
 * for the population database, never for us.
 */
import { isPlainDate, type PlainDate } from '../calendar/vn-time.ts';

export type PersonalIdResult =
  | { ok: true; birthProvinceCode: string; sex: 'male' | 'female'; birthYear: number }
  | { ok: false; reason: 'format' | 'province' | 'century' | 'future_birth_year' };

/**
 * Birth-registration province codes of Circular 07/2016/TT-BCA: the 63 pre-2025 provinces. They stay
 * valid after the 2025 merger because the code records where a birth was registered at the time.
 */
export const BIRTH_PROVINCE_NAMES: Readonly<Record<string, string>> = Object.freeze({
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Thành phố Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
});

/** First year of the century coded by the 4th digit; even digits are male, odd female. */
const CENTURY_BY_DIGIT = [1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 1800, 1800] as const;

/** Checks the structure of a 12-digit personal ID against `today` (a Vietnamese calendar date). */
export function validatePersonalId(value: string, today: PlainDate): PersonalIdResult {
  if (!isPlainDate(today)) throw new RangeError(`today must be a YYYY-MM-DD date: ${JSON.stringify(today)}`);
  const id = typeof value === 'string' ? value.trim() : '';
  // [0-9] rather than \d so that other scripts' digits (e.g. Arabic-Indic) are refused.
  if (!/^[0-9]{12}$/.test(id)) return { ok: false, reason: 'format' };
  const birthProvinceCode = id.slice(0, 3);
  if (!Object.hasOwn(BIRTH_PROVINCE_NAMES, birthProvinceCode)) return { ok: false, reason: 'province' };
  const centuryDigit = Number(id[3]);
  const centuryStart = CENTURY_BY_DIGIT[centuryDigit] as number;
  const currentYear = Number(today.slice(0, 4));
  // A century that has not begun cannot hold anyone's birth: a miskeyed digit, reported as such.
  if (centuryStart > currentYear) return { ok: false, reason: 'century' };
  const birthYear = centuryStart + Number(id.slice(4, 6));
  if (birthYear > currentYear) return { ok: false, reason: 'future_birth_year' };
  return { ok: true, birthProvinceCode, sex: centuryDigit % 2 === 0 ? 'male' : 'female', birthYear };
}

/** True when `v` is a structurally valid personal ID on `today`. */
export function isValidPersonalId(v: string, today: PlainDate): boolean {
  return validatePersonalId(v, today).ok;
}
