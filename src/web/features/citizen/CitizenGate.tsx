import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { IconLogin } from '../../components/icons';
import { PublicProblem } from '../../components/lite/PublicProblem';
import { Card, Loader, ui } from '../../components/lite/ui';
import { type CitizenMe, citizenLoginHref, useCitizen } from './citizen-api';
import { CITIZEN_NS } from './strings';

/** Renders its children for a signed-in citizen; otherwise invites them to sign in (and come back here). */
export function CitizenGate({ children }: { children: (me: CitizenMe) => ReactNode }) {
  const { t } = useTranslation(CITIZEN_NS);
  const location = useLocation();
  const me = useCitizen();
  if (me.isPending) return <Loader label={t('title')} />;
  if (me.isError) return <PublicProblem error={me.error} testId="citizen-error" />;
  if (!me.data) {
    return (
      <Card data-testid="citizen-sign-in-needed">
        <h2 className={ui.h2}>{t('needSignInTitle')}</h2>
        <p style={{ marginTop: 0 }}>{t('needSignIn')}</p>
        <a
          href={citizenLoginHref(location.pathname + location.search)}
          className={ui.button}
          data-variant="filled"
          data-testid="citizen-sign-in"
        >
          <IconLogin size={16} />
          {t('signIn')}
        </a>
      </Card>
    );
  }
  return <>{children(me.data)}</>;
}

/** Status colours follow the dossier lifecycle: received and in progress blue, waiting orange, done green. */
export function statusTone(status: number): 'green' | 'orange' | 'blue' | 'gray' {
  if (status === 3 || status === 7 || status === 8) return 'gray';
  if (status >= 9) return 'green';
  if (status === 5 || status === 6) return 'orange';
  return 'blue';
}
