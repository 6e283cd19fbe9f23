import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconCheck } from '../../components/icons';
import { formatPlainDate, todayInVietnam } from '../../lib/datetime';
import { useCompleteTask, useMyTasks } from './use-workflow';
import { WorkflowProblemAlert } from './WorkflowProblemAlert';

/** Open follow-up tasks from inspections that name the signed-in officer; "done" closes one. */
export function TasksPanel() {
  const { t } = useTranslation('workflow');
  const tasks = useMyTasks(true);
  const complete = useCompleteTask();
  const today = todayInVietnam();
  const items = tasks.data ?? [];

  return (
    <Paper p={{ base: 'sm', sm: 'md' }} radius="lg" data-testid="tasks-panel">
      <Group justify="space-between" gap="xs" mb={items.length > 0 ? 'sm' : 0} wrap="wrap">
        <Title order={2} fz="md">
          {t('tasks.title')}
        </Title>
        <Badge variant="light" color={items.length > 0 ? 'orange' : 'gray'} data-testid="tasks-count">
          {items.length}
        </Badge>
      </Group>
      {tasks.isError ? <WorkflowProblemAlert error={tasks.error} testId="tasks-error" /> : null}
      {complete.isError ? <WorkflowProblemAlert error={complete.error} testId="tasks-error" /> : null}
      {tasks.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed" mt={4} data-testid="tasks-empty">
          {t('tasks.empty')}
        </Text>
      ) : null}
      <Stack gap="xs">
        {items.map((task) => {
          const isLate = task.dueDate < today;
          return (
            <Paper key={task.id} px="sm" py="xs" radius="md" data-testid="task-row" data-id={task.id}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2} style={{ flex: '1 1 220px', minWidth: 0 }}>
                  <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {task.title}
                  </Text>
                  <Text size="xs" c={isLate ? 'red.7' : 'dimmed'}>
                    {t('tasks.due', { date: formatPlainDate(task.dueDate) })}
                    {isLate ? ` · ${t('deadline.overdue')}` : ''}
                  </Text>
                </Stack>
                <Button
                  size="xs"
                  variant="light"
                  color="green"
                  leftSection={<IconCheck size={14} />}
                  loading={complete.isPending && complete.variables === task.id}
                  onClick={() => complete.mutate(task.id)}
                  data-testid="task-done"
                  data-id={task.id}
                >
                  {t('tasks.done')}
                </Button>
              </Group>
            </Paper>
          );
        })}
      </Stack>
    </Paper>
  );
}
