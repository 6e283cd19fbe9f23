import { Badge, Button, Card, Center, Collapse, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection, Me } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { problemMessage } from '../../components/problem-message';
import { useIsMobile } from '../../components/use-is-mobile';
import { formatDateTime, formatPlainDate, todayInVietnam } from '../../lib/datetime';
import { InspectionForm } from './InspectionForm';
import { Section } from './Section';
import { useCompleteTask, useInspections } from './use-reports';

function Paragraph({ label, text }: { label: string; text: string }) {
  return (
    <div>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" lts={0.3}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {text}
      </Text>
    </div>
  );
}

function TaskStatus({ doneAt, dueDate }: { doneAt: string | null; dueDate: string }) {
  const { t } = useTranslation('reports');
  if (doneAt) {
    return (
      <Badge size="sm" color="teal" variant="light" radius="sm" title={formatDateTime(doneAt)}>
        {t('inspections.taskDone')}
      </Badge>
    );
  }
  const late = dueDate < todayInVietnam();
  return (
    <Badge size="sm" color={late ? 'red' : 'yellow'} variant="light" radius="sm">
      {late ? t('inspections.taskLate') : t('inspections.taskOpen')}
    </Badge>
  );
}

function Record({ record, unit, me }: { record: Inspection; unit: string; me: Me }) {
  const { t } = useTranslation('reports');
  const { t: tc, i18n } = useTranslation();
  const isMobile = useIsMobile();
  const complete = useCompleteTask(unit);
  const markDone = (id: string) =>
    complete.mutate(id, {
      onError: (error) =>
        notifications.show({ color: 'red', message: problemMessage(error, tc, i18n.language) }),
    });
  const doneButton = (task: Inspection['tasks'][number]) =>
    !task.doneAt && task.owner === me.username ? (
      <Button
        size="compact-xs"
        variant="light"
        onClick={() => markDone(task.id)}
        loading={complete.isPending && complete.variables === task.id}
        data-testid="inspection-task-done"
      >
        {t('inspections.markDone')}
      </Button>
    ) : null;

  return (
    <Card padding="md" radius="md" data-testid="inspection-record" data-id={record.id}>
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{t('inspections.recordOf', { day: formatPlainDate(record.day) })}</Text>
        <Badge variant="light" color="gray" radius="sm">
          {t('inspections.taskCount', { count: record.tasks.length })}
        </Badge>
      </Group>
      <Stack gap="sm">
        <Paragraph label={t('inspections.participants')} text={record.participants} />
        <Paragraph label={t('inspections.findings')} text={record.findings} />
        <Paragraph label={t('inspections.directions')} text={record.directions} />
        {record.tasks.length > 0 ? (
          isMobile ? (
            <Stack gap={6}>
              {record.tasks.map((task) => (
                <Card key={task.id} padding="xs" radius="sm" bg="gray.0" data-testid="inspection-task-row">
                  <Text size="sm" fw={600}>
                    {task.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {task.ownerName ?? task.owner} · {t('inspections.taskDue')}:{' '}
                    {formatPlainDate(task.dueDate)}
                  </Text>
                  <Group gap="xs" mt={4}>
                    <TaskStatus doneAt={task.doneAt} dueDate={task.dueDate} />
                    {doneButton(task)}
                  </Group>
                </Card>
              ))}
            </Stack>
          ) : (
            <Table fz="sm" verticalSpacing={6} withTableBorder>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t('inspections.taskTitle')}</Table.Th>
                  <Table.Th w={200}>{t('inspections.taskOwner')}</Table.Th>
                  <Table.Th w={110}>{t('inspections.taskDue')}</Table.Th>
                  <Table.Th w={190}>{t('inspections.taskStatus')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {record.tasks.map((task) => (
                  <Table.Tr key={task.id} data-testid="inspection-task-row">
                    <Table.Td>{task.title}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{task.ownerName ?? task.owner}</Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {task.owner}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatPlainDate(task.dueDate)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <TaskStatus doneAt={task.doneAt} dueDate={task.dueDate} />
                        {doneButton(task)}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        ) : null}
      </Stack>
    </Card>
  );
}

/** Inspection records of a commune with their follow-up tasks, and the form to add one. */
export function InspectionRecords({ unit, me }: { unit: string; me: Me }) {
  const { t } = useTranslation('reports');
  const inspections = useInspections(unit);
  const [isAdding, setIsAdding] = useState(false);

  return (
    <Section
      title={t('inspections.title')}
      testId="inspection-records"
      actions={
        isAdding ? null : (
          <Button size="sm" onClick={() => setIsAdding(true)} data-testid="inspection-new">
            {t('inspections.add')}
          </Button>
        )
      }
    >
      <Stack gap="md">
        <Collapse expanded={isAdding}>
          {isAdding ? (
            <Card padding="md" radius="md" withBorder bg="gray.0">
              <InspectionForm unit={unit} onDone={() => setIsAdding(false)} />
            </Card>
          ) : null}
        </Collapse>
        {inspections.isPending ? (
          <Center py="md">
            <Loader size="sm" />
          </Center>
        ) : inspections.isError ? (
          <ProblemAlert error={inspections.error} testId="inspections-error" />
        ) : inspections.data.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="inspections-empty">
            {t('inspections.empty')}
          </Text>
        ) : (
          inspections.data.map((record) => <Record key={record.id} record={record} unit={unit} me={me} />)
        )}
      </Stack>
    </Section>
  );
}
