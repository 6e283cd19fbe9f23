import { describe, expect, it } from 'vitest';
import { feePaymentError, hasFee } from '../catalog/fee-payment.ts';
import {
  addWorkingDays,
  type CatalogueProcedure,
  indicator11,
  indicator13,
  indicator35,
  indicator36,
  missingParts,
  NO_DATA_REASON,
  type PaymentCounts,
  publicityCounts,
  withCatalogueIndicators,
  withoutData,
} from './catalogue-766.ts';
import { index766Full } from './index-766.ts';
import { indicator22 } from './score-766.ts';

/** Monday–Friday, with 2 September 2025 (National Day) off. */
const weekdays = (d: string) => {
  const w = new Date(`${d}T00:00:00Z`).getUTCDay();
  return w !== 0 && w !== 6 && d !== '2025-09-02';
};

const full: CatalogueProcedure['record'] = {
  name: 'Đăng ký khai sinh',
  steps: ['Bước 1: Nộp hồ sơ', 'Bước 2: Trả kết quả'],
  channels: ['counter', 'online'],
  documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, certifiedCopies: 0, photocopies: 0 }],
  timeLimitText: 'Ngay trong ngày làm việc',
  applicants: ['Công dân Việt Nam'],
  agency: 'Ủy ban nhân dân cấp xã',
};
const proc = (
  code: string,
  decidedOn: string | null,
  postedOn: string | null,
  record = full,
): CatalogueProcedure => ({ code, decidedOn, postedOn, record });

describe('Decision 766 1.1 and 1.3 (publicity of procedures)', () => {
  it('counts working days from the decision, skipping weekends and holidays', () => {
    // Friday 29 August 2025 + 5 working days: 1, 3, 4, 5, 8 September (2 September is National Day).
    expect(addWorkingDays('2025-08-29', 5, weekdays)).toBe('2025-09-08');
    expect(addWorkingDays('2025-06-30', 5, weekdays)).toBe('2025-07-07');
  });

  it('names the mandatory parts a record lacks, in the order of Decree 63 Art. 8.2', () => {
    expect(missingParts(full)).toEqual([]);
    expect(missingParts({ ...full, steps: [] })).toEqual(['steps']);
    expect(missingParts({ ...full, steps: ['  '], applicants: [], agency: '' })).toEqual([
      'steps',
      'applicants',
      'agency',
    ]);
    expect(
      missingParts({
        ...full,
        documents: [{ name: 'Tờ khai', originals: 0, certifiedCopies: 0, photocopies: 0 }],
      }),
    ).toEqual(['documents']);
    expect(missingParts({})).toEqual([
      'name',
      'steps',
      'channels',
      'documents',
      'timeLimit',
      'applicants',
      'agency',
    ]);
  });

  /*
   * September 2025, report made on 10 September (cut-off day 10/09). Deadline = decision + 5 working days.
   *   A decided 01/09 (deadline 09/09), posted 05/09                         → on time, posted, complete
   *   B decided 01/09 (deadline 09/09), posted 10/09                         → late, posted, complete
   *   C decided 08/09 (deadline 15/09), not posted: deadline after cut-off → on time (still within it)
   *   D decided 01/09 (deadline 09/09), not posted                           → late
   *   E decided 15/08 (not in the period), posted 20/08, no steps           → posted, incomplete
   *   F decided 09/09, posted 12/09 (after the cut-off)                      → to post, within time, not posted yet
   * By hand: 1.1 = (A + C + F) / (A, B, C, D, F) = 3 / 5 = 60 %; 1.3 = (A, B) / (A, B, E) = 2 / 3 = 66.67 %.
   */
  const september = [
    proc('A', '2025-09-01', '2025-09-05'),
    proc('B', '2025-09-01', '2025-09-10'),
    proc('C', '2025-09-08', null),
    proc('D', '2025-09-01', null),
    proc('E', '2025-08-15', '2025-08-20', { ...full, steps: [] }),
    proc('F', '2025-09-09', '2025-09-12'),
  ];

  it('computes 1.1 and 1.3 against a hand-computed fixture', () => {
    const c = publicityCounts(september, { from: '2025-09-01', to: '2025-09-30' }, '2025-09-10', weekdays);
    expect(c).toMatchObject({ toPost: 5, postedOnTime: 3, posted: 3, complete: 2 });
    expect(indicator11(c)).toMatchObject({ numerator: 3, denominator: 5, value: 60 });
    expect(indicator13(c)).toMatchObject({ numerator: 2, denominator: 3, value: 66.67 });
    expect(indicator11(c).missing).toBeUndefined();
    expect(indicator11(c).formulaVi).toMatch(/5 ngày làm việc/);
  });

  it('says "chưa thu thập" when no decision or no posting is recorded, and counts nothing for a period before them', () => {
    const none = publicityCounts(
      [proc('A', null, null), proc('B', null, null)],
      { from: '2025-09-01', to: '2025-09-30' },
      '2025-09-30',
      weekdays,
    );
    expect(indicator11(none)).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(indicator11(none).missing).toMatch(/chưa được ghi nhận/);
    expect(indicator13(none).missing).toMatch(/chưa được ghi nhận/);
    const before = publicityCounts(
      september,
      { from: '2024-01-01', to: '2024-12-31' },
      '2024-12-31',
      weekdays,
    );
    expect(before).toMatchObject({ toPost: 0, posted: 0, activity: 0 });
    expect(indicator11(before).value).toBeNull();
    expect(indicator13(before).value).toBeNull();
  });
});

