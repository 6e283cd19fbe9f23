import { Badge, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportGroupBy, SettlementCounts, SettlementReport } from '../../api/types';
import { ink } from '../../app/theme';
import { useIsMobile } from '../../components/use-is-mobile';
import { CutoffNote } from './CutoffNote';
import { useNumberFormat } from './format';

type GroupKey = 'received' | 'settled' | 'inProcess';

interface Column {
  /** `data-col` of the cell, stable for tests. */
  key: string;
  group: GroupKey | 'withdrawn' | 'results';
  labelKey: string;
  get: (r: SettlementCounts) => number;
  /** A non-zero value is a problem worth highlighting. */
  isAlarm?: boolean;
}

// Column order of Biểu II.06a/VPCP/KSTT (docs/domain-vn.md §6.1), then information the form does not
// forbid, after its last column: withdrawn/stopped, and the results of the settled dossiers returned
// (status 10) or awaiting collection (status 9, §2.1) — the form's "settled" counts both.
const COLUMNS: Column[] = [
  {
    key: 'receivedTotal',
    group: 'received',
    labelKey: 'settlement.cols.total',
    get: (r) => r.received.total,
  },
  { key: 'online', group: 'received', labelKey: 'settlement.cols.online', get: (r) => r.received.online },
  { key: 'direct', group: 'received', labelKey: 'settlement.cols.direct', get: (r) => r.received.direct },
  {
    key: 'carriedOver',
    group: 'received',
    labelKey: 'settlement.cols.carriedOver',
    get: (r) => r.received.carriedOver,
  },
  { key: 'settledTotal', group: 'settled', labelKey: 'settlement.cols.total', get: (r) => r.settled.total },
  { key: 'early', group: 'settled', labelKey: 'settlement.cols.early', get: (r) => r.settled.early },
  { key: 'onTime', group: 'settled', labelKey: 'settlement.cols.onTime', get: (r) => r.settled.onTime },
  {
    key: 'late',
    group: 'settled',
    labelKey: 'settlement.cols.late',
    get: (r) => r.settled.late,
    isAlarm: true,
  },
  {
    key: 'inProcessTotal',
    group: 'inProcess',
    labelKey: 'settlement.cols.total',
    get: (r) => r.inProcess.total,
  },
  {
    key: 'withinTime',
    group: 'inProcess',
    labelKey: 'settlement.cols.withinTime',
    get: (r) => r.inProcess.withinTime,
  },
  {
    key: 'overdue',
    group: 'inProcess',
    labelKey: 'settlement.cols.overdue',
    get: (r) => r.inProcess.overdue,
    isAlarm: true,
  },
  {
    key: 'withdrawnOrStopped',
    group: 'withdrawn',
    labelKey: 'settlement.groups.withdrawn',
    get: (r) => r.withdrawnOrStopped,
  },
  { key: 'returned', group: 'results', labelKey: 'settlement.cols.returned', get: (r) => r.results.returned },
  { key: 'awaiting', group: 'results', labelKey: 'settlement.cols.awaiting', get: (r) => r.results.awaiting },
];

const GROUPS: { key: GroupKey; span: number }[] = [
  { key: 'received', span: 4 },
  { key: 'settled', span: 4 },
  { key: 'inProcess', span: 3 },
];

interface SettlementTableProps {
  report: SettlementReport;
  groupBy: ReportGroupBy;
}

function MobileCard({
  row,
  index,
  isTotal,
}: {
  row: SettlementCounts;
  index: number | null;
  isTotal?: boolean;
}) {
  const { t } = useTranslation('reports');
  const n = useNumberFormat();
  const name = isTotal ? t('settlement.totalRow') : row.field.name;
  return (
    <Card
      padding="sm"
      radius="md"
      bg={isTotal ? 'gray.1' : undefined}
      data-testid={isTotal ? 'settlement-total' : 'settlement-row'}
      data-code={isTotal ? undefined : row.field.code}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Text fw={700} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {index !== null ? `${index}. ` : ''}
          {name}
        </Text>
        <Badge variant="light" size="lg" radius="sm" style={{ flex: 'none' }}>
          {n.count(row.received.total)}
        </Badge>
      </Group>
      <SimpleGrid cols={2} spacing="xs" verticalSpacing={6} mt="xs">
        {[...GROUPS.map((g) => g.key), 'withdrawn' as const, 'results' as const].map((group) => (
          <Stack key={group} gap={2}>
            <Text size="xs" fw={700} c="brand.8">
              {t(`settlement.groups.${group}`)}
            </Text>
            {COLUMNS.filter((c) => c.group === group).map((column) => {
              const value = column.get(row);
              return (
                <Group key={column.key} justify="space-between" gap={4} wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    {group === 'withdrawn' ? t('settlement.cols.total') : t(column.labelKey)}
                  </Text>
                  <Text
                    size="sm"
                    fw={600}
                    c={column.isAlarm && value > 0 ? ink('red') : undefined}
                    data-col={column.key}
                  >
                    {n.count(value)}
                  </Text>
                </Group>
              );
            })}
          </Stack>
        ))}
      </SimpleGrid>
    </Card>
  );
}

