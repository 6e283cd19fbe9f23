/*
 * How the server's error codes reach clients: the status and Vietnamese title of each code, and the
 * problem+json body (RFC 9457). `Record<AppErrorCode, …>`: a new code without a mapping does not compile.
 */
import type { AppError, AppErrorCode, FieldError } from '../errors.ts';

interface ErrorSpec {
  status: number;
  /** Vietnamese title shown to users; the web may translate by code. */
  title: string;
}

export const ERRORS: Record<AppErrorCode, ErrorSpec> = {
  VALIDATION_FAILED: { status: 422, title: 'Dữ liệu gửi lên không hợp lệ' },
  BAD_REQUEST: { status: 400, title: 'Yêu cầu không đúng định dạng' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Dữ liệu gửi lên vượt quá dung lượng cho phép' },
  PERSONAL_ID_INVALID: { status: 422, title: 'Số định danh cá nhân không hợp lệ' },
  PROCEDURE_UNKNOWN: {
    status: 422,
    title: 'Thủ tục hành chính không tồn tại hoặc không thuộc danh mục của đơn vị',
  },
  PROCEDURE_NOT_FOUND: { status: 404, title: 'Không tìm thấy thủ tục hành chính' },
  FORM_NOT_FOUND: { status: 404, title: 'Thủ tục này chưa có mẫu đơn điện tử' },
  UNIT_NOT_FOUND: { status: 404, title: 'Không tìm thấy đơn vị hành chính' },
  UNIT_INACTIVE: {
    status: 422,
    title: 'Đơn vị chưa vận hành Trung tâm Phục vụ hành chính công trên hệ thống',
  },
  DOCUMENTS_INCOMPLETE: { status: 422, title: 'Hồ sơ chưa đủ thành phần bắt buộc' },
  DOCUMENT_UNKNOWN: { status: 422, title: 'Thành phần hồ sơ không thuộc thủ tục đã chọn' },
  ATTACHMENT_TYPE_MISMATCH: {
    status: 415,
    title: 'Tệp đính kèm không đúng định dạng (chỉ nhận PDF, JPEG, PNG đúng nội dung)',
  },
  ATTACHMENT_TOO_LARGE: { status: 413, title: 'Tệp đính kèm vượt quá dung lượng cho phép' },
  ATTACHMENTS_TOO_MANY: { status: 422, title: 'Số tệp đính kèm vượt quá giới hạn' },
  IDEMPOTENCY_KEY_INVALID: { status: 400, title: 'Khóa Idempotency-Key không hợp lệ' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác' },
  INTAKE_BUSY: {
    status: 503,
    title: 'Xã đang tiếp nhận nhiều hồ sơ cùng lúc, chưa cấp được số; vui lòng gửi lại',
  },
  AUTH_REQUIRED: { status: 401, title: 'Vui lòng đăng nhập' },
  AUTH_INVALID_CREDENTIALS: { status: 401, title: 'Tên đăng nhập hoặc mật khẩu không đúng' },
  AUTH_RATE_LIMITED: { status: 429, title: 'Đăng nhập sai quá nhiều lần, vui lòng thử lại sau' },
  CITIZEN_AUTH_REQUIRED: {
    status: 401,
    title: 'Vui lòng đăng nhập bằng tài khoản định danh điện tử để xem và nộp hồ sơ trực tuyến',
  },
  OIDC_NOT_CONFIGURED: {
    status: 404,
    title: 'Máy chủ này chưa bật đăng nhập công dân bằng định danh điện tử',
  },
  OIDC_PROVIDER_UNAVAILABLE: {
    status: 502,
    title: 'Dịch vụ đăng nhập định danh điện tử tạm thời không phản hồi, vui lòng thử lại sau',
  },
  OIDC_RESPONSE_INVALID: {
    status: 400,
    title: 'Phản hồi đăng nhập không hợp lệ, vui lòng đăng nhập lại từ đầu',
  },
  OIDC_RESPONSE_REPLAYED: {
    status: 400,
    title: 'Phản hồi đăng nhập này đã được sử dụng, vui lòng đăng nhập lại từ đầu',
  },
  OIDC_RESPONSE_EXPIRED: { status: 400, title: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại' },
  ALREADY_RATED: { status: 409, title: 'Hồ sơ đã được đánh giá, mỗi hồ sơ chỉ đánh giá một lần' },
  RATING_TOKEN_INVALID: {
    status: 404,
    title: 'Mã mời đánh giá không hợp lệ, vui lòng hỏi cán bộ tại quầy',
  },
  RATING_TOKEN_EXPIRED: { status: 410, title: 'Mã mời đánh giá đã hết hạn, vui lòng hỏi cán bộ tại quầy' },
  RATING_VISIT_NOT_SERVED: {
    status: 422,
    title: 'Chỉ mời đánh giá khi số thứ tự đã được phục vụ xong',
  },
  FORBIDDEN: { status: 403, title: 'Bạn không có quyền thực hiện thao tác này' },
  DOSSIER_NOT_FOUND: { status: 404, title: 'Không tìm thấy hồ sơ' },
  CALENDAR_RANGE: { status: 422, title: 'Tham số lịch làm việc nằm ngoài phạm vi cho phép' },
  ACTION_NOT_ALLOWED: { status: 409, title: 'Thao tác không hợp lệ với trạng thái hiện tại của hồ sơ' },
  ACTION_FORBIDDEN: { status: 403, title: 'Vai trò của bạn không được thực hiện thao tác này với hồ sơ' },
  REASON_REQUIRED: { status: 422, title: 'Cần nêu rõ lý do' },
  ALREADY_RESCHEDULED: { status: 422, title: 'Hồ sơ đã được hẹn lại một lần, không được hẹn lại lần nữa' },
  NOT_DUE_YET: { status: 422, title: 'Hồ sơ chưa đến hạn hoặc sắp đến hạn, chưa cần văn bản xin lỗi' },
  STEP_ORDER: { status: 422, title: 'Không thể chuyển bước theo yêu cầu' },
  AUDIT_ANCHOR_MISMATCH: { status: 409, title: 'Nhật ký không khớp mốc neo; không ghi mốc mới' },
  NOTICE_NOT_FOUND: { status: 404, title: 'Không tìm thấy thông báo hoặc văn bản' },
  NOTICE_INVALID: { status: 422, title: 'Thông báo, văn bản chưa đúng: kiểm tra số ký hiệu và các ngày' },
  NOTICE_UNIT_FORBIDDEN: {
    status: 403,
    title: 'Bạn chỉ được đăng, sửa thông báo của đơn vị mình phụ trách',
  },
  NOTICE_CONFLICT: { status: 409, title: 'Thông báo vừa được người khác sửa, vui lòng tải lại' },
  NOTICE_FILE_NOT_FOUND: { status: 404, title: 'Thông báo không có tệp đính kèm này' },
  DOSSIER_CONFLICT: { status: 409, title: 'Hồ sơ vừa được người khác cập nhật, vui lòng tải lại' },
  ASSIGNEE_INVALID: { status: 422, title: 'Cán bộ được phân công không hợp lệ' },
  RESULT_FILE_REQUIRED: { status: 422, title: 'Cần đính kèm tệp kết quả giải quyết' },
  RESULT_NOT_FOUND: { status: 404, title: 'Hồ sơ chưa có tệp kết quả giải quyết' },
  ATTACHMENT_NOT_FOUND: { status: 404, title: 'Hồ sơ không có tệp đính kèm này' },
  RESULT_DRAFT_NOT_APPLICABLE: {
    status: 422,
    title: 'Thủ tục này không có mẫu kết quả soạn trên hệ thống; hãy đính kèm tệp kết quả',
  },
  RESULT_DRAFT_REQUIRED: { status: 409, title: 'Hồ sơ chưa có dự thảo kết quả chờ duyệt' },
  RESULT_DRAFT_NOT_APPROVED: {
    status: 409,
    title: 'Dự thảo kết quả chưa được lãnh đạo duyệt; hãy duyệt dự thảo hoặc đính kèm tệp kết quả',
  },
  NEW_DUE_INVALID: { status: 422, title: 'Ngày hẹn trả mới không hợp lệ' },
  EXPORT_TOO_LARGE: {
    status: 422,
    title: 'Dữ liệu cần xuất vượt giới hạn cho phép, vui lòng thu hẹp khoảng thời gian',
  },
  SPREADSHEET_TOO_LARGE: { status: 413, title: 'Tệp bảng tính vượt quá dung lượng cho phép khi giải nén' },
  SPREADSHEET_TOO_MANY_ROWS: { status: 422, title: 'Tệp bảng tính có nhiều dòng hơn mức cho phép' },
  DOCUMENTS_BUSY: { status: 503, title: 'Máy chủ đang bận tạo nhiều tài liệu, vui lòng thử lại sau' },
  NOT_FOUND: { status: 404, title: 'Không tìm thấy địa chỉ yêu cầu' },
  GUIDE_NOT_FOUND: { status: 404, title: 'Chưa có hướng dẫn cho thủ tục hoặc bước này' },
  GUIDE_VERSION_CONFLICT: {
    status: 409,
    title: 'Hướng dẫn vừa được người khác sửa; hãy tải lại bản mới nhất rồi sửa tiếp',
  },
  EXERCISE_NOT_FOUND: { status: 404, title: 'Không có bài tập này trong trung tâm luyện tập' },
  EXERCISE_NOT_STARTED: { status: 409, title: 'Bài tập chưa được bắt đầu; hãy bấm “Bắt đầu” trước' },
  PRACTICE_DISABLED: { status: 503, title: 'Trung tâm luyện tập chưa được bật trên máy chủ này' },
  CITIZEN_NOT_FOUND: {
    status: 404,
    title:
      'Không tìm thấy công dân trong Cơ sở dữ liệu quốc gia về dân cư với số định danh, họ tên và ngày sinh đã nhập',
  },
  POPULATION_UNAVAILABLE: {
    status: 503,
    title:
      'Chưa kết nối được Cơ sở dữ liệu quốc gia về dân cư; vẫn tiếp nhận hồ sơ bình thường và nhập thông tin thủ công',
  },
  POPULATION_BAD_ANSWER: {
    status: 502,
    title:
      'Nền tảng chia sẻ dữ liệu trả lời không đúng định dạng; vẫn tiếp nhận hồ sơ và nhập thông tin thủ công',
  },
  PORTAL_UNAVAILABLE: { status: 503, title: 'Chưa kết nối được Cổng Dịch vụ công quốc gia' },
  INBOUND_NOT_FOUND: { status: 404, title: 'Không tìm thấy hồ sơ trực tuyến từ Cổng DVCQG của xã' },
  INBOUND_ALREADY_HANDLED: {
    status: 409,
    title: 'Hồ sơ trực tuyến này đã được xử lý (đã đưa vào hàng đợi hoặc đã từ chối), vui lòng tải lại',
  },
  INBOUND_UNIT_UNCONFIRMED: {
    status: 422,
    title: 'Hồ sơ ghi đơn vị tiếp nhận khác: cần xác nhận hồ sơ thuộc xã này',
  },
  PROCEDURE_OTHER_UNIT: {
    status: 422,
    title: 'Thủ tục không thuộc danh mục thủ tục của xã này',
  },
  API_KEY_INVALID: { status: 401, title: 'Khóa API không hợp lệ hoặc đã bị thu hồi' },
  PARTNER_API_NOT_CONFIGURED: {
    status: 503,
    title: 'API cho hệ thống đối tác chưa được cấu hình trên máy chủ (thiếu MOTCUA_PARTNER_SECRET)',
  },
  URI_TOO_LONG: { status: 414, title: 'Địa chỉ yêu cầu quá dài' },
  RATE_LIMITED: { status: 429, title: 'Quá nhiều yêu cầu, vui lòng thử lại sau' },
  DATABASE_UNAVAILABLE: { status: 503, title: 'Cơ sở dữ liệu tạm thời không phản hồi' },
  DATABASE_NODE_UNAVAILABLE: {
    status: 503,
    title:
      'Máy chủ dữ liệu phục vụ xã này tạm thời không phản hồi; yêu cầu chưa được ghi, vui lòng thử lại sau',
  },
  QUEUE_COUNTER_NOT_FOUND: { status: 404, title: 'Không tìm thấy quầy của Trung tâm' },
  QUEUE_COUNTER_BUSY: {
    status: 409,
    title: 'Quầy đang phục vụ một số thứ tự; hãy kết thúc số đó trước khi gọi số tiếp theo',
  },
  QUEUE_TICKET_NOT_FOUND: { status: 404, title: 'Không tìm thấy số thứ tự' },
  QUEUE_TICKET_EXPIRED: {
    status: 409,
    title: 'Số thứ tự này thuộc ngày trước, không thể gọi hoặc phục vụ; mời công dân lấy số mới',
  },
  QUEUE_ACTION_NOT_ALLOWED: {
    status: 409,
    title: 'Thao tác không hợp lệ với trạng thái hiện tại của số thứ tự',
  },
  QUEUE_FIELD_UNKNOWN: { status: 422, title: 'Lĩnh vực không thuộc danh mục của Trung tâm' },
  QUEUE_COUNTER_EXISTS: { status: 409, title: 'Số quầy này đã có tại Trung tâm' },
  QUEUE_COUNTER_STALE: {
    status: 409,
    title: 'Quầy vừa được người khác thay đổi; tải lại để xem cấu hình mới nhất',
  },
  FEEDBACK_NOT_FOUND: { status: 404, title: 'Không tìm thấy phản ánh, kiến nghị với mã này' },
  FEEDBACK_ACTION_NOT_ALLOWED: {
    status: 409,
    title: 'Thao tác không hợp lệ với trạng thái hiện tại của phản ánh, kiến nghị',
  },
  FEEDBACK_NOT_PUBLISHED: {
    status: 409,
    title: 'Kết quả xử lý phản ánh, kiến nghị chưa được công khai nên chưa thể đánh giá',
  },
  FEEDBACK_ALREADY_RATED: {
    status: 409,
    title: 'Kết quả xử lý phản ánh, kiến nghị đã được đánh giá, mỗi phản ánh chỉ đánh giá một lần',
  },
  FEEDBACK_DOSSIER_UNKNOWN: {
    status: 422,
    title: 'Không tìm thấy hồ sơ có mã này tại Trung tâm đã chọn',
  },
  FEEDBACK_CONTACT_REQUIRED: {
    status: 422,
    title: 'Cần số điện thoại hoặc địa chỉ thư điện tử để liên hệ với người gửi',
  },
  INTERNAL: { status: 500, title: 'Lỗi hệ thống, vui lòng thử lại sau' },
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: AppErrorCode;
  detail?: string;
  errors?: FieldError[];
  requestId?: string;
}

/** The problem+json body for an AppError. */
export function toProblem(err: AppError, requestId?: string): Problem {
  const spec = ERRORS[err.code];
  return {
    type: `https://motcua.vn/problems/${err.code.toLowerCase().replaceAll('_', '-')}`,
    title: spec.title,
    status: spec.status,
    code: err.code,
    ...(err.detail ? { detail: err.detail } : {}),
    ...(err.errors?.length ? { errors: err.errors } : {}),
    ...(requestId ? { requestId } : {}),
  };
}
