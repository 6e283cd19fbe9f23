import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Pagination,
  Paper,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, trackingBookPdfUrl } from '../../api/endpoints';
import type { Me, TrackingBookEntry } from '../../api/types';
import { IconDownload } from '../../components/icons';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useIsMobile } from '../../components/use-is-mobile';
import { formatDateTime, formatPlainDate } from '../../lib/datetime';
import { PeriodPicker } from '../reports/PeriodPicker';
import { useReportPeriod } from '../reports/use-report-period';

const PAGE_SIZE = 50;

function useTrackingBook(from: string, to: string, page: number, enabled: boolean) {
  return useQuery({
    queryKey: ['tracking-book', from, to, page],
    queryFn: ({ signal }) =>
      api.trackingBook({ from, to, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** "dd/MM/yyyy HH:mm", or a dash for a step not reached yet. */
function When({ at }: { at: string | null }) {
  if (!at)
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  return <>{formatDateTime(at)}</>;
}

function StatusBadge({ status }: { status: number }) {
  const { t } = useTranslation('workflow');
  const color = status === 10 ? 'teal' : status === 3 || status === 7 || status === 8 ? 'gray' : 'brand';
  return (
    <Badge size="sm" variant="light" color={color} radius="sm" style={{ whiteSpace: 'normal' }}>
      {t(`statuses.${status}`)}
    </Badge>
  );
}

function codeLink(entry: TrackingBookEntry) {
  return (
    <Anchor component={Link} to={`/ho-so/${encodeURIComponent(entry.code)}`} size="sm" ff="monospace">
      {entry.code}
    </Anchor>
  );
}

function EntryCards({ items }: { items: TrackingBookEntry[] }) {
  const { t } = useTranslation('workflow');
  return (
    <Stack gap="xs" data-testid="tracking-book-list">
      {items.map((entry) => (
        <Card
          key={entry.code}
          padding="sm"
          radius="md"
          data-testid="tracking-book-row"
          data-code={entry.code}
        >
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text size="sm" fw={700}>
              {t('trackingBook.numberShort', { number: entry.number })}
            </Text>
            <StatusBadge status={entry.status} />
          </Group>
          {codeLink(entry)}
          <Text size="sm" fw={600} mt={2}>
            {entry.applicantName}
          </Text>
          <Text size="xs" c="brand.8" lineClamp={2}>
            {entry.procedure.name}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {t('trackingBook.cols.received')}: <When at={entry.receivedAt} />
          </Text>
          <Text size="xs" c="dimmed">
            {t('trackingBook.cols.due')}: <When at={entry.dueAt} />
          </Text>
          {entry.returnedAt ? (
            <Text size="xs" c="dimmed">
              {t('trackingBook.cols.returned')}: <When at={entry.returnedAt} />
            </Text>
          ) : null}
        </Card>
      ))}
    </Stack>
  );
}

function EntryTable({ items }: { items: TrackingBookEntry[] }) {
  const { t } = useTranslation('workflow');
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped verticalSpacing="xs" fz="sm" bg="white" withTableBorder data-testid="tracking-book-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={56}>{t('trackingBook.cols.number')}</Table.Th>
            <Table.Th w={190}>{t('trackingBook.cols.code')}</Table.Th>
            <Table.Th miw={220}>{t('trackingBook.cols.procedure')}</Table.Th>
            <Table.Th w={170}>{t('trackingBook.cols.applicant')}</Table.Th>
            <Table.Th w={130}>{t('trackingBook.cols.received')}</Table.Th>
            <Table.Th w={130}>{t('trackingBook.cols.due')}</Table.Th>
            <Table.Th w={130}>{t('trackingBook.cols.returned')}</Table.Th>
            <Table.Th w={150}>{t('trackingBook.cols.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((entry) => (
            <Table.Tr key={entry.code} data-testid="tracking-book-row" data-code={entry.code}>
              <Table.Td>{entry.number}</Table.Td>
              <Table.Td>{codeLink(entry)}</Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {entry.procedure.name}
                </Text>
              </Table.Td>
              <Table.Td>{entry.applicantName}</Table.Td>
              <Table.Td>
                <When at={entry.receivedAt} />
              </Table.Td>
              <Table.Td>
                <When at={entry.dueAt} />
              </Table.Td>
              <Table.Td>
                <When at={entry.returnedAt} />
              </Table.Td>
              <Table.Td>
                <StatusBadge status={entry.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * `/so-theo-doi`: the commune's tracking book (sổ theo dõi hồ sơ, docs/domain-vn.md §3.7) for a
 * period, a page of lines at a time, with the official PDF of the whole period to download.
 */
export function TrackingBookPage({ me }: { me: Me }) {
  const { t } = useTranslation('workflow');
  const isMobile = useIsMobile();
  const { choice, error, setChoice } = useReportPeriod();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('trang') ?? '1', 10) || 1);
  const book = useTrackingBook(choice.from, choice.to, page, !error);

  const changePeriod = (next: typeof choice) => {
    setChoice(next);
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.delete('trang');
        return updated;
      },
      { replace: true },
    );
  };
  const changePage = (next: number) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set('trang', String(next));
        return updated;
      },
      { replace: true },
    );

  const total = book.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <>
      <PageTitle
        title={t('trackingBook.title')}
        subtitle={t('trackingBook.subtitle', { unit: me.unit?.name ?? '' })}
        actions={
          error ? null : (
            <Button
              component="a"
              href={trackingBookPdfUrl(choice.from, choice.to)}
              target="_blank"
              rel="noopener"
              leftSection={<IconDownload size={16} />}
              variant="light"
              data-testid="tracking-book-pdf"
            >
              {t('trackingBook.pdf')}
            </Button>
          )
        }
      />
      <Stack gap="md" data-testid="tracking-book-page">
        <Paper p={{ base: 'sm', sm: 'lg' }} radius="lg">
          <PeriodPicker choice={choice} error={error} onChange={changePeriod} />
        </Paper>
        {error ? null : book.isPending ? (
          <Center py="xl">
            <Loader />
          </Center>
        ) : book.isError ? (
          <ProblemAlert error={book.error} testId="tracking-book-error" />
        ) : (
          <>
            <Text size="sm" c="dimmed" data-testid="tracking-book-count">
              {t('trackingBook.total', {
                count: total,
                from: formatPlainDate(choice.from),
                to: formatPlainDate(choice.to),
              })}
            </Text>
            {book.data.items.length === 0 ? (
              <Paper p="xl" radius="lg" ta="center" data-testid="tracking-book-empty">
                <Text c="dimmed">{t('trackingBook.none')}</Text>
              </Paper>
            ) : isMobile ? (
              <EntryCards items={book.data.items} />
            ) : (
              <EntryTable items={book.data.items} />
            )}
            {pages > 1 ? (
              <Group justify="center">
                <Pagination
                  total={pages}
                  value={Math.min(page, pages)}
                  onChange={changePage}
                  size={isMobile ? 'sm' : 'md'}
                  siblings={isMobile ? 0 : 1}
                  data-testid="tracking-book-pages"
                />
              </Group>
            ) : null}
          </>
        )}
      </Stack>
    </>
  );
}
