import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ProcedureFee } from '../../api/types';
import { IconArrowLeft, IconBuilding, IconClock, IconCoins, IconDownload } from '../../components/icons';
import { PublicProblem } from '../../components/lite/PublicProblem';
import {
  Badge,
  ButtonLink,
  Card,
  ExternalLink,
  Loader,
  Section,
  TextLink,
  ui,
} from '../../components/lite/ui';
import { PageTitle } from '../../components/PageTitle';
import { blankFormUrl, useFormDefinition } from '../forms/forms-api';
import { useSelectedUnit } from '../units/use-communes';
import { DocumentsTable } from './DocumentsTable';
import { timeLimitLabel } from './time-limit-label';
import { useProcedure } from './use-procedures';

function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start', minWidth: 0 }}>
      <span
        aria-hidden="true"
        style={{
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          width: 32,
          height: 32,
          borderRadius: 8,
          flex: 'none',
          background: '#ffebee',
          color: '#9d0017',
        }}
      >
        {icon}
      </span>
      <div style={{ minWidth: 0 }}>
        <p className={ui.label}>{label}</p>
        <div style={{ fontSize: '0.875rem' }}>{children}</div>
      </div>
    </div>
  );
}

function FeeAmount({ fee }: { fee: ProcedureFee }) {
  const { t } = useTranslation();
  if (fee.amount === null) return <>{t('procedure.feeProvinceSet')}</>;
  if (fee.amount === 0) return <>{t('procedure.feeFree')}</>;
  // Amounts and their unit text are official Vietnamese data: "2.000 đồng/trang".
  const amount = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(fee.amount);
  return <>{`${amount} ${fee.unitText ?? 'đồng'}`}</>;
}

function StringList({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <p className={ui.dimmed}>{empty}</p>;
  return (
    <ul className={ui.list}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

export function ProcedureDetailPage() {
  const { t, i18n } = useTranslation();
  const { code } = useParams();
  const selected = useSelectedUnit();
  const procedure = useProcedure(code, selected.code);
  const form = useFormDefinition(code);
  const backHref = selected.code ? `/thu-tuc?unit=${encodeURIComponent(selected.code)}` : '/thu-tuc';
  const back = (
    <ButtonLink to={backHref} variant="subtle">
      <IconArrowLeft size={16} />
      {t('procedure.back')}
    </ButtonLink>
  );

  if (procedure.isPending) return <Loader label={t('common.loading')} />;
  if (procedure.isError) {
    return (
      <div className={ui.stack}>
        {back}
        <h1 className={ui.h1}>{t('procedure.notFoundTitle')}</h1>
        <PublicProblem error={procedure.error} testId="procedure-error" />
      </div>
    );
  }

  const p = procedure.data;
  const onlineLevelKey = `procedure.onlineLevels.${p.onlineLevel}`;
  const onlineLevel = !p.onlineLevel ? '' : i18n.exists(onlineLevelKey) ? t(onlineLevelKey) : p.onlineLevel;

  return (
    <div className={ui.stack} style={{ gap: 20 }} data-testid="procedure-detail">
      <div>
        {back}
        <PageTitle
          title={p.name}
          subtitle={
            <div className={ui.row} style={{ marginTop: 4 }}>
              <Badge tone="outline" className={ui.mono} data-testid="procedure-code">
                {p.code}
              </Badge>
              <Badge>{p.field.name}</Badge>
              <Badge tone="gray">{p.sector.name}</Badge>
            </div>
          }
        />
      </div>

      <Card>
        <div className={ui.grid}>
          <Fact icon={<IconClock size={18} />} label={t('procedure.timeLimit')}>
            <strong>{timeLimitLabel(p.timeLimit, t)}</strong>
            <p className={ui.dimmed} style={{ fontSize: '0.8125rem' }}>
              {p.timeLimit.text}
            </p>
          </Fact>
          <Fact icon={<IconCoins size={18} />} label={t('procedure.fee')}>
            {p.feeText || t('catalog.noFee')}
          </Fact>
          <Fact icon={<IconBuilding size={18} />} label={t('procedure.agency')}>
            {p.agency || '—'}
          </Fact>
          <Fact icon={<IconBuilding size={18} />} label={t('procedure.channels')}>
            <div className={ui.row} style={{ gap: 4, marginTop: 2 }}>
              {p.channels.map((channel) => (
                <Badge key={channel} tone="teal">
                  {t(`channels.${channel}`)}
                </Badge>
              ))}
            </div>
            {onlineLevel ? (
              <p className={ui.dimmed} style={{ fontSize: '0.8125rem', marginTop: 4 }}>
                {t('procedure.onlineLevel')}: {onlineLevel}
              </p>
            ) : null}
          </Fact>
        </div>
      </Card>

      {form.isSuccess ? (
        <div className={ui.row} data-testid="procedure-form-actions">
          {p.channels.includes('online') ? (
            // The wizard lives in the staff app's bundle: a full page load, not a light-app route.
            <a
              className={ui.button}
              data-variant="filled"
              href={`/thu-tuc/${encodeURIComponent(p.code)}/nop-truc-tuyen${selected.code ? `?unit=${encodeURIComponent(selected.code)}` : ''}`}
              data-testid="file-online"
            >
              {t('procedure.fileOnline')}
            </a>
          ) : null}
          <ExternalLink href={blankFormUrl(p.code)} data-testid="download-form">
            <IconDownload size={16} /> {t('procedure.downloadForm')}
          </ExternalLink>
        </div>
      ) : null}

      <Section title={t('procedure.documents')} data-testid="procedure-documents-section">
        <DocumentsTable documents={p.documents} />
      </Section>

      <Section title={t('procedure.fees')}>
        {p.fees.length === 0 ? (
          <p className={ui.dimmed}>{t('catalog.noFee')}</p>
        ) : (
          <div className={ui.stack} style={{ gap: 8 }}>
            {p.fees.map((fee) => (
              <div
                key={fee.name}
                className={ui.row}
                style={{ justifyContent: 'space-between', alignItems: 'flex-start', fontSize: '0.875rem' }}
                data-testid="procedure-fee"
              >
                <div style={{ flex: '1 1 260px', minWidth: 0 }}>
                  <div style={{ fontWeight: 500 }}>{fee.name}</div>
                  {fee.note ? <p className={ui.dimmed}>{fee.note}</p> : null}
                </div>
                <div style={{ flex: '1 1 220px', minWidth: 0 }}>
                  <strong>
                    <FeeAmount fee={fee} />
                  </strong>
                  {fee.provinceSet && fee.amount !== null ? (
                    <p className={ui.dimmed}>{t('procedure.feeProvinceNote')}</p>
                  ) : null}
                </div>
              </div>
            ))}
          </div>
        )}
      </Section>

      <div
        className={ui.grid}
        style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))' }}
      >
        <Section title={t('procedure.applicants')}>
          <StringList items={p.applicants} empty={t('procedure.none')} />
        </Section>
        <Section title={t('procedure.result')}>
          <p style={{ margin: 0, fontSize: '0.875rem' }}>{p.result || t('procedure.none')}</p>
        </Section>
      </div>

      <Section title={t('procedure.legalBasis')}>
        <StringList items={p.legalBasis} empty={t('procedure.none')} />
      </Section>

      <p style={{ margin: 0, fontSize: '0.875rem' }}>
        <TextLink to="/tra-cuu">{t('procedure.trackHint')}</TextLink>
      </p>
    </div>
  );
}
