import { Badge, Center, Loader, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Me, QueueName } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { useIsMobile } from '../../components/use-is-mobile';
import { QueueList } from './QueueList';
import { TasksPanel } from './TasksPanel';
import { useQueues } from './use-workflow';
import { WorkflowProblemAlert } from './WorkflowProblemAlert';
import { type CommuneStaffRole, ROLE_QUEUES } from './workflow-model';

/** The work queues of a commune officer's role, one tab each with its count, and their follow-up tasks. */
export function QueuesPage({ me }: { me: Me & { role: CommuneStaffRole } }) {
  const { t } = useTranslation('workflow');
  const { t: tc } = useTranslation();
  const queues = ROLE_QUEUES[me.role];
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as QueueName | null;
  const active: QueueName = requested && queues.includes(requested) ? requested : (queues[0] ?? 'mine');
  const results = useQueues(queues);
  const isMobile = useIsMobile();

  const select = (value: string | null) => {
    if (!value) return;
    const next = new URLSearchParams(params);
    next.set('tab', value);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageTitle
        title={t('queues.title')}
        subtitle={t('queues.subtitle', {
          unit: me.unit?.name ?? '',
          role: tc(`roles.${me.role}`),
          name: me.fullName,
        })}
      />
      <Stack gap="lg">
        <Paper p={{ base: 'xs', sm: 'md' }} radius="lg" data-testid="queues">
          <Tabs
            value={active}
            onChange={select}
            keepMounted={false}
            variant={isMobile ? 'pills' : 'default'}
            radius="md"
          >
            {/* Phones get wrapping pills so every queue and its count stays visible without scrolling. */}
            <Tabs.List>
              {queues.map((queue, index) => {
                const data = results[index]?.data;
                const count = data?.items.length;
                const isOverdue = queue === 'overdue' && (count ?? 0) > 0;
                return (
                  <Tabs.Tab
                    key={queue}
                    value={queue}
                    data-testid={`queue-tab-${queue}`}
                    style={{ whiteSpace: 'nowrap' }}
                    rightSection={
                      <Badge
                        size="sm"
                        circle={count !== undefined && count < 10}
                        variant={queue === active ? 'filled' : 'light'}
                        color={isOverdue ? 'red' : 'gray'}
                        data-testid={`queue-count-${queue}`}
                      >
                        {count === undefined ? '…' : data?.hasMore ? `${count}+` : count}
                      </Badge>
                    }
                  >
                    {t(`queues.tabs.${queue}`)}
                  </Tabs.Tab>
                );
              })}
            </Tabs.List>
            {queues.map((queue, index) => {
              const result = results[index];
              return (
                <Tabs.Panel key={queue} value={queue} pt="md" data-testid="queue-panel" data-queue={queue}>
                  {!result || result.isPending ? (
                    <Center py="lg">
                      <Loader size="sm" aria-label={tc('common.loading')} />
                    </Center>
                  ) : result.isError ? (
                    <WorkflowProblemAlert error={result.error} testId="queue-error" />
                  ) : (
                    <>
                      <QueueList queue={queue} items={result.data.items} />
                      {result.data.hasMore ? (
                        <Text size="sm" c="dimmed" mt="sm" data-testid="queue-more">
                          {t('queues.more', { count: result.data.items.length })}
                        </Text>
                      ) : null}
                    </>
                  )}
                </Tabs.Panel>
              );
            })}
          </Tabs>
        </Paper>
        <TasksPanel />
      </Stack>
    </>
  );
}
