import { parseHm, vnInstant } from '../calendar/vn-time.ts';
import type { DossierFacts } from './facts.ts';
import type { SettlementCounts } from './settlement.ts';

/* Builders shared by the report tests (no test runner imports here). */

/** Vietnam wall time 'YYYY-MM-DD HH:MM' (or just the date, at 00:00) as an instant. */
export function vn(s: string): Date {
  const [date = '', hm = '00:00'] = s.split(' ');
  return vnInstant(date, parseHm(hm));
}

/** A dossier of Tân Thới, copy certification at the counter, in process, due far after July 2025. */
export function fact(over: Partial<DossierFacts> = {}): DossierFacts {
  const dueAtLegal = over.dueAtLegal ?? vn('2025-08-05 17:00');
  return {
    code: 'H1',
    unitCode: '28693',
    fieldCode: 'CT',
    fieldName: 'Chứng thực',
    procedureCode: '2.000815',
    procedureName: 'Chứng thực bản sao từ bản chính',
    channel: 1,
    status: 4,
    receivedAt: vn('2025-07-03 08:00'),
    processingEndedAt: null,
    returnedAt: null,
    supplementRequests: 0,
    ...over,
    dueAtLegal,
    dueAt: over.dueAt ?? dueAtLegal,
  };
}

/** Counts written as [total, online, direct, carried over], [total, early, on time, late], [total, within, overdue], withdrawn/stopped. */
export function counts(
  received: [number, number, number, number],
  settled: [number, number, number, number],
  inProcess: [number, number, number],
  withdrawnOrStopped: number,
): SettlementCounts {
  return {
    received: { total: received[0], online: received[1], direct: received[2], carriedOver: received[3] },
    settled: { total: settled[0], early: settled[1], onTime: settled[2], late: settled[3] },
    inProcess: { total: inProcess[0], withinTime: inProcess[1], overdue: inProcess[2] },
    withdrawnOrStopped,
  };
}

/**
 * The inspection story: 12 dossiers of Tân Thới received Tue 1 – Wed 2 July 2025 — 9 certification,
 * 2 civil status, 1 household business; 10 settled and 2 in process at the end of 2 July.
 */
export function tanThoiStory(): DossierFacts[] {
  // Tue 1 – Wed 2 July 2025. Same-day certification is due the same day at 17:00, or the next working
  // day when received after 15:00; civil-status confirmation and household business take 3 working days.
  const CT = {
    fieldCode: 'CT',
    fieldName: 'Chứng thực',
    procedureCode: '2.000815',
    procedureName: 'Chứng thực bản sao từ bản chính',
  };
  const certification = (
    n: number,
    received: string,
    due: string,
    ended: string,
    channel: 1 | 2 = 1,
  ): DossierFacts =>
    fact({
      ...CT,
      code: `000.00.28693.H58-250701-${String(n).padStart(4, '0')}`,
      channel,
      receivedAt: vn(received),
      dueAtLegal: vn(due),
      status: 10,
      processingEndedAt: vn(ended),
      returnedAt: vn(ended),
      hasAttachments: true,
      hasResultFile: channel === 2,
      rating: 'very_satisfied',
    });
  return [
    certification(1, '2025-07-01 07:40', '2025-07-01 17:00', '2025-07-01 09:10'),
    certification(2, '2025-07-01 08:05', '2025-07-01 17:00', '2025-07-01 09:30'),
    certification(3, '2025-07-01 09:20', '2025-07-01 17:00', '2025-07-01 10:45', 2),
    certification(4, '2025-07-01 14:10', '2025-07-01 17:00', '2025-07-01 16:20'),
    // Received after 15:00: due the next working day, returned the same afternoon — early.
    certification(5, '2025-07-01 15:30', '2025-07-02 17:00', '2025-07-01 16:40'),
    certification(6, '2025-07-02 07:30', '2025-07-02 17:00', '2025-07-02 08:40'),
    certification(7, '2025-07-02 08:15', '2025-07-02 17:00', '2025-07-02 09:00', 2),
    certification(8, '2025-07-02 10:00', '2025-07-02 17:00', '2025-07-02 11:10'),
    certification(9, '2025-07-02 13:45', '2025-07-02 17:00', '2025-07-02 15:30'),
    fact({
      code: '000.00.28693.H58-250701-0010',
      fieldCode: 'HT',
      fieldName: 'Hộ tịch',
      procedureCode: '1.001193',
      procedureName: 'Đăng ký khai sinh',
      receivedAt: vn('2025-07-01 10:00'),
      dueAtLegal: vn('2025-07-01 17:00'),
      status: 10,
      processingEndedAt: vn('2025-07-01 14:30'),
      returnedAt: vn('2025-07-01 15:00'),
      hasAttachments: true,
      hasResultFile: true,
      rating: 'dissatisfied',
    }),
    fact({
      code: '000.00.28693.H58-250702-0011',
      fieldCode: 'HT',
      fieldName: 'Hộ tịch',
      procedureCode: '1.004873',
      procedureName: 'Cấp Giấy xác nhận tình trạng hôn nhân',
      receivedAt: vn('2025-07-02 09:00'),
      dueAtLegal: vn('2025-07-07 09:00'),
      status: 4,
    }),
    fact({
      code: '000.00.28693.H58-250702-0012',
      fieldCode: 'HKD',
      fieldName: 'Thành lập và hoạt động của hộ kinh doanh',
      procedureCode: '1.001612',
      procedureName: 'Đăng ký thành lập hộ kinh doanh',
      channel: 2,
      receivedAt: vn('2025-07-02 10:00'),
      dueAtLegal: vn('2025-07-07 10:00'),
      status: 4,
    }),
  ];
}
