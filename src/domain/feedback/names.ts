/*
 * The names of feedback (phản ánh, kiến nghị): categories, statuses, actions, ratings. No logic and no
 * imports, so the public pages take them without the calendar (feedback.ts has the rules).
 */

/** What the feedback is about (Decision 766 5.1 counts by these). The list is ours; the law lists none. */
export const FEEDBACK_CATEGORIES = ['attitude', 'time_limit', 'procedure', 'fees', 'other'] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

export const FEEDBACK_CATEGORY_NAMES: Readonly<Record<FeedbackCategory, string>> = {
  attitude: 'Thái độ, tác phong cán bộ',
  time_limit: 'Thời hạn giải quyết',
  procedure: 'Thủ tục, hồ sơ, giấy tờ',
  fees: 'Phí, lệ phí',
  other: 'Khác',
};

/**
 * received → (accept | refuse | request_info) ; info_requested → (the citizen supplies) accepted, or refuse;
 * accepted → request_info (once) | answer ; answered → approve (leader) ; approved → publish.
 * refused and published are the ends.
 */
export const FEEDBACK_STATUSES = [
  'received',
  'info_requested',
  'accepted',
  'answered',
  'approved',
  'published',
  'refused',
] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_STATUS_NAMES: Readonly<Record<FeedbackStatus, string>> = {
  received: 'Mới tiếp nhận, chờ xem xét',
  info_requested: 'Chờ người gửi bổ sung thông tin',
  accepted: 'Đang xử lý',
  answered: 'Đã có dự thảo trả lời, chờ lãnh đạo duyệt',
  approved: 'Đã duyệt, chờ công khai',
  published: 'Đã công khai kết quả xử lý',
  refused: 'Từ chối tiếp nhận',
};

export const FEEDBACK_ACTIONS = ['accept', 'refuse', 'request_info', 'answer', 'approve', 'publish'] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];

export const FEEDBACK_ACTION_NAMES: Readonly<Record<FeedbackAction, string>> = {
  accept: 'Tiếp nhận',
  refuse: 'Từ chối tiếp nhận',
  request_info: 'Yêu cầu bổ sung thông tin',
  answer: 'Trả lời (dự thảo)',
  approve: 'Duyệt trả lời',
  publish: 'Công khai kết quả',
};

export const FEEDBACK_RATINGS = ['satisfied', 'dissatisfied'] as const;
export type FeedbackRating = (typeof FEEDBACK_RATINGS)[number];
