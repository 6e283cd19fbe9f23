/** National dossier statuses (TrangThaiHoSo) as the National Public Service Portal expects them (docs/domain-vn.md §2.1). */
export const NATIONAL_STATUSES = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
} as const;

export type NationalStatus = keyof typeof NATIONAL_STATUSES;

/** Sub-states that matter inside a national status (docs/domain-vn.md §2.2). */
export const SUB_STATES = {
  none: '',
  pre_supplement: 'Chờ công dân bổ sung trước khi tiếp nhận',
  apology_pending: 'Chờ lãnh đạo duyệt văn bản xin lỗi, hẹn lại',
} as const;

export type SubState = keyof typeof SUB_STATES;

/** Statuses after which nothing but reporting happens. */
export const TERMINAL_STATUSES: readonly NationalStatus[] = [3, 8, 10];

export function isNationalStatus(n: number): n is NationalStatus {
  return Number.isInteger(n) && n >= 1 && n <= 10;
}

/** Vietnamese name of a national status. */
export function statusName(status: NationalStatus): string {
  return NATIONAL_STATUSES[status];
}
