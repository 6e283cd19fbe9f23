import { foldVietnamese } from '../../../domain/text/fold.ts';
/** Vietnamese texts of the notifications sent to applicants (docs/domain-vn.md §2.3: supplement, result, re-appointment). */

export interface NotificationPayload {
  code: string;
  template: 'received' | 'refused' | 'supplement_requested' | 'result_ready' | 'appointment_moved' | string;
  applicantName: string;
  dueAt: string;
  reason?: string;
  items?: Array<{ name: string }>;
  apology?: boolean;
  to: string;
  /** A queue ticket's number, commune and follow-up page (template `queue_ticket`). */
  number?: number;
  unitName?: string;
  url?: string;
}

function vnTime(iso: string): string {
  const v = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  return `${v.slice(11, 16)} ngày ${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}`;
}

/** Subject and text of a notification; SMS uses the short text only. */
export function renderMessage(p: NotificationPayload): { subject: string; text: string; sms: string } {
  switch (p.template) {
    case 'supplement_requested': {
      const items = p.items?.length ? ` Giấy tờ cần bổ sung: ${p.items.map((i) => i.name).join('; ')}.` : '';
      return {
        subject: `Hồ sơ ${p.code}: yêu cầu bổ sung, hoàn thiện hồ sơ`,
        text: `Kính gửi Ông/Bà ${p.applicantName},\n\nHồ sơ ${p.code} cần được bổ sung, hoàn thiện. Lý do: ${p.reason ?? ''}.${items}\nThời gian chờ bổ sung không tính vào thời hạn giải quyết; ngày hẹn trả sẽ được lùi tương ứng.\n\nTrân trọng.`,
        sms: `Ho so ${p.code} can bo sung: ${p.reason ?? ''}. Vui long lien he Trung tam Phuc vu hanh chinh cong.`,
      };
    }
    case 'received':
      return {
        subject: `Hồ sơ ${p.code}: đã được tiếp nhận`,
        text: `Kính gửi Ông/Bà ${p.applicantName},\n\nHồ sơ nộp trực tuyến ${p.code} đã được tiếp nhận. Ngày hẹn trả kết quả: ${vnTime(p.dueAt)}.\n\nTrân trọng.`,
        sms: `Ho so ${p.code} da duoc tiep nhan. Hen tra ket qua: ${vnTime(p.dueAt)}.`,
      };
    case 'refused':
      return {
        subject: `Hồ sơ ${p.code}: không được tiếp nhận`,
        text: `Kính gửi Ông/Bà ${p.applicantName},\n\nHồ sơ nộp trực tuyến ${p.code} không được tiếp nhận. Lý do: ${p.reason ?? ''}.\n\nTrân trọng.`,
        sms: `Ho so ${p.code} khong duoc tiep nhan. Xem ly do tai muc Ho so cua toi.`,
      };
    case 'result_ready':
      return {
        subject: `Hồ sơ ${p.code}: đã có kết quả giải quyết`,
        text: `Kính gửi Ông/Bà ${p.applicantName},\n\nHồ sơ ${p.code} đã có kết quả. Mời Ông/Bà đến Trung tâm Phục vụ hành chính công nhận kết quả (mang theo giấy tiếp nhận hồ sơ).\n\nTrân trọng.`,
        sms: `Ho so ${p.code} da co ket qua. Moi Ong/Ba den Trung tam Phuc vu hanh chinh cong nhan ket qua.`,
      };
    case 'appointment_moved':
      return {
        subject: `Hồ sơ ${p.code}: thay đổi ngày hẹn trả kết quả`,
        text: `Kính gửi Ông/Bà ${p.applicantName},\n\n${p.apology ? 'Trung tâm Phục vụ hành chính công xin lỗi Ông/Bà vì hồ sơ chưa được giải quyết đúng hẹn. ' : ''}Ngày hẹn trả kết quả của hồ sơ ${p.code} nay là ${vnTime(p.dueAt)}.\n\nTrân trọng.`,
        sms: `Ho so ${p.code}: ngay hen tra ket qua moi la ${vnTime(p.dueAt)}.`,
      };
    case 'queue_ticket':
      return {
        subject: `Số thứ tự ${p.number} — ${p.unitName}`,
        text: `Ông/Bà đã lấy số thứ tự ${p.number} tại Trung tâm Phục vụ hành chính công ${p.unitName}. Theo dõi lượt gọi: ${p.url}`,
        sms: `So thu tu cua Ong/Ba: ${p.number} (${foldVietnamese(p.unitName ?? '')}). Theo doi luot goi: ${p.url}`,
      };
    default:
      throw new Error(`unknown notification template ${p.template}`);
  }
}
