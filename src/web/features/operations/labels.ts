import type { TFunction } from 'i18next';
import type { LinkState } from '../../api/operations';

const KNOWN = new Set(['portal', 'portal_file', 'population', 'sms', 'email', 'webhook']);

/** A link's display name ("portal" → "Cổng Dịch vụ công quốc gia"); unknown outbox kinds by their name. */
export function linkName(t: TFunction<'operations'>, link: string): string {
  return KNOWN.has(link) ? t(`links.${link}` as 'links.portal') : t('links.other', { name: link });
}

export const STATE_COLOR: Record<LinkState, string> = {
  up: 'teal',
  degraded: 'yellow',
  down: 'red',
  idle: 'gray',
  off: 'gray',
};

/** "3 phút", "2 giờ": the largest unit that fits. */
export function formatAge(t: TFunction<'operations'>, seconds: number): string {
  if (seconds < 60) return t('age.seconds', { count: seconds });
  if (seconds < 3600) return t('age.minutes', { count: Math.floor(seconds / 60) });
  if (seconds < 86_400) return t('age.hours', { count: Math.floor(seconds / 3600) });
  return t('age.days', { count: Math.floor(seconds / 86_400) });
}

/** A stable colour per link in the chart. */
export const LINK_COLOR: Record<string, string> = {
  portal: '#c81823',
  population: '#1c7ed6',
  sms: '#e39b00',
  email: '#2f9e44',
  webhook: '#7048e8',
};
