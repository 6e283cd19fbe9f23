import { Badge, Center, Group, Loader, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ink } from '../../app/theme';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CountList } from './CountList';
import { useNumberFormat } from './format';
import { Section } from './Section';
import { useStaffingReport } from './use-reports';

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={3} fz="sm" c="dimmed" tt="uppercase" lts={0.3}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** Staffing composition (docs/domain-vn.md §9): by category, by bloc, by unit, and training of center staff. */
export function StaffingPanel({ unit, actions }: { unit: string; actions?: ReactNode }) {
  const { t } = useTranslation('reports');
  const n = useNumberFormat();
  const report = useStaffingReport(unit);

  let body: ReactNode;
  if (report.isPending) {
    body = (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  } else if (report.isError) {
    body = <ProblemAlert error={report.error} testId="staffing-error" />;
  } else {
    const r = report.data;
    const training = r.centerTraining;
    body = (
      <Stack gap="lg">
        <Group gap="xs" wrap="wrap">
          <Badge size="lg" variant="filled" color="gray.7" radius="sm" data-testid="staffing-total">
            {t('staffing.total', { count: r.total, formatted: n.count(r.total) })}
          </Badge>
          <Badge size="lg" variant="light" color="gray" radius="sm" data-testid="staffing-officials">
            {t('staffing.officials', { count: r.officials })}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
          <Block title={t('staffing.byCategory')}>
            <CountList
              itemTestId="staffing-category"
              items={r.byCategory.map((c) => ({
                key: c.code,
                label: t(`staff.categories.${c.code}`, { defaultValue: c.name }),
                count: c.count,
              }))}
            />
          </Block>
          <Block title={t('staffing.byBloc')}>
            <CountList
              itemTestId="staffing-bloc"
              color="gold.6"
              items={r.byBloc.map((b) => ({
                key: b.code,
                label: t(`staff.blocs.${b.code}`, { defaultValue: b.name }),
                count: b.count,
              }))}
            />
          </Block>
          <Block title={t('staffing.training')}>
            <Stack gap={6} data-testid="staffing-training">
              {training.staff === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('staffing.noCenterStaff')}
                </Text>
              ) : (
                <>
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm">
                      {t('staffing.trainedOf', { trained: training.trained, staff: training.staff })}
                    </Text>
                    <Text
                      size="lg"
                      fw={800}
                      c={training.trained < training.staff ? ink('orange') : ink('teal')}
                    >
                      {n.percent(training.rate)}
                    </Text>
                  </Group>
                  <Progress
                    value={training.rate ?? 0}
                    color={training.trained < training.staff ? 'orange' : 'teal'}
                    aria-label={t('staffing.training')}
                  />
                  {training.trained < training.staff ? (
                    <Text size="xs" c={ink('orange')}>
                      {t('staffing.untrained', { count: training.staff - training.trained })}
                    </Text>
                  ) : null}
                </>
              )}
            </Stack>
          </Block>
        </SimpleGrid>
        <Block title={t('staffing.byUnit')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing={8}>
            {[0, 1].map((half) => {
              const mid = Math.ceil(r.byUnit.length / 2);
              const part = half === 0 ? r.byUnit.slice(0, mid) : r.byUnit.slice(mid);
              return (
                <CountList
                  key={half}
                  itemTestId="staffing-unit"
                  color="gray.6"
                  total={r.total}
                  items={part.map((u) => ({
                    key: u.name,
                    label:
                      u.kind === 'other'
                        ? u.name
                        : `${u.name} · ${t(`staff.orgKinds.${u.kind}`, { defaultValue: u.kind })}`,
                    count: u.count,
                  }))}
                />
              );
            })}
          </SimpleGrid>
        </Block>
      </Stack>
    );
  }

  return (
    <Section title={t('staffing.title')} testId="staffing-panel" actions={actions}>
      {body}
    </Section>
  );
}
