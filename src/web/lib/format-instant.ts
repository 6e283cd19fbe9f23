import { OFFICE_TIME_ZONE } from '../../domain/calendar/vn-time.ts';

const LOCALES: Record<string, string> = { vi: 'vi-VN', en: 'en-GB', ru: 'ru-RU' };

/**
 * An instant (ISO 8601) in office time, written as readers of `language` write dates: Vietnamese
 * `dd/MM/yyyy HH:mm` (as on the slip), English "6 Dec 2026, 08:30", Russian "6 дек. 2026 г., 08:30".
 * Intl only (no date library on the public pages); empty for a missing or invalid value.
 */
export function formatInstant(instant: string | null | undefined, language: string): string {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  if (language === 'en' || language === 'ru') {
    return new Intl.DateTimeFormat(LOCALES[language], {
      timeZone: OFFICE_TIME_ZONE,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(date);
  }
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: OFFICE_TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}
