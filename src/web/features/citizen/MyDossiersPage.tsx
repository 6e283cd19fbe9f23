import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconCheck, IconLogout } from '../../components/icons';
import { PublicProblem } from '../../components/lite/PublicProblem';
import { Badge, Button, ButtonLink, Card, Loader, ui } from '../../components/lite/ui';
import { PageTitle } from '../../components/PageTitle';
import { formatInstant } from '../../lib/format-instant';
import { CitizenGate, statusTone } from './CitizenGate';
import { type CitizenMe, useCitizenLogout, useMyDossiers } from './citizen-api';
import { CITIZEN_NS } from './strings';

/** Who is signed in (the identity the provider verified) and the way out. */
export function CitizenBar({ me }: { me: CitizenMe }) {
  const { t } = useTranslation(CITIZEN_NS);
  const logout = useCitizenLogout();
  const queryClient = useQueryClient();
  return (
    <Card className={ui.row} style={{ justifyContent: 'space-between' }} data-testid="citizen-bar">
      <div style={{ minWidth: 0 }}>
        <p style={{ margin: 0, fontWeight: 600 }} data-testid="citizen-name">
          {t('signedInAs', { name: me.fullName })}
        </p>
        {me.verified ? (
          <p className={ui.dimmed} style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
            <IconCheck size={14} />
            {t('verified')}
          </p>
        ) : null}
      </div>
      <Button
        variant="light"
        disabled={logout.isPending}
        onClick={() =>
          logout.mutate(undefined, {
            onSettled: () => {
              queryClient.clear();
              window.location.assign('/');
            },
          })
        }
        data-testid="citizen-sign-out"
      >
        <IconLogout size={16} />
        {t('signOut')}
      </Button>
    </Card>
  );
}

function DossierList() {
  const { t, i18n } = useTranslation(CITIZEN_NS);
  const { t: tc } = useTranslation();
  const list = useMyDossiers(true);
  if (list.isPending) return <Loader label={t('title')} />;
  if (list.isError) return <PublicProblem error={list.error} testId="my-dossiers-error" />;
  if (list.data.length === 0) {
    return (
      <Card data-testid="my-dossiers-empty">
        <p style={{ marginTop: 0 }}>{t('empty')}</p>
        <ButtonLink to="/thu-tuc">{t('fileNew')}</ButtonLink>
      </Card>
    );
  }
  return (
    <ul className={ui.stack} style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('listLabel')}>
      {list.data.map((d) => (
        <li key={d.code}>
          <Card data-testid="my-dossier-row" data-code={d.code}>
            <div className={ui.row} style={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
              <h2 className={ui.h2} style={{ margin: 0, flex: '1 1 200px' }}>
                <Link
                  to={`/ho-so-cua-toi/${encodeURIComponent(d.code)}`}
                  className={ui.link}
                  aria-label={`${d.procedure.name} — ${t('open', { code: d.code })}`}
                  data-testid="my-dossier-link"
                >
                  {d.procedure.name}
                </Link>
              </h2>
              <Badge tone={statusTone(d.status)} data-testid="my-dossier-status" data-status={d.status}>
                {tc(`statuses.${d.status}`, { defaultValue: d.statusName })}
              </Badge>
            </div>
            <p className={`${ui.dimmed} ${ui.mono}`} style={{ marginTop: 8, overflowWrap: 'anywhere' }}>
              {d.code}
            </p>
            <p className={ui.dimmed}>
              {t('submittedOn', { date: formatInstant(d.submittedAt, i18n.language) })}
            </p>
            {d.actionNeeded ? (
              <p style={{ margin: '8px 0 0' }}>
                <Badge tone="orange" data-testid="my-dossier-action-needed">
                  {t('actionNeeded')}
                </Badge>
              </p>
            ) : null}
          </Card>
        </li>
      ))}
    </ul>
  );
}

/** /ho-so-cua-toi — the citizen's dossiers filed online. */
export function MyDossiersPage() {
  const { t } = useTranslation(CITIZEN_NS);
  return (
    <div style={{ maxWidth: 860 }} data-testid="my-dossiers-page">
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      <CitizenGate>
        {(me) => (
          <div className={ui.stack}>
            <CitizenBar me={me} />
            <DossierList />
          </div>
        )}
      </CitizenGate>
    </div>
  );
}
