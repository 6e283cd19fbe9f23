import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { readCutoff } from '../../../domain/reports/periods.ts';
import { formatPlainDate } from '../../lib/datetime';

/**
 * "Số liệu tính đến …": the instant a report's figures are judged at (docs/domain-vn.md §1.4), the end
 * of its last day once the period is over, or the moment it was made while the period runs.
 */
export function CutoffNote({ cutoff, testId = 'report-cutoff' }: { cutoff: string; testId?: string }) {
  const { t } = useTranslation('reports');
  const reading = readCutoff(new Date(cutoff));
  const text =
    reading.kind === 'end_of_day'
      ? t('cutoff.endOfDay', { day: formatPlainDate(reading.day) })
      : t('cutoff.at', { time: reading.time, day: formatPlainDate(reading.day) });
  return (
    <Text size="sm" c="dimmed" fs="italic" data-testid={testId} data-cutoff={cutoff} title={t('cutoff.hint')}>
      {text}
    </Text>
  );
}
