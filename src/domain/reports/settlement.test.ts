import { describe, expect, it } from 'vitest';
import { checkFacts, type DossierFacts } from './facts.ts';
import { calendarMonth, cutoffMonth } from './periods.ts';
import { outcomeOf, placeInPeriod } from './placement.ts';
import { settlementInconsistencies, settlementReport, settlementRow } from './settlement.ts';
import { counts, fact, tanThoiStory, vn } from './test-fixtures.ts';

const JULY = calendarMonth(2025, 7); // 2025-07-01 … 2025-07-31
const AUGUST = calendarMonth(2025, 8);
const row = (f: DossierFacts) => settlementRow([f], JULY);
const ZERO = counts([0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0], 0);

describe('Biểu II.06a — received (Số hồ sơ nhận giải quyết)', () => {
  it('counts a counter dossier received in the period as direct', () => {
    expect(row(fact({ channel: 1 }))).toEqual(counts([1, 0, 1, 0], [0, 0, 0, 0], [1, 1, 0], 0));
  });
  it('counts a postal dossier as direct too (trực tiếp, dịch vụ bưu chính)', () => {
    expect(row(fact({ channel: 3 }))).toEqual(counts([1, 0, 1, 0], [0, 0, 0, 0], [1, 1, 0], 0));
  });
  it('counts an online dossier as online', () => {
    expect(row(fact({ channel: 2 }))).toEqual(counts([1, 1, 0, 0], [0, 0, 0, 0], [1, 1, 0], 0));
  });
  it('carries over a dossier received before the period and settled inside it', () => {
    const f = fact({
      receivedAt: vn('2025-06-20 09:00'),
      dueAtLegal: vn('2025-06-27 17:00'),
      status: 10,
      processingEndedAt: vn('2025-07-02 09:00'),
      returnedAt: vn('2025-07-03 08:00'),
    });
    expect(row(f)).toEqual(counts([1, 0, 0, 1], [1, 0, 0, 1], [0, 0, 0], 0));
  });
  it('carries over a dossier received before the period and still open', () => {
    expect(row(fact({ receivedAt: vn('2025-06-20 09:00'), channel: 2 }))).toEqual(
      counts([1, 0, 0, 1], [0, 0, 0, 0], [1, 1, 0], 0),
    );
  });
  it('does not carry over a dossier finished before the period starts', () => {
    const f = fact({
      receivedAt: vn('2025-06-20 09:00'),
      status: 10,
      processingEndedAt: vn('2025-06-30 23:59'),
    });
    expect(row(f)).toEqual(ZERO);
    // Finished exactly at 00:00 of 1 July (Vietnam time) is inside July.
    expect(row({ ...f, processingEndedAt: vn('2025-07-01 00:00') }).settled.total).toBe(1);
  });
  it('does not count a dossier received after the period end', () => {
    expect(row(fact({ receivedAt: vn('2025-08-01 00:00') }))).toEqual(ZERO);
    expect(
      row(
        fact({ receivedAt: vn('2025-08-12 08:00'), status: 10, processingEndedAt: vn('2025-08-12 10:00') }),
      ),
    ).toEqual(ZERO);
    // The last minute of 31 July in Vietnam (16:59 UTC) is still July.
    expect(row(fact({ receivedAt: vn('2025-07-31 23:59') })).received.total).toBe(1);
  });
  it('never counts dossiers that were not accepted (status 1, 3, or withdrawn before acceptance)', () => {
    expect(row(fact({ status: 1, receivedAt: null }))).toEqual(ZERO);
    expect(row(fact({ status: 3, receivedAt: null }))).toEqual(ZERO);
    expect(row(fact({ status: 3 }))).toEqual(ZERO);
    expect(row(fact({ status: 7, receivedAt: null, withdrawnAt: vn('2025-07-05 09:00') }))).toEqual(ZERO);
  });
});

