import { Center, Grid, Loader, Paper, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Me, ReportGroupBy } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatPlainDate } from '../../lib/datetime';
import { REPORT_ROLES, RequireUser } from '../identity/RequireUser';
import { ConsultationsPanel } from './ConsultationsPanel';
import { DownloadButtons } from './DownloadButtons';
import { EquipmentPanel } from './EquipmentPanel';
import { IndicatorsPanel } from './IndicatorsPanel';
import { PeriodPicker } from './PeriodPicker';
import { Section } from './Section';
import { SettlementTable } from './SettlementTable';
import { StaffingPanel } from './StaffingPanel';
import { useReportPeriod } from './use-report-period';
import { useReportScope } from './use-report-scope';
import { useSettlement } from './use-reports';

const GROUPS: ReportGroupBy[] = ['field', 'sector', 'procedure', 'unit'];

function isGroupBy(value: string | null): value is ReportGroupBy {
  return GROUPS.includes(value as ReportGroupBy);
}

function Reports({ me }: { me: Me }) {
  const { t } = useTranslation('reports');
  const [params, setParams] = useSearchParams();
  const scope = useReportScope(me);
  const { choice, error, setChoice } = useReportPeriod();
  const requested = params.get('groupBy');
  const groupOptions = GROUPS.filter((g) => g !== 'unit' || scope.level !== 'commune');
  const groupBy: ReportGroupBy =
    isGroupBy(requested) && groupOptions.includes(requested) ? requested : 'field';
  const settlement = useSettlement(scope.unit, choice, groupBy, !error);

  const setGroupBy = (value: string | null) => {
    if (!isGroupBy(value)) return;
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set('groupBy', value);
        return updated;
      },
      { replace: true },
    );
  };

  const title = scope.level === 'commune' ? t('reports.subtitleCommune', { name: scope.label }) : scope.label;

  return (
    <Stack gap="lg" data-testid="reports-page">
      <PageTitle
        title={t('reports.title')}
        subtitle={
          <>
            {title}
            {!error
              ? ` · ${t('period.summary', { from: formatPlainDate(choice.from), to: formatPlainDate(choice.to) })}`
              : ''}
          </>
        }
      />
      <Paper p={{ base: 'sm', sm: 'lg' }} radius="lg">
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <PeriodPicker choice={choice} error={error} onChange={setChoice} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="sm">
              {scope.options.length > 0 ? (
                <Select
                  label={t('scope.label')}
                  data={scope.options}
                  value={scope.unit}
                  onChange={(value) => value && scope.setUnit(value)}
                  searchable
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  data-testid="report-scope"
                />
              ) : null}
              <Select
                label={t('reports.groupBy')}
                data={groupOptions.map((g) => ({ value: g, label: t(`reports.groups.${g}`) }))}
                value={groupBy}
                onChange={setGroupBy}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                data-testid="report-group-by"
              />
            </Stack>
          </Grid.Col>
        </Grid>
      </Paper>

      {!scope.unit ? (
        <Text c="dimmed">{t('reports.noUnit')}</Text>
      ) : (
        <>
          <Section
            title={
              <>
                {t('settlement.title')}
                <Text span c="dimmed" fz="sm" fw={400} ml={8}>
                  {t('settlement.form')}
                </Text>
              </>
            }
            actions={
              <DownloadButtons
                unit={scope.unit}
                period={choice}
                groupBy={groupBy}
                disabled={Boolean(error)}
              />
            }
            testId="settlement-section"
          >
            {error ? null : settlement.isPending ? (
              <Center py="xl">
                <Loader aria-label={t('common.loading', { ns: 'translation' })} />
              </Center>
            ) : settlement.isError ? (
              <ProblemAlert error={settlement.error} testId="settlement-error" />
            ) : (
              <Stack gap="xs" style={{ opacity: settlement.isPlaceholderData ? 0.6 : 1 }}>
                <Text size="xs" c="dimmed" ta="right">
                  {t('settlement.unitNote')}
                </Text>
                <SettlementTable report={settlement.data} groupBy={groupBy} />
              </Stack>
            )}
          </Section>

          <Section title={t('indicators.title')} testId="indicators-section">
            {settlement.data && !error ? (
              <IndicatorsPanel indicators={settlement.data.index766 ?? settlement.data.indicators} />
            ) : settlement.isError ? null : (
              <Center py="md">
                <Loader size="sm" />
              </Center>
            )}
          </Section>

          <ConsultationsPanel
            unit={scope.unit}
            period={choice}
            enabled={!error}
            actions={
              <DownloadButtons
                report="consultations"
                unit={scope.unit}
                period={choice}
                disabled={Boolean(error)}
              />
            }
          />
          <StaffingPanel
            unit={scope.unit}
            actions={<DownloadButtons report="staffing" unit={scope.unit} />}
          />
          <EquipmentPanel
            unit={scope.unit}
            actions={<DownloadButtons report="equipment" unit={scope.unit} />}
          />
        </>
      )}
    </Stack>
  );
}

/** `/bao-cao`: Biểu II.06a, Index 766, staffing, consultations and equipment of a commune or province. */
export function ReportsPage() {
  return <RequireUser allow={REPORT_ROLES}>{(me) => <Reports me={me} />}</RequireUser>;
}
