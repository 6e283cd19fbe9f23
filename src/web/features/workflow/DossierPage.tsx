import { Alert, Anchor, Badge, Center, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiProblem } from '../../api/client';
import type { Dossier, Me } from '../../api/types';
import { IconAlert, IconArrowLeft } from '../../components/icons';
import { formatDateTime } from '../../lib/datetime';
import { StepGuidePanel } from '../guides/StepGuidePanel';
import { ActionsPanel } from './ActionsPanel';
import { DeadlineBadge } from './DeadlineBadge';
import { DossierDocuments } from './DossierDocuments';
import { ApplicantFacts, ProcessingFacts } from './DossierFacts';
import { DossierTimeline } from './DossierTimeline';
import { DueCard } from './DueCard';
import { ResultDraftPanel } from './ResultDraftPanel';
import { useDossier, useDue, useRefreshDossier, useTimeline } from './use-workflow';
import { WorkflowProblemAlert } from './WorkflowProblemAlert';
import {
  availableDocuments,
  hasAppointment,
  isCommuneStaff,
  statusColor,
  statusLabel,
  stepLabel,
} from './workflow-model';

function DossierHeader({
  dossier,
  deadline,
}: {
  dossier: Dossier;
  deadline: ReturnType<typeof useDue>['data'];
}) {
  const { t } = useTranslation('workflow');
  const subState = dossier.subState && dossier.subState !== 'none' ? dossier.subState : null;
  return (
    <Paper p={{ base: 'md', sm: 'lg' }} radius="lg" shadow="xs" data-testid="dossier-header">
      <Stack gap="xs">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {t('dossier.code')}
        </Text>
        <Title
          order={1}
          ff="monospace"
          fz={{ base: 20, sm: 28 }}
          style={{ overflowWrap: 'anywhere' }}
          data-testid="dossier-code"
        >
          {dossier.code}
        </Title>
        <Group gap="xs" wrap="wrap">
          <Badge
            size="lg"
            radius="sm"
            color={statusColor(dossier.status)}
            data-testid="dossier-status"
            data-status={dossier.status}
          >
            {statusLabel(t, dossier.status, dossier.statusName)}
          </Badge>
          {subState ? (
            <Badge size="lg" radius="sm" variant="light" color="grape" data-testid="dossier-substate">
              {t(`subStates.${subState}`, { defaultValue: subState })}
            </Badge>
          ) : null}
          <DeadlineBadge
            state={deadline?.deadlineState ?? null}
            timeliness={dossier.timeliness}
            size="lg"
            testId="dossier-deadline"
          />
        </Group>
        <Text size="sm">
          <Text span fw={600}>
            {dossier.applicant.fullName}
          </Text>
          {' · '}
          {dossier.procedure.name}
        </Text>
        {hasAppointment(dossier.status) ? (
          <Text size="sm" c="dimmed">
            {t('dossier.dueLine', { date: formatDateTime(dossier.dueAt) })}
            {dossier.step ? ` · ${stepLabel(t, dossier.step)}` : ''}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** One dossier: state, appointment and its explanation, history, documents, and what the officer can do. */
export function DossierPage({ me }: { me: Me }) {
  const { t } = useTranslation('workflow');
  const { t: tc } = useTranslation();
  const code = useParams().code ?? '';
  const dossier = useDossier(code);
  const status = dossier.data?.status;
  const withAppointment = status !== undefined && hasAppointment(status);
  const due = useDue(code, withAppointment);
  const timeline = useTimeline(code);
  const refresh = useRefreshDossier(code);
  const [conflict, setConflict] = useState<unknown>(null);
  useDocumentTitle(`${code} · ${tc('app.name')}`);

  const back = isCommuneStaff(me.role) ? (
    <Anchor component={Link} to="/ho-so" size="sm" data-testid="dossier-back">
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={16} />
        {t('dossier.back')}
      </Group>
    </Anchor>
  ) : null;

  if (dossier.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={tc('common.loading')} />
      </Center>
    );
  }
  if (dossier.isError) {
    return (
      <Stack gap="md">
        {back}
        <WorkflowProblemAlert error={dossier.error} testId="dossier-error" />
      </Stack>
    );
  }

  const data = dossier.data;
  const conflictTitle = isApiProblem(conflict) ? conflict.title : null;
  return (
    <Stack gap="md" data-testid="dossier-page" data-code={data.code} data-version={data.version}>
      {back}
      <DossierHeader dossier={data} deadline={due.data} />
      {conflictTitle ? (
        <Alert
          color="orange"
          icon={<IconAlert />}
          withCloseButton
          onClose={() => setConflict(null)}
          data-testid="dossier-conflict"
          role="alert"
        >
          <Text size="sm" fw={500} lang="vi">
            {conflictTitle}
          </Text>
          <Text size="sm">{t('dossier.reloaded')}</Text>
        </Alert>
      ) : null}
      {isCommuneStaff(me.role) ? (
        <ActionsPanel
          dossier={data}
          onChanged={() => {
            setConflict(null);
            void refresh();
          }}
          onConflict={(error) => {
            setConflict(error);
            void refresh();
          }}
        />
      ) : null}
      {isCommuneStaff(me.role) && (data.status === 4 || data.status === 9) ? (
        <ResultDraftPanel
          dossier={data}
          onChanged={() => {
            setConflict(null);
            void refresh();
          }}
          onConflict={(error) => {
            setConflict(error);
            void refresh();
          }}
        />
      ) : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <Stack gap="md">
            <ProcessingFacts dossier={data} />
            <ApplicantFacts dossier={data} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            {isCommuneStaff(me.role) ? <StepGuidePanel dossier={data} /> : null}
            <DueCard due={due} hasAppointment={withAppointment} />
            <DossierDocuments code={data.code} documents={availableDocuments(data, timeline.data)} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={12} order={3}>
          <DossierTimeline timeline={timeline} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
