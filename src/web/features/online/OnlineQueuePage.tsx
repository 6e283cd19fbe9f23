import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { REFUSAL_GROUNDS, refusalReason } from '../../../domain/lifecycle/refusal-grounds';
import { dossierDocumentUrl, receiptUrl } from '../../api/endpoints';
import type { Dossier, Me } from '../../api/types';
import { IconArrowLeft, IconDownload } from '../../components/icons';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/datetime';
import { useDossier, usePerformAction, useQueues, useRefreshDossier } from '../workflow/use-workflow';
import { WorkflowProblemAlert } from '../workflow/WorkflowProblemAlert';
import { AttachmentFiles } from './AttachmentFiles';

const NS = 'online';
/**
 * Grounds a reception officer refuses an online dossier on: src/domain/lifecycle/refusal-grounds.ts
 * (docs/domain-vn.md §2.3 step 3 [V]; anything else is marked [I] there). The slip gets the
 * Vietnamese wording whatever the interface language.
 */

function subStateBadge(subState: string, t: (k: string) => string) {
  if (subState === 'pre_supplement')
    return (
      <Badge color="orange" variant="light" data-testid="online-substate">
        {t('waitingCitizen')}
      </Badge>
    );
  return (
    <Badge color="blue" variant="light" data-testid="online-substate">
      {t('new')}
    </Badge>
  );
}

