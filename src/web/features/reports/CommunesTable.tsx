import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardCommune } from '../../api/types';
import { ink } from '../../app/theme';
import { IconArrowRight } from '../../components/icons';
import { useIsMobile } from '../../components/use-is-mobile';
import { useNumberFormat } from './format';
import type { PeriodChoice } from './report-period';
import { periodSearch } from './use-report-period';

interface CommunesTableProps {
  communes: DashboardCommune[];
  period: PeriodChoice;
}

export function inspectionHref(code: string, period: PeriodChoice): string {
  return `/kiem-tra/${encodeURIComponent(code)}?${periodSearch(period)}`;
}

function PortalBadge({ connected }: { connected: boolean }) {
  const { t } = useTranslation('reports');
  return (
    <Badge
      size="sm"
      radius="sm"
      variant="light"
      color={connected ? 'teal' : 'gray'}
      data-col="portal"
      data-connected={String(connected)}
    >
      {connected ? t('dashboard.portalYes') : t('dashboard.portalNo')}
    </Badge>
  );
}

function rateColor(value: number | null): string | undefined {
  if (value === null) return 'dimmed';
  return value >= 90 ? ink('teal') : value >= 70 ? ink('yellow') : ink('red');
}

/** The communes of a province side by side; each links to its inspection view. */
export function CommunesTable({ communes, period }: CommunesTableProps) {
  const { t } = useTranslation('reports');
  const n = useNumberFormat();
  const isMobile = useIsMobile();

  const training = (c: DashboardCommune) =>
    c.centerStaff ? `${c.centerStaffTrained}/${c.centerStaff}` : '—';

  if (isMobile) {
    return (
      <Stack gap="sm" data-testid="communes-table">
        {communes.map((c) => (
          <Card key={c.unit.code} padding="sm" radius="md" data-testid="commune-row" data-code={c.unit.code}>
            <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <Anchor
                component={Link}
                to={inspectionHref(c.unit.code, period)}
                fw={700}
                data-testid="commune-link"
                style={{ minWidth: 0, overflowWrap: 'anywhere' }}
              >
                {c.unit.name}
              </Anchor>
              <PortalBadge connected={c.unit.portalConnected} />
            </Group>
            <SimpleGrid cols={3} spacing="xs" verticalSpacing={6} mt="xs">
              {(
                [
                  ['received', n.count(c.received)],
                  ['settled', n.count(c.settled)],
                  ['inProcess', n.count(c.inProcess)],
                  ['overdue', n.count(c.overdue)],
                  ['backlog', n.count(c.resultsBacklog)],
                  ['onTimeRate', n.percent(c.onTimeRate)],
                  ['onlineShare', n.percent(c.onlineShare)],
                  ['consultations', n.count(c.consultations)],
                  ['training', training(c)],
                ] as const
              ).map(([key, value]) => (
                <Stack key={key} gap={0}>
                  <Text size="xs" c="dimmed" lh={1.2}>
                    {t(`dashboard.colsShort.${key}`)}
                  </Text>
                  <Text
                    size="sm"
                    fw={700}
                    data-col={key}
                    c={
                      key === 'overdue' && c.overdue > 0
                        ? ink('red')
                        : key === 'onTimeRate'
                          ? rateColor(c.onTimeRate)
                          : undefined
                    }
                  >
                    {value}
                  </Text>
                </Stack>
              ))}
            </SimpleGrid>
          </Card>
        ))}
      </Stack>
    );
  }

  const sum = (f: (c: DashboardCommune) => number) => communes.reduce((s, c) => s + f(c), 0);

  return (
    <Table.ScrollContainer minWidth={1060} type="native">
      <Table
        striped
        highlightOnHover
        withTableBorder
        verticalSpacing="xs"
        fz="sm"
        bg="white"
        data-testid="communes-table"
      >
        <Table.Thead bg="gray.1">
          <Table.Tr>
            <Table.Th miw={170}>{t('dashboard.cols.commune')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.cols.received')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.cols.settled')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.cols.inProcess')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.cols.overdue')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.cols.backlog')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.cols.onTimeRate')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.cols.onlineShare')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.cols.consultations')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.cols.training')}</Table.Th>
            <Table.Th w={120}>{t('dashboard.cols.portal')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {communes.map((c) => (
            <Table.Tr key={c.unit.code} data-testid="commune-row" data-code={c.unit.code}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={inspectionHref(c.unit.code, period)}
                  fw={600}
                  title={t('dashboard.inspectFor', { name: c.unit.name })}
                  data-testid="commune-link"
                >
                  <Group gap={4} wrap="nowrap" component="span">
                    {c.unit.name}
                    <IconArrowRight size={14} style={{ flex: 'none' }} />
                  </Group>
                </Anchor>
              </Table.Td>
              <Table.Td ta="right" data-col="received">
                {n.count(c.received)}
              </Table.Td>
              <Table.Td ta="right" data-col="settled">
                {n.count(c.settled)}
              </Table.Td>
              <Table.Td ta="right" data-col="inProcess">
                {n.count(c.inProcess)}
              </Table.Td>
              <Table.Td
                ta="right"
                data-col="overdue"
                c={c.overdue > 0 ? ink('red') : undefined}
                fw={c.overdue > 0 ? 700 : undefined}
              >
                {n.count(c.overdue)}
              </Table.Td>
              <Table.Td ta="right" data-col="backlog" c={c.resultsBacklog > 0 ? ink('orange') : undefined}>
                {n.count(c.resultsBacklog)}
              </Table.Td>
              <Table.Td ta="right" data-col="onTimeRate" c={rateColor(c.onTimeRate)} fw={600}>
                {n.percent(c.onTimeRate)}
              </Table.Td>
              <Table.Td ta="right" data-col="onlineShare" c={c.onlineShare === null ? 'dimmed' : undefined}>
                {n.percent(c.onlineShare)}
              </Table.Td>
              <Table.Td ta="right" data-col="consultations">
                {n.count(c.consultations)}
              </Table.Td>
              <Table.Td
                ta="right"
                data-col="training"
                c={c.centerStaff && c.centerStaffTrained < c.centerStaff ? ink('orange') : undefined}
              >
                {training(c)}
              </Table.Td>
              <Table.Td>
                <PortalBadge connected={c.unit.portalConnected} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700} bg="gray.1" data-testid="communes-total">
            <Table.Td>{t('dashboard.total')}</Table.Td>
            <Table.Td ta="right">{n.count(sum((c) => c.received))}</Table.Td>
            <Table.Td ta="right">{n.count(sum((c) => c.settled))}</Table.Td>
            <Table.Td ta="right">{n.count(sum((c) => c.inProcess))}</Table.Td>
            <Table.Td ta="right">{n.count(sum((c) => c.overdue))}</Table.Td>
            <Table.Td ta="right">{n.count(sum((c) => c.resultsBacklog))}</Table.Td>
            <Table.Td />
            <Table.Td />
            <Table.Td ta="right">{n.count(sum((c) => c.consultations))}</Table.Td>
            <Table.Td ta="right">
              {sum((c) => c.centerStaff)
                ? `${sum((c) => c.centerStaffTrained)}/${sum((c) => c.centerStaff)}`
                : '—'}
            </Table.Td>
            <Table.Td>
              {sum((c) => (c.unit.portalConnected ? 1 : 0))}/{communes.length}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
