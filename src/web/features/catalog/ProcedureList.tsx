import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProcedureSummary } from '../../api/types';
import { IconClock, IconCoins } from '../../components/icons';
import { Badge, Card, ui } from '../../components/lite/ui';
import { useIsMobile } from '../../components/use-is-mobile';
import { timeLimitLabel } from './time-limit-label';

interface ProcedureListProps {
  procedures: ProcedureSummary[];
  unit: string;
}

function detailHref(code: string, unit: string): string {
  return `/thu-tuc/${encodeURIComponent(code)}?unit=${encodeURIComponent(unit)}`;
}

/** The numbered catalogue: a table on wide screens, cards on phones (no sideways scrolling). */
export function ProcedureList({ procedures, unit }: ProcedureListProps) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();

  if (isMobile) {
    return (
      <ul
        className={ui.stack}
        style={{ gap: 12, listStyle: 'none', margin: 0, padding: 0 }}
        data-testid="procedure-list"
      >
        {procedures.map((procedure) => (
          <li key={procedure.code}>
            <Card data-testid="procedure-row" data-code={procedure.code}>
              <div className={ui.row} style={{ marginBottom: 6 }}>
                <Badge tone="gray">{procedure.no}</Badge>
                <span className={`${ui.dimmed} ${ui.mono}`}>{procedure.code}</span>
              </div>
              <Link
                to={detailHref(procedure.code, unit)}
                className={ui.link}
                style={{ color: '#1f2328', display: 'inline-block', minHeight: 24 }}
                data-testid="procedure-link"
              >
                {procedure.name}
              </Link>
              <p className={ui.dimmed} style={{ color: '#9d0017', marginTop: 4 }}>
                {procedure.field.name}
              </p>
              <div className={ui.stack} style={{ gap: 2, marginTop: 8, fontSize: '0.875rem' }}>
                <div className={ui.row} style={{ flexWrap: 'nowrap', gap: 6, alignItems: 'flex-start' }}>
                  <IconClock size={14} style={{ marginTop: 3, flex: 'none' }} />
                  <span title={procedure.timeLimit.text}>{timeLimitLabel(procedure.timeLimit, t)}</span>
                </div>
                <div className={ui.row} style={{ flexWrap: 'nowrap', gap: 6, alignItems: 'flex-start' }}>
                  <IconCoins size={14} style={{ marginTop: 3, flex: 'none' }} />
                  <span className={ui.clamp2}>{procedure.feeText || t('catalog.noFee')}</span>
                </div>
              </div>
            </Card>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <table className={ui.table} data-testid="procedure-list">
      <thead>
        <tr>
          <th style={{ width: 56 }}>{t('catalog.colNo')}</th>
          <th style={{ width: 100 }}>{t('catalog.colCode')}</th>
          <th>{t('catalog.colName')}</th>
          <th style={{ width: 150 }}>{t('catalog.colField')}</th>
          <th style={{ width: 200 }}>{t('catalog.colTimeLimit')}</th>
          <th style={{ width: 220 }}>{t('catalog.colFee')}</th>
        </tr>
      </thead>
      <tbody>
        {procedures.map((procedure) => (
          <tr key={procedure.code} data-testid="procedure-row" data-code={procedure.code}>
            <td>{procedure.no}</td>
            <td className={ui.mono}>{procedure.code}</td>
            <td>
              <Link to={detailHref(procedure.code, unit)} className={ui.link} data-testid="procedure-link">
                {procedure.name}
              </Link>
            </td>
            <td>{procedure.field.name}</td>
            <td>
              <strong>{timeLimitLabel(procedure.timeLimit, t)}</strong>
              <div className={`${ui.dimmed} ${ui.clamp2}`} title={procedure.timeLimit.text}>
                {procedure.timeLimit.text}
              </div>
            </td>
            <td>
              <div className={ui.clamp2} title={procedure.feeText}>
                {procedure.feeText || t('catalog.noFee')}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
