import {
  Button,
  Card,
  Center,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, certificationRegisterPdfUrl } from '../../api/endpoints';
import type { Me } from '../../api/types';
import { IconDownload } from '../../components/icons';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useIsMobile } from '../../components/use-is-mobile';
import { formatDateTime } from '../../lib/datetime';

type Book = 'copy' | 'signature';

/** The years a register can be opened for: from 2015 to the current year, newest first. */
function years(now: number): string[] {
  const out: string[] = [];
  for (let y = now; y >= 2015; y--) out.push(String(y));
  return out;
}

/**
 * `/so-chung-thuc`: the commune's certification registers (sổ chứng thực bản sao từ bản chính, sổ
 * chứng thực chữ ký), one book a year as the law keeps them: the entries issued through motcua, and
 * the book printed as the official PDF.
 */
export function CertificationRegisterPage({ me }: { me: Me }) {
  const { t } = useTranslation('results');
  const [params, setParams] = useSearchParams();
  const isMobile = useIsMobile();
  const thisYear = new Date().getFullYear();
  const book: Book = params.get('so') === 'signature' ? 'signature' : 'copy';
  const yearParam = Number.parseInt(params.get('nam') ?? '', 10);
  const year = yearParam >= 2015 && yearParam <= thisYear ? yearParam : thisYear;
  const register = useQuery({
    queryKey: ['certification-register', book, year],
    queryFn: ({ signal }) => api.certificationRegister({ book, year }, signal),
    placeholderData: keepPreviousData,
  });
  const choose = (key: 'so' | 'nam', value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageTitle
        title={t('register.title')}
        subtitle={t('register.subtitle', { unit: me.unit?.name ?? '' })}
        actions={
          <Button
            component="a"
            href={certificationRegisterPdfUrl(book, year)}
            target="_blank"
            rel="noopener"
            leftSection={<IconDownload size={16} />}
            variant="light"
            data-testid="certification-register-pdf"
          >
            {t('register.print')}
          </Button>
        }
      />
      <Stack gap="md" data-testid="certification-register-page">
        <Paper p={{ base: 'sm', sm: 'lg' }} radius="lg">
          <Group gap="md" align="flex-end" wrap="wrap">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="register-book-label">
                {t('register.book')}
              </Text>
              <SegmentedControl
                aria-labelledby="register-book-label"
                value={book}
                onChange={(v) => choose('so', v)}
                data={[
                  { value: 'copy', label: t('register.books.copy') },
                  { value: 'signature', label: t('register.books.signature') },
                ]}
                data-testid="certification-register-book"
              />
            </Stack>
            <Select
              label={t('register.year')}
              value={String(year)}
              onChange={(v) => v && choose('nam', v)}
              data={years(thisYear)}
              allowDeselect={false}
              w={120}
              data-testid="certification-register-year"
            />
          </Group>
        </Paper>
        {register.isPending ? (
          <Center py="xl">
            <Loader />
          </Center>
        ) : register.isError ? (
          <ProblemAlert error={register.error} testId="certification-register-error" />
        ) : (
          <>
            <Text size="sm" c="dimmed" data-testid="certification-register-heading">
              {t('register.heading', {
                title: register.data.title,
                volume: register.data.volume,
                count: register.data.entries.length,
              })}
            </Text>
            {register.data.entries.length === 0 ? (
              <Paper p="xl" radius="lg" ta="center" data-testid="certification-register-empty">
                <Text c="dimmed">{t('register.none')}</Text>
              </Paper>
            ) : isMobile ? (
              <Stack gap="xs" data-testid="certification-register-list">
                {register.data.entries.map((e) => (
                  <Card
                    key={e.number}
                    padding="sm"
                    radius="md"
                    data-testid="certification-register-row"
                    data-number={e.number}
                  >
                    <Group justify="space-between" wrap="nowrap">
                      <Text size="sm" fw={700}>
                        {t('register.cols.number')} {e.number}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(e.issuedAt)}
                      </Text>
                    </Group>
                    <Text size="sm" fw={600}>
                      {e.requesterName}
                    </Text>
                    <Text size="sm">
                      {e.documentName}
                      {e.copies ? ` · ${t('register.cols.copies')}: ${e.copies}` : ''}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('register.cols.signer')}: {e.signerName}
                    </Text>
                    <Text size="xs" ff="monospace">
                      {e.dossierCode}
                    </Text>
                  </Card>
                ))}
              </Stack>
            ) : (
              <Table.ScrollContainer minWidth={900} type="native">
                <Table
                  striped
                  withTableBorder
                  verticalSpacing="xs"
                  fz="sm"
                  bg="white"
                  data-testid="certification-register-list"
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={60}>{t('register.cols.number')}</Table.Th>
                      <Table.Th w={140}>{t('register.cols.issuedAt')}</Table.Th>
                      <Table.Th>{t('register.cols.requester')}</Table.Th>
                      <Table.Th>{t('register.cols.document')}</Table.Th>
                      <Table.Th w={70} ta="right">
                        {t('register.cols.copies')}
                      </Table.Th>
                      <Table.Th>{t('register.cols.signer')}</Table.Th>
                      <Table.Th w={180}>{t('register.cols.dossier')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {register.data.entries.map((e) => (
                      <Table.Tr
                        key={e.number}
                        data-testid="certification-register-row"
                        data-number={e.number}
                      >
                        <Table.Td fw={700}>{e.number}</Table.Td>
                        <Table.Td>{formatDateTime(e.issuedAt)}</Table.Td>
                        <Table.Td>{e.requesterName}</Table.Td>
                        <Table.Td>{e.documentName}</Table.Td>
                        <Table.Td ta="right">{e.copies ?? '—'}</Table.Td>
                        <Table.Td>
                          {e.signerName}
                          <Text size="xs" c="dimmed">
                            {e.signerTitle}
                          </Text>
                        </Table.Td>
                        <Table.Td ff="monospace">{e.dossierCode}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </Stack>
    </>
  );
}