describe('Biểu II.06a — settled (Số hồ sơ đã giải quyết)', () => {
  const base = {
    receivedAt: vn('2025-07-01 08:00'),
    dueAtLegal: vn('2025-07-04 17:00'),
    status: 10 as const,
  };
  const settled = (over: Partial<DossierFacts>) => row(fact({ ...base, ...over }));

  it('early: finished on a day before the appointment day', () => {
    expect(settled({ processingEndedAt: vn('2025-07-03 15:00') })).toEqual(
      counts([1, 0, 1, 0], [1, 1, 0, 0], [0, 0, 0], 0),
    );
  });
  it('on time: finished on the appointment day, up to the appointment instant', () => {
    expect(settled({ processingEndedAt: vn('2025-07-04 10:00') })).toEqual(
      counts([1, 0, 1, 0], [1, 0, 1, 0], [0, 0, 0], 0),
    );
    expect(settled({ processingEndedAt: vn('2025-07-04 17:00') }).settled.onTime).toBe(1);
  });
  it('late: finished after the appointment', () => {
    expect(settled({ processingEndedAt: vn('2025-07-07 09:00') })).toEqual(
      counts([1, 0, 1, 0], [1, 0, 0, 1], [0, 0, 0], 0),
    );
    expect(settled({ processingEndedAt: vn('2025-07-04 17:01') }).settled.late).toBe(1);
  });
  it('two supplement requests make an otherwise early dossier late; one does not', () => {
    expect(settled({ processingEndedAt: vn('2025-07-02 09:00'), supplementRequests: 2 }).settled).toEqual({
      total: 1,
      early: 0,
      onTime: 0,
      late: 1,
    });
    expect(settled({ processingEndedAt: vn('2025-07-02 09:00'), supplementRequests: 1 }).settled).toEqual({
      total: 1,
      early: 1,
      onTime: 0,
      late: 0,
    });
  });
  it('a supplement pause moves dueAtLegal, so finishing after the first appointment is on time', () => {
    // Due Fri 4/7 17:00; a supplement pause of two working days moved the appointment to Tue 8/7 17:00.
    const ended = vn('2025-07-08 09:00');
    expect(
      settled({ dueAtLegal: vn('2025-07-08 17:00'), supplementRequests: 1, processingEndedAt: ended }).settled
        .onTime,
    ).toBe(1);
    // Judged against the appointment before the pause, the same end would be late.
    expect(settled({ supplementRequests: 1, processingEndedAt: ended }).settled.late).toBe(1);
  });
  it('an apology re-appointment does not make a late dossier on time (dueAtLegal, not dueAt)', () => {
    const f = { dueAt: vn('2025-07-11 17:00'), processingEndedAt: vn('2025-07-10 09:00') };
    expect(settled(f).settled.late).toBe(1);
  });
  it('counts status 9 (result issued, not yet returned) as settled', () => {
    expect(settled({ status: 9, processingEndedAt: vn('2025-07-03 10:00') }).settled.early).toBe(1);
  });
  it('uses the end of processing, not the return date (NgayTra)', () => {
    // Processed on 31/7, returned on 4/8: settled in July, not in August.
    const f = fact({
      ...base,
      processingEndedAt: vn('2025-07-31 10:00'),
      returnedAt: vn('2025-08-04 08:00'),
    });
    expect(settlementRow([f], JULY).settled.total).toBe(1);
    expect(settlementRow([f], AUGUST)).toEqual(ZERO);
  });
  it('falls back to the return date when the end of processing is missing', () => {
    expect(settled({ processingEndedAt: null, returnedAt: vn('2025-07-04 09:00') }).settled.onTime).toBe(1);
  });
});

describe('Biểu II.06a — in process at the period end (Số hồ sơ đang giải quyết)', () => {
  it('within time when the appointment is at or after the period end instant', () => {
    expect(row(fact({ dueAtLegal: vn('2025-08-05 17:00') }))).toEqual(
      counts([1, 0, 1, 0], [0, 0, 0, 0], [1, 1, 0], 0),
    );
    expect(row(fact({ dueAtLegal: vn('2025-08-01 00:00') })).inProcess.withinTime).toBe(1);
  });
  it('overdue when the appointment passed before the period end (even on its last day)', () => {
    expect(row(fact({ dueAtLegal: vn('2025-07-10 17:00') }))).toEqual(
      counts([1, 0, 1, 0], [0, 0, 0, 0], [1, 0, 1], 0),
    );
    expect(row(fact({ dueAtLegal: vn('2025-07-31 17:00') })).inProcess.overdue).toBe(1);
  });
  it('a dossier waiting for a supplement requested before its appointment is within time', () => {
    const f = fact({
      status: 5,
      supplementRequests: 1,
      pausedSince: vn('2025-07-20 09:00'),
      dueAtLegal: vn('2025-07-25 17:00'),
    });
    expect(row(f)).toEqual(counts([1, 0, 1, 0], [0, 0, 0, 0], [1, 1, 0], 0));
    expect(row({ ...f, status: 6 }).inProcess.withinTime).toBe(1);
  });
  it('a supplement requested after the appointment had passed does not rescue it', () => {
    const f = fact({
      status: 5,
      supplementRequests: 1,
      pausedSince: vn('2025-07-28 09:00'),
      dueAtLegal: vn('2025-07-25 17:00'),
    });
    expect(row(f).inProcess.overdue).toBe(1);
  });
  it('a supplement requested after the period end does not count as waiting at the end', () => {
    const f = fact({
      status: 5,
      supplementRequests: 1,
      pausedSince: vn('2025-08-02 09:00'),
      dueAtLegal: vn('2025-07-25 17:00'),
    });
    expect(row(f).inProcess.overdue).toBe(1);
  });
  it('a dossier settled after the period end is in process for the period (timestamps, not status)', () => {
    const f = fact({
      receivedAt: vn('2025-07-20 09:00'),
      dueAtLegal: vn('2025-07-25 17:00'),
      status: 10,
      processingEndedAt: vn('2025-08-04 10:00'),
      returnedAt: vn('2025-08-04 14:00'),
    });
    expect(settlementRow([f], JULY)).toEqual(counts([1, 0, 1, 0], [0, 0, 0, 0], [1, 0, 1], 0));
    expect(settlementRow([f], AUGUST)).toEqual(counts([1, 0, 0, 1], [1, 0, 0, 1], [0, 0, 0], 0));
  });
  it('a dossier withdrawn after the period end is in process for the period', () => {
    expect(row(fact({ status: 7, withdrawnAt: vn('2025-08-03 09:00') })).inProcess.withinTime).toBe(1);
  });
});

