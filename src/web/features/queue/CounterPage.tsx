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
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMe } from '../identity/use-me';
import { ratingsApi } from '../ratings/api';
import { QrCode } from '../ratings/QrCode';
import { queueApi, type TicketAction } from './api';
import { hallApi } from './hall-api';

const COUNTER_KEY = 'motcua.queue.counter';

/**
 * The counter officer's page: pick one's counter, call the next ticket, then recall, skip, transfer,
 * mark served or no-show. The waiting line refreshes every few seconds.
 */
export function CounterPage() {
  const { t } = useTranslation('queue');
  const { t: th } = useTranslation('hall');
  const me = useMe();
  const client = useQueryClient();
  const [consulting, setConsulting] = useState(false);
  const [consultField, setConsultField] = useState<string | null>(null);
  const [consultSubject, setConsultSubject] = useState('');
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
  // The visit just served: the citizen is invited to rate it (issue 16 item 3) — a QR for a phone,
  // a link for the counter's tablet — until the next number is called.
  const invite = useMutation({
    mutationFn: (v: { ticketId: string; number: number }) =>
      ratingsApi.invite({ ticketId: v.ticketId }).then((inv) => ({ ...inv, number: v.number })),
  });
  const callNext = useMutation({
    mutationFn: (n: number) => queueApi.callNext(n),
    onMutate: () => invite.reset(),
    onSettled: refresh,
  });
  const act = useMutation({
    mutationFn: (v: { id: string; action: TicketAction; counter: number; to?: number; number: number }) =>
      queueApi.act(v.id, { action: v.action, counter: v.counter, to: v.to }),
    onSuccess: (_data, v) => {
      if (v.action === 'served') invite.mutate({ ticketId: v.id, number: v.number });
    },
    onSettled: refresh,
  });
  // The visit ends with a consultation logged for its ticket (the registers' log, same transaction).
  const consult = useMutation({
    mutationFn: (v: { ticketId: string; number: number; fieldCode: string; subject: string }) =>
      hallApi
        .consultation({
          fieldCode: v.fieldCode,
          channel: 'counter',
          subject: v.subject,
          queueTicketId: v.ticketId,
        })
        .then(() => v.number),
    onSuccess: () => {
      setConsulting(false);
      setConsultSubject('');
      setConsultField(null);
    },
    onSettled: refresh,
  });

  if (data.isPending) return <Loader />;
  if (data.isError) return <ProblemAlert error={data.error} />;
  const d = data.data;
  const active = d.counters.filter((c) => c.active);
  const mine = active.find((c) => String(c.number) === counter);
  const current = mine?.current ?? null;
  const names = new Map(d.fields.map((f) => [f.code, f.name]));
  const error = callNext.error ?? act.error ?? consult.error ?? invite.error;
  const role = me.data?.role;
  const doAction = (action: TicketAction, to?: number) =>
    current &&
    mine &&
    act.mutate({ id: current.id, action, counter: mine.number, to, number: current.number });

  return (
    <Stack gap="md" data-testid="counter-page">
      <Title order={1}>{t('counterPageTitle')}</Title>
      <Text c="dimmed">
        {d.unit.name} ·{' '}
        {role === 'leader' ? (
          <>
            <Link to="/quay/bao-cao" data-testid="counter-report-link">
              {th('reportLink')}
            </Link>{' '}
            ·{' '}
            <Link to="/quay/cau-hinh" data-testid="counter-config-link">
              {th('configLink')}
            </Link>{' '}
            ·{' '}
          </>
        ) : null}
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
              color="teal.9"
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
          {current ? (
            <Stack gap="sm" mt="md" data-testid="counter-outcome">
              <Text fw={600}>{th('outcomeTitle')}</Text>
              <Group gap="sm">
                {role === 'reception' ? (
                  <Button
                    component={Link}
                    to={`/tiep-nhan?ticket=${current.id}&so=${current.number}`}
                    data-testid="counter-receive-dossier"
                  >
                    {th('receiveDossier')}
                  </Button>
                ) : null}
                <Button
                  variant="light"
                  onClick={() => setConsulting((v) => !v)}
                  data-testid="counter-consult"
                >
                  {th('logConsultation')}
                </Button>
              </Group>
              {consulting ? (
                <Stack gap="xs" maw={560}>
                  <Select
                    label={th('consultationField')}
                    data={d.fields.map((f) => ({ value: f.code, label: f.name }))}
                    value={consultField ?? current.group?.code ?? null}
                    onChange={setConsultField}
                    required
                    data-testid="counter-consult-field"
                  />
                  <Textarea
                    label={th('consultationSubject')}
                    value={consultSubject}
                    onChange={(e) => setConsultSubject(e.currentTarget.value)}
                    required
                    autosize
                    minRows={2}
                    maxLength={500}
                    data-testid="counter-consult-subject"
                  />
                  <Group gap="sm">
                    <Button
                      loading={consult.isPending}
                      disabled={!(consultField ?? current.group?.code) || !consultSubject.trim()}
                      onClick={() =>
                        consult.mutate({
                          ticketId: current.id,
                          number: current.number,
                          fieldCode: (consultField ?? current.group?.code)!,
                          subject: consultSubject.trim(),
                        })
                      }
                      data-testid="counter-consult-save"
                    >
                      {th('saveConsultation')}
                    </Button>
                    <Button variant="subtle" onClick={() => setConsulting(false)}>
                      {th('cancel')}
                    </Button>
                  </Group>
                </Stack>
              ) : null}
            </Stack>
          ) : null}
          {consult.isSuccess && !current ? (
            <Text mt="sm" c="green.8" data-testid="counter-consult-done">
              {th('consultationDone', { number: consult.data })}
            </Text>
          ) : null}
          {callNext.data && callNext.data.ticket === null ? <Text mt="sm">{t('nobodyWaiting')}</Text> : null}
        </Card>
      ) : null}
      {invite.isPending ? <Loader size="sm" aria-label={th('rating.creating')} /> : null}
      {invite.data ? <RatingInvitation invitation={invite.data} onClose={() => invite.reset()} /> : null}
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

/** The invitation to rate the visit just served: a large QR for the citizen's phone, a link for the tablet. */
function RatingInvitation({
  invitation,
  onClose,
}: {
  invitation: { url: string; expiresAt: string; number: number };
  onClose: () => void;
}) {
  const { t: th } = useTranslation('hall');
  // The tablet opens the page on this server (the configured public address may be another host).
  const path = new URL(invitation.url, window.location.origin).pathname;
  const until = new Date(invitation.expiresAt).toLocaleTimeString('vi-VN', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Ho_Chi_Minh',
  });
  return (
    <Card withBorder padding="lg" data-testid="counter-rating">
      <Group align="center" gap="xl" wrap="wrap">
        <QrCode
          value={invitation.url}
          size={260}
          label={th('rating.qrLabel', { number: invitation.number })}
        />
        <Stack gap="sm" maw={420}>
          <Title order={2} size="h3">
            {th('rating.title', { number: invitation.number })}
          </Title>
          <Text size="lg">{th('rating.scan')}</Text>
          <Group gap="sm">
            <Button
              component="a"
              href={path}
              target="_blank"
              rel="noopener"
              size="lg"
              data-testid="counter-rating-tablet"
            >
              {th('rating.tablet')}
            </Button>
            <Button variant="subtle" onClick={onClose} data-testid="counter-rating-close">
              {th('rating.close')}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {th('rating.expires', { time: until })}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}
