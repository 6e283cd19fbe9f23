import { Anchor, Badge, Card, Center, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dossierDocumentUrl, receiptUrl } from '../../api/endpoints';
import type { DossierListItem } from '../../api/types';
import { IconDownload, IconInbox } from '../../components/icons';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useIsMobile } from '../../components/use-is-mobile';
import { formatDateTime } from '../../lib/datetime';
import { useDossiersOfDay } from './use-dossiers';

/** Refused (3) and not yet accepted (1) dossiers have no appointment; the API then repeats the receipt time. */
function appointmentOf(item: DossierListItem): string {
  return item.status === 1 || item.status === 3 ? '' : formatDateTime(item.dueAt);
}

/** The dossier's code, linking to its page. */
function CodeLink({ code }: { code: string }) {
  const { t } = useTranslation('workflow');
  return (
    <Anchor
      component={Link}
      to={`/ho-so/${encodeURIComponent(code)}`}
      size="sm"
      ff="monospace"
      fw={600}
      style={{ whiteSpace: 'nowrap', overflowWrap: 'anywhere' }}
      data-testid="today-dossier-link"
      data-code={code}
      aria-label={t('today.open', { code })}
    >
      {code}
    </Anchor>
  );
}

/** The slip of the counter decision: receipt when accepted, refusal or supplement slip otherwise. */
function SlipLink({ code, status }: { code: string; status: number }) {
  const { t } = useTranslation();
  const { t: tw } = useTranslation('workflow');
  const href =
    status === 3
      ? dossierDocumentUrl(code, 'refusal-slip')
      : status === 1
        ? dossierDocumentUrl(code, 'supplement-slip')
        : receiptUrl(code);
  const label =
    status === 3 ? tw('today.refusalSlip') : status === 1 ? tw('today.supplementSlip') : t('today.slip');
  return (
    <Anchor
      href={href}
      target="_blank"
      rel="noopener"
      size="sm"
      data-testid="today-slip-link"
      data-code={code}
      // The visible text begins the accessible name (WCAG 2.5.3), whichever slip it is.
      aria-label={`${label} — ${code}`}
    >
      <Group gap={4} wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
        <IconDownload size={14} />
        {label}
      </Group>
    </Anchor>
  );
}

function MobileList({ items }: { items: DossierListItem[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {items.map((item) => (
        <Card key={item.code} padding="sm" radius="md" data-testid="today-row" data-code={item.code}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <CodeLink code={item.code} />
            <Badge size="sm" variant="light">
              {item.statusName}
            </Badge>
          </Group>
          <Text size="sm" mt={4}>
            {item.procedure.name}
          </Text>
          <Text size="sm" c="dimmed">
            {item.applicantName}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {t('tracking.receivedAt')}: {formatDateTime(item.receivedAt)} · {t('tracking.dueAt')}:{' '}
            {appointmentOf(item) || '—'}
          </Text>
          <Group mt={6}>
            <SlipLink code={item.code} status={item.status} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

/** Dossiers received today (Vietnam time) in the officer's unit, newest first. */
export function TodayDossiers({ date }: { date: string }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const dossiers = useDossiersOfDay(date);

  if (dossiers.isPending) {
    return (
      <Center py="lg">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (dossiers.isError) return <ProblemAlert error={dossiers.error} testId="today-error" />;

  const { items } = dossiers.data;
  if (items.length === 0) {
    return (
      <Stack align="center" gap={4} py="lg" c="dimmed" data-testid="today-empty">
        <IconInbox size={28} />
        <Text size="sm">{t('today.empty')}</Text>
      </Stack>
    );
  }
  if (isMobile) return <MobileList items={items} />;

  return (
    <Table striped highlightOnHover verticalSpacing="xs" data-testid="today-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={48}>{t('catalog.colNo')}</Table.Th>
          <Table.Th w={190}>{t('tracking.dossierCode')}</Table.Th>
          <Table.Th>{t('tracking.procedure')}</Table.Th>
          <Table.Th w={160}>{t('today.applicant')}</Table.Th>
          <Table.Th w={140}>{t('tracking.receivedAt')}</Table.Th>
          <Table.Th w={140}>{t('tracking.dueAt')}</Table.Th>
          <Table.Th w={130}>{t('tracking.status')}</Table.Th>
          <Table.Th w={140} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item, index) => (
          <Table.Tr key={item.code} data-testid="today-row" data-code={item.code}>
            <Table.Td>{items.length - index}</Table.Td>
            <Table.Td>
              <CodeLink code={item.code} />
            </Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={2}>
                {item.procedure.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{item.applicantName}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDateTime(item.receivedAt)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{appointmentOf(item) || '—'}</Text>
            </Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light">
                {item.statusName}
              </Badge>
            </Table.Td>
            <Table.Td>
              <SlipLink code={item.code} status={item.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
