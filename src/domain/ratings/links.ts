/**
 * The public page where a citizen rates a visit (the counter's tablet, a phone from a QR): the
 * configured public address, the light app's path `/danh-gia/` and the invitation's token.
 */
export function ratingPageUrl(publicUrl: string, token: string): string {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new Error('Mã mời đánh giá không hợp lệ');
  return `${publicUrl.replace(/\/+$/, '')}/danh-gia/${token}`;
}

/** The one line printed under a slip's rating QR (domain-vn.md §6.3: evaluation handed out with slips). */
export const SLIP_RATING_CAPTION = 'Quét mã để đánh giá mức độ hài lòng về việc giải quyết hồ sơ';
