import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FEEDBACK_RATINGS, type FeedbackRating } from '../../../domain/feedback/names.ts';
import { PublicProblem } from '../../components/lite/PublicProblem';
import {
  Badge,
  Button,
  ButtonLink,
  Card,
  Loader,
  Section,
  ui,
  useDocumentTitle,
} from '../../components/lite/ui';
import { PageTitle } from '../../components/PageTitle';
import { formatInstant } from '../../lib/format-instant';
import { feedbackApi, type PublicFeedback } from './api';
import classes from './feedback.module.css';

const TONE: Record<PublicFeedback['status'], 'gray' | 'blue' | 'orange' | 'green' | 'teal'> = {
  received: 'blue',
  info_requested: 'orange',
  accepted: 'blue',
  answered: 'blue',
  approved: 'blue',
  published: 'green',
  refused: 'gray',
};

/**
 * The citizen follows their feedback by its receipt code (typed in any case, or opened cold from a
 * link): status and the due time of the step waiting, the information asked for (and a reply), the
 * outcome once published, and one rating of it.
 */
export function FollowFeedbackPage() {
  const { t, i18n } = useTranslation('feedback');
  useDocumentTitle(t('follow.title'));
  const { code = '' } = useParams();
  const queryClient = useQueryClient();
  const key = ['feedback', 'public', code.toUpperCase()];
  const item = useQuery({ queryKey: key, queryFn: ({ signal }) => feedbackApi.follow(code, signal) });
  const replyId = useId();
  const [reply, setReply] = useState('');
  const supply = useMutation({
    mutationFn: () => feedbackApi.supplyInfo(code, reply.trim()),
    onSuccess: (data) => queryClient.setQueryData(key, data),
  });
  const rate = useMutation({
    mutationFn: (rating: FeedbackRating) => feedbackApi.rate(code, rating),
    onSuccess: (data) => queryClient.setQueryData(key, data),
  });
  const when = (iso: string | null | undefined) => formatInstant(iso, i18n.language);

  let body: React.ReactNode;
  if (item.isPending) body = <Loader label={t('follow.title')} />;
  else if (item.isError) body = <PublicProblem error={item.error} testId="feedback-follow-error" />;
  else {
    const f = item.data;
    body = (
      <div className={ui.stack} style={{ gap: 16 }}>
        <Card data-testid="feedback-follow">
          <div className={ui.stack}>
            <p className={classes.code} data-testid="feedback-follow-code-shown">
              {f.code}
            </p>
            <div>
              <Badge tone={TONE[f.status]} data-testid="feedback-status" data-status={f.status}>
                {t(`statuses.${f.status}`)}
              </Badge>{' '}
              {f.pending?.overdue ? (
                <Badge tone="orange" data-testid="feedback-overdue">
                  {t('follow.overdue')}
                </Badge>
              ) : null}
            </div>
            <dl className={classes.facts}>
              <dt>{t('follow.unit')}</dt>
              <dd>{f.unit.name}</dd>
              <dt>{t('follow.category')}</dt>
              <dd>{t(`categories.${f.category}`)}</dd>
              <dt>{t('follow.submittedAt')}</dt>
              <dd>{when(f.submittedAt)}</dd>
              {f.dossierCode ? (
                <>
                  <dt>{t('follow.dossier')}</dt>
                  <dd className={ui.mono}>{f.dossierCode}</dd>
                </>
              ) : null}
              {f.pending ? (
                <>
                  <dt>{t('follow.pendingDue')}</dt>
                  <dd data-testid="feedback-pending-due">
                    {t(`clocks.${f.pending.clock}`)}: {when(f.pending.dueAt)}
                  </dd>
                </>
              ) : null}
            </dl>
          </div>
        </Card>
        <Section title={t('follow.content')}>
          <p className={classes.pre} data-testid="feedback-content-shown">
            {f.content}
          </p>
        </Section>
        {f.refusalReason ? (
          <Section title={t('follow.refused')}>
            <p className={classes.pre}>{f.refusalReason}</p>
          </Section>
        ) : null}
        {f.infoRequest ? (
          <Section title={t('follow.infoRequest')} data-testid="feedback-info-request">
            <p className={classes.pre}>{f.infoRequest}</p>
            {f.infoReply ? (
              <>
                <p className={ui.label} style={{ marginTop: 12 }}>
                  {t('follow.infoReply')}
                </p>
                <p className={classes.pre}>{f.infoReply}</p>
              </>
            ) : null}
            {f.canSupplyInfo ? (
              <form
                style={{ marginTop: 12 }}
                onSubmit={(e) => {
                  e.preventDefault();
                  if (reply.trim()) supply.mutate();
                }}
              >
                <div className={ui.stack}>
                  <div className={ui.field}>
                    <label htmlFor={replyId}>{t('follow.infoReplyLabel')}</label>
                    <textarea
                      id={replyId}
                      className={classes.textarea}
                      maxLength={4000}
                      value={reply}
                      onChange={(e) => setReply(e.currentTarget.value)}
                      data-testid="feedback-info-reply"
                    />
                  </div>
                  {supply.isError ? <PublicProblem error={supply.error} /> : null}
                  <Button type="submit" disabled={supply.isPending} data-testid="feedback-info-send">
                    {t('follow.sendReply')}
                  </Button>
                </div>
              </form>
            ) : null}
          </Section>
        ) : null}
        {f.answer ? (
          <Section title={t('follow.answer')} data-testid="feedback-answer">
            <p className={classes.pre} data-testid="feedback-answer-text">
              {f.answer}
            </p>
            <p className={ui.hint} style={{ marginTop: 8 }}>
              {t('follow.publishedAt', { date: when(f.publishedAt) })}
            </p>
          </Section>
        ) : null}
        {f.canRate ? (
          <Section title={t('follow.rateQuestion')} data-testid="feedback-rate">
            <div className={classes.choices}>
              {FEEDBACK_RATINGS.map((r) => (
                <Button
                  key={r}
                  variant={r === 'satisfied' ? 'filled' : 'light'}
                  disabled={rate.isPending}
                  onClick={() => rate.mutate(r)}
                  data-testid={`feedback-rate-${r}`}
                >
                  {t(`ratings.${r}`)}
                </Button>
              ))}
            </div>
            {rate.isError ? <PublicProblem error={rate.error} testId="feedback-rate-error" /> : null}
          </Section>
        ) : null}
        {f.rating ? (
          <Card data-testid="feedback-rated">
            <p>{t('follow.rated', { rating: t(`ratings.${f.rating}`) })}</p>
          </Card>
        ) : null}
        <div>
          <ButtonLink to="/phan-anh" variant="subtle">
            {t('follow.sendNew')}
          </ButtonLink>
        </div>
      </div>
    );
  }

  return (
    <>
      <PageTitle title={t('follow.title')} />
      <div style={{ maxWidth: 720 }} aria-live="polite">
        {body}
      </div>
    </>
  );
}
