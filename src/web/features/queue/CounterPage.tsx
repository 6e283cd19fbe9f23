import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { queueApi, type TicketAction } from './api';

const COUNTER_KEY = 'motcua.queue.counter';

/**
 * The counter officer's page: pick one's counter, call the next ticket, then recall, skip, transfer,
 * mark served or no-show. The waiting line refreshes every few seconds.
 */
export function CounterPage() {
  const { t } = useTranslation('queue');
  const client = useQueryClient();
  const [counter, setCounter] = useState<string | null>(() => localStorage.getItem(COUNTER_KEY));
  const [transferTo, setTransferTo] = useState<string | null>(null);
  const data = useQuery({
    queryKey: ['queue', 'counters'],
    queryFn: ({ signal }) => queueApi.counters(signal),
    refetchInterval: 5000,
  });
  useEffect(() => {
    if (counter) localStorage.setItem(COUNTER_KEY, counter);
  }, [counter]);
  const refresh = () => client.invalidateQueries({ queryKey: ['queue', 'counters'] });
  const callNext = useMutation({ mutationFn: (n: number) => queueApi.callNext(n), onSettled: refresh });
  const act = useMutation({
    mutationFn: (v: { id: string; action: TicketAction; counter: number; to?: number }) =>
      queueApi.act(v.id, { action: v.action, counter: v.counter, to: v.to }),
    onSettled: refresh,
  });

  if (data.isPending) return <Loader />;
  if (data.isError) return <ProblemAlert error={data.error} />;
  const d = data.data;
  const active = d.counters.filter((c) => c.active);
  const mine = active.find((c) => String(c.number) === counter);
  const current = mine?.current ?? null;
  const names = new Map(d.fields.map((f) => [f.code, f.name]));
  const error = callNext.error ?? act.error;
  const doAction = (action: TicketAction, to?: number) =>
    current && mine && act.mutate({ id: current.id, action, counter: mine.number, to });

  return (
    <Stack gap="md" data-testid="counter-page">
      <Title order={1}>{t('counterPageTitle')}</Title>
      <Text c="dimmed">
        {d.unit.name} ·{' '}
        <a href={`/hang-doi/${d.unit.code}/man-hinh`} target="_blank" rel="noopener">
          {t('openBoard')}
        </a>{' '}
        ·{' '}
        <a href={`/hang-doi/${d.unit.code}/may-lay-so`} target="_blank" rel="noopener">
          {t('openKiosk')}
        </a>
      </Text>
      {active.length === 0 ? (
        <Alert color="yellow">{t('noCounters')}</Alert>
      ) : (
        <Select
          label={t('chooseCounter')}
          data={active.map((c) => ({
            value: String(c.number),
            label: `${c.name}${c.fields.length ? ` (${c.fields.map((f) => names.get(f) ?? f).join(', ')})` : ''}`,
          }))}
          value={counter}
          onChange={setCounter}
          maw={480}
          data-testid="counter-select"
        />
      )}
      {error ? <ProblemAlert error={error} /> : null}
      {mine ? (
        <Card withBorder padding="lg">
          <Text fw={600}>{t('current')}</Text>
          {current ? (
            <Group align="baseline" gap="md">
              <Text fz={64} fw={800} lh={1} data-testid="counter-current-number">
                {current.number}
              </Text>
              <Text>{current.group?.name ?? t('generalLine')}</Text>
              {current.calls > 1 ? <Badge>{`×${current.calls}`}</Badge> : null}
            </Group>
          ) : (
            <Text c="dimmed">{t('none')}</Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="md">
            <Button
              size="lg"
              disabled={Boolean(current)}
              loading={callNext.isPending}
              onClick={() => callNext.mutate(mine.number)}
              data-testid="counter-call-next"
            >
              {t('callNext')}
            </Button>
            <Button
              size="lg"
              variant="light"
              disabled={!current}
              onClick={() => doAction('recall')}
              data-testid="counter-recall"
            >
              {t('recall')}
            </Button>
            <Button
              size="lg"
              variant="light"
              disabled={!current}
              onClick={() => doAction('skip')}
              data-testid="counter-skip"
            >
              {t('skip')}
            </Button>
            <Button
              size="lg"
              color="green"
              disabled={!current}
              onClick={() => doAction('served')}
              data-testid="counter-served"
            >
              {t('served')}
            </Button>
            <Button
              size="lg"
              color="red"
              variant="light"
              disabled={!current}
              onClick={() => doAction('no_show')}
              data-testid="counter-no-show"
            >
              {t('noShow')}
            </Button>
          </SimpleGrid>
          <Group align="end" mt="md">
            <Select
              label={t('transferTo')}
              data={active
                .filter((c) => c.number !== mine.number)
                .map((c) => ({ value: String(c.number), label: c.name }))}
              value={transferTo}
              onChange={setTransferTo}
              disabled={!current}
              data-testid="counter-transfer-to"
            />
            <Button
              variant="outline"
              disabled={!current || !transferTo}
              onClick={() => doAction('transfer', Number(transferTo))}
              data-testid="counter-transfer"
            >
              {t('transfer')}
            </Button>
          </Group>
          {callNext.data && callNext.data.ticket === null ? <Text mt="sm">{t('nobodyWaiting')}</Text> : null}
        </Card>
      ) : null}
      <Title order={2} size="h4">
        {t('waitingList', { count: d.waiting.length })}
      </Title>
      <Table data-testid="counter-waiting">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('number')}</Table.Th>
            <Table.Th>{t('groupOf', { name: '' }).replace(/:\s*$/, '')}</Table.Th>
            <Table.Th>{t('takenAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.waiting.map((w) => (
            <Table.Tr key={w.id}>
              <Table.Td>{w.number}</Table.Td>
              <Table.Td>{w.group?.name ?? t('generalLine')}</Table.Td>
              <Table.Td>
                {new Date(w.takenAt).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
