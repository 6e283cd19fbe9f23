import { useTranslation } from 'react-i18next';
import type { TrackResult } from '../../api/types';
import { Badge, Card, ui } from '../../components/lite/ui';
import { formatInstant } from '../../lib/format-instant';

function Row({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <dt className={ui.label}>{label}</dt>
      <dd style={{ margin: 0, fontWeight: 600 }} data-testid={testId}>
        {value || '—'}
      </dd>
    </div>
  );
}

/** Status colours follow the dossier lifecycle: received and in progress are blue, done is green. */
function statusTone(status: number): 'green' | 'orange' | 'blue' {
  if (status >= 9) return 'green';
  if (status === 5 || status === 6) return 'orange';
  return 'blue';
}

export function TrackingResultCard({ result }: { result: TrackResult }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Card data-testid="tracking-result">
      <div className={ui.row} style={{ justifyContent: 'space-between', alignItems: 'flex-start', gap: 12 }}>
        <div style={{ minWidth: 0 }}>
          <p className={ui.label}>{t('tracking.dossierCode')}</p>
          <h2 className={`${ui.h2} ${ui.mono}`} style={{ margin: 0, overflowWrap: 'anywhere' }}>
            {result.code}
          </h2>
        </div>
        <Badge tone={statusTone(result.status)} data-testid="tracking-status" data-status={result.status}>
          {/* The national status names (docs/domain-vn.md §2.1), translated by number. */}
          {t(`statuses.${result.status}`, { defaultValue: result.statusName })}
        </Badge>
      </div>
      <hr style={{ border: 0, borderTop: '1px solid #dee2e6', margin: '16px 0' }} />
      <dl className={ui.stack} style={{ margin: 0 }}>
        <Row label={t('tracking.procedure')} value={result.procedure.name} testId="tracking-procedure" />
        <div className={ui.grid}>
          <Row
            label={t('tracking.receivedAt')}
            value={formatInstant(result.receivedAt, language)}
            testId="tracking-received-at"
          />
          <Row
            label={t('tracking.dueAt')}
            value={formatInstant(result.dueAt, language)}
            testId="tracking-due-at"
          />
          <Row label={t('tracking.unit')} value={result.unit.name} testId="tracking-unit" />
        </div>
      </dl>
      {result.result ? (
        <>
          <hr style={{ border: 0, borderTop: '1px solid #dee2e6', margin: '16px 0' }} />
          <p className={ui.label}>{t('tracking.resultTitle')}</p>
          <dl className={ui.stack} style={{ margin: 0 }} data-testid="tracking-issued">
            {result.result.title ? (
              <Row
                label={t('tracking.procedure')}
                value={result.result.title}
                testId="tracking-result-title"
              />
            ) : null}
            <div className={ui.grid}>
              {result.result.number ? (
                <Row
                  label={t('tracking.resultNumber')}
                  value={result.result.number}
                  testId="tracking-result-number"
                />
              ) : null}
              <Row
                label={t('tracking.resultIssuedAt')}
                value={formatInstant(result.result.issuedAt, language)}
                testId="tracking-result-issued-at"
              />
            </div>
            {result.result.sha256 ? (
              <div>
                <dt className={ui.label}>{t('tracking.resultHash')}</dt>
                <dd
                  className={ui.mono}
                  style={{ margin: 0, overflowWrap: 'anywhere', fontSize: 12 }}
                  data-testid="tracking-result-hash"
                >
                  {result.result.sha256}
                </dd>
              </div>
            ) : null}
          </dl>
          {result.result.number ? <p className={ui.hint}>{t('tracking.resultNote')}</p> : null}
        </>
      ) : null}
      <p className={ui.hint} style={{ marginTop: 16 }}>
        {result.dueAt ? `${t('tracking.dueExplained')} ` : ''}
        {t('tracking.timeZoneNote')}
      </p>
    </Card>
  );
}
