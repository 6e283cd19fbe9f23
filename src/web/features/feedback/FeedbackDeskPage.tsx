import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FEEDBACK_STATUSES, type FeedbackAction } from '../../../domain/feedback/names.ts';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../lib/format-instant';
import { COMMUNE_ROLES, RequireUser } from '../identity/RequireUser';
import { feedbackApi, type StaffFeedback } from './api';

/** The text an action needs, and the field it goes in. */
const NEEDS_TEXT: Partial<Record<FeedbackAction, 'reason' | 'request' | 'answer'>> = {
  refuse: 'reason',
  request_info: 'request',
  answer: 'answer',
};
const TEXT_LABEL = { reason: 'staff.reason', request: 'staff.request', answer: 'staff.answerLabel' } as const;

function DueBadge({ pending }: { pending: StaffFeedback['pending'] }) {
  const { t, i18n } = useTranslation('feedback');
  if (!pending) return <Text c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      <Text size="sm">
        {t(`clocks.${pending.clock}`)}: {formatInstant(pending.dueAt, i18n.language)}
      </Text>
      <Badge color={pending.overdue ? 'red' : 'teal'} variant="light" data-testid="feedback-due-state">
        {pending.overdue ? t('staff.late') : t('staff.onTime')}
      </Badge>
    </Stack>
  );
}

