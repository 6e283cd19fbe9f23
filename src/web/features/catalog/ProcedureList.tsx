import { Anchor, Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProcedureSummary } from '../../api/types';
import { IconClock, IconCoins } from '../../components/icons';
import { useIsMobile } from '../../components/use-is-mobile';
import { timeLimitLabel } from './time-limit-label';

interface ProcedureListProps {
  procedures: ProcedureSummary[];
  unit: string;
}

function detailHref(code: string, unit: string): string {
  return `/thu-tuc/${encodeURIComponent(code)}?unit=${encodeURIComponent(unit)}`;
}

/** The numbered catalogue: a table on wide screens, cards on phones (no sideways scrolling). */
export function ProcedureList({ procedures, unit }: ProcedureListProps) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();

  if (isMobile) {
    return (
      <Stack gap="sm" data-testid="procedure-list">
        {procedures.map((procedure) => (
          <Card
            key={procedure.code}
            padding="md"
            radius="md"
            data-testid="procedure-row"
            data-code={procedure.code}
          >
            <Group gap="xs" mb={6} wrap="nowrap">
              <Badge variant="light" color="gray" radius="sm">
                {procedure.no}
              </Badge>
              <Text size="xs" c="dimmed" ff="monospace">
                {procedure.code}
              </Text>
            </Group>
            <Anchor
              component={Link}
              to={detailHref(procedure.code, unit)}
              fw={600}
              c="dark"
              data-testid="procedure-link"
            >
              {procedure.name}
            </Anchor>
            <Text size="xs" c="brand.8" mt={4}>
              {procedure.field.name}
            </Text>
            <Stack gap={2} mt="xs">
              <Group gap={6} wrap="nowrap" align="flex-start">
                <IconClock size={14} style={{ marginTop: 3, flex: 'none' }} />
                <Text size="sm" title={procedure.timeLimit.text}>
                  {timeLimitLabel(procedure.timeLimit, t)}
                </Text>
              </Group>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <IconCoins size={14} style={{ marginTop: 3, flex: 'none' }} />
                <Text size="sm" lineClamp={2}>
                  {procedure.feeText || t('catalog.noFee')}
                </Text>
              </Group>
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Table striped highlightOnHover verticalSpacing="sm" data-testid="procedure-list" bg="white">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={56}>{t('catalog.colNo')}</Table.Th>
          <Table.Th w={100}>{t('catalog.colCode')}</Table.Th>
          <Table.Th>{t('catalog.colName')}</Table.Th>
          <Table.Th w={150}>{t('catalog.colField')}</Table.Th>
          <Table.Th w={200}>{t('catalog.colTimeLimit')}</Table.Th>
          <Table.Th w={220}>{t('catalog.colFee')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {procedures.map((procedure) => (
          <Table.Tr key={procedure.code} data-testid="procedure-row" data-code={procedure.code}>
            <Table.Td>{procedure.no}</Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {procedure.code}
              </Text>
            </Table.Td>
            <Table.Td>
              <Anchor
                component={Link}
                to={detailHref(procedure.code, unit)}
                fw={600}
                data-testid="procedure-link"
              >
                {procedure.name}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{procedure.field.name}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={600}>
                {timeLimitLabel(procedure.timeLimit, t)}
              </Text>
              <Text size="xs" c="dimmed" lineClamp={2} title={procedure.timeLimit.text}>
                {procedure.timeLimit.text}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={3} title={procedure.feeText}>
                {procedure.feeText || t('catalog.noFee')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
