import { useTranslation } from 'react-i18next';
import { problemMessage } from '../problem-message';
import { Alert } from './ui';

/** A failed call on a citizen's page: one plain, translated sentence (no request id). */
export function PublicProblem({ error, testId }: { error: unknown; testId?: string }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  return (
    <Alert data-testid={testId}>
      <p>{problemMessage(error, t, i18n.language)}</p>
    </Alert>
  );
}
