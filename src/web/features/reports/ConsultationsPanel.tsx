import { Badge, Center, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CountList } from './CountList';
import { useFieldNames } from './format';
import type { PeriodChoice } from './report-period';
import { Section } from './Section';
import { useConsultationsReport } from './use-reports';

interface ConsultationsPanelProps {
  unit: string;
  period: PeriodChoice;
  enabled: boolean;
  actions?: ReactNode;
}

/** Guidance given without a dossier (the log of the counter), by field and by channel. */
export function ConsultationsPanel({ unit, period, enabled, actions }: ConsultationsPanelProps) {
  const { t } = useTranslation('reports');
  const report = useConsultationsReport(unit, period, enabled);
  const fieldNames = useFieldNames(unit);

  let body: ReactNode;
  if (!enabled) body = null;
  else if (report.isPending) {
    body = (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  } else if (report.isError) {
    body = <ProblemAlert error={report.error} testId="consultations-error" />;
  } else {
    const r = report.data;
    body = (
      <Stack gap="md">
        <Badge size="lg" color="gray.7" variant="filled" radius="sm" data-testid="consultations-total">
          {t('consultations.total', { count: r.total })}
        </Badge>
        {r.total === 0 ? (
          <Text size="sm" c="dimmed">
            {t('consultations.none')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <Stack gap="xs">
              <Title order={3} fz="sm" c="dimmed" tt="uppercase" lts={0.3}>
                {t('consultations.byField')}
              </Title>
              <CountList
                itemTestId="consultations-field"
                items={r.byField
                  .map((f) => ({ key: f.code, label: fieldNames.get(f.code) ?? f.code, count: f.count }))
                  .sort((a, b) => b.count - a.count)}
              />
            </Stack>
            <Stack gap="xs">
              <Title order={3} fz="sm" c="dimmed" tt="uppercase" lts={0.3}>
                {t('consultations.byChannel')}
              </Title>
              <CountList
                itemTestId="consultations-channel"
                color="gold.6"
                items={r.byChannel.map((c) => ({
                  key: c.channel,
                  label: t(`consultations.channels.${c.channel}`, { defaultValue: c.channel }),
                  count: c.count,
                }))}
              />
            </Stack>
          </SimpleGrid>
        )}
      </Stack>
    );
  }

  return (
    <Section title={t('consultations.title')} testId="consultations-panel" actions={actions}>
      {body}
    </Section>
  );
}
