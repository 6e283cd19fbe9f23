import { Badge, Center, Group, Loader, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../api/types';
import { formatDateTime } from '../../lib/datetime';
import { WorkflowProblemAlert } from './WorkflowProblemAlert';
import { statusColor, statusLabel } from './workflow-model';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** The few event details an officer reads: who was assigned, how the appointment moved, the verdict. */
function EventDetails({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation('workflow');
  const data = event.data ?? {};
  const lines: string[] = [];
  const assignee = text(data.assignee);
  if (assignee) lines.push(t('timeline.assignee', { name: assignee }));
  const newDueAt = text(data.newDueAt);
  if (newDueAt) lines.push(t('timeline.newDue', { date: formatDateTime(newDueAt) }));
  const dueAfter = text(data.dueAfter);
  const dueBefore = text(data.dueBefore);
  if (dueAfter && dueBefore && Date.parse(dueAfter) === Date.parse(dueBefore))
    lines.push(t('timeline.dueKept', { date: formatDateTime(dueAfter) }));
  else if (dueAfter) lines.push(t('timeline.dueMoved', { date: formatDateTime(dueAfter) }));
  else if (event.action === 'intake' || event.action === 'accept') {
    const dueAt = text(data.dueAt);
    if (dueAt && event.toStatus === 2) lines.push(t('timeline.due', { date: formatDateTime(dueAt) }));
  }
  if (typeof data.pausedMinutes === 'number' && data.pausedMinutes > 0)
    lines.push(t('timeline.paused', { count: data.pausedMinutes }));
  const timeliness = text(data.timeliness);
  if (timeliness) lines.push(t('timeline.timeliness', { value: t(`timeliness.${timeliness}`) }));
  const method = text(data.returnMethod);
  if (method)
    lines.push(
      t('timeline.returnMethod', { value: t(`modal.return${method === 'post' ? 'Post' : 'Counter'}`) }),
    );
  if (lines.length === 0) return null;
  return (
    <>
      {lines.map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
    </>
  );
}

function TimelineEntry({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation('workflow');
  const { t: tc } = useTranslation();
  const changed = event.toStatus !== null && event.toStatus !== event.fromStatus;
  const role = event.actor.role ? tc(`roles.${event.actor.role}`, { defaultValue: event.actor.role }) : '';
  return (
    <Stack gap={2} data-testid="timeline-item" data-action={event.action}>
      <Group gap={6} wrap="wrap">
        <Text fw={600} size="sm">
          {t(`timeline.events.${event.action}`, {
            defaultValue: t(`actions.${event.action}`, { defaultValue: event.label }),
          })}
        </Text>
        {changed ? (
          <Badge
            size="sm"
            variant="light"
            color={statusColor(event.toStatus ?? 0)}
            data-testid="timeline-status"
          >
            {statusLabel(t, event.toStatus, event.toStatusName)}
          </Badge>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed">
        {formatDateTime(event.at)}
        {' · '}
        {event.actor.fullName ?? event.actor.username ?? t('timeline.system')}
        {role ? ` (${role})` : ''}
      </Text>
      {event.reason ? (
        <Text size="sm" fs="italic" style={{ overflowWrap: 'anywhere' }} data-testid="timeline-reason">
          {t('timeline.reason')}: {event.reason}
        </Text>
      ) : null}
      <EventDetails event={event} />
    </Stack>
  );
}

interface DossierTimelineProps {
  timeline: { data?: TimelineEvent[]; isPending: boolean; isError: boolean; error: unknown };
}

/** Everything that happened to the dossier, oldest first, from its audit chain. */
export function DossierTimeline({ timeline }: DossierTimelineProps) {
  const { t } = useTranslation('workflow');
  const { t: tc } = useTranslation();
  const events = timeline.data ?? [];
  return (
    <Paper p={{ base: 'sm', sm: 'md' }} radius="lg" data-testid="timeline">
      <Title order={2} fz="md" mb="md">
        {t('timeline.title')}
      </Title>
      {timeline.isPending ? (
        <Center py="xs">
          <Loader size="sm" aria-label={tc('common.loading')} />
        </Center>
      ) : timeline.isError ? (
        <WorkflowProblemAlert error={timeline.error} testId="timeline-error" />
      ) : (
        <Timeline active={events.length - 1} bulletSize={14} lineWidth={2}>
          {events.map((event) => (
            <Timeline.Item key={event.seq}>
              <TimelineEntry event={event} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