describe('Biểu II.06a — withdrawn or stopped', () => {
  it('counts a withdrawal request (status 7) in the period', () => {
    expect(row(fact({ status: 7, withdrawnAt: vn('2025-07-10 09:00') }))).toEqual(
      counts([1, 0, 1, 0], [0, 0, 0, 0], [0, 0, 0], 1),
    );
  });
  it('counts a stop (status 8) in the period', () => {
    expect(row(fact({ status: 8, processingEndedAt: vn('2025-07-12 09:00') }))).toEqual(
      counts([1, 0, 1, 0], [0, 0, 0, 0], [0, 0, 0], 1),
    );
  });
  it('dates a confirmed withdrawal by the request, the earlier of the two', () => {
    const f = fact({
      status: 8,
      withdrawnAt: vn('2025-07-31 16:00'),
      processingEndedAt: vn('2025-08-02 09:00'),
    });
    expect(settlementRow([f], JULY).withdrawnOrStopped).toBe(1);
    expect(settlementRow([f], AUGUST)).toEqual(ZERO);
  });
});

describe('data that does not fit the rules', () => {
  it('counts a finished dossier without any end timestamp as in process, and reports it', () => {
    const f = fact({ code: 'X1', status: 10 });
    expect(outcomeOf(f)).toEqual({ kind: 'open' });
    expect(row(f).inProcess.total).toBe(1);
    expect(checkFacts([f])).toEqual([{ code: 'X1', issues: ['missing_end'] }]);
  });
  it('takes an end before the receipt as the receipt time', () => {
    const f = fact({
      code: 'X2',
      status: 10,
      receivedAt: vn('2025-07-02 08:00'),
      processingEndedAt: vn('2025-06-28 08:00'),
    });
    expect(row(f)).toEqual(counts([1, 0, 1, 0], [1, 1, 0, 0], [0, 0, 0], 0));
    expect(checkFacts([f])).toEqual([{ code: 'X2', issues: ['end_before_receipt'] }]);
  });
  it('ignores end timestamps on an open dossier and pauses on a dossier not waiting', () => {
    const f = fact({
      code: 'X3',
      status: 4,
      processingEndedAt: vn('2025-07-05 08:00'),
      pausedSince: vn('2025-07-04 08:00'),
    });
    expect(row(f).inProcess.total).toBe(1);
    expect(placeInPeriod(f, { start: vn('2025-07-01'), end: vn('2025-08-01') })).toMatchObject({
      waiting: false,
    });
    expect(checkFacts([f])).toEqual([
      { code: 'X3', issues: ['end_on_open_dossier', 'pause_without_pause_status'] },
    ]);
  });
  it('leaves out an accepted dossier without a receipt time, and reports it', () => {
    const f = fact({ code: 'X4', receivedAt: null });
    expect(row(f)).toEqual(ZERO);
    expect(checkFacts([f])).toEqual([{ code: 'X4', issues: ['missing_receipt'] }]);
  });
  it('throws on an Invalid Date, naming the dossier; checkFacts reports it without throwing', () => {
    const f = fact({ code: 'X5', returnedAt: new Date(Number.NaN) });
    expect(() => row(f)).toThrow(/X5.*returnedAt/);
    expect(checkFacts([f])).toEqual([{ code: 'X5', issues: ['invalid_date'] }]);
  });
  it('refuses an invalid period', () => {
    expect(() => settlementRow([], { from: '2025-07-31', to: '2025-07-01' })).toThrow(RangeError);
    expect(() => settlementRow([], { from: '2025-02-30', to: '2025-03-01' })).toThrow(RangeError);
  });
});