/**
 * Biểu II.06a: the cut-off its figures are judged at, the table, the results still at the desk, and
 * what the extra columns are.
 */
export function SettlementTable({ report, groupBy }: SettlementTableProps) {
  const { t } = useTranslation('reports');
  return (
    <Stack gap={6}>
      <CutoffNote cutoff={report.cutoff} />
      <SettlementGrid report={report} groupBy={groupBy} />
      <Text size="sm" data-testid="results-backlog" data-count={report.resultsBacklog}>
        {t('settlement.backlog', { count: report.resultsBacklog })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('settlement.resultsNote')}
      </Text>
    </Stack>
  );
}

/** The table with its official two-level header; cards on phones. */
function SettlementGrid({ report, groupBy }: SettlementTableProps) {
  const { t } = useTranslation('reports');
  const n = useNumberFormat();
  const isMobile = useIsMobile();

  if (isMobile) {
    return (
      <Stack gap="xs" data-testid="settlement-table">
        {report.rows.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="settlement-empty">
            {t('settlement.empty')}
          </Text>
        ) : null}
        {report.rows.map((row, index) => (
          <MobileCard key={row.field.code} row={row} index={index + 1} />
        ))}
        <MobileCard row={report.totalRow} index={null} isTotal />
      </Stack>
    );
  }

  const cells = (row: SettlementCounts) =>
    COLUMNS.map((column) => {
      const value = column.get(row);
      return (
        <Table.Td
          key={column.key}
          ta="center"
          data-col={column.key}
          c={column.isAlarm && value > 0 ? ink('red') : undefined}
          fw={column.isAlarm && value > 0 ? 700 : undefined}
        >
          {n.count(value)}
        </Table.Td>
      );
    });

  return (
    <Table.ScrollContainer minWidth={1100} type="native">
      <Table
        withTableBorder
        withColumnBorders
        striped
        highlightOnHover
        verticalSpacing={6}
        horizontalSpacing={8}
        fz="sm"
        bg="white"
        data-testid="settlement-table"
      >
        <Table.Thead bg="gray.1">
          <Table.Tr>
            <Table.Th rowSpan={2} w={48} ta="center">
              {t('settlement.no')}
            </Table.Th>
            <Table.Th rowSpan={2} miw={200}>
              {t(`settlement.rowHeader.${groupBy}`)}
            </Table.Th>
            {GROUPS.map((group) => (
              <Table.Th key={group.key} colSpan={group.span} ta="center">
                {t(`settlement.groups.${group.key}`)}
              </Table.Th>
            ))}
            <Table.Th rowSpan={2} ta="center" w={72}>
              {t('settlement.groups.withdrawn')}
            </Table.Th>
            <Table.Th colSpan={2} ta="center" bg="gray.0">
              {t('settlement.groups.results')}
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            {COLUMNS.filter((c) => c.group !== 'withdrawn').map((column) => (
              <Table.Th key={column.key} ta="center" fz="xs" w={72}>
                {t(column.labelKey)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={16} ta="center" c="dimmed" data-testid="settlement-empty">
                {t('settlement.empty')}
              </Table.Td>
            </Table.Tr>
          ) : null}
          {report.rows.map((row, index) => (
            <Table.Tr key={row.field.code} data-testid="settlement-row" data-code={row.field.code}>
              <Table.Td ta="center">{index + 1}</Table.Td>
              <Table.Td>
                <Text size="sm">{row.field.name}</Text>
                {groupBy === 'procedure' || groupBy === 'unit' ? (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {row.field.code}
                  </Text>
                ) : null}
              </Table.Td>
              {cells(row)}
            </Table.Tr>
          ))}
          <Table.Tr fw={700} bg="gray.1" data-testid="settlement-total">
            <Table.Td />
            <Table.Td>{t('settlement.totalRow')}</Table.Td>
            {cells(report.totalRow)}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
