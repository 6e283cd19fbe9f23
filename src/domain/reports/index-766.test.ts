import { describe, expect, it } from 'vitest';
import {
  digitisedShare,
  index766,
  index766Full,
  onlineShare,
  onTimeRate,
  percent,
  satisfaction,
} from './index-766.ts';
import { calendarMonth } from './periods.ts';
import { settlementRow } from './settlement.ts';
import { fact, tanThoiStory, vn } from './test-fixtures.ts';

const JULY = calendarMonth(2025, 7);
const due = vn('2025-07-10 17:00');
const facts = [
  // A: online, settled early, digitised, very satisfied.
  fact({
    code: 'A',
    channel: 2,
    dueAtLegal: due,
    status: 10,
    processingEndedAt: vn('2025-07-08 10:00'),
    hasAttachments: true,
    hasResultFile: true,
    rating: 'very_satisfied',
  }),
  // B: counter, settled late, attachments but no result file, dissatisfied.
  fact({
    code: 'B',
    dueAtLegal: due,
    status: 10,
    processingEndedAt: vn('2025-07-14 10:00'),
    hasAttachments: true,
    hasResultFile: false,
    rating: 'dissatisfied',
  }),
  // C: online, in process within time at the end of July.
  fact({ code: 'C', channel: 2 }),
  // D: counter, in process and overdue.
  fact({ code: 'D', dueAtLegal: due }),
  // E: counter, withdrawn before its appointment.
  fact({ code: 'E', dueAtLegal: due, status: 7, withdrawnAt: vn('2025-07-07 09:00') }),
  // F: carried over from June, settled on time, digitised, dissatisfied.
  fact({
    code: 'F',
    receivedAt: vn('2025-06-25 09:00'),
    dueAtLegal: vn('2025-07-02 17:00'),
    status: 10,
    processingEndedAt: vn('2025-07-02 11:00'),
    hasAttachments: true,
    hasResultFile: true,
    rating: 'dissatisfied',
  }),
  // Not counted: received in August, rated dissatisfied.
  fact({
    code: 'G',
    receivedAt: vn('2025-08-02 09:00'),
    status: 10,
    processingEndedAt: vn('2025-08-02 10:00'),
    rating: 'dissatisfied',
  }),
];

describe('percent', () => {
  it('rounds half up to 2 decimals and gives null for a zero denominator', () => {
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 32)).toBe(3.13);
    expect(percent(5, 5)).toBe(100);
    expect(percent(0, 7)).toBe(0);
    expect(percent(0, 0)).toBeNull();
  });
});

describe('Index 766 indicators', () => {
  it('the report columns they are built on', () => {
    const c = settlementRow(facts, JULY);
    expect(c.received).toEqual({ total: 6, online: 2, direct: 3, carriedOver: 1 });
    expect(c.settled).toEqual({ total: 3, early: 1, onTime: 1, late: 1 });
    expect(c.inProcess).toEqual({ total: 2, withinTime: 1, overdue: 1 });
    expect(c.withdrawnOrStopped).toBe(1);
  });
  it('2.1 on-time rate: (A, C, E, F) / all six processed in July', () => {
    expect(onTimeRate(facts, JULY)).toMatchObject({ id: '2.1', numerator: 4, denominator: 6, value: 66.67 });
  });
  it('3.3 online share: A, C over the five received in July (F was counted in June)', () => {
    expect(onlineShare(facts, JULY)).toMatchObject({ id: '3.3', numerator: 2, denominator: 5, value: 40 });
  });
  it('4.2 digitised: A and F of the three settled', () => {
    expect(digitisedShare(facts, JULY)).toMatchObject({
      id: '4.2',
      numerator: 2,
      denominator: 3,
      value: 66.67,
    });
  });
  it('5.4 satisfaction: 100% − (2 overdue + 2 dissatisfied) / 6', () => {
    expect(satisfaction(facts, JULY)).toMatchObject({
      id: '5.4',
      numerator: 2,
      denominator: 6,
      value: 33.33,
      parts: { processed: 6, overdue: 2, dissatisfied: 2 },
    });
  });
  it('floors satisfaction at 0 when overdue and dissatisfied rates add past 100%', () => {
    const bad = [
      fact({
        code: 'Z',
        dueAtLegal: due,
        status: 10,
        processingEndedAt: vn('2025-07-20 10:00'),
        rating: 'dissatisfied',
      }),
    ];
    expect(satisfaction(bad, JULY)).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
  });
  it('gives null values with no dossiers', () => {
    expect(index766([], JULY).map((i) => [i.id, i.value])).toEqual([
      ['2.1', null],
      ['3.3', null],
      ['4.2', null],
      ['5.4', null],
    ]);
  });
  it('shows names and formulas', () => {
    for (const i of index766(facts, JULY)) {
      expect(i.name).toMatch(/^Tỷ lệ|^Mức độ/);
      expect(i.formula).toContain('/');
      expect(i.formulaVi.length).toBeGreaterThan(20);
    }
  });
  it('the inspection story: all on time, 3 of 12 online, 3 of 10 digitised, one dissatisfied', () => {
    const story = tanThoiStory();
    expect(
      index766(story, { from: '2025-07-01', to: '2025-07-02' }).map((i) => [
        i.id,
        i.numerator,
        i.denominator,
        i.value,
      ]),
    ).toEqual([
      ['2.1', 12, 12, 100],
      ['3.3', 3, 12, 25],
      ['4.2', 3, 10, 30],
      ['5.4', 11, 12, 91.67],
    ]);
  });
});

