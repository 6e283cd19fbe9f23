import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../api/types';
import { formatDateTime } from '../../lib/datetime';
import { useStepGuides } from './api';

/** Which step guide applies (mirrors src/domain/guides/guide.ts stepKeyFor). */
export function stepKeyOf(d: Pick<Dossier, 'status' | 'step'>): string | undefined {
  switch (d.status) {
    case 1:
      return 'intake';
    case 2:
      return 'transfer';
    case 4:
      return d.step?.key === 'approve' || d.step?.key === 'sign' ? d.step.key : 'appraise';
    case 5:
      return 'supplement';
    case 6:
      return 'payment';
    case 9:
      return 'return';
    default:
      return undefined;
  }
}

/** What the officer of the dossier's current step must do, and by when (the dossier's own deadline). */
export function StepGuidePanel({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('guides');
  const guides = useStepGuides();
  const key = stepKeyOf(dossier);
  const guide = guides.data?.find((g) => g.key === key);
  if (!key || !guide) return null;
  const due = dossier.status === 4 ? (dossier.step?.dueAt ?? dossier.dueAt) : dossier.dueAt;
  return (
    <Paper withBorder p="md" radius="md" data-testid="step-guide" data-step={key}>
      <Stack gap={6}>
        <Title order={2} fz="md">
          {t('step.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {guide.body.who}
        </Text>
        <List size="sm" spacing={4} type="ordered">
          {guide.body.todo.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of a text; two may be equal
            <List.Item key={i} style={{ whiteSpace: 'pre-wrap' }}>
              {line}
            </List.Item>
          ))}
        </List>
        <Text size="sm" fw={600} data-testid="step-guide-due">
          {due ? t('step.dueAt', { date: formatDateTime(due) }) : t('step.noDue')}
        </Text>
        <Text size="xs" c="dimmed">
          {guide.body.deadline}
        </Text>
      </Stack>
    </Paper>
  );
}
