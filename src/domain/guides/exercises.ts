/*
 * The guided exercises of the training center (practice mode). Each exercise is done with the real
 * screens against the practice database; the server then checks what the trainee actually did there.
 */

export const EXERCISE_IDS = ['receive', 'supplement', 'refuse', 'return'] as const;
export type ExerciseId = (typeof EXERCISE_IDS)[number];

export interface Exercise {
  id: ExerciseId;
  title: string;
  /** The procedure the exercise uses. */
  procedureCode: string;
  /** Step-by-step instructions shown beside the practice screens. */
  steps: string[];
  /** What the check looks at, one label per check key. */
  checks: Record<string, string>;
}

export const EXERCISES: Exercise[] = [
  {
    id: 'receive',
    title: 'Tiếp nhận một hồ sơ đủ điều kiện',
    procedureCode: '2.000815',
    steps: [
      'Bấm “Mở màn hình tiếp nhận (luyện tập)”.',
      'Chọn thủ tục “Chứng thực bản sao từ bản chính…” và đọc khung Hướng dẫn tiếp nhận.',
      'Nhập thông tin người nộp (dữ liệu tập, không dùng thông tin thật của người dân).',
      'Đánh dấu đủ giấy tờ bắt buộc, chọn “Tiếp nhận” và lưu.',
      'Quay lại đây, bấm “Kiểm tra kết quả”.',
    ],
    checks: {
      dossier: 'Có hồ sơ do bạn tiếp nhận sau khi bắt đầu bài tập',
      accepted: 'Hồ sơ được tiếp nhận (đã cấp mã hồ sơ, bắt đầu tính thời hạn)',
      procedure: 'Đúng thủ tục chứng thực bản sao từ bản chính',
    },
  },
  {
    id: 'supplement',
    title: 'Yêu cầu bổ sung hồ sơ (hướng dẫn một lần)',
    procedureCode: '1.001193',
    steps: [
      'Mở màn hình tiếp nhận (luyện tập), chọn thủ tục “Đăng ký khai sinh”.',
      'Giả sử người dân chưa mang Giấy chứng sinh: không đánh dấu giấy tờ đó.',
      'Chọn quyết định “Yêu cầu bổ sung”, ghi rõ MỘT LẦN mọi giấy tờ còn thiếu và lý do.',
      'Lưu, rồi quay lại đây bấm “Kiểm tra kết quả”.',
    ],
    checks: {
      dossier: 'Có hồ sơ khai sinh do bạn lập sau khi bắt đầu bài tập',
      supplement: 'Hồ sơ ở trạng thái chờ bổ sung trước khi tiếp nhận (chưa tính thời hạn)',
      reason: 'Đã ghi nội dung cần bổ sung',
    },
  },
  {
    id: 'refuse',
    title: 'Từ chối tiếp nhận đúng quy định',
    procedureCode: '2.000815',
    steps: [
      'Tình huống: người dân xin chứng thực bản sao từ một bản chính bị tẩy xóa, sửa chữa nội dung.',
      'Đọc mục “Khi nào từ chối” trong Hướng dẫn tiếp nhận của thủ tục chứng thực bản sao.',
      'Mở màn hình tiếp nhận (luyện tập), nhập hồ sơ, chọn quyết định “Từ chối tiếp nhận”.',
      'Ghi lý do cụ thể (ví dụ: bản chính bị tẩy xóa, sửa chữa nội dung, thuộc trường hợp không được chứng thực).',
      'Lưu, rồi bấm “Kiểm tra kết quả”.',
    ],
    checks: {
      dossier: 'Có hồ sơ chứng thực bản sao do bạn lập sau khi bắt đầu bài tập',
      refused: 'Hồ sơ ở trạng thái “Không được tiếp nhận”',
      reason: 'Lý do từ chối được ghi cụ thể (ít nhất 20 ký tự)',
    },
  },
  {
    id: 'return',
    title: 'Trả kết quả cho người dân',
    procedureCode: '2.000815',
    steps: [
      'Khi bạn bấm “Bắt đầu”, trung tâm luyện tập chuẩn bị một hồ sơ đã có kết quả (mã hồ sơ hiện bên dưới).',
      'Mở hồ sơ đó (luyện tập), đọc khung “Việc cần làm ở bước này”.',
      'Chọn thao tác trả kết quả, hình thức “Tại quầy”, và xác nhận.',
      'Quay lại đây, bấm “Kiểm tra kết quả”.',
    ],
    checks: {
      returned: 'Hồ sơ đã chuyển sang “Đã trả kết quả”',
      byYou: 'Chính bạn là người trả kết quả',
    },
  },
];

export function exerciseById(id: string): Exercise | undefined {
  return EXERCISES.find((e) => e.id === id);
}
