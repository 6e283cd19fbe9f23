import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { IconSearch } from '../../components/icons';
import { ButtonLink, Section, ui } from '../../components/lite/ui';
import { PageTitle } from '../../components/PageTitle';
import { useUnitPreference } from '../units/unit-preference';
import './i18n';
import classes from './notices.module.css';

/**
 * Two-tier local government in plain words (docs/domain-vn.md: province + commune since 1 July 2025,
 * districts abolished; Decrees 118, 120 and 151/2025): what changed, where to go, and the way to the
 * former-unit search. Static text from the translations.
 */
export function TwoTierPage() {
  const { t } = useTranslation('notices');
  const [params] = useSearchParams();
  const { storedUnit } = useUnitPreference();
  const unit = params.get('unit') || storedUnit;
  const sections = ['before', 'where', 'moved'] as const;
  return (
    <>
      <PageTitle title={t('twoTier.title')} />
      <div className={ui.stack} style={{ gap: 16 }} data-testid="two-tier">
        <p className={classes.lead}>{t('twoTier.lead')}</p>
        {sections.map((s) => (
          <Section key={s} title={t(`twoTier.${s}Title`)}>
            <p className={classes.text}>{t(`twoTier.${s}Body`)}</p>
          </Section>
        ))}
        <Section title={t('twoTier.findTitle')}>
          <div className={ui.stack} style={{ gap: 12 }}>
            <p className={classes.text}>{t('twoTier.findBody')}</p>
            <div className={ui.row}>
              <ButtonLink to="/#tim-don-vi-cu" data-testid="two-tier-finder-link">
                <IconSearch size={16} />
                {t('twoTier.findAction')}
              </ButtonLink>
              {unit && /^\d{5}$/.test(unit) ? (
                <ButtonLink to={`/thong-bao/${unit}`} variant="light" data-testid="two-tier-notices-link">
                  {t('list.title')}
                </ButtonLink>
              ) : null}
            </div>
          </div>
        </Section>
      </div>
    </>
  );
}