describe('the whole Decision 766 index (docs/domain-vn.md §1.4)', () => {
  // Hand-computed: 20 dossiers processed, 15 on time; 16 received in the period, 4 online; 10 settled,
  // 7 digitised; 12 procedures offered, 5 online, 2 of them with an online dossier.
  const counts = {
    processed: 20,
    onTime: 15,
    receivedOnline: 4,
    receivedInPeriod: 16,
    settled: 10,
    digitised: 7,
    dissatisfied: 0,
  };
  const catalogue = { offered: 12, offeredOnline: 5, onlineWithDossiers: 2 };
  const index = index766Full(counts, catalogue, { ratingsCollected: false });
  const byId = Object.fromEntries(index.map((i) => [i.id, i]));

  it('computes every indicator whose data motcua holds, with its formula', () => {
    const values = Object.fromEntries(
      index.filter((i) => !i.missing).map((i) => [i.id, [i.numerator, i.denominator, i.value]]),
    );
    expect(values).toEqual({
      '2.1': [15, 20, 75],
      '3.1': [5, 12, 41.67],
      '3.2': [2, 5, 40],
      '3.3': [4, 16, 25],
      '4.2': [7, 10, 70],
    });
    expect(byId['3.1']?.formulaVi).toContain('dịch vụ công trực tuyến');
    expect(byId['3.2']?.name).toBe('Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ');
  });

  it('says "not collected" with the reason instead of 0 for the others, 5.4 too while no rating is recorded', () => {
    const missing = index.filter((i) => i.missing);
    expect(missing.map((i) => i.id)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '2.2',
      '3.5',
      '3.6',
      '4.1',
      '4.3',
      '4.4',
      '4.5',
      '5.1',
      '5.2',
      '5.3',
      '5.4',
    ]);
    for (const i of missing) {
      expect(i.value, i.id).toBeNull();
      expect(i.missing, i.id).toMatch(/chưa/);
      expect(i.formulaVi.length, i.id).toBeGreaterThan(10);
    }
    expect(byId['5.4']?.missing).toMatch(/hài lòng/);
  });

  it('computes 5.4 once ratings are collected: 100% − (overdue + dissatisfied rates)', () => {
    const withRatings = index766Full({ ...counts, dissatisfied: 2 }, catalogue, { ratingsCollected: true });
    const s54 = withRatings.find((i) => i.id === '5.4');
    // 20 processed, 5 overdue, 2 dissatisfied: (20 − 5 − 2) / 20 = 65%.
    expect([s54?.numerator, s54?.denominator, s54?.value, s54?.missing]).toEqual([13, 20, 65, undefined]);
    expect(withRatings.map((i) => i.id)).toEqual(index.map((i) => i.id));
  });
});