function OnlineList() {
  const { t } = useTranslation(NS);
  const [queue] = useQueues(['online']);
  if (!queue || queue.isPending)
    return (
      <Center py="lg">
        <Loader aria-label={t('title')} />
      </Center>
    );
  if (queue.isError) return <WorkflowProblemAlert error={queue.error} testId="online-error" />;
  if (queue.data.items.length === 0)
    return (
      <Text c="dimmed" data-testid="online-empty">
        {t('empty')}
      </Text>
    );
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('listLabel')}>
      {queue.data.items.map((item) => (
        <Paper
          component="li"
          key={item.code}
          withBorder
          radius="md"
          p="sm"
          data-testid="online-row"
          data-code={item.code}
        >
          <Group justify="space-between" align="flex-start" gap="xs">
            <div style={{ minWidth: 0, flex: '1 1 220px' }}>
              <Anchor
                component={Link}
                to={`/tiep-nhan/truc-tuyen/${encodeURIComponent(item.code)}`}
                fw={600}
                aria-label={`${item.procedureName ?? item.procedureCode} — ${t('open', { code: item.code })}`}
                data-testid="online-open"
              >
                {item.procedureName ?? item.procedureCode}
              </Anchor>
              <Text size="sm">{item.applicantName}</Text>
              <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {item.code} · {t('submittedAt')} {formatDateTime(item.receivedAt)}
              </Text>
            </div>
            {subStateBadge(item.subState, t)}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

type Decision = 'accept' | 'supplement' | 'refuse';

/** The three outcomes of reception's check, each with what the law asks for it. */
function DecisionForm({
  dossier,
  onDone,
}: {
  dossier: Dossier;
  onDone: (d: Dossier, how: Decision) => void;
}) {
  const { t } = useTranslation(NS);
  const perform = usePerformAction(dossier.code);
  const refresh = useRefreshDossier(dossier.code);
  const waiting = dossier.subState === 'pre_supplement';
  const [decision, setDecision] = useState<Decision>(waiting ? 'refuse' : 'accept');
  const [reason, setReason] = useState('');
  const [items, setItems] = useState('');
  const [grounds, setGrounds] = useState<string[]>([]);
  const [other, setOther] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const base = { expectedVersion: dossier.version };
    const done = (d: Dossier) => {
      void refresh();
      onDone(d, decision);
    };
    if (decision === 'accept') {
      perform.mutate({ ...base, action: 'accept' }, { onSuccess: done });
    } else if (decision === 'supplement') {
      if (!reason.trim()) return setError(t('reasonRequired'));
      const names = items
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((name) => ({ name, originals: 1, certifiedCopies: 0, photocopies: 0 }));
      perform.mutate(
        {
          ...base,
          action: 'request_pre_supplement',
          reason: reason.trim(),
          ...(names.length ? { items: names } : {}),
        },
        { onSuccess: done },
      );
    } else {
      const reason = refusalReason(grounds, other);
      if (!reason) return setError(t('groundsRequired'));
      perform.mutate({ ...base, action: 'refuse', reason }, { onSuccess: done });
    }
  };

  const options: { value: Decision; label: string }[] = [
    ...(waiting ? [] : [{ value: 'accept' as const, label: t('accept') }]),
    ...(waiting ? [] : [{ value: 'supplement' as const, label: t('supplement') }]),
    { value: 'refuse', label: t('refuse') },
  ];

  return (
    <form onSubmit={submit} noValidate data-testid="online-decision">
      <Stack gap="sm">
        {waiting ? (
          <Alert color="orange" variant="light" data-testid="online-waiting">
            {t('waitingNote')}
          </Alert>
        ) : null}
        <Radio.Group
          label={t('decision')}
          value={decision}
          onChange={(v) => {
            setDecision(v as Decision);
            setError(null);
          }}
        >
          <Stack gap="xs" mt={6}>
            {options.map((o) => (
              <Radio
                key={o.value}
                value={o.value}
                label={o.label}
                color={o.value === 'refuse' ? 'red' : undefined}
                data-testid={`online-decision-${o.value}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        {decision === 'accept' ? (
          <Text size="sm" c="dimmed">
            {t('acceptHelp')}
          </Text>
        ) : null}
        {decision === 'supplement' ? (
          <>
            <Textarea
              label={t('reason')}
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={error}
              data-testid="online-reason"
            />
            <Textarea
              label={t('items')}
              autosize
              minRows={2}
              value={items}
              onChange={(e) => setItems(e.currentTarget.value)}
              data-testid="online-items"
            />
          </>
        ) : null}
        {decision === 'refuse' ? (
          <>
            <Checkbox.Group
              label={t('grounds')}
              value={grounds}
              onChange={setGrounds}
              error={error}
              data-testid="online-grounds"
            >
              <Stack gap="xs" mt={6}>
                {REFUSAL_GROUNDS.map((g) => (
                  <Checkbox
                    key={g.code}
                    value={g.code}
                    label={
                      g.basis === 'I'
                        ? `${t(`ground_${g.code}`)} ${t('groundInferred')}`
                        : t(`ground_${g.code}`)
                    }
                    data-testid={`online-ground-${g.code}`}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            <Textarea
              label={t('otherGround')}
              autosize
              minRows={2}
              value={other}
              onChange={(e) => setOther(e.currentTarget.value)}
              data-testid="online-other-ground"
            />
          </>
        ) : null}
        {perform.isError ? <WorkflowProblemAlert error={perform.error} testId="online-action-error" /> : null}
        <Group>
          <Button
            type="submit"
            loading={perform.isPending}
            color={decision === 'refuse' ? 'red' : undefined}
            data-testid="online-confirm"
          >
            {t('confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Outcome({ dossier, how }: { dossier: Dossier; how: Decision }) {
  const { t } = useTranslation(NS);
  if (how === 'accept')
    return (
      <Alert color="teal" variant="light" role="status" data-testid="online-accepted">
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('accepted', { code: dossier.code, due: formatDateTime(dossier.dueAt) })}
          </Text>
          <Group>
            <Button
              component="a"
              href={receiptUrl(dossier.code)}
              target="_blank"
              variant="light"
              leftSection={<IconDownload size={16} />}
            >
              {t('receipt')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  if (how === 'supplement')
    return (
      <Alert color="blue" variant="light" role="status" data-testid="online-requested">
        {t('requested')}
      </Alert>
    );
  return (
    <Alert color="gray" variant="light" role="status" data-testid="online-refused">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('refused', { code: dossier.code })}
        </Text>
        <Group>
          <Button
            component="a"
            href={dossierDocumentUrl(dossier.code, 'refusal-slip')}
            target="_blank"
            variant="light"
            leftSection={<IconDownload size={16} />}
          >
            {t('refusalSlip')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
        {value || '—'}
      </Text>
    </div>
  );
}

function OnlineDossier({ code }: { code: string }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const dossier = useDossier(code);
  const [outcome, setOutcome] = useState<{ dossier: Dossier; how: Decision } | null>(null);
  if (dossier.isPending)
    return (
      <Center py="lg">
        <Loader aria-label={code} />
      </Center>
    );
  if (dossier.isError) return <WorkflowProblemAlert error={dossier.error} testId="online-dossier-error" />;
  const d = dossier.data;
  return (
    <Stack gap="md" data-testid="online-dossier" data-status={d.status}>
      <Paper p={{ base: 'sm', sm: 'md' }} radius="lg">
        <Stack gap="sm">
          <Title order={2} fz="lg">
            {d.procedure.name}
          </Title>
          <Text ff="monospace" size="sm" data-testid="online-dossier-code">
            {d.code}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Fact label={t('applicant')} value={d.applicant.fullName} testId="online-applicant" />
            <Fact label={t('idNumber')} value={d.applicant.idNumber} />
            <Fact label={t('phone')} value={d.applicant.phone} />
            <Fact label={t('address')} value={d.applicant.address} />
            <Fact label={t('submittedAt')} value={formatDateTime(d.receivedAt)} />
          </SimpleGrid>
          <Title order={3} fz="md">
            {t('documents')}
          </Title>
          <Stack component="ul" gap={4} m={0} pl="md">
            {d.documents.map((doc) => (
              <Text component="li" size="sm" key={doc.id}>
                {doc.name}
              </Text>
            ))}
          </Stack>
          <Title order={3} fz="md">
            {t('files')}
          </Title>
          <AttachmentFiles code={d.code} files={d.attachments} testId="online-files" />
        </Stack>
      </Paper>
      <Paper p={{ base: 'sm', sm: 'md' }} radius="lg">
        {outcome ? (
          <Outcome dossier={outcome.dossier} how={outcome.how} />
        ) : d.status === 1 ? (
          <DecisionForm dossier={d} onDone={(x, how) => setOutcome({ dossier: x, how })} />
        ) : (
          <Text size="sm" data-testid="online-closed">
            {t('closed', { status: tc(`statuses.${d.status}`, { defaultValue: d.statusName }) })}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}

/** /tiep-nhan/truc-tuyen[/:code] — reception's queue of dossiers filed online (national status 1). */
export function OnlineQueuePage({ me }: { me: Me }) {
  const { t } = useTranslation(NS);
  const { code } = useParams();
  return (
    <Stack gap="md" maw={960} data-testid="online-queue-page">
      {code ? (
        <div>
          <Button
            component={Link}
            to="/tiep-nhan/truc-tuyen"
            variant="subtle"
            px={0}
            leftSection={<IconArrowLeft size={16} />}
            data-testid="online-back"
          >
            {t('back')}
          </Button>
        </div>
      ) : null}
      <PageTitle title={t('title')} subtitle={t('subtitle', { unit: me.unit?.name ?? '' })} />
      {code ? (
        <OnlineDossier code={code} />
      ) : (
        <Paper p={{ base: 'sm', sm: 'md' }} radius="lg" data-testid="online-queue">
          <OnlineList />
        </Paper>
      )}
    </Stack>
  );
}
