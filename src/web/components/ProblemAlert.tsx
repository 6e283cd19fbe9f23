import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/client';
import { IconAlert } from './icons';
import { problemMessage } from './problem-message';

interface ProblemAlertProps {
  error: unknown;
  testId?: string;
  title?: string;
  /** Citizens' pages: a plain message only, no request id (it means nothing to them). */
  isPublic?: boolean;
}

/** Shows a failed call's problem to the user; to staff with the request id for the help desk. */
export function ProblemAlert({ error, testId, title, isPublic = false }: ProblemAlertProps) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const requestId = isApiProblem(error) && !isPublic ? error.requestId : undefined;
  // With field errors the fields carry the explanation; `detail` is then technical.
  const detail =
    isApiProblem(error) && i18n.language === 'vi' && error.errors.length === 0 ? error.detail : undefined;
  return (
    <Alert color="red" variant="light" icon={<IconAlert />} title={title} role="alert" data-testid={testId}>
      <Text size="sm" fw={500}>
        {problemMessage(error, t, i18n.language)}
      </Text>
      {detail ? (
        <Text size="sm" mt={4}>
          {detail}
        </Text>
      ) : null}
      {requestId ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t('common.requestId', { id: requestId })}
        </Text>
      ) : null}
    </Alert>
  );
}
