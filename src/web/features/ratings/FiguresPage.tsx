import { Alert, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Me } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatPlainDate } from '../../lib/datetime';
import { useMe } from '../identity/use-me';
import { formatCount, formatPercent } from '../reports/format';
import { PeriodPicker } from '../reports/PeriodPicker';
import { useReportPeriod } from '../reports/use-report-period';
import { useCommunes } from '../units/use-communes';
import { type RatingFigures, type RatingLevel, ratingsApi } from './api';

const LEVELS: RatingLevel[] = ['very_satisfied', 'satisfied', 'dissatisfied'];
const LEVEL_COLOR: Record<RatingLevel, string> = {
  very_satisfied: 'teal.9',
  satisfied: 'blue.8',
  dissatisfied: 'red.8',
};

/**
 * The citizens' satisfaction with a commune's center (issue 16 item 3): per level the count and its
 * share, for the center and per officer who served, with the reasons written, over a period. The
 * center's leader sees every officer; a reception officer or a specialist the center and their own
 * line; a province officer or the administrator chooses the commune.
 */
export function FiguresPage() {
  const me = useMe();
  if (!me.data) return null;
  return <Figures me={me.data} />;
}

function Figures({ me }: { me: Me }) {
  const { t, i18n } = useTranslation('reports');
  const lang = i18n.language;
  const { choice, error, setChoice } = useReportPeriod();
  const [params, setParams] = useSearchParams();
  const communes = useCommunes();
  const chooses = me.role === 'province' || me.role === 'admin';
  const unit = chooses ? params.get('unit') : (me.unit?.code ?? null);
  const options = (communes.data ?? [])
    .filter((c) => me.role === 'admin' || c.parentCode === me.unit?.code)
    .map((c) => ({ value: c.code, label: c.fullName }));
  const figures = useQuery({
    queryKey: ['ratings', 'figures', unit, choice.from, choice.to],
    queryFn: ({ signal }) => ratingsApi.figures({ unit: unit ?? undefined, ...choice }, signal),
    enabled: Boolean(unit) && !error,
  });
  const share = (f: RatingFigures, l: RatingLevel) =>
    `${formatCount(f[l], lang)} (${formatPercent(f.shares[l], lang)})`;
  const data = figures.data;

  return (
    <Stack gap="lg" data-testid="rating-figures-page">
      <PageTitle
        title={t('ratings.title')}
        subtitle={
          <>
            {data ? `${data.unit.name} · ` : ''}
            {!error
              ? t('period.summary', { from: formatPlainDate(choice.from), to: formatPlainDate(choice.to) })
              : ''}
          </>
        }
      />
      <Text c="dimmed">{t('ratings.subtitle')}</Text>
      <Paper p={{ base: 'sm', sm: 'lg' }} radius="lg">
        <Stack gap="md">
          <PeriodPicker choice={choice} error={error} onChange={setChoice} />
          {chooses ? (
            <Select
              label={t('ratings.commune')}
              data={options}
              value={unit}
              onChange={(value) =>
                setParams(
                  (current) => {
                    const next = new URLSearchParams(current);
                    if (value) next.set('unit', value);
                    else next.delete('unit');
                    return next;
                  },
                  { replace: true },
                )
              }
              searchable
              maw={420}
              data-testid="rating-figures-unit"
            />
          ) : null}
        </Stack>
      </Paper>

      {!unit ? (
        <Text c="dimmed">{t('ratings.chooseCommune')}</Text>
      ) : figures.isError ? (
        <ProblemAlert error={figures.error} />
      ) : !data ? null : data.center.total === 0 ? (
        <Alert color="gray" title={t('ratings.empty')} data-testid="rating-figures-empty">
          {t('ratings.emptyHint')}
        </Alert>
      ) : (
        <>
          <Paper p={{ base: 'sm', sm: 'lg' }} radius="lg" data-testid="rating-figures-center">
            <Title order={2} size="h3" mb="sm">
              {t('ratings.center')}
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
              <div>
                <Text c="dimmed" size="sm">
                  {t('ratings.total')}
                </Text>
                <Text fz={32} fw={700} data-testid="rating-figures-total">
                  {formatCount(data.center.total, lang)}
                </Text>
              </div>
              {LEVELS.map((l) => (
                <div key={l}>
                  <Text c="dimmed" size="sm">
                    {t(`ratings.levels.${l}`)}
                  </Text>
                  <Text fz={24} fw={700} c={LEVEL_COLOR[l]} data-testid={`rating-figures-center-${l}`}>
                    {share(data.center, l)}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
            <Text mt="sm">
              {t('ratings.satisfiedShare')}:{' '}
              <Text span fw={700} data-testid="rating-figures-satisfied-share">
                {formatPercent(data.center.satisfiedShare, lang)}
              </Text>
            </Text>
            <Text c="dimmed" size="sm">
              {t('ratings.channels', {
                counter: formatCount(data.byChannel.counter.total, lang),
                online: formatCount(data.byChannel.online.total, lang),
              })}
            </Text>
          </Paper>

          <Paper p={{ base: 'sm', sm: 'lg' }} radius="lg">
            <Title order={2} size="h3" mb="sm">
              {t('ratings.officers')}
            </Title>
            {data.ownOnly ? (
              <Text c="dimmed" size="sm" mb="sm">
                {t('ratings.ownOnly')}
              </Text>
            ) : null}
            <Table.ScrollContainer minWidth={560}>
              <Table data-testid="rating-figures-officers">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('ratings.officer')}</Table.Th>
                    <Table.Th ta="right">{t('ratings.total')}</Table.Th>
                    {LEVELS.map((l) => (
                      <Table.Th key={l} ta="right">
                        {t(`ratings.levels.${l}`)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.officers.map((o) => (
                    <Table.Tr key={o.officerId ?? ''}>
                      <Table.Td>{o.fullName ?? t('ratings.noOfficer')}</Table.Td>
                      <Table.Td ta="right">{formatCount(o.figures.total, lang)}</Table.Td>
                      {LEVELS.map((l) => (
                        <Table.Td key={l} ta="right">
                          {share(o.figures, l)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>

          <Paper p={{ base: 'sm', sm: 'lg' }} radius="lg">
            <Title order={2} size="h3" mb="sm">
              {t('ratings.reasons')}
            </Title>
            {data.reasons.length === 0 ? (
              <Text c="dimmed">{t('ratings.noReasons')}</Text>
            ) : (
              <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {data.reasons.map((r) => (
                  <li key={`${r.ratedAt}-${r.comment}`} data-testid="rating-figures-reason">
                    <Text span fw={700} c={LEVEL_COLOR[r.rating]} mr="xs">
                      {t(`ratings.levels.${r.rating}`)}:
                    </Text>
                    <Text span>{r.comment}</Text>
                    <Text size="xs" c="dimmed">
                      {new Date(r.ratedAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}
                      {' · '}
                      {t(`ratings.channel.${r.channel}`)}
                      {r.officerName ? ` · ${r.officerName}` : ''}
                    </Text>
                  </li>
                ))}
              </Stack>
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}
