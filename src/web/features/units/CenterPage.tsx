import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api/endpoints';
import type { FormerUnit } from '../../api/types';
import { IconFile, IconSearch } from '../../components/icons';
import { PublicProblem } from '../../components/lite/PublicProblem';
import { Badge, ButtonLink, Card, Loader, Section, ui } from '../../components/lite/ui';
import { PageTitle } from '../../components/PageTitle';
import { useUnitPreference } from './unit-preference';

function FormerList({ units }: { units: FormerUnit[] }) {
  const { t } = useTranslation();
  return (
    <div style={{ overflowX: 'auto' }}>
      <table className={ui.table} data-bordered="" data-testid="center-former-units">
        <thead>
          <tr>
            <th scope="col">{t('units.formerColumn')}</th>
            <th scope="col">{t('units.formerWhere')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((f) => (
            <tr key={`${f.level}-${f.code}`}>
              <td>
                {f.name}
                {f.merge === 'partial' ? <span className={ui.dimmed}> ({t('units.partial')})</span> : null}
              </td>
              <td>
                {f.level === 'commune' ? `${f.districtName}, ` : ''}
                {f.provinceName}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A commune center of today: which units before 1 July 2025 it serves (docs/domain-vn.md, Scope:
 * districts abolished 1 July 2025) and where to go next. A public page: light components only.
 */
export function CenterPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { rememberUnit } = useUnitPreference();
  const former = useQuery({
    queryKey: ['units', 'former', code],
    queryFn: ({ signal }) => api.formerUnits(code, signal),
    staleTime: 5 * 60_000,
  });

  if (former.isPending) return <Loader label={t('common.loading')} />;
  if (former.isError) return <PublicProblem error={former.error} testId="center-error" />;
  const { unit, province, formerUnits } = former.data;

  return (
    <>
      <PageTitle
        title={t('units.centerTitle', { name: unit.fullName })}
        subtitle={
          <div className={ui.row}>
            <span data-testid="center-province">
              {unit.fullName}, {province.fullName}
            </span>
            {unit.isActive ? (
              <Badge tone="teal" data-testid="center-active">
                {t('units.onSystem')}
              </Badge>
            ) : null}
          </div>
        }
      />
      <div className={ui.stack} style={{ gap: 20 }}>
        {unit.isActive ? (
          <div className={ui.row}>
            <ButtonLink
              to={`/thu-tuc?unit=${encodeURIComponent(unit.code)}`}
              onClick={() => rememberUnit(unit.code)}
              data-testid="center-catalog-link"
            >
              <IconFile size={16} />
              {t('units.centerCatalog')}
            </ButtonLink>
            <ButtonLink
              to={`/thong-bao/${encodeURIComponent(unit.code)}`}
              variant="light"
              data-testid="center-notices-link"
            >
              {t('units.centerNotices')}
            </ButtonLink>
            <ButtonLink to="/tra-cuu" variant="light">
              <IconSearch size={16} />
              {t('home.trackingAction')}
            </ButtonLink>
          </div>
        ) : (
          <Card data-testid="center-not-on-system">
            <p style={{ margin: 0 }}>{t('units.notOnSystem')}</p>
          </Card>
        )}
        <Section title={t('units.formedFrom')}>
          <p className={ui.dimmed} style={{ marginBottom: 12 }}>
            {t('units.formedFromBody')}
          </p>
          {formerUnits.length ? (
            <FormerList units={formerUnits} />
          ) : (
            <p style={{ margin: 0 }}>{t('units.noFormer')}</p>
          )}
        </Section>
      </div>
    </>
  );
}
