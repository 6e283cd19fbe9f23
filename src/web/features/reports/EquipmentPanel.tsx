import { Badge, Center, Group, Loader, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IconAlert, IconCheck } from '../../components/icons';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useIsMobile } from '../../components/use-is-mobile';
import { useNumberFormat } from './format';
import { Section } from './Section';
import { useEquipmentReport } from './use-reports';

/** Report lines have no id: key them by content, numbering repeats. */
function keyed<T extends { kind: string; name: string }>(items: T[]): { key: string; item: T }[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = `${item.kind}|${item.name}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { key: `${base}|${n}`, item };
  });
}

/** The center's equipment and whether it meets the need. */
export function EquipmentPanel({ unit, actions }: { unit: string; actions?: ReactNode }) {
  const { t } = useTranslation('reports');
  const n = useNumberFormat();
  const isMobile = useIsMobile();
  const report = useEquipmentReport(unit);

  let body: ReactNode;
  if (report.isPending) {
    body = (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  } else if (report.isError) {
    body = <ProblemAlert error={report.error} testId="equipment-error" />;
  } else {
    const r = report.data;
    const verdict =
      r.items.length === 0 ? (
        <Badge
          color="gray"
          variant="light"
          size="lg"
          radius="sm"
          data-testid="equipment-meets-need"
          data-meets="unknown"
        >
          {t('equipment.noData')}
        </Badge>
      ) : r.allMeetNeed ? (
        <Badge
          color="teal"
          variant="light"
          size="lg"
          radius="sm"
          leftSection={<IconCheck size={14} />}
          data-testid="equipment-meets-need"
          data-meets="true"
        >
          {t('equipment.meetsNeed')}
        </Badge>
      ) : (
        <Badge
          color="orange"
          variant="light"
          size="lg"
          radius="sm"
          leftSection={<IconAlert size={14} />}
          data-testid="equipment-meets-need"
          data-meets="false"
          style={{ whiteSpace: 'normal', height: 'auto' }}
        >
          {t('equipment.notMeeting', { names: r.notMeeting.join(', ') })}
        </Badge>
      );
    body = (
      <Stack gap="sm">
        <Group>{verdict}</Group>
        {r.items.length > 0 && isMobile ? (
          <Stack gap={6} data-testid="equipment-items">
            {keyed(r.items).map(({ key, item }) => (
              <Group
                key={key}
                justify="space-between"
                wrap="nowrap"
                gap="xs"
                py={4}
                style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                data-testid="equipment-item"
                data-kind={item.kind}
              >
                <div style={{ minWidth: 0 }}>
                  <Text size="sm">{item.name}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`equipment.kinds.${item.kind}`)} · {t(`equipment.conditions.${item.condition}`)}
                  </Text>
                </div>
                <Stack gap={2} align="flex-end" style={{ flex: 'none' }}>
                  <Text size="sm" fw={700}>
                    {n.count(item.quantity)}
                  </Text>
                  <Badge size="xs" variant="light" color={item.meetsNeed ? 'teal' : 'orange'} radius="sm">
                    {item.meetsNeed ? t('equipment.enough') : t('equipment.notEnough')}
                  </Badge>
                </Stack>
              </Group>
            ))}
          </Stack>
        ) : r.items.length > 0 ? (
          <Table verticalSpacing={6} fz="sm" data-testid="equipment-items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('equipment.name')}</Table.Th>
                <Table.Th ta="right" w={90}>
                  {t('equipment.quantity')}
                </Table.Th>
                <Table.Th w={110} visibleFrom="sm">
                  {t('equipment.condition')}
                </Table.Th>
                <Table.Th w={130}>{t('equipment.meetsNeedColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keyed(r.items).map(({ key, item }) => (
                <Table.Tr key={key} data-testid="equipment-item" data-kind={item.kind}>
                  <Table.Td>
                    <Text size="sm">{item.name}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`equipment.kinds.${item.kind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{n.count(item.quantity)}</Table.Td>
                  <Table.Td visibleFrom="sm">{t(`equipment.conditions.${item.condition}`)}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={item.meetsNeed ? 'teal' : 'orange'} radius="sm">
                      {item.meetsNeed ? t('equipment.enough') : t('equipment.notEnough')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    );
  }

  return (
    <Section title={t('equipment.title')} testId="equipment-panel" actions={actions}>
      {body}
    </Section>
  );
}