describe('Decision 766 3.5 and 3.6 (online payment)', () => {
  const counts: PaymentCounts = {
    feeProcedures: 8,
    feeProceduresOnline: 3,
    catalogueCollected: true,
    feeDossiers: 7,
    paidOnline: 2,
    paymentsCollected: true,
  };

  it('computes 3.5 and 3.6 by hand', () => {
    expect(indicator35(counts)).toMatchObject({ numerator: 3, denominator: 8, value: 37.5 });
    expect(indicator36(counts)).toMatchObject({ numerator: 2, denominator: 7, value: 28.57 });
  });

  it('says "chưa thu thập" instead of 0 when nothing about payment is recorded', () => {
    const none = { ...counts, catalogueCollected: false, paymentsCollected: false };
    expect(indicator35(none)).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(indicator35(none).missing).toMatch(/chưa/);
    expect(indicator36(none)).toMatchObject({ value: null });
    expect(indicator36(none).missing).toMatch(/chưa/);
  });

  it('knows which procedures carry a fee and refuses unsound fee records at intake', () => {
    expect(hasFee([{ amount: 0 }])).toBe(false);
    expect(hasFee([{ amount: 0 }, { amount: 8000 }])).toBe(true);
    expect(hasFee([{ amount: null }])).toBe(true);
    const paid = [{ amount: 8000 }];
    expect(feePaymentError(paid, true, { payment: 'online', amount: 8000 })).toBeNull();
    expect(feePaymentError(paid, true, { payment: 'not_required' })).toBeNull();
    expect(feePaymentError(paid, true, { payment: 'cash' })?.path).toBe('fee.amount');
    expect(feePaymentError(paid, false, { payment: 'cash', amount: 8000 })?.path).toBe('fee');
    expect(feePaymentError([{ amount: 0 }], true, { payment: 'cash', amount: 5000 })?.path).toBe(
      'fee.payment',
    );
    expect(feePaymentError(paid, true, { payment: 'not_required', amount: 5000 })?.path).toBe('fee.amount');
  });
});

describe('the index with the catalogue indicators, and a period with no data', () => {
  const zeroCounts = {
    processed: 0,
    onTime: 0,
    receivedOnline: 0,
    receivedInPeriod: 0,
    settled: 0,
    digitised: 0,
    dissatisfied: 0,
  };
  const base = index766Full(
    zeroCounts,
    { offered: 20, offeredOnline: 12, onlineWithDossiers: 0 },
    {
      ratingsCollected: false,
    },
  );

  it('puts 1.1, 1.3, 3.5 and 3.6 in place of their "chưa thu thập" entries and leaves 4.3 uncollected with the reason', () => {
    const pub = publicityCounts(
      [proc('A', '2025-09-01', '2025-09-05')],
      { from: '2025-09-01', to: '2025-09-30' },
      '2025-09-30',
      weekdays,
    );
    const pay: PaymentCounts = {
      feeProcedures: 2,
      feeProceduresOnline: 1,
      catalogueCollected: true,
      feeDossiers: 0,
      paidOnline: 0,
      paymentsCollected: true,
    };
    const index = withCatalogueIndicators(base, pub, pay);
    const byId = Object.fromEntries(index.map((i) => [i.id, i]));
    expect(byId['1.1']).toMatchObject({ value: 100 });
    expect(byId['1.3']).toMatchObject({ value: 100 });
    expect(byId['3.5']).toMatchObject({ value: 50 });
    // Payments are recorded, but no dossier with a fee in the period: N/A, not 0.
    expect(byId['3.6']).toMatchObject({ value: null, denominator: 0 });
    expect(byId['3.6']?.missing).toBeUndefined();
    expect(byId['4.3']?.missing).toMatch(/không đánh dấu thành phần/);
    expect(index.map((i) => i.id)).toEqual(base.map((i) => i.id));
  });

  it('turns every indicator into "no data" (null, never 0) for a period with nothing in it', () => {
    const index = withoutData(base);
    expect(index).toHaveLength(20);
    for (const i of index) {
      expect(i.value, i.id).toBeNull();
      expect(i.missing, i.id).toBeTruthy();
    }
    // 3.1 would have read the catalogue as it stands (12 / 20): the empty period says "no data".
    expect(index.find((i) => i.id === '3.1')?.missing).toBe(NO_DATA_REASON);
  });

  it('averages 2.2 per procedure as well as over all settled dossiers', () => {
    const v = indicator22({
      settled: 3,
      electronic: 0,
      processingMinutes: 3 * 1440 + 1440 + 720,
      byProcedure: {
        '2.000815': { settled: 2, minutes: 1440 + 720 },
        '1.001193': { settled: 1, minutes: 3 * 1440 },
      },
    });
    // (3 + 1 + 0.5) days / 3 = 1.5; 2.000815: 1.5 / 2 = 0.75; 1.001193: 3.
    expect(v.value).toBe(1.5);
    expect(v.byProcedure).toEqual([
      { code: '1.001193', settled: 1, days: 3 },
      { code: '2.000815', settled: 2, days: 0.75 },
    ]);
  });
});