describe('grouping and the total row', () => {
  const facts = [
    fact({ code: 'A', procedureCode: '2.000884', procedureName: 'Chứng thực chữ ký', unitCode: '28693' }),
    fact({ code: 'B', unitCode: '28694', channel: 2 }),
    fact({
      code: 'C',
      fieldCode: 'HT',
      fieldName: 'Hộ tịch',
      procedureCode: '1.001193',
      procedureName: 'Đăng ký khai sinh',
      status: 8,
      processingEndedAt: vn('2025-07-09 09:00'),
    }),
    // Finished before July: in no row, and its field gets no row.
    fact({
      code: 'D',
      fieldCode: 'DD',
      fieldName: 'Đất đai',
      receivedAt: vn('2025-05-02 08:00'),
      status: 10,
      processingEndedAt: vn('2025-05-09 08:00'),
    }),
  ];
  it('groups by field, leaves out empty groups, orders by code and sums the total row', () => {
    const r = settlementReport(facts, JULY, 'field');
    expect(r.rows.map((x) => x.key)).toEqual([
      { code: 'CT', name: 'Chứng thực' },
      { code: 'HT', name: 'Hộ tịch' },
    ]);
    expect(r.rows[0]).toMatchObject(counts([2, 1, 1, 0], [0, 0, 0, 0], [2, 2, 0], 0));
    expect(r.rows[1]).toMatchObject(counts([1, 0, 1, 0], [0, 0, 0, 0], [0, 0, 0], 1));
    expect(r.total).toEqual({
      key: { code: '', name: 'Tổng cộng' },
      ...counts([3, 1, 2, 0], [0, 0, 0, 0], [2, 2, 0], 1),
    });
    expect(r.period).toEqual(JULY);
  });
  it('groups by procedure', () => {
    const r = settlementReport(facts, JULY, 'procedure');
    expect(r.rows.map((x) => [x.key.code, x.received.total])).toEqual([
      ['1.001193', 1],
      ['2.000815', 1],
      ['2.000884', 1],
    ]);
  });
  it('groups by unit with display names when given', () => {
    const r = settlementReport(facts, JULY, 'unit', { unitNames: { '28693': 'Xã Tân Thới' } });
    expect(r.rows.map((x) => [x.key, x.received.total])).toEqual([
      [{ code: '28693', name: 'Xã Tân Thới' }, 2],
      [{ code: '28694', name: '28694' }, 1],
    ]);
  });
  it('reports under the Decree 09/2019 cut-off month too', () => {
    // 15/6–14/7: D is not in it, A–C are (received 3/7), C stopped on 9/7.
    expect(settlementReport(facts, cutoffMonth(2025, 7), 'field').total).toMatchObject(
      counts([3, 1, 2, 0], [0, 0, 0, 0], [2, 2, 0], 1),
    );
  });
});

describe('inspection story: Tân Thới, 1–2 July 2025', () => {
  const story = tanThoiStory();
  const period = { from: '2025-07-01', to: '2025-07-02' };

  it('gives the field rows and totals: received 12 = settled 10 + in process 2', () => {
    const r = settlementReport(story, period, 'field');
    expect(r.rows).toEqual([
      { key: { code: 'CT', name: 'Chứng thực' }, ...counts([9, 2, 7, 0], [9, 1, 8, 0], [0, 0, 0], 0) },
      {
        key: { code: 'HKD', name: 'Thành lập và hoạt động của hộ kinh doanh' },
        ...counts([1, 1, 0, 0], [0, 0, 0, 0], [1, 1, 0], 0),
      },
      { key: { code: 'HT', name: 'Hộ tịch' }, ...counts([2, 0, 2, 0], [1, 0, 1, 0], [1, 1, 0], 0) },
    ]);
    expect(r.total).toEqual({
      key: { code: '', name: 'Tổng cộng' },
      ...counts([12, 3, 9, 0], [10, 1, 9, 0], [2, 2, 0], 0),
    });
    for (const x of [...r.rows, r.total]) expect(settlementInconsistencies(x)).toEqual([]);
    expect(checkFacts(story)).toEqual([]);
  });
  it('on 3 July the two open dossiers are carried over', () => {
    expect(settlementRow(story, { from: '2025-07-03', to: '2025-07-03' })).toEqual(
      counts([2, 0, 0, 2], [0, 0, 0, 0], [2, 2, 0], 0),
    );
  });
});
