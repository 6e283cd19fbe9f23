import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { IconCheck, IconGlobe, IconLogin, IconStar, IconUser } from '../components/icons';
import { citizenLoginHref, useCitizen } from '../features/citizen/citizen-api';
import { useMe } from '../features/identity/use-me';
import { useSelectedUnit } from '../features/units/use-communes';
import { isLanguage, LANGUAGES } from '../i18n/languages';
import { changeLiteLanguage } from './i18n';
import classes from './LiteLayout.module.css';

/** Where a signed-in officer's work starts in the staff app. */
function staffHome(role: string): string {
  if (role === 'reception') return '/tiep-nhan';
  if (role === 'province' || role === 'admin') return '/tinh';
  return '/ho-so';
}

const NAV = [
  { to: '/', labelKey: 'nav.home', testId: 'nav-home', end: true },
  { to: '/thu-tuc', labelKey: 'nav.catalog', testId: 'nav-catalog', end: false },
  { to: '/tra-cuu', labelKey: 'nav.tracking', testId: 'nav-tracking', end: false },
] as const;

function Nav({ className, suffix }: { className?: string; suffix: string }) {
  const { t } = useTranslation();
  return (
    <nav className={`${classes.nav} ${className}`} aria-label={t('nav.main')}>
      <ul>
        {NAV.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} data-testid={`${item.testId}${suffix}`}>
              {t(item.labelKey)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A disclosure (details/summary): opens with Enter or Space, no script needed to reach the choices. */
function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const details = useRef<HTMLDetailsElement>(null);
  const current = LANGUAGES.find((language) => language.code === i18n.language) ?? LANGUAGES[0];
  const choose = (code: string) => {
    if (isLanguage(code)) void changeLiteLanguage(code);
    details.current?.removeAttribute('open');
  };
  return (
    <details ref={details} className={classes.langMenu}>
      <summary
        className={classes.tool}
        aria-label={`${current.short} · ${t('language.choose')}`}
        data-testid="language-menu"
      >
        <IconGlobe />
        {current.short}
      </summary>
      <ul className={classes.langList} aria-label={t('language.label')}>
        {LANGUAGES.map((language) => (
          <li key={language.code}>
            <button
              type="button"
              lang={language.code}
              aria-pressed={language.code === current.code}
              onClick={() => choose(language.code)}
              data-testid={`language-option-${language.code}`}
            >
              {language.label}
              {language.code === current.code ? <IconCheck size={16} /> : null}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The frame of the public pages: skip link, header (banner) with navigation, main, footer. */
export function LiteLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  // A staff session wins; otherwise the citizen's own (its own cookie, never mixed with staff's).
  const citizen = useCitizen(me.data === null);
  const selected = useSelectedUnit();
  const centerName = me.data?.unit?.name
    ? t('app.centerOf', { name: me.data.unit.name })
    : selected.unit
      ? t('app.centerOf', { name: selected.unit.fullName })
      : t('app.tagline');
  return (
    <div className={classes.page}>
      <a href="#main" className={classes.skip}>
        {t('nav.skipToContent')}
      </a>
      <header className={classes.header}>
        <div className={classes.bar}>
          <Link to="/" className={classes.brand} data-testid="brand-link">
            <span className={classes.logo} aria-hidden="true">
              <IconStar size={20} />
            </span>
            <span style={{ minWidth: 0 }}>
              <span className={classes.name}>{t('app.name')}</span>
              <span className={classes.center} data-testid="header-center-name">
                {centerName}
              </span>
            </span>
          </Link>
          <Nav className={classes.wideNav} suffix="" />
          <div className={classes.tools}>
            <LanguageMenu />
            {me.data ? (
              // Staff pages are the staff app: a full page load, not a client-side route.
              <a
                href={staffHome(me.data.role)}
                className={`${classes.tool} ${classes.signin}`}
                data-testid="current-user"
              >
                <IconUser size={16} />
                <span>{me.data.fullName}</span>
              </a>
            ) : citizen.data ? (
              <Link
                to="/ho-so-cua-toi"
                className={`${classes.tool} ${classes.signin}`}
                data-testid="citizen-my-dossiers-link"
              >
                <IconUser size={16} />
                <span>{t('auth.myDossiers')}</span>
              </Link>
            ) : (
              <a
                href={citizenLoginHref('/ho-so-cua-toi')}
                className={`${classes.tool} ${classes.signin}`}
                data-testid="citizen-signin-link"
              >
                <IconLogin size={16} />
                {t('auth.citizenSignIn')}
              </a>
            )}
          </div>
        </div>
        <Nav className={classes.narrowNav} suffix="-mobile" />
      </header>
      <main id="main" tabIndex={-1} className={classes.main}>
        {children}
      </main>
      <footer className={classes.footer}>
        <p style={{ margin: 0 }}>{t('app.footer')}</p>
        <p style={{ margin: '8px 0 0' }}>
          <Link to="/phan-anh" className={classes.footerLink} data-testid="feedback-link">
            {t('app.feedbackLink')}
          </Link>
        </p>
        {me.data ? null : (
          // Officers sign in on the staff app's page; citizens use the header's sign-in.
          <p style={{ margin: '8px 0 0' }}>
            <a href="/dang-nhap" className={classes.footerLink} data-testid="signin-link">
              {t('auth.staffSignIn')}
            </a>
          </p>
        )}
      </footer>
    </div>
  );
}
