import { Badge, Center, List, Loader, Paper, SimpleGrid, Spoiler, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DueExplanation } from '../../api/types';
import { formatDateTime, formatPlainDate } from '../../lib/datetime';
import { DeadlineBadge } from './DeadlineBadge';
import { WorkflowProblemAlert } from './WorkflowProblemAlert';

function DateFact({
  label,
  value,
  testId,
  strong,
}: {
  label: string;
  value: string;
  testId: string;
  strong?: boolean;
}) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size={strong ? 'md' : 'sm'} fw={strong ? 700 : 500} data-testid={testId}>
        {value || '—'}
      </Text>
    </Stack>
  );
}

function SectionLabel({ children }: { children: string }) {
  return (
    <Text size="xs" c="dimmed" fw={700} tt="uppercase" mt="xs">
      {children}
    </Text>
  );
}

/** The appointment and why it is what it is: limit, start, skipped days, pauses, re-appointment. */
function DueDetails({ due }: { due: DueExplanation }) {
  const { t } = useTranslation('workflow');
  const { t: tr } = useTranslation('results');
  const moved = due.dueAt !== due.dueAtOriginal;
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs">
        <DateFact label={t('due.current')} value={formatDateTime(due.dueAt)} testId="due-current" strong />
        <DateFact label={t('due.original')} value={formatDateTime(due.dueAtOriginal)} testId="due-original" />
        <DateFact label={t('due.legal')} value={formatDateTime(due.dueAtLegal)} testId="due-legal" />
        <DateFact label={t('due.startAt')} value={formatDateTime(due.startAt)} testId="due-start" />
      </SimpleGrid>
      {moved ? (
        <Text size="xs" c="orange.8">
          {t('due.moved')}
        </Text>
      ) : null}

      <SectionLabel>{t('due.skipped')}</SectionLabel>
      {due.skipped.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="due-skipped-none">
          {t('due.skippedNone')}
        </Text>
      ) : (
        <Spoiler maxHeight={120} showLabel={t('due.showMore')} hideLabel={t('due.showLess')}>
          <List size="sm" spacing={2} data-testid="due-skipped">
            {due.skipped.map((day) => (
              <List.Item key={day.date}>
                <Text span size="sm" fw={600}>
                  {formatPlainDate(day.date)}
                </Text>{' '}
                — {day.reason}
              </List.Item>
            ))}
          </List>
        </Spoiler>
      )}

      <SectionLabel>{t('due.pauses')}</SectionLabel>
      {due.pauses.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="due-pauses-none">
          {t('due.pausesNone')}
        </Text>
      ) : (
        <Stack gap={6} data-testid="due-pauses">
          {due.pauses.map((pause) => (
            <Paper key={pause.from} px="sm" py={6} radius="sm" bg="orange.0" withBorder={false}>
              <Text size="sm" fw={600}>
                {t(`due.pauseKind.${pause.kind}`, { defaultValue: pause.kind })}
              </Text>
              <Text size="sm">
                {pause.to
                  ? t('due.pauseRange', { from: formatDateTime(pause.from), to: formatDateTime(pause.to) })
                  : t('due.pauseOpen', { from: formatDateTime(pause.from) })}
                {pause.pausedMinutes !== null
                  ? ` · ${t('due.pausedMinutes', { count: pause.pausedMinutes })}`
                  : ''}
              </Text>
              {pause.reason ? (
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {pause.reason}
                </Text>
              ) : null}
            </Paper>
          ))}
        </Stack>
      )}

      {due.rescheduled ? (
        <>
          <SectionLabel>{t('due.rescheduled')}</SectionLabel>
          <Text size="sm" data-testid="due-rescheduled">
            {t('due.rescheduledText', {
              due: formatDateTime(due.rescheduled.dueAt),
              at: formatDateTime(due.rescheduled.at),
            })}
            {due.rescheduled.reason ? ` — ${due.rescheduled.reason}` : ''}
          </Text>
        </>
      ) : null}

      {due.prediction ? (
        <>
          <SectionLabel>{tr('prediction.title')}</SectionLabel>
          <Text
            size="sm"
            c={due.prediction.likelyLate ? 'orange.9' : undefined}
            data-testid="due-prediction"
            data-late={due.prediction.likelyLate}
          >
            {tr(due.prediction.likelyLate ? 'prediction.late' : 'prediction.onTime', {
              date: formatDateTime(due.prediction.finishAt),
            })}
          </Text>
          <Text size="sm" lang="vi" data-testid="due-prediction-reason">
            {due.prediction.reason}
          </Text>
        </>
      ) : null}

      <SectionLabel>{t('due.explanation')}</SectionLabel>
      <List size="sm" spacing={4} data-testid="due-explanation" lang="vi">
        {due.explanation.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed">
        {t('due.timeZone')}
      </Text>
    </Stack>
  );
}

interface DueCardProps {
  due: { data?: DueExplanation; isPending: boolean; isError: boolean; error: unknown };
  /** False for dossiers without an appointment (refused, waiting to be accepted). */
  hasAppointment: boolean;
}

export function DueCard({ due, hasAppointment }: DueCardProps) {
  const { t } = useTranslation('workflow');
  const { t: tc } = useTranslation();
  return (
    <Paper p={{ base: 'sm', sm: 'md' }} radius="lg" data-testid="due-panel">
      <Stack gap="sm">
        <Title order={2} fz="md">
          {t('due.title')}{' '}
          {due.data?.deadlineState ? (
            <DeadlineBadge
              state={due.data.deadlineState}
              size="sm"
              ml={4}
              style={{ verticalAlign: 'middle' }}
            />
          ) : null}
        </Title>
        {!hasAppointment ? (
          <Badge variant="light" color="gray" radius="sm" data-testid="due-none">
            {t('due.none')}
          </Badge>
        ) : due.isPending ? (
          <Center py="xs">
            <Loader size="sm" aria-label={tc('common.loading')} />
          </Center>
        ) : due.isError ? (
          <WorkflowProblemAlert error={due.error} testId="due-error" />
        ) : due.data ? (
          <DueDetails due={due.data} />
        ) : null}
      </Stack>
    </Paper>
  );
}
