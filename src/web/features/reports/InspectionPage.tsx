import { Alert, Anchor, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Me } from '../../api/types';
import { ink } from '../../app/theme';
import { IconAlert, IconArrowLeft } from '../../components/icons';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatPlainDate } from '../../lib/datetime';
import { useProcedures } from '../catalog/use-procedures';
import { INSPECTION_ROLES, RequireUser } from '../identity/RequireUser';
import { useCommunes } from '../units/use-communes';
import { ConsultationsPanel } from './ConsultationsPanel';
import { DownloadButtons } from './DownloadButtons';
import { EquipmentPanel } from './EquipmentPanel';
import { useNumberFormat } from './format';
import { IndicatorsPanel } from './IndicatorsPanel';
import { InspectionRecords } from './InspectionRecords';
import { PeriodPicker } from './PeriodPicker';
import { Section } from './Section';
import { SettlementTable } from './SettlementTable';
import { StaffingPanel } from './StaffingPanel';
import { periodSearch, useReportPeriod } from './use-report-period';
import { useConsultationsReport, useEquipmentReport, useSettlement, useStaffingReport } from './use-reports';

interface FactProps {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  testId: string;
  tone?: 'good' | 'warn' | 'neutral';
  extra?: Record<string, string>;
}

function Fact({ label, value, detail, testId, tone = 'neutral', extra }: FactProps) {
  const color = tone === 'good' ? ink('teal') : tone === 'warn' ? ink('orange') : undefined;
  return (
    <Paper p="sm" radius="md" data-testid={testId} {...extra}>
      <Text size="xs" c="dimmed" lh={1.3}>
        {label}
      </Text>
      <Text fz={{ base: 18, sm: 22 }} fw={800} lh={1.3} c={color} data-testid={`${testId}-value`}>
        {value}
      </Text>
      {detail ? (
        <Text size="xs" c="dimmed" mt={2} component="div">
          {detail}
        </Text>
      ) : null}
    </Paper>
  );
}

