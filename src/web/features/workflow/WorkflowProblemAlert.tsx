import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/client';
import { IconAlert } from '../../components/icons';
import { problemMessage } from '../../components/problem-message';

interface WorkflowProblemAlertProps {
  error: unknown;
  testId?: string;
}

/**
 * A failed lifecycle call. The server's Vietnamese title is authoritative in Vietnamese; other languages
 * get the workflow translation of the code when there is one, with the Vietnamese title kept beside it.
 */
export function WorkflowProblemAlert({ error, testId }: WorkflowProblemAlertProps) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const problem = isApiProblem(error) ? error : undefined;
  const translated =
    problem && i18n.language !== 'vi' ? t(`workflow:problems.${problem.code}`, { defaultValue: '' }) : '';
  const message = translated || problemMessage(error, t, i18n.language);
  const field = problem?.errors.map((e) => e.message).join('; ');
  return (
    <Alert color="red" variant="light" icon={<IconAlert />} role="alert" data-testid={testId}>
      <Text size="sm" fw={500} data-code={problem?.code}>
        {message}
      </Text>
      {translated && problem?.title ? (
        <Text size="sm" mt={4} lang="vi">
          {problem.title}
        </Text>
      ) : null}
      {field ? (
        <Text size="sm" mt={4}>
          {field}
        </Text>
      ) : null}
      {problem?.requestId ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t('common.requestId', { id: problem.requestId })}
        </Text>
      ) : null}
    </Alert>
  );
}
