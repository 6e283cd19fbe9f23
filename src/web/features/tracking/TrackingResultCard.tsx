import { Badge, Divider, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TrackResult } from '../../api/types';
import { formatDateTime } from '../../lib/datetime';

function Row({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value || '—'}
      </Text>
    </Stack>
  );
}

/** Status colours follow the dossier lifecycle: received and in progress are blue, done is green. */
function statusColor(status: number): string {
  if (status >= 9) return 'green';
  if (status === 5 || status === 6) return 'orange';
  return 'blue';
}

export function TrackingResultCard({ result }: { result: TrackResult }) {
  const { t } = useTranslation();
  return (
    <Paper p={{ base: 'md', sm: 'xl' }} radius="lg" shadow="xs" data-testid="tracking-result">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('tracking.dossierCode')}
          </Text>
          <Title order={2} fz={{ base: 'lg', sm: 'xl' }} ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {result.code}
          </Title>
        </Stack>
        <Badge size="lg" radius="sm" color={statusColor(result.status)} data-testid="tracking-status">
          {result.statusName}
        </Badge>
      </Group>
      <Divider my="md" />
      <Stack gap="md">
        <Row label={t('tracking.procedure')} value={result.procedure.name} testId="tracking-procedure" />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Row
            label={t('tracking.receivedAt')}
            value={formatDateTime(result.receivedAt)}
            testId="tracking-received-at"
          />
          <Row label={t('tracking.dueAt')} value={formatDateTime(result.dueAt)} testId="tracking-due-at" />
          <Row label={t('tracking.unit')} value={result.unit.name} testId="tracking-unit" />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('tracking.timeZoneNote')}
        </Text>
      </Stack>
    </Paper>
  );
}
