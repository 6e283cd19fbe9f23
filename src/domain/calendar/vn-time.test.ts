import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  fromEpochDay,
  isoToVnLocal,
  isPlainDate,
  parseHm,
  toEpochDay,
  vnDateOf,
  vnInstant,
  vnLocalToIso,
  vnMinutesOf,
  weekdayOf,
} from './vn-time.ts';

const HOUR_MS = 3_600_000;
// Instants between 1900 and 2200, the range the application can meet.
const instantArb = fc
  .integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) })
  .map((ms) => new Date(ms));

describe('isPlainDate', () => {
  it.each(['2025-01-01', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2025-12-31'])(
    'accepts %s',
    (s) => expect(isPlainDate(s)).toBe(true),
  );
  it.each([
    '2025-02-30',
    '2025-02-29',
    '1900-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '0000-01-01',
    '2025-1-01',
    '25-01-01',
    '2025/01/01',
    ' 2025-01-01',
    '2025-01-01T00:00',
    '',
  ])('rejects %j', (s) => expect(isPlainDate(s)).toBe(false));
  it('rejects non-strings', () => {
    expect(isPlainDate(20250101)).toBe(false);
    expect(isPlainDate(undefined)).toBe(false);
  });
});

describe('vnDateOf / vnMinutesOf', () => {
  it('puts 17:00 UTC on the next Vietnamese day', () => {
    expect(vnDateOf(new Date(Date.UTC(2025, 5, 30, 17, 0)))).toBe('2025-07-01');
    expect(vnMinutesOf(new Date(Date.UTC(2025, 5, 30, 17, 0)))).toBe(0);
    expect(vnDateOf(new Date(Date.UTC(2025, 5, 30, 16, 59, 59, 999)))).toBe('2025-06-30');
    expect(vnMinutesOf(new Date(Date.UTC(2025, 5, 30, 16, 59, 59, 999)))).toBe(1439);
  });

  it('floors seconds', () => {
    expect(vnMinutesOf(new Date(Date.UTC(2025, 0, 2, 2, 0, 59)))).toBe(9 * 60);
  });

  it('handles instants before 1970', () => {
    expect(vnDateOf(new Date(Date.UTC(1969, 11, 31, 16, 59)))).toBe('1969-12-31');
    expect(vnDateOf(new Date(Date.UTC(1969, 11, 31, 17, 0)))).toBe('1970-01-01');
    expect(vnMinutesOf(new Date(Date.UTC(1969, 11, 31, 16, 59)))).toBe(1439);
  });

  it('throws on an invalid Date', () => {
    expect(() => vnDateOf(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => vnMinutesOf(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('agrees with shifting the UTC ISO string by seven hours (property)', () => {
    fc.assert(
      fc.property(instantArb, (d) => {
        const shifted = new Date(d.getTime() + 7 * HOUR_MS);
        expect(vnDateOf(d)).toBe(shifted.toISOString().slice(0, 10));
        expect(vnMinutesOf(d)).toBe(shifted.getUTCHours() * 60 + shifted.getUTCMinutes());
      }),
    );
  });
});

describe('vnInstant', () => {
  it('is the UTC instant seven hours earlier', () => {
    expect(vnInstant('2025-07-01', 0).toISOString()).toBe('2025-06-30T17:00:00.000Z');
    expect(vnInstant('2025-07-01', 7 * 60).toISOString()).toBe('2025-07-01T00:00:00.000Z');
    expect(vnInstant('2025-07-01', 17 * 60).toISOString()).toBe('2025-07-01T10:00:00.000Z');
  });

  it('rejects invalid dates and minutes', () => {
    expect(() => vnInstant('2025-02-30', 0)).toThrow(RangeError);
    expect(() => vnInstant('2025-02-01', Number.NaN)).toThrow(RangeError);
  });

  it('inverts vnDateOf and vnMinutesOf to the minute (property)', () => {
    fc.assert(
      fc.property(instantArb, (d) => {
        const back = vnInstant(vnDateOf(d), vnMinutesOf(d));
        expect(d.getTime() - back.getTime()).toBeGreaterThanOrEqual(0);
        expect(d.getTime() - back.getTime()).toBeLessThan(60_000);
      }),
    );
  });
});

describe('calendar arithmetic', () => {
  it('adds days across month, leap-day and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2025-07-01', 0)).toBe('2025-07-01');
    expect(addDays('2000-03-01', -1)).toBe('2000-02-29');
    expect(addDays('1900-03-01', -1)).toBe('1900-02-28');
  });

  it('rejects non-integer counts and leaving the 4-digit years', () => {
    expect(() => addDays('2025-01-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
  });

  it('knows the weekdays', () => {
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('2025-07-01')).toBe(2);
    expect(weekdayOf('2026-01-10')).toBe(6);
    expect(weekdayOf('2026-04-26')).toBe(0);
    expect(weekdayOf('1900-01-01')).toBe(1);
  });

  it('matches Date.UTC for epoch days and weekdays (property)', () => {
    const dayArb = fc.integer({ min: -25_567, max: 84_000 }); // 1900..2199
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -1000, max: 1000 }), (day, n) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(fromEpochDay(day)).toBe(iso);
        expect(toEpochDay(iso)).toBe(day);
        expect(weekdayOf(iso)).toBe(new Date(day * 86_400_000).getUTCDay());
        expect(addDays(iso, n)).toBe(new Date((day + n) * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });
});

describe('parseHm', () => {
  it('parses 24-hour times', () => {
    expect(parseHm('00:00')).toBe(0);
    expect(parseHm('07:00')).toBe(420);
    expect(parseHm('11:30')).toBe(690);
    expect(parseHm('23:59')).toBe(1439);
  });
  it.each(['24:00', '7:00', '07:60', '07-00', '0700', '', ' 07:00'])('rejects %j', (s) => {
    expect(() => parseHm(s)).toThrow(RangeError);
  });
});

describe('vnLocalToIso', () => {
  it('reads a datetime-local value as Vietnam time whatever the machine zone', () => {
    expect(vnLocalToIso('2025-07-08T09:30')).toBe('2025-07-08T09:30:00+07:00');
    expect(Date.parse(vnLocalToIso('2025-07-08T09:30') ?? '')).toBe(Date.UTC(2025, 6, 8, 2, 30));
  });

  it('rejects incomplete or impossible values', () => {
    expect(vnLocalToIso('')).toBeUndefined();
    expect(vnLocalToIso('2025-07-08')).toBeUndefined();
    expect(vnLocalToIso('2025-13-08T09:30')).toBeUndefined();
    expect(vnLocalToIso('2025-07-08T24:00')).toBeUndefined();
    expect(vnLocalToIso('2025-02-30T09:30')).toBeUndefined();
  });

  it('round-trips with isoToVnLocal across midnight UTC', () => {
    expect(isoToVnLocal('2025-07-07T20:15:00.000Z')).toBe('2025-07-08T03:15');
    expect(vnLocalToIso(isoToVnLocal('2025-07-07T20:15:00.000Z'))).toBe('2025-07-08T03:15:00+07:00');
  });
});
