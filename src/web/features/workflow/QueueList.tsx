import { Anchor, Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueueItem, QueueName } from '../../api/types';
import { IconInbox } from '../../components/icons';
import { useIsMobile } from '../../components/use-is-mobile';
import { formatDateTime } from '../../lib/datetime';
import { DeadlineBadge } from './DeadlineBadge';
import { statusLabel, stepLabel } from './workflow-model';

function dossierPath(code: string) {
  return `/ho-so/${encodeURIComponent(code)}`;
}

function CodeLink({ code }: { code: string }) {
  return (
    <Anchor
      component={Link}
      to={dossierPath(code)}
      ff="monospace"
      fw={700}
      size="sm"
      style={{ whiteSpace: 'nowrap' }}
      data-testid="queue-link"
      data-code={code}
    >
      {code}
    </Anchor>
  );
}

/** Where the dossier stands: its workflow step while in process, otherwise its national status. */
function Stage({ item }: { item: QueueItem }) {
  const { t } = useTranslation('workflow');
  return (
    <Stack gap={2}>
      <Text size="sm">
        {item.step ? stepLabel(t, item.step) : statusLabel(t, item.status, item.statusName)}
      </Text>
      {item.subState && item.subState !== 'none' ? (
        <Badge size="xs" color="grape" variant="light">
          {t(`subStates.${item.subState}`, { defaultValue: item.subState })}
        </Badge>
      ) : null}
    </Stack>
  );
}

/** The procedure's name from the commune's catalogue, under the applicant; the code when the name is unknown. */
function ProcedureName({ item }: { item: QueueItem }) {
  return (
    <Text
      size="xs"
      c="dimmed"
      lineClamp={2}
      title={item.procedureName ?? item.procedureCode}
      data-testid="queue-procedure"
    >
      {item.procedureName ?? item.procedureCode}
    </Text>
  );
}

function MobileCards({ items }: { items: QueueItem[] }) {
  const { t } = useTranslation('workflow');
  return (
    <Stack gap="xs">
      {items.map((item) => (
        <Card key={item.code} padding="sm" radius="md" data-testid="queue-row" data-code={item.code}>
          <Group justify="space-between" wrap="wrap" gap={6}>
            <CodeLink code={item.code} />
            <DeadlineBadge state={item.deadlineState} size="sm" testId="queue-deadline" />
          </Group>
          <Text size="sm" fw={600} mt={4}>
            {item.applicantName}
          </Text>
          <ProcedureName item={item} />
          <Stage item={item} />
          <Text size="xs" c="dimmed" mt={4}>
            {t('queues.received')}: {formatDateTime(item.receivedAt)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('queues.due')}: {formatDateTime(item.dueAt)}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

/** One work queue: a table on wide screens, cards below 768 px. */
export function QueueList({ queue, items }: { queue: QueueName; items: QueueItem[] }) {
  const { t } = useTranslation('workflow');
  const isMobile = useIsMobile();
  if (items.length === 0) {
    return (
      <Stack align="center" gap={4} py="xl" c="dimmed" data-testid="queue-empty">
        <IconInbox size={28} />
        <Text size="sm">{t(`queues.empty.${queue}`)}</Text>
      </Stack>
    );
  }
  if (isMobile) return <MobileCards items={items} />;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="queue-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={200}>{t('queues.code')}</Table.Th>
            <Table.Th>{t('queues.applicant')}</Table.Th>
            <Table.Th>{t('queues.step')}</Table.Th>
            <Table.Th w={140}>{t('queues.received')}</Table.Th>
            <Table.Th w={140}>{t('queues.due')}</Table.Th>
            <Table.Th w={130}>{t('queues.deadline')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.code} data-testid="queue-row" data-code={item.code}>
              <Table.Td>
                <CodeLink code={item.code} />
                <Text size="xs" c="dimmed">
                  {item.procedureCode}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.applicantName}</Text>
                <ProcedureName item={item} />
              </Table.Td>
              <Table.Td>
                <Stage item={item} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(item.receivedAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(item.dueAt)}</Text>
              </Table.Td>
              <Table.Td>
                <DeadlineBadge state={item.deadlineState} testId="queue-deadline" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