function Inspection({ me, unit }: { me: Me; unit: string }) {
  const { t } = useTranslation('reports');
  const n = useNumberFormat();
  const { choice, error, setChoice } = useReportPeriod();
  const communes = useCommunes();
  const commune = communes.data?.find((c) => c.code === unit);
  // A commune leader may inspect only their own commune: ask nothing about another one.
  const isAllowed = me.role !== 'leader' || me.unit?.code === unit;
  const asked = isAllowed ? unit : null;
  const settlement = useSettlement(asked, choice, 'field', !error);
  const staffing = useStaffingReport(asked);
  const equipment = useEquipmentReport(asked);
  const consultations = useConsultationsReport(asked, choice, !error);
  const procedures = useProcedures(asked, '');
  const name = commune?.fullName ?? settlement.data?.unit.name ?? unit;
  const canOversee = me.role === 'province' || me.role === 'admin';
  const search = periodSearch(choice);

  if (!isAllowed) {
    return (
      <Alert color="orange" icon={<IconAlert />} data-testid="forbidden">
        {t('inspection.ownOnly')}
      </Alert>
    );
  }

  const total = settlement.data?.totalRow;
  const training = staffing.data?.centerTraining;

  return (
    <Stack gap="lg" data-testid="inspection-page" data-unit={unit}>
      <PageTitle
        title={t('inspection.title', { name })}
        subtitle={
          <>
            <span data-testid="inspection-unit-name">{name}</span>
            {!error
              ? ` · ${t('period.summary', { from: formatPlainDate(choice.from), to: formatPlainDate(choice.to) })}`
              : ''}
          </>
        }
        actions={
          canOversee ? (
            <Button
              component={Link}
              to={`/tinh?${search}`}
              variant="default"
              size="sm"
              leftSection={<IconArrowLeft size={16} />}
              data-testid="inspection-back"
            >
              {t('inspection.back')}
            </Button>
          ) : null
        }
      />
      <Paper p={{ base: 'sm', sm: 'lg' }} radius="lg">
        <PeriodPicker choice={choice} error={error} onChange={setChoice} />
      </Paper>

      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" data-testid="inspection-facts">
        <Fact
          label={t('inspection.portal')}
          testId="inspection-portal"
          extra={{ 'data-connected': String(commune?.portalConnected ?? false) }}
          tone={commune?.portalConnected ? 'good' : 'warn'}
          value={
            commune ? (commune.portalConnected ? t('inspection.portalYes') : t('inspection.portalNo')) : '…'
          }
          detail={commune?.isActive ? t('inspection.centerRunning') : undefined}
        />
        <Fact
          label={t('inspection.procedures')}
          testId="inspection-procedures-count"
          value={procedures.data ? n.count(procedures.data.length) : procedures.isError ? '—' : '…'}
          detail={
            <Anchor component={Link} to={`/thu-tuc?unit=${encodeURIComponent(unit)}`} size="xs">
              {t('inspection.proceduresLink')}
            </Anchor>
          }
        />
        <Fact
          label={t('inspection.dossiers')}
          testId="inspection-dossiers"
          value={total ? n.count(total.received.total) : '…'}
          detail={
            total
              ? t('inspection.dossiersDetail', {
                  settled: total.settled.total,
                  inProcess: total.inProcess.total,
                  overdue: total.settled.late + total.inProcess.overdue,
                })
              : undefined
          }
          tone={total && total.settled.late + total.inProcess.overdue > 0 ? 'warn' : 'neutral'}
        />
        <Fact
          label={t('inspection.consultations')}
          testId="inspection-consultations"
          value={consultations.data ? n.count(consultations.data.total) : '…'}
        />
        <Fact
          label={t('inspection.staff')}
          testId="inspection-staff"
          value={staffing.data ? n.count(staffing.data.total) : '…'}
          detail={
            training && training.staff > 0
              ? t('inspection.staffDetail', {
                  officials: staffing.data?.officials ?? 0,
                  trained: training.trained,
                  staff: training.staff,
                })
              : undefined
          }
          tone={training && training.staff > 0 && training.trained < training.staff ? 'warn' : 'neutral'}
        />
        <Fact
          label={t('inspection.equipment')}
          testId="inspection-equipment"
          value={
            equipment.data
              ? equipment.data.items.length === 0
                ? t('equipment.noData')
                : equipment.data.allMeetNeed
                  ? t('equipment.meetsNeed')
                  : t('equipment.notEnough')
              : '…'
          }
          tone={equipment.data?.items.length ? (equipment.data.allMeetNeed ? 'good' : 'warn') : 'neutral'}
        />
      </SimpleGrid>

      <Section
        title={t('inspection.dossiersByField')}
        testId="settlement-section"
        actions={<DownloadButtons unit={unit} period={choice} groupBy="field" disabled={Boolean(error)} />}
      >
        {error ? null : settlement.isPending ? (
          <Center py="xl">
            <Loader size="sm" />
          </Center>
        ) : settlement.isError ? (
          <ProblemAlert error={settlement.error} testId="settlement-error" />
        ) : (
          <Stack gap="lg" style={{ opacity: settlement.isPlaceholderData ? 0.6 : 1 }}>
            <SettlementTable report={settlement.data} groupBy="field" />
            <IndicatorsPanel indicators={settlement.data.index766 ?? settlement.data.indicators} />
          </Stack>
        )}
      </Section>

      <ConsultationsPanel
        unit={unit}
        period={choice}
        enabled={!error}
        actions={
          <DownloadButtons report="consultations" unit={unit} period={choice} disabled={Boolean(error)} />
        }
      />
      <StaffingPanel
        unit={unit}
        actions={
          <Group gap="sm" wrap="wrap">
            <Anchor
              component={Link}
              to={`/nhan-su?unit=${encodeURIComponent(unit)}`}
              size="sm"
              data-testid="inspection-staff-link"
            >
              {t('inspection.staffRegister')}
            </Anchor>
            <DownloadButtons report="staffing" unit={unit} />
          </Group>
        }
      />
      <EquipmentPanel
        unit={unit}
        actions={
          <Group gap="sm" wrap="wrap">
            <Anchor component={Link} to={`/thiet-bi?unit=${encodeURIComponent(unit)}`} size="sm">
              {t('inspection.equipmentRegister')}
            </Anchor>
            <DownloadButtons report="equipment" unit={unit} />
          </Group>
        }
      />
      <InspectionRecords unit={unit} me={me} />
      <Group justify="center">
        <Text size="xs" c="dimmed">
          {t('inspection.footer')}
        </Text>
      </Group>
    </Stack>
  );
}

/** `/kiem-tra/:unit`: everything an inspecting leader asks a commune center about, on one page. */
export function InspectionPage() {
  const { unit = '' } = useParams();
  return <RequireUser allow={INSPECTION_ROLES}>{(me) => <Inspection me={me} unit={unit} />}</RequireUser>;
}
