import { Button, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dossierDocumentUrl, receiptUrl } from '../../api/endpoints';
import type { Dossier } from '../../api/types';
import { IconAlert, IconArrowRight, IconCheck, IconDownload } from '../../components/icons';
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

/** The counter decision a new dossier records: accepted (2), refused (3) or guided to supplement (1). */
function outcomeOf(dossier: Dossier): 'accepted' | 'refused' | 'supplement' {
  if (dossier.status === 3) return 'refused';
  if (dossier.status === 1) return 'supplement';
  return 'accepted';
}

/** Shown after a counter decision: the dossier code, the appointment and the slip to print. */
export function IntakeSuccess({ dossier, onNext }: { dossier: Dossier; onNext: () => void }) {
  const { t } = useTranslation();
  const { t: tw } = useTranslation('workflow');
  const outcome = outcomeOf(dossier);
  const color = outcome === 'accepted' ? 'green' : outcome === 'refused' ? 'red' : 'orange';
  const title =
    outcome === 'accepted'
      ? t('intake.success.title')
      : outcome === 'refused'
        ? tw('intake.success.refusedTitle')
        : tw('intake.success.supplementTitle');
  return (
    <Paper
      p={{ base: 'md', sm: 'xl' }}
      radius="lg"
      bg={`${color}.0`}
      style={{ borderColor: `var(--mantine-color-${color}-4)` }}
      data-testid="intake-success"
      data-outcome={outcome}
      role="status"
    >
      <Group gap="md" align="flex-start" wrap="nowrap">
        <ThemeIcon color={color} size={44} radius="xl" visibleFrom="xs">
          {outcome === 'accepted' ? <IconCheck size={26} /> : <IconAlert size={26} />}
        </ThemeIcon>
        <Stack gap="md" style={{ flex: 1, minWidth: 0 }}>
          <Stack gap={2}>
            <Text c={`${color}.9`} fw={600} data-testid="intake-success-title">
              {title}
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
            {outcome === 'accepted' ? (
              <Fact
                label={t('tracking.dueAt')}
                value={formatDateTime(dossier.dueAt)}
                testId="intake-success-due"
              />
            ) : null}
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
            {outcome === 'accepted' ? (
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
            ) : outcome === 'refused' ? (
              <Button
                component="a"
                href={dossierDocumentUrl(dossier.code, 'refusal-slip')}
                target="_blank"
                rel="noopener"
                color="red"
                leftSection={<IconDownload size={16} />}
                data-testid="intake-refusal-slip-link"
              >
                {tw('intake.success.refusalSlip')}
              </Button>
            ) : (
              <Button
                component="a"
                href={dossierDocumentUrl(dossier.code, 'supplement-slip')}
                target="_blank"
                rel="noopener"
                color="orange"
                leftSection={<IconDownload size={16} />}
                data-testid="intake-supplement-slip-link"
              >
                {tw('intake.success.supplementSlip')}
              </Button>
            )}
            <Button
              component={Link}
              to={`/ho-so/${encodeURIComponent(dossier.code)}`}
              variant="light"
              color={color}
              rightSection={<IconArrowRight size={16} />}
              data-testid="intake-dossier-link"
            >
              {tw('intake.success.open')}
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
