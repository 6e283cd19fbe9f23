/**
 * One rule for a Vietnamese phone number, shared by the server's request schemas, the online forms and
 * the counter's intake form (the browser never accepts what the server refuses). Since the 2018
 * renumbering a mobile number has 10 digits beginning 03, 05, 07, 08 or 09 and a landline 11 digits
 * beginning 02; "+84" stands for the leading 0; spaces, dots, dashes and brackets are ignored.
 */

const MOBILE = /^0[35789][0-9]{8}$/;
const LANDLINE = /^02[0-9]{9}$/;

export const PHONE_MESSAGE =
  'Số điện thoại không hợp lệ: di động 10 số bắt đầu bằng 03, 05, 07, 08, 09 hoặc cố định 11 số bắt đầu bằng 02 (có thể viết +84 thay cho số 0)';

/** "0912 345 678", "0912.345.678", "+84 912 345 678" → "0912345678"; undefined when not a VN number. */
export function normalizePhone(raw: string): string | undefined {
  let digits = raw.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  return MOBILE.test(digits) || LANDLINE.test(digits) ? digits : undefined;
}
