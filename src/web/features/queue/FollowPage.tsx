import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PublicProblem } from '../../components/lite/PublicProblem';
import { Card, Loader, Section, useDocumentTitle } from '../../components/lite/ui';
import { queueApi } from './api';
import classes from './queue.module.css';

/** A ticket followed on the citizen's phone (the QR code of the printed ticket): place in line and call. */
export function FollowPage() {
  const { t } = useTranslation('queue');
  const { unit = '', ticket = '' } = useParams();
  const follow = useQuery({
    queryKey: ['queue', 'follow', unit, ticket],
    queryFn: ({ signal }) => queueApi.follow(unit, ticket, signal),
    refetchInterval: (q) =>
      q.state.data && (q.state.data.expired || q.state.data.status !== 'waiting') ? 30_000 : 10_000,
  });
  const title = follow.data ? t('followTitle', { number: follow.data.number }) : t('kioskTitle');
  useDocumentTitle(title);
  if (follow.isPending) return <Loader label={t('busy')} />;
  if (follow.isError) return <PublicProblem error={follow.error} testId="follow-error" />;
  const f = follow.data;
  const counter = f.counterName ?? `${t('counter')} ${f.counter}`;
  const status = f.expired
    ? t('statusExpired')
    : f.status === 'waiting'
      ? t('statusWaiting', { count: f.waitingAhead })
      : f.status === 'called'
        ? t('statusCalled', { counter })
        : f.status === 'served'
          ? t('statusServed')
          : t('statusNoShow');
  return (
    <Section title={title}>
      <Card>
        <p className={classes.unit}>{f.unit.name}</p>
        <p className={classes.ticketNumber} data-testid="follow-number">
          {f.number}
        </p>
        <p className={classes.lead}>{f.group ? t('groupOf', { name: f.group.name }) : t('generalLine')}</p>
        <p className={classes.lead} role="status" data-testid="follow-status">
          {status}
        </p>
        {!f.expired && f.status === 'waiting' && f.counter !== null ? (
          <p>{t('transferred', { counter })}</p>
        ) : null}
        <p>{t('refreshing')}</p>
      </Card>
    </Section>
  );
}
