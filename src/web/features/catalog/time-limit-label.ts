import type { TFunction } from 'i18next';
import type { TimeLimit } from '../../api/types';

/** A short label ("03 ngày làm việc") for lists; the full legal wording stays on the detail page. */
export function timeLimitLabel(timeLimit: TimeLimit, t: TFunction): string {
  const count = timeLimit.amount;
  const padded = String(count).padStart(2, '0');
  switch (timeLimit.unit) {
    case 'same_day':
      return t('timeLimit.sameDay');
    case 'working_days':
      return t('timeLimit.workingDays', { count, padded });
    case 'working_hours':
      return t('timeLimit.workingHours', { count, padded });
    case 'calendar_days':
      return t('timeLimit.calendarDays', { count, padded });
    default:
      return timeLimit.text;
  }
}
