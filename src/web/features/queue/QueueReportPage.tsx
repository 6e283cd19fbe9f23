import {
  Alert,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueReport } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatPlainDate, todayInVietnam } from '../../lib/datetime';
import { useMe } from '../identity/use-me';
import classes from './hall.module.css';
import { hallApi } from './hall-api';

type Row = Omit<QueueReport['totals'], 'outcomes'> & { key: string; label: string };

/** Seconds as the director reads them: "6 phút", "10 phút 30 giây", "45 giây"; "–" when none. */
function useDuration() {
  const { t } = useTranslation('hall');
  return (seconds: number | null) => {
    if (seconds === null) return '–';
    const m = Math.floor(seconds / 60);
    const s = seconds % 60;
    if (m === 0) return t('durationSec', { s });
    return s === 0 ? t('durationMin', { m }) : t('durationMinSec', { m, s });
  };
}

/** Tickets by hour of day as bars, each with its figure written on it (no colour-only meaning). */
function HourChart({ byHour }: { byHour: QueueReport['byHour'] }) {
  const { t } = useTranslation('hall');
  const max = Math.max(1, ...byHour.map((h) => h.tickets));
  return (
    <figure className={classes.chart} data-testid="queue-report-chart">
      <figcaption className={classes.caption}>{t('chartTitle')}</figcaption>
      <ul className={classes.bars}>
        {byHour.map((h) => (
          <li
            key={h.hour}
            className={classes.barItem}
            aria-label={t('chartBar', { hour: h.hour, count: h.tickets })}
          >
            <span className={classes.barArea} aria-hidden="true">
              <span className={classes.barValue}>{h.tickets}</span>
              <span
                className={classes.bar}
                style={{ height: `${Math.max(3, Math.round((h.tickets / max) * 85))}%` }}
              />
            </span>
            <span className={classes.barLabel} aria-hidden="true">
              {t('hourLabel', { hour: h.hour })}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** A table wider than a phone scrolls sideways; the region takes keyboard focus so it can be scrolled. */
function ScrollBox({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <div style={{ minWidth }}>{children}</div>
    </section>
  );
}

function FiguresTable({ rows, label, testId }: { rows: Row[]; label: string; testId: string }) {
  const { t } = useTranslation('hall');
  const duration = useDuration();
  return (
    <ScrollBox label={label} minWidth={640}>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{label}</Table.Th>
            <Table.Th>{t('tickets')}</Table.Th>
            <Table.Th>{t('served')}</Table.Th>
            <Table.Th>{t('noShow')}</Table.Th>
            <Table.Th>{t('waitP50')}</Table.Th>
            <Table.Th>{t('waitP90')}</Table.Th>
            <Table.Th>{t('serviceP50')}</Table.Th>
            <Table.Th>{t('serviceP90')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" fw={500}>
                {r.label}
              </Table.Th>
              <Table.Td>{r.tickets}</Table.Td>
              <Table.Td>{r.served}</Table.Td>
              <Table.Td>{r.noShow}</Table.Td>
              <Table.Td>{duration(r.waitP50)}</Table.Td>
              <Table.Td>{duration(r.waitP90)}</Table.Td>
              <Table.Td>{duration(r.serviceP50)}</Table.Td>
              <Table.Td>{duration(r.serviceP90)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollBox>
  );
}

function Stat({ label, value, testId }: { label: string; value: string | number; testId: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

function Report({ r }: { r: QueueReport }) {
  const { t } = useTranslation('hall');
  const duration = useDuration();
  if (r.totals.tickets === 0) return <Alert color="gray">{t('empty')}</Alert>;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label={t('tickets')} value={r.totals.tickets} testId="queue-report-tickets" />
        <Stat label={t('noShow')} value={r.totals.noShow} testId="queue-report-no-show" />
        <Stat label={t('waitP50')} value={duration(r.totals.waitP50)} testId="queue-report-wait-p50" />
        <Stat label={t('waitP90')} value={duration(r.totals.waitP90)} testId="queue-report-wait-p90" />
        <Stat
          label={t('serviceP50')}
          value={duration(r.totals.serviceP50)}
          testId="queue-report-service-p50"
        />
        <Stat
          label={t('serviceP90')}
          value={duration(r.totals.serviceP90)}
          testId="queue-report-service-p90"
        />
        <Stat label={t('outcome_dossier')} value={r.totals.outcomes.dossier} testId="queue-report-dossiers" />
        <Stat
          label={t('outcome_consultation')}
          value={r.totals.outcomes.consultation}
          testId="queue-report-consultations"
        />
      </SimpleGrid>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('byHour')}
        </Title>
        <HourChart byHour={r.byHour} />
        <Text mt="sm" data-testid="queue-report-busiest">
          <strong>{t('busiest')}:</strong>{' '}
          {r.busiestHours.map((h) => t('busiestItem', { hour: h.hour, count: h.tickets })).join(', ')}
        </Text>
        <FiguresTable
          testId="queue-report-by-hour"
          label={t('hour')}
          rows={r.byHour.map((h) => ({ ...h, key: String(h.hour), label: t('hourLabel', { hour: h.hour }) }))}
        />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('byField')}
        </Title>
        <FiguresTable
          testId="queue-report-by-field"
          label={t('field')}
          rows={r.byField.map((f) => ({ ...f, key: f.field ?? '', label: f.name ?? t('generalLine') }))}
        />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('byCounter')}
        </Title>
        <FiguresTable
          testId="queue-report-by-counter"
          label={t('counter')}
          rows={r.byCounter.map((c) => ({ ...c, key: String(c.counter), label: c.name ?? t('notCalled') }))}
        />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('perDay')}
        </Title>
        <ScrollBox label={t('perDay')} minWidth={320}>
          <Table striped data-testid="queue-report-per-day">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('day')}</Table.Th>
                <Table.Th>{t('tickets')}</Table.Th>
                <Table.Th>{t('served')}</Table.Th>
                <Table.Th>{t('noShow')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.perDay.map((d) => (
                <Table.Tr key={d.day}>
                  <Table.Td>{formatPlainDate(d.day)}</Table.Td>
                  <Table.Td>{d.tickets}</Table.Td>
                  <Table.Td>{d.served}</Table.Td>
                  <Table.Td>{d.noShow}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('visits')}
        </Title>
        <ScrollBox label={t('visits')} minWidth={720}>
          <Table striped data-testid="queue-report-visits">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('day')}</Table.Th>
                <Table.Th>{t('number')}</Table.Th>
                <Table.Th>{t('counter')}</Table.Th>
                <Table.Th>{t('wait')}</Table.Th>
                <Table.Th>{t('service')}</Table.Th>
                <Table.Th>{t('outcome')}</Table.Th>
                <Table.Th>{t('dossierCode')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.visits.map((v) => (
                <Table.Tr key={`${v.day}-${v.number}`} data-testid={`queue-visit-${v.day}-${v.number}`}>
                  <Table.Td>{formatPlainDate(v.day)}</Table.Td>
                  <Table.Td>{v.number}</Table.Td>
                  <Table.Td>{v.counter ?? '–'}</Table.Td>
                  <Table.Td>{duration(v.waitSeconds)}</Table.Td>
                  <Table.Td>{duration(v.serviceSeconds)}</Table.Td>
                  <Table.Td>
                    {v.status === 'no_show' ? t('noShow') : t(`outcome_${v.outcome ?? 'none'}`)}
                  </Table.Td>
                  <Table.Td>{v.dossierCode ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      </Paper>
    </Stack>
  );
}

/**
 * The center director's report of the hall: waiting and service times by hour, field and counter,
 * tickets per day, no-shows and the busiest hours (GET /api/v1/reports/queue).
 */
export function QueueReportPage() {
  const { t } = useTranslation('hall');
  const me = useMe();
  const today = todayInVietnam();
  const ownUnit = me.data?.unit?.code;
  const [draft, setDraft] = useState({ unit: '', from: today, to: today });
  const [query, setQuery] = useState({ unit: '', from: today, to: today });
  const unit = ownUnit ?? (query.unit || undefined);
  const report = useQuery({
    queryKey: ['queue', 'report', unit, query.from, query.to],
    queryFn: ({ signal }) => hallApi.report({ unit, from: query.from, to: query.to }, signal),
    enabled: Boolean(unit),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery(draft);
  };
  return (
    <Stack gap="md" data-testid="queue-report-page">
      <PageTitle title={t('reportTitle')} subtitle={report.data?.unit.name} />
      <Text size="sm" c="dimmed">
        {t('reportLead')}
      </Text>
      <form onSubmit={submit}>
        <Group align="end" gap="sm">
          {ownUnit ? null : (
            <TextInput
              label={t('unitCode')}
              value={draft.unit}
              onChange={(e) => setDraft({ ...draft, unit: e.currentTarget.value.trim() })}
              w={120}
              data-testid="queue-report-unit"
            />
          )}
          <TextInput
            type="date"
            label={t('from')}
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
            data-testid="queue-report-from"
          />
          <TextInput
            type="date"
            label={t('to')}
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
            data-testid="queue-report-to"
          />
          <Button type="submit" data-testid="queue-report-show">
            {t('show')}
          </Button>
        </Group>
      </form>
      {report.isError ? <ProblemAlert error={report.error} /> : null}
      {report.isFetching && !report.data ? <Loader /> : null}
      {report.data ? <Report r={report.data} /> : null}
    </Stack>
  );
}
