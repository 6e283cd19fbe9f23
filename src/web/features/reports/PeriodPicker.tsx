import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PeriodError } from '../../../domain/reports/periods.ts';
import { IconClock } from '../../components/icons';
import { useIsMobile } from '../../components/use-is-mobile';
import { formatPlainDate, todayInVietnam } from '../../lib/datetime';
import {
  INSPECTION_PERIOD,
  monthContaining,
  monthPeriod,
  PERIOD_KINDS,
  type PeriodChoice,
  type PeriodKind,
  periodMonth,
  previousMonth,
  samePeriod,
} from './report-period';

interface PeriodPickerProps {
  choice: PeriodChoice;
  error: PeriodError | null;
  onChange: (next: PeriodChoice) => void;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

function yearOptions(current: number, chosen: number): string[] {
  const last = Math.max(current + 1, chosen);
  const first = Math.min(2020, chosen);
  return Array.from({ length: last - first + 1 }, (_, i) => String(last - i));
}

/** Period of a report: calendar month, 15th-to-14th month or any from/to, plus quick presets. */
export function PeriodPicker({ choice, error, onChange }: PeriodPickerProps) {
  const { t } = useTranslation('reports');
  const isMobile = useIsMobile();
  const today = todayInVietnam();
  const { year, month } = periodMonth(choice);
  const thisYear = Number(today.slice(0, 4));

  const changeKind = (kind: PeriodKind) => {
    if (kind === 'custom') onChange({ ...choice, kind });
    else onChange(monthPeriod(kind, year, month));
  };

  const presets: { key: string; label: string; period: PeriodChoice; testId: string }[] = [
    {
      key: 'inspection',
      label: t('period.presetInspection'),
      period: INSPECTION_PERIOD,
      testId: 'period-preset-inspection',
    },
    {
      key: 'this-month',
      label: t('period.thisMonth'),
      period: monthContaining(choice.kind === 'cutoff' ? 'cutoff' : 'month', today),
      testId: 'period-preset-this-month',
    },
    {
      key: 'previous',
      label: t('period.previousMonth'),
      period: previousMonth(choice),
      testId: 'period-preset-previous',
    },
  ];

  return (
    <Stack gap="xs" data-testid="period-picker">
      <Text size="sm" fw={500}>
        {t('period.label')}
      </Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={choice.kind}
          onChange={(value) => changeKind(value as PeriodKind)}
          data={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`period.kinds.${kind}`) }))}
          fullWidth={isMobile}
          w={isMobile ? '100%' : undefined}
          size="sm"
          aria-label={t('period.label')}
          data-testid="period-kind"
        />
        <SimpleGrid cols={2} spacing="xs" w={isMobile ? '100%' : 360}>
          {choice.kind === 'custom' ? (
            <>
              <TextInput
                type="date"
                label={t('period.from')}
                value={choice.from}
                max={choice.to || undefined}
                onChange={(event) => onChange({ ...choice, from: event.currentTarget.value })}
                data-testid="period-from"
              />
              <TextInput
                type="date"
                label={t('period.to')}
                value={choice.to}
                min={choice.from || undefined}
                onChange={(event) => onChange({ ...choice, to: event.currentTarget.value })}
                data-testid="period-to"
              />
            </>
          ) : (
            <>
              <Select
                label={t('period.month')}
                data={MONTHS.map((m) => ({ value: String(m), label: t('period.monthN', { n: m }) }))}
                value={String(month)}
                onChange={(value) => value && onChange(monthPeriod(choice.kind, year, Number(value)))}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                data-testid="period-month"
              />
              <Select
                label={t('period.year')}
                data={yearOptions(thisYear, year)}
                value={String(year)}
                onChange={(value) => value && onChange(monthPeriod(choice.kind, Number(value), month))}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                data-testid="period-year"
              />
            </>
          )}
        </SimpleGrid>
      </Group>
      <Group gap={6} wrap="wrap">
        {presets.map((preset) => (
          <Button
            key={preset.key}
            size="compact-sm"
            variant={samePeriod(preset.period, choice) ? 'filled' : 'default'}
            onClick={() => onChange(preset.period)}
            data-testid={preset.testId}
          >
            {preset.label}
          </Button>
        ))}
      </Group>
      {error ? (
        <Text size="sm" c="red" role="alert" data-testid="period-error">
          {t(`period.errors.${error}`)}
        </Text>
      ) : (
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconClock size={16} style={{ marginTop: 2, flex: 'none' }} />
          <Text size="sm" c="dimmed" data-testid="period-label">
            {t('period.summary', { from: formatPlainDate(choice.from), to: formatPlainDate(choice.to) })}
            {choice.kind === 'cutoff' ? ` · ${t('period.cutoffHint')}` : ''}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
