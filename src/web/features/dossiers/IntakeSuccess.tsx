import { Button, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { receiptUrl } from '../../api/endpoints';
import type { Dossier } from '../../api/types';
import { IconCheck, IconDownload } from '../../components/icons';
import { formatDateTime } from '../../lib/datetime';

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600} data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {value || '—'}
      </Text>
    </Stack>
  );
}

/** Shown after a dossier is received: its code, the appointment and the slip to print. */
export function IntakeSuccess({ dossier, onNext }: { dossier: Dossier; onNext: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper
      p={{ base: 'md', sm: 'xl' }}
      radius="lg"
      bg="green.0"
      style={{ borderColor: 'var(--mantine-color-green-4)' }}
      data-testid="intake-success"
      role="status"
    >
      <Group gap="md" align="flex-start" wrap="nowrap">
        <ThemeIcon color="green" size={44} radius="xl" visibleFrom="xs">
          <IconCheck size={26} />
        </ThemeIcon>
        <Stack gap="md" style={{ flex: 1, minWidth: 0 }}>
          <Stack gap={2}>
            <Text c="green.9" fw={600}>
              {t('intake.success.title')}
            </Text>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('tracking.dossierCode')}
            </Text>
            <Title
              order={2}
              ff="monospace"
              fz={{ base: 20, sm: 28 }}
              style={{ overflowWrap: 'anywhere' }}
              data-testid="intake-success-code"
            >
              {dossier.code}
            </Title>
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Fact label={t('tracking.procedure')} value={dossier.procedure.name} />
            <Fact label={t('intake.fullName')} value={dossier.applicant.fullName} />
            <Fact label={t('tracking.receivedAt')} value={formatDateTime(dossier.receivedAt)} />
            <Fact
              label={t('tracking.dueAt')}
              value={formatDateTime(dossier.dueAt)}
              testId="intake-success-due"
            />
            <Fact
              label={t('intake.success.book')}
              value={t('intake.success.bookValue', {
                volume: dossier.book.volume,
                number: dossier.book.number,
              })}
            />
            <Fact label={t('tracking.status')} value={dossier.statusName} />
          </SimpleGrid>
          <Group gap="sm" wrap="wrap">
            <Button
              component="a"
              href={receiptUrl(dossier.code)}
              target="_blank"
              rel="noopener"
              color="green"
              leftSection={<IconDownload size={16} />}
              data-testid="intake-slip-link"
            >
              {t('intake.success.slip')}
            </Button>
            <Button variant="default" onClick={onNext} data-testid="intake-new">
              {t('intake.success.next')}
            </Button>
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
