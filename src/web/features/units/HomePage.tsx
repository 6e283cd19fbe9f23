import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IconAlert,
  IconArrowRight,
  IconBuilding,
  IconFile,
  IconLogin,
  IconSearch,
} from '../../components/icons';
import { ButtonLink, Card, TextLink, ui, useDocumentTitle } from '../../components/lite/ui';
import { useMe } from '../identity/use-me';
import classes from './HomePage.module.css';
import { UnitFinder } from './UnitFinder';
import { UnitSelect } from './UnitSelect';
import { useSelectedUnit } from './use-communes';

interface EntryCardProps {
  icon: ReactNode;
  title: string;
  body: string;
  action: string;
  to: string;
  testId: string;
}

function EntryCard({ icon, title, body, action, to, testId }: EntryCardProps) {
  return (
    <Card className={classes.entry}>
      <span className={classes.icon} aria-hidden="true">
        {icon}
      </span>
      <h2 className={classes.h3}>{title}</h2>
      <p className={ui.dimmed} style={{ flex: 1 }}>
        {body}
      </p>
      <ButtonLink to={to} variant="light" data-testid={testId}>
        {action}
        <IconArrowRight size={16} />
      </ButtonLink>
    </Card>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.name'));
  const selected = useSelectedUnit();
  const me = useMe();
  const unitQuery = selected.code ? `?unit=${encodeURIComponent(selected.code)}` : '';

  return (
    <div className={ui.stack} style={{ gap: 32 }}>
      <div className={classes.hero}>
        <div className={classes.heroInner}>
          <span className={classes.badge}>{t('home.badge')}</span>
          <h1 className={classes.title}>{t('home.title')}</h1>
          <p className={classes.intro}>{t('home.intro')}</p>
          <div className={classes.unitBox}>
            <UnitSelect
              value={selected.code}
              onChange={selected.selectUnit}
              data-testid="home-unit-select"
              hint={t('home.unitHint')}
            />
          </div>
        </div>
      </div>

      <UnitFinder />

      <div className={ui.grid}>
        <EntryCard
          icon={<IconFile size={24} />}
          title={t('home.catalogTitle')}
          body={t('home.catalogBody')}
          action={t('home.catalogAction')}
          to={`/thu-tuc${unitQuery}`}
          testId="home-catalog-link"
        />
        <EntryCard
          icon={<IconSearch size={24} />}
          title={t('home.trackingTitle')}
          body={t('home.trackingBody')}
          action={t('home.trackingAction')}
          to="/tra-cuu"
          testId="home-tracking-link"
        />
        {selected.code ? (
          <EntryCard
            icon={<IconAlert size={24} />}
            title={t('home.noticesTitle')}
            body={t('home.noticesBody')}
            action={t('home.noticesAction')}
            to={`/thong-bao/${encodeURIComponent(selected.code)}`}
            testId="home-notices-link"
          />
        ) : null}
        <EntryCard
          icon={<IconBuilding size={24} />}
          title={t('home.twoTierTitle')}
          body={t('home.twoTierBody')}
          action={t('home.twoTierAction')}
          to="/chinh-quyen-hai-cap"
          testId="home-two-tier-link"
        />
        {me.data?.role === 'reception' ? (
          <EntryCard
            icon={<IconLogin size={24} />}
            title={t('home.receptionTitle')}
            body={t('home.receptionBody')}
            action={t('home.receptionAction')}
            to="/tiep-nhan"
            testId="home-reception-link"
          />
        ) : null}
      </div>

      <section className={ui.card}>
        <h2 className={ui.h2}>{t('home.howTitle')}</h2>
        <ol className={ui.grid} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {(['1', '2', '3'] as const).map((step) => (
            <li key={step} className={classes.step}>
              <span className={classes.stepNo} aria-hidden="true">
                {step}
              </span>
              <div style={{ minWidth: 0 }}>
                <p className={classes.stepTitle}>{t(`home.step${step}Title`)}</p>
                <p className={ui.dimmed}>{t(`home.step${step}Body`)}</p>
              </div>
            </li>
          ))}
        </ol>
        {!me.data ? (
          <p className={ui.dimmed} style={{ marginTop: 20 }}>
            {t('home.staffHint')} <TextLink to="/dang-nhap">{t('auth.signIn')}</TextLink>
          </p>
        ) : null}
      </section>
    </div>
  );
}
