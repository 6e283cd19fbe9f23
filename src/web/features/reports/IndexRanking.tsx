import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardCommune } from '../../api/types';
import { useNumberFormat } from './format';

/**
 * The communes ranked by their Decision 766 index score, as the Decision ranks units: rank, score out
 * of the points attainable on the data motcua holds, points per group, and each indicator's value and
 * points in a disclosure. The server gives the order and the ranks.
 */
export function IndexRanking({ communes }: { communes: DashboardCommune[] }) {
  const { t, i18n } = useTranslation('reports');
  const n = useNumberFormat();
  const points = (x: number) =>
    new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : i18n.language === 'ru' ? 'ru-RU' : 'vi-VN', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(x);
  const groups = [1, 2, 3, 4, 5] as const;
  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table withTableBorder verticalSpacing="xs" fz="sm" bg="white" data-testid="index-ranking">
        <Table.Thead bg="gray.1">
          <Table.Tr>
            <Table.Th w={60}>{t('ranking.rank')}</Table.Th>
            <Table.Th miw={170}>{t('dashboard.cols.commune')}</Table.Th>
            <Table.Th ta="right">{t('ranking.score')}</Table.Th>
            {groups.map((g) => (
              <Table.Th key={g} ta="right">
                {t(`ranking.group${g}`)}
              </Table.Th>
            ))}
            <Table.Th>{t('ranking.components')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {communes.map((c) => (
            <Table.Tr key={c.unit.code} data-testid="ranking-row" data-code={c.unit.code} data-rank={c.rank}>
              <Table.Td fw={700} data-col="rank">
                {c.rank}
              </Table.Td>
              <Table.Td>{c.unit.name}</Table.Td>
              <Table.Td ta="right" fw={700} data-col="score">
                {points(c.index766.score)}
                <Text span size="xs" c="dimmed">
                  {' '}
                  / {points(c.index766.attainable)}
                </Text>
              </Table.Td>
              {c.index766.groups.map((g) => (
                <Table.Td key={g.group} ta="right" data-col={`group${g.group}`}>
                  {points(g.points)}
                </Table.Td>
              ))}
              <Table.Td>
                <details data-testid="ranking-details">
                  <summary>{t('ranking.show')}</summary>
                  <ul style={{ margin: '4px 0', paddingInlineStart: 16 }}>
                    {c.index766.components.map((k) => (
                      <li key={k.id} data-testid="ranking-component" data-id={k.id}>
                        <Text span size="xs">
                          {k.id} {k.name ? `— ${k.name}` : ''}:{' '}
                          {k.value === null
                            ? 'N/A'
                            : k.unit === 'days'
                              ? t('ranking.days', { value: points(k.value) })
                              : k.unit === 'count'
                                ? n.count(k.value)
                                : n.percent(k.value)}
                          {' · '}
                          {k.points === null
                            ? (k.reason ?? t('ranking.notScored'))
                            : t('ranking.points', { points: points(k.points), max: points(k.max) })}
                        </Text>
                      </li>
                    ))}
                  </ul>
                </details>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