function FeedbackList() {
  const { t, i18n } = useTranslation('feedback');
  const [status, setStatus] = useState('');
  const list = useQuery({
    queryKey: ['feedback', 'list', status],
    queryFn: ({ signal }) => feedbackApi.list(status || undefined, signal),
  });
  return (
    <>
      <PageTitle title={t('staff.title')} subtitle={t('staff.subtitle')} />
      <Stack gap="md" data-testid="feedback-desk">
        <NativeSelect
          label={t('staff.filterStatus')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[
            { value: '', label: t('staff.all') },
            ...FEEDBACK_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
          ]}
          maw={360}
          data-testid="feedback-filter"
        />
        {list.isPending ? <Loader /> : null}
        <ProblemAlert error={list.error} />
        {list.data && list.data.items.length === 0 ? <Text c="dimmed">{t('staff.empty')}</Text> : null}
        {list.data && list.data.items.length > 0 ? (
          <Table.ScrollContainer minWidth={760} type="native">
            <Table withTableBorder striped verticalSpacing="xs" bg="white">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('staff.code')}</Table.Th>
                  <Table.Th>{t('staff.submitted')}</Table.Th>
                  <Table.Th>{t('staff.sender')}</Table.Th>
                  <Table.Th>{t('staff.category')}</Table.Th>
                  <Table.Th>{t('staff.status')}</Table.Th>
                  <Table.Th>{t('staff.due')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((f) => (
                  <Table.Tr key={f.code} data-testid="feedback-row" data-code={f.code} data-late={f.late}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/xu-ly-phan-anh/${f.code}`}
                        ff="monospace"
                        size="sm"
                        style={{ whiteSpace: 'nowrap' }}
                      >
                        {f.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatInstant(f.submittedAt, i18n.language)}</Table.Td>
                    <Table.Td>{f.senderName}</Table.Td>
                    <Table.Td>{t(`categories.${f.category}`)}</Table.Td>
                    <Table.Td>{t(`statuses.${f.status}`)}</Table.Td>
                    <Table.Td>
                      <DueBadge pending={f.pending} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </>
  );
}

function Block({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Card withBorder padding="md" radius="md" data-testid={testId}>
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** User text is shown as text (React escapes it), line breaks kept. */
function Plain({ children, testId }: { children: string | null; testId?: string }) {
  return (
    <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid={testId}>
      {children}
    </Text>
  );
}

function Actions({ item }: { item: StaffFeedback }) {
  const { t } = useTranslation('feedback');
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<FeedbackAction | null>(null);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const act = useMutation({
    mutationFn: (action: FeedbackAction) => {
      const field = NEEDS_TEXT[action];
      return feedbackApi.act(item.code, { action, ...(field ? { [field]: text.trim() } : {}) });
    },
    onSuccess: (data) => {
      queryClient.setQueryData(['feedback', 'detail', item.code], data);
      void queryClient.invalidateQueries({ queryKey: ['feedback', 'list'] });
      setOpen(null);
      setText('');
    },
  });
  if (item.actions.length === 0) return <Text c="dimmed">{t('staff.noActions')}</Text>;
  const field = open ? NEEDS_TEXT[open] : undefined;
  return (
    <Stack gap="sm">
      <Group gap="xs">
        {item.actions.map((a) => (
          <Button
            key={a}
            variant={a === 'refuse' ? 'light' : 'filled'}
            color={a === 'refuse' ? 'red' : undefined}
            loading={act.isPending && act.variables === a}
            onClick={() => {
              setMissing(false);
              if (NEEDS_TEXT[a]) {
                setOpen(a);
                return;
              }
              act.mutate(a);
            }}
            data-testid={`feedback-action-${a}`}
          >
            {t(`staff.action.${a}`)}
          </Button>
        ))}
      </Group>
      {open && field ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return setMissing(true);
            act.mutate(open);
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t(TEXT_LABEL[field])}
              autosize
              minRows={3}
              maxLength={field === 'answer' ? 8000 : 2000}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={missing ? t('staff.textRequired') : undefined}
              data-testid="feedback-action-text"
            />
            <Group>
              <Button type="submit" loading={act.isPending} data-testid="feedback-action-confirm">
                {t(`staff.action.${open}`)}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      <ProblemAlert error={act.error} testId="feedback-action-error" />
    </Stack>
  );
}

function FeedbackDetail({ code }: { code: string }) {
  const { t, i18n } = useTranslation('feedback');
  const when = (iso: string | null | undefined) => formatInstant(iso, i18n.language);
  const detail = useQuery({
    queryKey: ['feedback', 'detail', code],
    queryFn: ({ signal }) => feedbackApi.detail(code, signal),
  });
  const f = detail.data;
  return (
    <>
      <PageTitle
        title={f ? `${t('title')} ${f.code}` : t('title')}
        subtitle={
          <Anchor component={Link} to="/xu-ly-phan-anh" size="sm">
            ← {t('staff.back')}
          </Anchor>
        }
      />
      {detail.isPending ? <Loader /> : null}
      <ProblemAlert error={detail.error} />
      {f ? (
        <Stack gap="md" data-testid="feedback-detail">
          <Group gap="xs">
            <Badge size="lg" variant="light" data-testid="feedback-detail-status" data-status={f.status}>
              {t(`statuses.${f.status}`)}
            </Badge>
            <Badge variant="outline" color="gray">
              {t(`categories.${f.category}`)}
            </Badge>
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Block title={t('staff.contact')}>
              <Text fw={600}>{f.senderName}</Text>
              {f.phone ? <Text>{f.phone}</Text> : null}
              {f.email ? <Text>{f.email}</Text> : null}
              <Text size="sm" c="dimmed">
                {t('staff.submitted')}: {when(f.submittedAt)}
              </Text>
              {f.dossierCode ? (
                <Text size="sm">
                  {t('staff.dossier')}:{' '}
                  <Anchor component={Link} to={`/ho-so/${f.dossierCode}`} ff="monospace">
                    {f.dossierCode}
                  </Anchor>
                </Text>
              ) : null}
            </Block>
            <Block title={t('staff.clocks')} testId="feedback-clocks">
              <Table fz="sm" verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th />
                    <Table.Th>{t('staff.dueAt')}</Table.Th>
                    <Table.Th>{t('staff.doneAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {f.clocks.map((c) => (
                    <Table.Tr
                      key={c.clock}
                      data-testid="feedback-clock"
                      data-clock={c.clock}
                      data-late={c.late}
                    >
                      <Table.Td>{t(`clocks.${c.clock}`)}</Table.Td>
                      <Table.Td>{when(c.dueAt)}</Table.Td>
                      <Table.Td>
                        {c.doneAt ? when(c.doneAt) : t('staff.notDone')}{' '}
                        {c.late ? (
                          <Badge color="red" variant="light" size="sm">
                            {t('staff.late')}
                          </Badge>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Block>
          </SimpleGrid>
          <Block title={t('staff.content')}>
            <Plain testId="feedback-detail-content">{f.content}</Plain>
          </Block>
          {f.infoRequest ? (
            <Block title={t('staff.infoRequest')}>
              <Plain>{f.infoRequest}</Plain>
              {f.infoReply ? (
                <>
                  <Text size="sm" fw={700} mt="sm">
                    {t('staff.infoReply')} ({when(f.infoSuppliedAt)})
                  </Text>
                  <Plain>{f.infoReply}</Plain>
                </>
              ) : null}
            </Block>
          ) : null}
          {f.refusalReason ? (
            <Block title={t('staff.refusalReason')}>
              <Plain>{f.refusalReason}</Plain>
            </Block>
          ) : null}
          {f.answer ? (
            <Block title={t('staff.answer')} testId="feedback-detail-answer">
              <Plain>{f.answer}</Plain>
              <Text size="sm" c="dimmed" mt="xs">
                {[f.answered, f.approved, f.published]
                  .map((s, i) =>
                    s
                      ? `${t(`staff.action.${(['answer', 'approve', 'publish'] as const)[i]!}`)}: ${when(s.at)}${s.by ? ` — ${s.by}` : ''}`
                      : '',
                  )
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Block>
          ) : null}
          <Block title={t('staff.rating')}>
            <Text data-testid="feedback-detail-rating">
              {f.rating ? t(`ratings.${f.rating}`) : t('staff.noRating')}
            </Text>
          </Block>
          <Block title={t('staff.actions')} testId="feedback-actions">
            <Actions item={f} />
          </Block>
        </Stack>
      ) : null}
    </>
  );
}

/** The commune's feedback desk: the list with each item's pending due time, and one item's handling. */
export function FeedbackDeskPage() {
  const { code } = useParams();
  return (
    <RequireUser allow={COMMUNE_ROLES}>
      {code ? <FeedbackDetail code={code} /> : <FeedbackList />}
    </RequireUser>
  );
}
