import { Alert, Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RequireUser } from '../identity/RequireUser';

/** GET /api/v1/audit/verify (docs/API.md "Audit trail"). */
interface AuditVerification {
  ok: boolean;
  checkedEvents: number;
  checkedChains: number;
  breaks: Array<{
    unitCode: string;
    dossierCode: string | null;
    seq: number;
    problem: string;
    message: string;
  }>;
  anchor: {
    status: 'none' | 'ok' | 'mismatch' | 'file_broken';
    count: number;
    latest: { n: number; until: string; writtenAt: string; root: string } | null;
    mismatches: Array<{ unitCode: string; problem: string; message: string }>;
    message: string;
  };
}

const VERIFY_KEY = ['audit', 'verify'];

function VerificationView() {
  const { t } = useTranslation('audit');
  const queryClient = useQueryClient();
  const verify = useQuery({
    queryKey: VERIFY_KEY,
    queryFn: () => apiRequest<AuditVerification>('/api/v1/audit/verify'),
  });
  const anchor = useMutation({
    mutationFn: () => apiRequest('/api/v1/audit/anchors', { method: 'POST', body: {} }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: VERIFY_KEY }),
  });
  if (verify.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (verify.isError) return <ProblemAlert error={verify.error} />;
  const v = verify.data;
  const anchorColor = { none: 'gray', ok: 'green', mismatch: 'red', file_broken: 'red' }[v.anchor.status];
  return (
    <Stack>
      <Alert
        color={v.ok ? 'green' : 'red'}
        title={v.ok ? t('ok') : t('broken')}
        data-testid="audit-status"
        data-ok={String(v.ok)}
      >
        {t('checked', { events: v.checkedEvents, chains: v.checkedChains })}
      </Alert>
      {v.breaks.length > 0 && (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            {t('breaks')}
          </Title>
          <Table.ScrollContainer minWidth={320}>
            <Table data-testid="audit-breaks">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('unit')}</Table.Th>
                  <Table.Th>{t('chain')}</Table.Th>
                  <Table.Th>{t('seq')}</Table.Th>
                  <Table.Th>{t('problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {v.breaks.map((b) => (
                  <Table.Tr key={`${b.unitCode}-${b.dossierCode}-${b.seq}`}>
                    <Table.Td>{b.unitCode}</Table.Td>
                    <Table.Td>{b.dossierCode ?? t('securityChain')}</Table.Td>
                    <Table.Td>{b.seq}</Table.Td>
                    <Table.Td>{t(`problems.${b.problem}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Paper withBorder p="md" data-testid="audit-anchor">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5">
            {t('anchors')}
          </Title>
          <Badge color={anchorColor}>{t(`anchorStatus.${v.anchor.status}`)}</Badge>
        </Group>
        {v.anchor.latest && (
          <Text size="sm">
            {t('latest', {
              n: v.anchor.latest.n,
              until: new Date(v.anchor.latest.until).toLocaleString('vi-VN'),
            })}
          </Text>
        )}
        {v.anchor.latest && (
          <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {v.anchor.latest.root}
          </Text>
        )}
        {v.anchor.mismatches.map((m) => (
          <Text key={m.unitCode} size="sm" c="red">
            {m.message}
          </Text>
        ))}
        {v.anchor.status === 'none' && <Text size="sm">{t('noAnchor')}</Text>}
      </Paper>
      {anchor.isError && <ProblemAlert error={anchor.error} />}
      <Group>
        <Button variant="default" onClick={() => void verify.refetch()} data-testid="audit-recheck">
          {t('recheck')}
        </Button>
        <Button onClick={() => anchor.mutate()} loading={anchor.isPending} data-testid="audit-write-anchor">
          {t('writeAnchor')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Administrators' check of the audit trail: every chain and the latest anchor (the same as `motcua audit-verify`). */
export function AuditPage() {
  const { t } = useTranslation('audit');
  return (
    <RequireUser allow={['admin']}>
      <Stack maw={960} mx="auto" p="md">
        <Title order={2}>{t('title')}</Title>
        <Text c="dimmed" size="sm">
          {t('intro')}
        </Text>
        <VerificationView />
      </Stack>
    </RequireUser>
  );
}
