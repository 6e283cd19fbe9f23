import {
  Alert,
  Badge,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/endpoints';
import { type HandledUnmatched, operationsApi, type UnmatchedInbound } from '../../api/operations';
import type { Me } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/datetime';
import { RequireUser } from '../identity/RequireUser';

/** Who acts on a commune's unmatched portal dossiers (server: portal-sync/policy.ts canHandleUnmatchedInbound). */
function canHandle(me: Me): boolean {
  return (me.role === 'reception' || me.role === 'leader') && me.unit?.level === 'commune';
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" lh={1.3}>
        {label}
      </Text>
      <Text size="sm" fw={600} data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </div>
  );
}

function UnmatchedCard({
  item,
  unitCode,
  onHandled,
}: {
  item: UnmatchedInbound;
  unitCode: string;
  onHandled: (h: HandledUnmatched) => void;
}) {
  const { t } = useTranslation('operations');
  const [mode, setMode] = useState<'none' | 'map' | 'refuse'>('none');
  const [procedureCode, setProcedureCode] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [reason, setReason] = useState('');
  const catalogue = useQuery({
    queryKey: ['procedures', unitCode, ''],
    queryFn: ({ signal }) => api.procedures(unitCode, '', signal),
    enabled: mode === 'map',
  });
  const map = useMutation({
    mutationFn: () =>
      operationsApi.mapUnmatched(item.portalId, {
        unitCode,
        procedureCode: procedureCode ?? '',
        ...(item.reason === 'unit_mismatch' ? { unitConfirmed: confirmed } : {}),
      }),
    onSuccess: onHandled,
  });
  const refuse = useMutation({
    mutationFn: () => operationsApi.refuseUnmatched(item.portalId, { unitCode, reason }),
    onSuccess: onHandled,
  });
  return (
    <Paper p="md" radius="lg" withBorder data-testid="unmatched-item" data-portal-id={item.portalId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text fw={800} style={{ overflowWrap: 'anywhere' }}>
            {item.portalCode}
          </Text>
          <Badge color="orange" variant="light" radius="sm" data-testid="unmatched-reason">
            {t(`unmatched.reason.${item.reason}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('unmatched.procedureSent', { code: item.procedureCode, name: item.procedureName })}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs">
          <Fact label={t('unmatched.applicant')} value={item.applicantName} testId="unmatched-applicant" />
          <Fact label={t('unmatched.unitSent')} value={item.portalUnitCode} />
          <Fact label={t('unmatched.submittedAt')} value={formatDateTime(item.submittedAt)} />
          <Fact label={t('unmatched.fetchedAt')} value={formatDateTime(item.fetchedAt)} />
        </SimpleGrid>
        {mode === 'none' ? (
          <Group gap="xs">
            <Button size="sm" onClick={() => setMode('map')} data-testid="unmatched-map-open">
              {t('unmatched.map')}
            </Button>
            <Button
              size="sm"
              variant="light"
              color="red"
              onClick={() => setMode('refuse')}
              data-testid="unmatched-refuse-open"
            >
              {t('unmatched.refuse')}
            </Button>
          </Group>
        ) : null}
        {mode === 'map' ? (
          <Stack gap="xs">
            <Select
              label={t('unmatched.chooseProcedure')}
              placeholder={catalogue.isPending ? t('unmatched.loading') : t('unmatched.searchProcedure')}
              searchable
              data={(catalogue.data ?? []).map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` }))}
              value={procedureCode}
              onChange={setProcedureCode}
              nothingFoundMessage={t('unmatched.noProcedure')}
              data-testid="unmatched-procedure"
              comboboxProps={{ withinPortal: true }}
            />
            {item.reason === 'unit_mismatch' ? (
              <Checkbox
                label={t('unmatched.confirmUnit', { code: item.portalUnitCode })}
                checked={confirmed}
                onChange={(e) => setConfirmed(e.currentTarget.checked)}
                data-testid="unmatched-confirm-unit"
              />
            ) : null}
            <ProblemAlert error={map.error} testId="unmatched-error" />
            <Group gap="xs">
              <Button
                size="sm"
                onClick={() => map.mutate()}
                loading={map.isPending}
                disabled={!procedureCode || (item.reason === 'unit_mismatch' && !confirmed)}
                data-testid="unmatched-map-submit"
              >
                {t('unmatched.mapSubmit')}
              </Button>
              <Button size="sm" variant="subtle" onClick={() => setMode('none')}>
                {t('unmatched.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {mode === 'refuse' ? (
          <Stack gap="xs">
            <Textarea
              label={t('unmatched.reasonLabel')}
              description={t('unmatched.reasonHint')}
              autosize
              minRows={2}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-testid="unmatched-reason-input"
            />
            <ProblemAlert error={refuse.error} testId="unmatched-error" />
            <Group gap="xs">
              <Button
                size="sm"
                color="red"
                onClick={() => refuse.mutate()}
                loading={refuse.isPending}
                disabled={!reason.trim()}
                data-testid="unmatched-refuse-submit"
              >
                {t('unmatched.refuseSubmit')}
              </Button>
              <Button size="sm" variant="subtle" onClick={() => setMode('none')}>
                {t('unmatched.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

function UnmatchedList({ me }: { me: Me }) {
  const { t } = useTranslation('operations');
  const unitCode = me.unit!.code;
  const client = useQueryClient();
  const [done, setDone] = useState<HandledUnmatched | null>(null);
  const list = useQuery({
    queryKey: ['unmatched-inbound', unitCode],
    queryFn: ({ signal }) => operationsApi.unmatched(unitCode, signal),
  });
  const handled = (h: HandledUnmatched) => {
    setDone(h);
    void client.invalidateQueries({ queryKey: ['unmatched-inbound', unitCode] });
  };
  return (
    <Stack gap="md">
      <PageTitle title={t('unmatched.title')} subtitle={t('unmatched.subtitle', { name: me.unit!.name })} />
      {done ? (
        <Alert
          color="teal"
          variant="light"
          data-testid="unmatched-done"
          withCloseButton
          onClose={() => setDone(null)}
        >
          {done.state === 'taken' && done.dossierCode ? (
            <Text size="sm">
              {t('unmatched.taken', { code: done.dossierCode })}{' '}
              <Link to="/tiep-nhan/truc-tuyen">{t('unmatched.toQueue')}</Link>
            </Text>
          ) : (
            <Text size="sm">{t('unmatched.refused')}</Text>
          )}
        </Alert>
      ) : null}
      {list.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('unmatched.loading')} />
        </Center>
      ) : list.isError ? (
        <ProblemAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed" data-testid="unmatched-empty">
          {t('unmatched.empty')}
        </Text>
      ) : (
        list.data.items.map((item) => (
          <UnmatchedCard key={item.portalId} item={item} unitCode={unitCode} onHandled={handled} />
        ))
      )}
    </Stack>
  );
}

/** A commune's online dossiers from the national portal that could not be taken by themselves: map or refuse. */
export function UnmatchedInboundPage() {
  return (
    <RequireUser allow={canHandle} forbiddenKey="operations:unmatched.forbidden">
      {(me) => <UnmatchedList me={me} />}
    </RequireUser>
  );
}
