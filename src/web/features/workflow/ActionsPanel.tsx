import { Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TERMINAL_STATUSES } from '../../../domain/lifecycle/statuses.ts';
import type { AvailableAction, Dossier } from '../../api/types';
import { ActionModal } from './ActionModal';
import { useDossierActions } from './use-workflow';
import { WorkflowProblemAlert } from './WorkflowProblemAlert';
import { actionLabel, isDestructive, isForward } from './workflow-model';

interface ActionsPanelProps {
  dossier: Dossier;
  onChanged: () => void;
  onConflict: (error: unknown) => void;
}

// Refused at intake, stopped, result returned: nothing but reporting happens after these.
const CLOSED: readonly number[] = TERMINAL_STATUSES;

/** The step forward first, then the others in the server's order, the destructive ones last. */
function ordered(all: AvailableAction[]): AvailableAction[] {
  // The result draft is written in its own panel (ResultDraftPanel), not through a modal.
  const actions = all.filter((a) => a.action !== 'draft_result');
  const rank = (a: AvailableAction) => (isForward(a.action) ? 0 : isDestructive(a.action) ? 2 : 1);
  return [...actions].sort((a, b) => rank(a) - rank(b));
}

/** The actions the signed-in officer may take now, each opening its modal. */
export function ActionsPanel({ dossier, onChanged, onConflict }: ActionsPanelProps) {
  const { t } = useTranslation('workflow');
  const { t: tc } = useTranslation();
  const actions = useDossierActions(dossier.code, true);
  const [open, setOpen] = useState<AvailableAction | null>(null);

  let body: ReactNode;
  if (actions.isPending) {
    body = (
      <Center py="xs">
        <Loader size="sm" aria-label={tc('common.loading')} />
      </Center>
    );
  } else if (actions.isError) {
    body = <WorkflowProblemAlert error={actions.error} testId="actions-error" />;
  } else if (actions.data.actions.length === 0) {
    body = (
      <Text size="sm" c="dimmed" data-testid="actions-none">
        {CLOSED.includes(dossier.status) ? t('dossier.closed') : t('dossier.noActions')}
      </Text>
    );
  } else {
    body = (
      <Group gap="xs" wrap="wrap">
        {ordered(actions.data.actions).map((available) => (
          <Button
            key={available.action}
            variant={
              isDestructive(available.action) ? 'outline' : isForward(available.action) ? 'filled' : 'light'
            }
            color={isDestructive(available.action) ? 'red' : isForward(available.action) ? undefined : 'blue'}
            h="auto"
            py={8}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.3 } }}
            onClick={() => setOpen(available)}
            data-testid={`action-${available.action}`}
            w={{ base: '100%', xs: 'auto' }}
          >
            {actionLabel(t, available.action, available.label)}
          </Button>
        ))}
      </Group>
    );
  }

  return (
    <Paper p={{ base: 'sm', sm: 'md' }} radius="lg" data-testid="dossier-actions">
      <Stack gap="sm">
        <Title order={2} fz="md">
          {t('dossier.actionsTitle')}
        </Title>
        {body}
      </Stack>
      {open && actions.data ? (
        <ActionModal
          dossier={dossier}
          available={open}
          version={actions.data.version}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            onChanged();
          }}
          onConflict={(error) => {
            setOpen(null);
            onConflict(error);
          }}
        />
      ) : null}
    </Paper>
  );
}
