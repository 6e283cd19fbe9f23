import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/datetime';
import { type CheckResult, type Exercise, useExerciseAction, useExercises } from './api';
import { isPracticeMode, setPracticeMode } from './practice-mode';

function ExerciseCard({ exercise }: { exercise: Exercise }) {
  const { t } = useTranslation('guides');
  const action = useExerciseAction();
  const [result, setResult] = useState<CheckResult | null>(null);
  const started = Boolean(exercise.startedAt);
  const target =
    exercise.id === 'return' && exercise.dossierCode ? `/ho-so/${exercise.dossierCode}` : '/tiep-nhan';
  return (
    <Paper withBorder p="md" radius="md" data-testid={`exercise-${exercise.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} fz="md">
            {exercise.title}
          </Title>
          {exercise.completedAt ? (
            <Badge color="green" data-testid={`exercise-${exercise.id}-done`}>
              {t('practice.done', { date: formatDateTime(exercise.completedAt) })}
            </Badge>
          ) : null}
        </Group>
        <List size="sm" type="ordered" spacing={4}>
          {exercise.steps.map((s) => (
            <List.Item key={s}>{s}</List.Item>
          ))}
        </List>
        {exercise.dossierCode ? (
          <Text size="sm">
            {t('practice.dossier')}{' '}
            <Text span ff="monospace" fw={700} data-testid={`exercise-${exercise.id}-dossier`}>
              {exercise.dossierCode}
            </Text>
          </Text>
        ) : null}
        {action.isError ? <ProblemAlert error={action.error} /> : null}
        {result ? (
          <Alert
            color={result.passed ? 'green' : 'orange'}
            title={result.passed ? t('practice.passed') : t('practice.notYet')}
            data-testid={`exercise-${exercise.id}-result`}
            data-passed={result.passed}
          >
            <List size="sm" spacing={2}>
              {result.checks.map((c) => (
                <List.Item key={c.key}>
                  {c.ok ? '✓' : '✗'} {c.label}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <Group gap="xs">
          <Button
            variant={started ? 'default' : 'filled'}
            loading={action.isPending && action.variables?.action === 'start'}
            onClick={() => {
              setResult(null);
              action.mutate({ id: exercise.id, action: 'start' });
            }}
            data-testid={`exercise-${exercise.id}-start`}
          >
            {started ? t('practice.restart') : t('practice.start')}
          </Button>
          {started ? (
            <>
              <Button
                variant="light"
                onClick={() => setPracticeMode(true, target)}
                data-testid={`exercise-${exercise.id}-open`}
              >
                {exercise.id === 'return' ? t('practice.openDossier') : t('practice.openIntake')}
              </Button>
              <Button
                color="green"
                loading={action.isPending && action.variables?.action === 'check'}
                onClick={() =>
                  action.mutate(
                    { id: exercise.id, action: 'check' },
                    { onSuccess: (r) => setResult(r as CheckResult) },
                  )
                }
                data-testid={`exercise-${exercise.id}-check`}
              >
                {t('practice.check')}
              </Button>
            </>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}

/** The training center: guided exercises done on the practice database, checked by the server. */
export function PracticePage() {
  const { t } = useTranslation('guides');
  const exercises = useExercises();
  return (
    <Stack gap="md" data-testid="practice-page">
      <Title order={1} fz={{ base: 22, sm: 28 }}>
        {t('practice.title')}
      </Title>
      <Alert color="yellow" data-testid="practice-lead">
        {t('practice.lead')}
      </Alert>
      {isPracticeMode() ? (
        <Button variant="default" onClick={() => setPracticeMode(false, '/luyen-tap')}>
          {t('banner.leave')}
        </Button>
      ) : null}
      {exercises.isPending ? <Loader aria-label={t('loading')} /> : null}
      {exercises.isError ? <ProblemAlert error={exercises.error} /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {(exercises.data ?? []).map((e) => (
          <ExerciseCard key={e.id} exercise={e} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
