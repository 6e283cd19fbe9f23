import { Alert, Badge, Group, Paper, Stack, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Dossier } from '../../api/types';
import { IconAlert } from '../../components/icons';
import { PageTitle } from '../../components/PageTitle';
import { formatPlainDate, todayInVietnam } from '../../lib/datetime';
import { useMe } from '../identity/use-me';
import { AssistedFilingCard } from '../online/AssistedFilingCard';
import { IntakeForm } from './IntakeForm';
import { IntakeSuccess } from './IntakeSuccess';
import { TodayDossiers } from './TodayDossiers';

/** Keeps "today" right for a desk left open past midnight. */
function useVietnamToday(): string {
  const [today, setToday] = useState(todayInVietnam);
  useEffect(() => {
    const timer = window.setInterval(() => setToday(todayInVietnam()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return today;
}

export function ReceptionPage() {
  const { t } = useTranslation();
  const me = useMe();
  const today = useVietnamToday();
  const { t: th } = useTranslation('hall');
  const [created, setCreated] = useState<Dossier | null>(null);
  const unit = me.data?.unit;
  // Opened from the counter page for the ticket called there: the dossier ends that ticket.
  const [params, setParams] = useSearchParams();
  const ticketId = params.get('ticket') ?? undefined;
  const ticketNumber = params.get('so');
  const [fromTicket, setFromTicket] = useState<string | null>(null);

  // The officer's next step is always at the top (the slip, then an empty form): jump there at once.
  // A smooth scroll still running when the next form opens left its first dropdown under the header.
  const showCreated = (dossier: Dossier) => {
    setCreated(dossier);
    if (ticketId) {
      setFromTicket(ticketNumber);
      setParams({}, { replace: true });
    }
    window.scrollTo({ top: 0 });
  };
  const startNext = () => {
    setCreated(null);
    setFromTicket(null);
    window.scrollTo({ top: 0 });
  };

  return (
    <>
      <PageTitle
        title={t('intake.title')}
        subtitle={unit ? t('intake.subtitle', { unit: unit.name, name: me.data?.fullName }) : undefined}
      />
      {!unit ? (
        <Alert color="orange" icon={<IconAlert />} data-testid="reception-no-unit">
          {t('intake.noUnit')}
        </Alert>
      ) : (
        <Stack gap="xl">
          {ticketId && !created ? (
            <Alert color="blue" data-testid="intake-queue-ticket">
              {th('intakeForTicket', { number: ticketNumber ?? '' })}{' '}
              <Link to="/quay">{th('backToCounter')}</Link>
            </Alert>
          ) : null}
          {created && fromTicket !== null ? (
            <Alert color="green" data-testid="intake-ticket-done">
              {th('ticketDone', { number: fromTicket })} <Link to="/quay">{th('backToCounter')}</Link>
            </Alert>
          ) : null}
          {created ? (
            <IntakeSuccess dossier={created} onNext={startNext} />
          ) : (
            <Paper p={{ base: 'md', sm: 'xl' }} radius="lg" shadow="xs">
              <IntakeForm unitCode={unit.code} onCreated={showCreated} queueTicketId={ticketId} />
            </Paper>
          )}
          <AssistedFilingCard />
          <Paper p={{ base: 'md', sm: 'lg' }} radius="lg" data-testid="today-dossiers">
            <Group justify="space-between" mb="md" wrap="wrap" gap="xs">
              <Title order={2} fz="lg">
                {t('today.title')}
              </Title>
              <Badge variant="light" color="gray" size="lg" radius="sm">
                {formatPlainDate(today)}
              </Badge>
            </Group>
            <TodayDossiers date={today} />
          </Paper>
        </Stack>
      )}
    </>
  );
}
