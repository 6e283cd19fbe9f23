import {
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type IntegrationStatus, type LinkCard, operationsApi } from '../../api/operations';
import type { Me } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/datetime';
import { REPORT_ROLES, RequireUser } from '../identity/RequireUser';
import { LazyChart, ProvinceSelect, useProvinceChoice } from '../reports/ProvinceChoice';
import { Section } from '../reports/Section';
import { formatAge, linkName, STATE_COLOR } from './labels';

// ECharts loads only with the chart (as on the province dashboard).
const ErrorRateChart = lazy(() => import('./ErrorRateChart'));

const REFRESH_MS = 10_000;

function Figure({
  label,
  value,
  testId,
  color,
}: {
  label: string;
  value: string;
  testId: string;
  color?: string;
}) {
  return (
    <div>
      <Text size="xs" c="dimmed" lh={1.3}>
        {label}
      </Text>
      <Text fw={700} c={color} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

function LinkCardView({ link }: { link: LinkCard }) {
  const { t } = useTranslation('operations');
  const reasons = link.reasons.map((r) => t(`reason.${r}`, { count: link.consecutiveFailures })).join('; ');
  return (
    <Paper
      p="md"
      radius="lg"
      withBorder
      data-testid="link-card"
      data-link={link.link}
      data-state={link.state}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={800} style={{ overflowWrap: 'anywhere' }}>
            {linkName(t, link.link)}
          </Text>
          <Badge
            color={STATE_COLOR[link.state]}
            variant="filled"
            radius="sm"
            data-testid="link-state"
            style={{ flexShrink: 0, overflow: 'visible' }}
            styles={{ label: { overflow: 'visible' } }}
          >
            {t(`state.${link.state}`)}
          </Badge>
        </Group>
        {reasons ? (
          <Text size="sm" c={link.state === 'down' ? 'red.9' : 'yellow.9'} data-testid="link-reasons">
            {reasons}
          </Text>
        ) : null}
        <SimpleGrid cols={2} spacing="xs">
          <Figure
            label={t('figures.backlog')}
            value={link.backlog === null ? t('figures.noQueue') : String(link.backlog)}
            testId="link-backlog"
            color={link.backlog ? 'orange.9' : undefined}
          />
          <Figure
            label={t('figures.oldest')}
            value={
              link.oldestPendingAgeSeconds === null
                ? t('figures.none')
                : formatAge(t, link.oldestPendingAgeSeconds)
            }
            testId="link-oldest"
          />
          <Figure
            label={t('figures.lastSuccess')}
            value={link.lastSuccessAt ? formatDateTime(link.lastSuccessAt) : t('figures.never')}
            testId="link-last-success"
          />
          <Figure
            label={t('figures.deadLettered')}
            value={String(link.deadLettered)}
            testId="link-dead"
            color={link.deadLettered ? 'red.9' : undefined}
          />
          <Figure
            label={t('figures.errors24h')}
            value={`${link.failures24h}/${link.attempts24h}`}
            testId="link-errors-24h"
          />
          {link.probe ? (
            <Figure
              label={t('figures.probe')}
              value={
                link.probe.ok
                  ? t('figures.probeOk', { ms: link.probe.latencyMs })
                  : t('figures.probeFailed', { error: link.probe.error ?? '' })
              }
              testId="link-probe"
              color={link.probe.ok ? undefined : 'red.9'}
            />
          ) : null}
        </SimpleGrid>
        {link.lastError && link.state !== 'up' ? (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('figures.lastError')}: {link.lastError}
          </Text>
        ) : null}
        {link.endpoint ? (
          <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {link.endpoint}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

function CommunesView({ status }: { status: IntegrationStatus }) {
  const { t } = useTranslation('operations');
  const links = status.links.filter((l) => l.configured).map((l) => l.link);
  return (
    <Table.ScrollContainer minWidth={520} type="native">
      <Table striped fz="sm" data-testid="operations-communes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('communes.commune')}</Table.Th>
            {links.map((l) => (
              <Table.Th key={l}>{linkName(t, l)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {status.communes.map((c) => (
            <Table.Tr key={c.unit.code} data-testid="operations-commune" data-code={c.unit.code}>
              <Table.Td fw={600}>{c.unit.name}</Table.Td>
              {links.map((l) => {
                const f = c.links.find((x) => x.link === l);
                if (!f) return <Table.Td key={l} />;
                return (
                  <Table.Td key={l} data-link={l} data-state={f.state}>
                    <Group gap={6} wrap="wrap">
                      <Badge size="sm" radius="sm" variant="light" color={STATE_COLOR[f.state]}>
                        {t(`state.${f.state}`)}
                      </Badge>
                      {f.backlog ? (
                        <Text size="xs" c="orange.9">
                          {t('communes.backlog', { count: f.backlog })}
                        </Text>
                      ) : null}
                      {f.deadLettered ? (
                        <Text size="xs" c="red.9">
                          {t('communes.dead', { count: f.deadLettered })}
                        </Text>
                      ) : null}
                    </Group>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DeadLetters({ status, onRetried }: { status: IntegrationStatus; onRetried: (msg: string) => void }) {
  const { t } = useTranslation('operations');
  const client = useQueryClient();
  const retry = useMutation({
    mutationFn: (code: string) => operationsApi.retry(code),
    onSuccess: (r, code) => {
      onRetried(t('dead.retried', { count: r.retried, code }));
      void client.invalidateQueries({ queryKey: ['operations'] });
    },
  });
  if (status.deadLetters.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="dead-letters-empty">
        {t('dead.empty')}
      </Text>
    );
  return (
    <Stack gap="xs">
      {retry.isError ? <ProblemAlert error={retry.error} testId="dead-letter-error" /> : null}
      {status.canRetry ? null : (
        <Text size="xs" c="dimmed">
          {t('dead.adminOnly')}
        </Text>
      )}
      <Table.ScrollContainer minWidth={640} type="native">
        <Table fz="sm" data-testid="dead-letters">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dead.dossier')}</Table.Th>
              <Table.Th>{t('dead.link')}</Table.Th>
              <Table.Th>{t('dead.attempts')}</Table.Th>
              <Table.Th>{t('dead.error')}</Table.Th>
              <Table.Th>{t('dead.deadAt')}</Table.Th>
              {status.canRetry ? <Table.Th /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {status.deadLetters.map((d) => (
              <Table.Tr
                key={`${d.unitCode}/${d.id}`}
                data-testid="dead-letter"
                data-dossier={d.dossierCode ?? ''}
              >
                <Table.Td ff="monospace">
                  {d.dossierCode ? (
                    <Link to={`/ho-so/${encodeURIComponent(d.dossierCode)}`}>{d.dossierCode}</Link>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{linkName(t, d.link)}</Table.Td>
                <Table.Td>{d.attempts}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{d.lastError ?? ''}</Table.Td>
                <Table.Td>{formatDateTime(d.deadAt)}</Table.Td>
                {status.canRetry ? (
                  <Table.Td>
                    {d.link === 'portal' && d.dossierCode ? (
                      <Button
                        size="xs"
                        variant="light"
                        loading={retry.isPending && retry.variables === d.dossierCode}
                        onClick={() => d.dossierCode && retry.mutate(d.dossierCode)}
                        data-testid="dead-letter-retry"
                      >
                        {t('dead.retry')}
                      </Button>
                    ) : null}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Operations({ me }: { me: Me }) {
  const { t } = useTranslation('operations');
  const [auto, setAuto] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const isAdmin = me.role === 'admin';
  const provinceChoice = useProvinceChoice(isAdmin);
  const province = provinceChoice.chosen ?? undefined;

  const status = useQuery({
    queryKey: ['operations', 'status', province ?? null],
    queryFn: ({ signal }) => operationsApi.status(province, signal),
    enabled: !isAdmin || Boolean(province),
    refetchInterval: auto ? REFRESH_MS : false,
  });
  const data = status.data;

  return (
    <Stack gap="lg" data-testid="operations-page">
      <PageTitle
        title={t('title')}
        subtitle={
          data ? t('subtitle', { name: data.scope.name, at: formatDateTime(data.generatedAt) }) : undefined
        }
        actions={
          <Group gap="sm">
            <Switch
              checked={auto}
              onChange={(e) => setAuto(e.currentTarget.checked)}
              label={t('autoRefresh')}
              data-testid="operations-auto-refresh"
            />
            <Button
              variant="light"
              onClick={() => void status.refetch()}
              loading={status.isFetching}
              data-testid="operations-refresh"
            >
              {t('refresh')}
            </Button>
          </Group>
        }
      />
      {isAdmin ? (
        <Paper p="sm" radius="lg">
          <ProvinceSelect label={t('province')} choice={provinceChoice} testId="operations-province" />
        </Paper>
      ) : null}
      {notice ? (
        <Text size="sm" c="teal.9" data-testid="operations-notice">
          {notice}
        </Text>
      ) : null}
      {status.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading', { ns: 'translation' })} />
        </Center>
      ) : status.isError ? (
        <ProblemAlert error={status.error} testId="operations-error" />
      ) : data ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" data-testid="link-cards">
            {data.links.map((l) => (
              <LinkCardView key={l.link} link={l} />
            ))}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('help')}
          </Text>
          <Section title={t('chart.title')} testId="error-rate-section">
            <LazyChart>
              <ErrorRateChart status={data} />
            </LazyChart>
          </Section>
          {data.scope.level === 'province' ? (
            <Section title={t('communes.title')} testId="operations-communes-section">
              <CommunesView status={data} />
            </Section>
          ) : null}
          <Section title={t('dead.title')} testId="dead-letters-section">
            <DeadLetters status={data} onRetried={setNotice} />
          </Section>
        </>
      ) : null}
    </Stack>
  );
}

/** `/van-hanh`: the links to the national portal, the population platform and the gateways, measured. */
export function OperationsPage() {
  return <RequireUser allow={REPORT_ROLES}>{(me) => <Operations me={me} />}</RequireUser>;
}
