import {
  ActionIcon,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSafeText } from '../../../domain/text/safe-text.ts';
import { isApiProblem } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { todayInVietnam } from '../../lib/datetime';
import { randomId } from '../../lib/random-id';
import { useCreateInspection } from './use-reports';

interface TaskValues {
  key: string;
  title: string;
  owner: string;
  dueDate: string;
}

interface InspectionValues {
  day: string;
  participants: string;
  findings: string;
  directions: string;
  tasks: TaskValues[];
}

const newTask = (): TaskValues => ({ key: randomId(), title: '', owner: '', dueDate: '' });

/** Records an inspection: who came, what was found, what was directed, and follow-up tasks with owners. */
export function InspectionForm({ unit, onDone }: { unit: string; onDone: () => void }) {
  const { t } = useTranslation('reports');
  const create = useCreateInspection(unit);
  const [unmapped, setUnmapped] = useState<unknown>(null);
  const required = (value: string) => (value.trim() ? null : t('inspections.required'));
  // The server refuses control characters in free text (tab and line breaks only where multi-line).
  const requiredText = (multiline: boolean) => (value: string) =>
    required(value) ?? (isSafeText(value, { multiline }) ? null : t('translation:common.unsafeText'));
  const form = useForm<InspectionValues>({
    initialValues: { day: todayInVietnam(), participants: '', findings: '', directions: '', tasks: [] },
    validate: {
      day: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : t('inspections.required')),
      participants: requiredText(true),
      findings: requiredText(true),
      directions: requiredText(true),
      tasks: {
        title: requiredText(false),
        owner: required,
        dueDate: (value) => (value ? null : t('inspections.required')),
      },
    },
  });

  const submit = form.onSubmit(async (values) => {
    setUnmapped(null);
    try {
      await create.mutateAsync({
        day: values.day,
        participants: values.participants.trim(),
        findings: values.findings.trim(),
        directions: values.directions.trim(),
        tasks: values.tasks.map((task) => ({
          title: task.title.trim(),
          owner: task.owner.trim(),
          dueDate: task.dueDate,
        })),
      });
    } catch (error) {
      // The server names the field (e.g. tasks.0.owner for an unknown officer): show it there too.
      if (isApiProblem(error)) {
        for (const e of error.errors) {
          if (/^(day|participants|findings|directions|tasks\.\d+\.(title|owner|dueDate))$/.test(e.path)) {
            form.setFieldError(e.path, e.message);
          }
        }
      }
      setUnmapped(error);
      return;
    }
    notifications.show({ color: 'teal', message: t('inspections.saved') });
    form.reset();
    onDone();
  });

  return (
    <form onSubmit={submit} noValidate data-testid="inspection-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            type="date"
            label={t('inspections.day')}
            withAsterisk
            {...form.getInputProps('day')}
            data-testid="inspection-day"
          />
        </SimpleGrid>
        <Textarea
          label={t('inspections.participants')}
          description={t('inspections.participantsHint')}
          withAsterisk
          autosize
          minRows={2}
          {...form.getInputProps('participants')}
          data-testid="inspection-participants"
        />
        <Textarea
          label={t('inspections.findings')}
          description={t('inspections.findingsHint')}
          withAsterisk
          autosize
          minRows={3}
          {...form.getInputProps('findings')}
          data-testid="inspection-findings"
        />
        <Textarea
          label={t('inspections.directions')}
          withAsterisk
          autosize
          minRows={3}
          {...form.getInputProps('directions')}
          data-testid="inspection-directions"
        />
        <Stack gap="xs">
          <Title order={3} fz="sm">
            {t('inspections.tasks')}
          </Title>
          <Text size="sm" c="dimmed">
            {form.values.tasks.length === 0 ? `${t('inspections.noTasksYet')} ` : ''}
            {t('inspections.taskOwnerHint')}
          </Text>
          {form.values.tasks.map((task, index) => (
            <Paper key={task.key} p="sm" radius="md" bg="gray.0" data-testid="inspection-task">
              <Group justify="space-between" mb={4}>
                <Text size="xs" fw={700} c="dimmed">
                  {t('inspections.taskN', { n: index + 1 })}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  onClick={() => form.removeListItem('tasks', index)}
                  aria-label={t('inspections.removeTask', { n: index + 1 })}
                  data-testid={`inspection-task-remove-${index}`}
                >
                  ×
                </ActionIcon>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                <TextInput
                  label={t('inspections.taskTitle')}
                  withAsterisk
                  {...form.getInputProps(`tasks.${index}.title`)}
                  data-testid={`inspection-task-title-${index}`}
                />
                <TextInput
                  label={t('inspections.taskOwner')}
                  placeholder={t('inspections.taskOwnerPlaceholder')}
                  withAsterisk
                  autoCapitalize="none"
                  spellCheck={false}
                  {...form.getInputProps(`tasks.${index}.owner`)}
                  data-testid={`inspection-task-owner-${index}`}
                />
                <TextInput
                  type="date"
                  label={t('inspections.taskDue')}
                  withAsterisk
                  {...form.getInputProps(`tasks.${index}.dueDate`)}
                  data-testid={`inspection-task-due-${index}`}
                />
              </SimpleGrid>
            </Paper>
          ))}
          <Group>
            <Button
              variant="light"
              size="xs"
              onClick={() => form.insertListItem('tasks', newTask())}
              data-testid="inspection-task-add"
            >
              {t('inspections.addTask')}
            </Button>
          </Group>
        </Stack>
        {unmapped ? <ProblemAlert error={unmapped} testId="inspection-error" /> : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('inspections.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="inspection-submit">
            {t('inspections.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
