import { describe, expect, it } from 'vitest';
import { formatDateTime, formatPlainDate } from './datetime.ts';
import { formatInstant } from './format-instant.ts';

describe('one formatter for instants, in office time whatever the zone', () => {
  // 2025-07-07T20:15Z is 03:15 on 8 July in Vietnam: the day changes with the zone.
  const instant = '2025-07-07T20:15:00.000Z';

  it('writes Vietnamese dd/MM/yyyy HH:mm, as on the slip', () => {
    expect(formatInstant(instant, 'vi')).toBe('08/07/2025 03:15');
    expect(formatDateTime(instant)).toBe('08/07/2025 03:15');
  });

  it('writes English and Russian as their readers do, still in office time', () => {
    expect(formatInstant(instant, 'en')).toMatch(/^8 Jul 2025, 03:15$/);
    expect(formatInstant(instant, 'ru')).toMatch(/^8 июл\.? 2025( г\.)?,? 03:15$/);
  });

  it('gives an empty string for a missing or invalid value', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });

  it('writes a calendar day without passing through a Date', () => {
    expect(formatPlainDate('2026-02-17')).toBe('17/02/2026');
  });
});
