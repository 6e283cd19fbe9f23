import { Center, Grid, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/types';
import { ink } from '../../app/theme';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatPlainDate } from '../../lib/datetime';
import { OVERSIGHT_ROLES, RequireUser } from '../identity/RequireUser';
import { CommunesTable } from './CommunesTable';
import { CutoffNote } from './CutoffNote';
import { useNumberFormat } from './format';
import { IndexRanking } from './IndexRanking';
import { PeriodPicker } from './PeriodPicker';
import { LazyChart, ProvinceSelect, useProvinceChoice } from './ProvinceChoice';
import { Section } from './Section';
import { useReportPeriod } from './use-report-period';
import { useDashboard } from './use-reports';

// ECharts is the heaviest dependency of the app: it loads only when the charts are drawn.
const DashboardCharts = lazy(() => import('./DashboardCharts'));

function Stat({
  label,
  value,
  testId,
  color,
}: {
  label: string;
  value: string;
  testId: string;
  color?: string;
}) {
  return (
    <Paper p="sm" radius="md" data-testid="dashboard-stat" data-key={testId}>
      <Text size="xs" c="dimmed" lh={1.3}>
        {label}
      </Text>
      <Text fz={{ base: 22, sm: 28 }} fw={800} lh={1.2} c={color}>
        {value}
      </Text>
    </Paper>
  );
}

function Dashboard({ me }: { me: Me }) {
  const { t } = useTranslation('reports');
  const n = useNumberFormat();
  const { choice, error, setChoice } = useReportPeriod();
  const isAdmin = me.role === 'admin';
  // Administrators pick a province that runs centers here; province officers see their own.
  const provinceChoice = useProvinceChoice(isAdmin);
  const province = isAdmin ? provinceChoice.chosen : (me.unit?.code ?? null);

  const dashboard = useDashboard(province, choice, !error && (!isAdmin || Boolean(province)));
  const rows = dashboard.data?.communes ?? [];
  const sum = (f: (c: (typeof rows)[number]) => number) => rows.reduce((s, c) => s + f(c), 0);

  return (
    <Stack gap="lg" data-testid="dashboard-page">
      <PageTitle
        title={t('dashboard.title')}
        subtitle={
          <>
            {dashboard.data?.province.name ?? me.unit?.name ?? ''}
            {!error
              ? ` · ${t('period.summary', { from: formatPlainDate(choice.from), to: formatPlainDate(choice.to) })}`
              : ''}
          </>
        }
      />
      <Paper p={{ base: 'sm', sm: 'lg' }} radius="lg">
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: isAdmin ? 7 : 12 }}>
            <PeriodPicker choice={choice} error={error} onChange={setChoice} />
          </Grid.Col>
          {isAdmin ? (
            <Grid.Col span={{ base: 12, md: 5 }}>
              <ProvinceSelect
                label={t('dashboard.province')}
                choice={provinceChoice}
                testId="dashboard-province"
              />
            </Grid.Col>
          ) : null}
        </Grid>
      </Paper>

      {error ? null : dashboard.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading', { ns: 'translation' })} />
        </Center>
      ) : dashboard.isError ? (
        <ProblemAlert error={dashboard.error} testId="dashboard-error" />
      ) : (
        <>
          {dashboard.data ? <CutoffNote cutoff={dashboard.data.cutoff} /> : null}
          <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm">
            <Stat
              label={t('dashboard.cols.received')}
              value={n.count(sum((c) => c.received))}
              testId="received"
            />
            <Stat
              label={t('dashboard.cols.settled')}
              value={n.count(sum((c) => c.settled))}
              testId="settled"
            />
            <Stat
              label={t('dashboard.cols.inProcess')}
              value={n.count(sum((c) => c.inProcess))}
              testId="inProcess"
            />
            <Stat
              label={t('dashboard.cols.overdue')}
              value={n.count(sum((c) => c.overdue))}
              testId="overdue"
              color={sum((c) => c.overdue) > 0 ? ink('red') : undefined}
            />
            <Stat
              label={t('dashboard.cols.backlog')}
              value={n.count(sum((c) => c.resultsBacklog))}
              testId="backlog"
              color={sum((c) => c.resultsBacklog) > 0 ? ink('orange') : undefined}
            />
            <Stat
              label={t('dashboard.cols.consultations')}
              value={n.count(sum((c) => c.consultations))}
              testId="consultations"
            />
            <Stat
              label={t('dashboard.portalConnected')}
              value={`${sum((c) => (c.unit.portalConnected ? 1 : 0))}/${rows.length}`}
              testId="portal"
            />
          </SimpleGrid>
          <Section title={t('dashboard.communes')} testId="communes-section">
            <div style={{ opacity: dashboard.isPlaceholderData ? 0.6 : 1 }}>
              <CommunesTable communes={rows} period={choice} />
            </div>
            <Text size="xs" c="dimmed" mt="sm">
              {t('dashboard.note')}
            </Text>
          </Section>
          <Section title={t('ranking.title')} testId="ranking-section">
            <IndexRanking communes={rows} />
            <Text size="xs" c="dimmed" mt="sm" data-testid="ranking-assumption">
              {t('ranking.note')}
            </Text>
          </Section>
          <LazyChart>
            <DashboardCharts communes={rows} />
          </LazyChart>
        </>
      )}
    </Stack>
  );
}

/** `/tinh`: the province's communes side by side, with charts; each commune opens its inspection view. */
export function ProvinceDashboardPage() {
  return <RequireUser allow={OVERSIGHT_ROLES}>{(me) => <Dashboard me={me} />}</RequireUser>;
}
