import type { NationalStatus } from '../lifecycle/statuses.ts';

/**
 * The minimal record the periodic reports need about one dossier, as it stands NOW (at report
 * time). Reports for past periods are rebuilt from the timestamps, never from the current status
 * alone: a dossier settled after a period's end was still in process at that end.
 */
export interface DossierFacts {
  code: string;
  unitCode: string;
  /** Lĩnh vực. */
  fieldCode: string;
  fieldName: string;
  procedureCode: string;
  procedureName: string;
  /** KenhThucHien: 1 counter, 2 online, 3 postal. */
  channel: 1 | 2 | 3;
  /** National status (TrangThaiHoSo) now. */
  status: NationalStatus;
  /** NgayTiepNhan; null for dossiers never accepted (status 1 or 3). */
  receivedAt: Date | null;
  /** Current appointment (after pause shifts and any apology re-appointment). */
  dueAt: Date;
  /** Appointment after pause shifts, before any apology re-appointment: the one timeliness is judged by. */
  dueAtLegal: Date;
  /** NgayKetThucXuLy: status 9 time, or the stop / withdrawal confirmation. */
  processingEndedAt: Date | null;
  /** NgayTra (status 10). */
  returnedAt: Date | null;
  /** When status 7 (applicant asks to withdraw) was set. */
  withdrawnAt?: Date | null;
  supplementRequests: number;
  /** Start of the supplement or payment pause that is open now. */
  pausedSince?: Date | null;
  hasAttachments?: boolean;
  hasResultFile?: boolean;
  reusedComponent?: boolean;
  vneidVerified?: boolean;
  rating?: 'very_satisfied' | 'satisfied' | 'dissatisfied' | null;
}

/** Statuses of a dossier that is still open now (received, not finished). */
export const OPEN_STATUSES: readonly NationalStatus[] = [2, 4, 5, 6];
/** Statuses of a dossier finished with a result. */
export const SETTLED_STATUSES: readonly NationalStatus[] = [9, 10];
/** Statuses of a dossier that left processing without a result (withdrawn, stopped). */
export const WITHDRAWN_OR_STOPPED_STATUSES: readonly NationalStatus[] = [7, 8];
/** Statuses of a dossier that was never accepted, so never counted in any report. */
export const NEVER_RECEIVED_STATUSES: readonly NationalStatus[] = [1, 3];
/** Statuses of a dossier whose clock is paused while waiting for the applicant. */
export const PAUSED_STATUSES: readonly NationalStatus[] = [5, 6];

/**
 * Data-quality findings; each says how the reports treat the dossier so a screen can warn about it.
 * - `missing_receipt`: accepted status but no `receivedAt` → left out of every report.
 * - `missing_end`: status 7–10 without any end timestamp → counted as still in process.
 * - `end_from_return`: status 9/10 without `processingEndedAt` → `returnedAt` is used as the end.
 * - `end_before_receipt`: end earlier than receipt → the end is taken as the receipt time.
 * - `end_on_open_dossier`: status 2/4/5/6 with an end or withdrawal timestamp → the timestamps are ignored.
 * - `pause_without_pause_status`: `pausedSince` set but status is not 5/6 → the pause is ignored.
 * - `invalid_date`: an Invalid Date → the report functions throw RangeError for this dossier.
 */
export type FactIssue =
  | 'missing_receipt'
  | 'missing_end'
  | 'end_from_return'
  | 'end_before_receipt'
  | 'end_on_open_dossier'
  | 'pause_without_pause_status'
  | 'invalid_date';

export const FACT_ISSUE_NAMES: Record<FactIssue, string> = {
  missing_receipt: 'Hồ sơ đã tiếp nhận nhưng thiếu ngày tiếp nhận: không đưa vào báo cáo',
  missing_end: 'Hồ sơ đã kết thúc nhưng thiếu ngày kết thúc xử lý: tính là đang giải quyết',
  end_from_return: 'Thiếu ngày kết thúc xử lý: dùng ngày trả kết quả',
  end_before_receipt: 'Ngày kết thúc trước ngày tiếp nhận: lấy ngày tiếp nhận',
  end_on_open_dossier: 'Hồ sơ đang giải quyết có ngày kết thúc: bỏ qua ngày kết thúc',
  pause_without_pause_status:
    'Có thời điểm tạm dừng nhưng trạng thái không phải chờ bổ sung/nghĩa vụ tài chính: bỏ qua',
  invalid_date: 'Ngày không hợp lệ',
};

const DATE_FIELDS = [
  'receivedAt',
  'dueAt',
  'dueAtLegal',
  'processingEndedAt',
  'returnedAt',
  'withdrawnAt',
  'pausedSince',
] as const;

/** An Invalid Date among the timestamps of `f`, by field name (undefined when all are valid). */
export function invalidDateField(f: DossierFacts): (typeof DATE_FIELDS)[number] | undefined {
  return DATE_FIELDS.find((k) => {
    const d = f[k];
    return d instanceof Date && Number.isNaN(d.getTime());
  });
}

/** Data-quality findings for each dossier that has any, in input order. Never throws. */
export function checkFacts(facts: readonly DossierFacts[]): { code: string; issues: FactIssue[] }[] {
  const out: { code: string; issues: FactIssue[] }[] = [];
  for (const f of facts) {
    const issues: FactIssue[] = [];
    if (invalidDateField(f)) {
      out.push({ code: f.code, issues: ['invalid_date'] });
      continue;
    }
    const received = !NEVER_RECEIVED_STATUSES.includes(f.status);
    if (received && !f.receivedAt) issues.push('missing_receipt');
    const settled = SETTLED_STATUSES.includes(f.status);
    const withdrawn = WITHDRAWN_OR_STOPPED_STATUSES.includes(f.status);
    let end: Date | null | undefined = null;
    if (settled) {
      end = f.processingEndedAt ?? f.returnedAt;
      if (!f.processingEndedAt && f.returnedAt) issues.push('end_from_return');
    } else if (withdrawn) {
      end = earliest(f.processingEndedAt, f.withdrawnAt);
    }
    if ((settled || withdrawn) && !end) issues.push('missing_end');
    if (end && f.receivedAt && end.getTime() < f.receivedAt.getTime()) issues.push('end_before_receipt');
    if (OPEN_STATUSES.includes(f.status) && (f.processingEndedAt || f.returnedAt || f.withdrawnAt)) {
      issues.push('end_on_open_dossier');
    }
    if (f.pausedSince && !PAUSED_STATUSES.includes(f.status)) issues.push('pause_without_pause_status');
    if (issues.length > 0) out.push({ code: f.code, issues });
  }
  return out;
}

/** The earlier of two optional instants (null when both are missing). */
export function earliest(a: Date | null | undefined, b: Date | null | undefined): Date | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return a.getTime() <= b.getTime() ? a : b;
}
