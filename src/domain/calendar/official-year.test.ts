import { describe, expect, it } from 'vitest';
import { isValidMakeupDay, officialYearErrors } from './official-year.ts';

describe('official year schedule', () => {
  it('takes a make-up working day only on a Saturday or a Sunday', () => {
    expect(isValidMakeupDay('2026-01-03')).toBe(true); // Saturday
    expect(isValidMakeupDay('2026-01-04')).toBe(true); // Sunday
    expect(isValidMakeupDay('2026-01-05')).toBe(false); // Monday
    expect(isValidMakeupDay('2026-02-30')).toBe(false);
  });

  it('names every wrong entry: outside the year, listed twice, a weekday make-up day', () => {
    expect(
      officialYearErrors(2026, [
        { date: '2026-01-01', kind: 'holiday' },
        { date: '2025-12-31', kind: 'holiday' },
        { date: '2026-01-01', kind: 'compensatory' },
        { date: '2026-01-05', kind: 'makeup_workday' },
        { date: '2026-01-03', kind: 'makeup_workday' },
      ]),
    ).toEqual([
      { path: 'days.1.date', message: 'Ngày 2025-12-31 không thuộc năm 2026' },
      { path: 'days.2.date', message: 'Ngày 2026-01-01 bị trùng' },
      { path: 'days.3.kind', message: 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật' },
    ]);
  });
});
