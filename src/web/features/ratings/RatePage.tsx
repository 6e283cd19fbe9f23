import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiProblem } from '../../api/client';
import { PublicProblem } from '../../components/lite/PublicProblem';
import { Loader, useDocumentTitle } from '../../components/lite/ui';
import { type RatingLevel, ratingsApi } from './api';
import classes from './ratings.module.css';

const LEVELS: RatingLevel[] = ['very_satisfied', 'satisfied', 'dissatisfied'];
/** How long the thanks stay on the tablet before it is ready for the next citizen. */
export const THANKS_MS = 12_000;

/**
 * The citizen rates the visit (issue 16 item 3): on the counter's tablet or on a phone from the slip's
 * QR. Three large choices, an optional reason, one submission; then thanks, and after a few seconds the
 * tablet clears itself (nothing of this citizen stays on screen) for the next one.
 */
export function RatePage() {
  const { t } = useTranslation('ratings');
  const { token = '' } = useParams();
  const reasonId = useId();
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [phase, setPhase] = useState<'rate' | 'thanks' | 'idle'>('rate');
  useDocumentTitle(t('title'));
  const state = useQuery({
    queryKey: ['ratings', 'invitation', token],
    queryFn: ({ signal }) => ratingsApi.invitation(token, signal),
  });
  const send = useMutation({
    mutationFn: () => ratingsApi.rate({ token, rating: level!, comment: reason.trim() || undefined }),
    onSuccess: () => {
      setPhase('thanks');
      setLevel(null);
      setReason('');
    },
    onError: (e) => {
      if (isApiProblem(e) && e.status === 409) setPhase('thanks');
    },
  });
  useEffect(() => {
    if (phase !== 'thanks') return;
    const timer = setTimeout(() => setPhase('idle'), THANKS_MS);
    return () => clearTimeout(timer);
  }, [phase]);

  let body: React.ReactNode;
  if (phase === 'idle') {
    body = (
      <section className={classes.done} data-testid="rate-idle">
        <h2>{t('idle')}</h2>
        <p>{t('idleBody')}</p>
      </section>
    );
  } else if (phase === 'thanks') {
    body = (
      <section className={classes.done} aria-live="polite" data-testid="rate-thanks">
        <h2>{t('thanks')}</h2>
        <p>{t('thanksBody')}</p>
      </section>
    );
  } else if (state.isPending) {
    body = <Loader label={t('loading')} />;
  } else if (state.isError) {
    body = <PublicProblem error={state.error} testId="rate-error" />;
  } else if (state.data.rated) {
    body = (
      <section className={classes.done} data-testid="rate-already">
        <h2>{t('alreadyRated')}</h2>
      </section>
    );
  } else {
    body = (
      <form
        data-testid="rate-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!level) {
            setMissing(true);
            return;
          }
          send.mutate();
        }}
      >
        <fieldset className={classes.levels}>
          <legend className={classes.question}>{t('question')}</legend>
          {LEVELS.map((l) => (
            <button
              key={l}
              type="button"
              className={classes.level}
              data-level={l}
              aria-pressed={level === l}
              data-testid={`rate-${l}`}
              onClick={() => {
                setLevel(l);
                setMissing(false);
              }}
            >
              {t(`levels.${l}`)}
            </button>
          ))}
        </fieldset>
        <div className={classes.field}>
          <label htmlFor={reasonId}>{t('reason')}</label>
          <textarea
            id={reasonId}
            className={classes.textarea}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby={`${reasonId}-hint`}
            data-testid="rate-reason"
          />
          <p id={`${reasonId}-hint`} className={classes.hint}>
            {t('reasonHint')}
          </p>
        </div>
        {missing ? (
          <p className={classes.error} role="alert" data-testid="rate-missing">
            {t('pickFirst')}
          </p>
        ) : null}
        {send.isError ? <PublicProblem error={send.error} testId="rate-send-error" /> : null}
        <button type="submit" className={classes.submit} disabled={send.isPending} data-testid="rate-submit">
          {send.isPending ? t('sending') : t('submit')}
        </button>
      </form>
    );
  }

  return (
    <main className={classes.screen} data-testid="rate-page">
      <div className={classes.inner}>
        <h1 className={classes.title}>{t('title')}</h1>
        {state.data ? <p className={classes.unit}>{state.data.unit.name}</p> : null}
        {body}
      </div>
    </main>
  );
}
