import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiProblem } from '../../api/client';
import { PublicProblem } from '../../components/lite/PublicProblem';
import { Loader, TextField, useDocumentTitle } from '../../components/lite/ui';
import { queueApi, type TakenTicket } from './api';
import classes from './queue.module.css';

/** How long a taken ticket stays on the kiosk's screen before it is ready for the next citizen. */
const SHOW_TICKET_MS = 30_000;

/**
 * The hall's ticket kiosk (máy lấy số): an unattended touch screen. The citizen touches a field (or
 * the general line), optionally with a mobile number for the SMS, and sees the number; the printer
 * prints the 80 mm ticket with its QR code.
 */
export function KioskPage() {
  const { t } = useTranslation('queue');
  const { unit = '' } = useParams();
  const [phone, setPhone] = useState('');
  const [ticket, setTicket] = useState<TakenTicket | null>(null);
  const info = useQuery({
    queryKey: ['queue', 'kiosk', unit],
    queryFn: ({ signal }) => queueApi.kiosk(unit, signal),
  });
  useDocumentTitle(t('kioskTitle'));
  const take = useMutation({
    mutationFn: (group?: string) => queueApi.take({ unit, group, phone: phone.trim() || undefined }),
    onSuccess: (taken) => {
      setTicket(taken);
      setPhone('');
    },
  });
  useEffect(() => {
    if (!ticket) return;
    const timer = setTimeout(() => setTicket(null), SHOW_TICKET_MS);
    return () => clearTimeout(timer);
  }, [ticket]);

  if (info.isPending) return <Loader label={t('busy')} />;
  if (info.isError) return <PublicProblem error={info.error} testId="kiosk-error" />;
  const phoneError =
    take.error && isApiProblem(take.error)
      ? take.error.errors.find((e) => e.path === 'phone')?.message
      : undefined;

  return (
    <main className={classes.screen} data-testid="kiosk-page">
      <header className={classes.header}>
        <h1 className={classes.title}>{t('kioskTitle')}</h1>
        <p className={classes.unit}>{info.data.unit.name}</p>
      </header>
      {ticket ? (
        <section className={classes.ticket} aria-live="polite" data-testid="kiosk-ticket">
          <p className={classes.lead}>{t('yourNumber')}</p>
          <p className={classes.ticketNumber} data-testid="kiosk-ticket-number">
            {ticket.number}
          </p>
          <p className={classes.lead}>
            {ticket.group ? t('groupOf', { name: ticket.group.name }) : t('generalLine')}
          </p>
          <p className={classes.lead}>{t('ahead', { count: ticket.waitingAhead })}</p>
          {ticket.sms ? <p className={classes.lead}>{t('smsSent')}</p> : null}
          <p>{t('follow')}</p>
          <div className={classes.actions}>
            <a
              className={classes.bigButton}
              href={ticket.printUrl}
              target="_blank"
              rel="noopener"
              data-testid="kiosk-print"
            >
              {t('print')}
            </a>
            <button
              type="button"
              className={classes.bigButton}
              data-variant="light"
              onClick={() => setTicket(null)}
              data-testid="kiosk-again"
            >
              {t('again')}
            </button>
          </div>
        </section>
      ) : (
        <>
          <p className={classes.lead}>{t('kioskLead')}</p>
          <ul className={classes.groups} data-testid="kiosk-groups">
            <li>
              <button
                type="button"
                className={classes.groupButton}
                data-general=""
                disabled={take.isPending}
                onClick={() => take.mutate(undefined)}
                data-testid="kiosk-group-general"
              >
                {t('general')}
              </button>
            </li>
            {info.data.groups.map((g) => (
              <li key={g.code}>
                <button
                  type="button"
                  className={classes.groupButton}
                  disabled={take.isPending}
                  onClick={() => take.mutate(g.code)}
                  data-testid={`kiosk-group-${g.code}`}
                >
                  {g.name}
                </button>
              </li>
            ))}
          </ul>
          <details className={classes.phone} open={Boolean(phoneError)}>
            <summary>{t('phoneToggle')}</summary>
            <TextField
              label={t('phoneLabel')}
              hint={t('phoneHint')}
              error={phoneError}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              maxLength={13}
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              data-testid="kiosk-phone"
            />
          </details>
          {take.isError && !phoneError ? (
            <p role="alert" className={classes.error}>
              {isApiProblem(take.error) ? take.error.title : String(take.error)}
            </p>
          ) : null}
        </>
      )}
    </main>
  );
}
