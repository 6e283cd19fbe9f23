import { useTranslation } from 'react-i18next';
import type { ProcedureDocument } from '../../api/types';
import { Badge, ui } from '../../components/lite/ui';
import { useIsMobile } from '../../components/use-is-mobile';

/** Required dossier components with how many originals, certified copies and photocopies to bring. */
export function DocumentsTable({ documents }: { documents: ProcedureDocument[] }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();

  if (documents.length === 0) return <p className={ui.dimmed}>{t('procedure.noDocuments')}</p>;

  if (isMobile) {
    return (
      <ol
        className={ui.stack}
        style={{ gap: 8, margin: 0, padding: 0, listStyle: 'none' }}
        data-testid="procedure-documents"
      >
        {documents.map((document, index) => (
          <li key={document.id} className={ui.card} style={{ padding: 12, display: 'flex', gap: 8 }}>
            <strong style={{ width: 20, color: '#545a61' }}>{index + 1}</strong>
            <div className={ui.stack} style={{ gap: 4, flex: 1 }}>
              <span style={{ fontSize: '0.875rem' }}>{document.name}</span>
              <span className={ui.dimmed} style={{ fontSize: '0.8125rem' }}>
                {t('procedure.originals')}: <b>{document.originals}</b> · {t('procedure.certifiedCopies')}:{' '}
                <b>{document.certifiedCopies}</b> · {t('procedure.photocopies')}:{' '}
                <b>{document.photocopies}</b>
              </span>
              <Badge tone={document.required ? 'brand' : 'gray'}>
                {t(document.required ? 'procedure.required' : 'procedure.optional')}
              </Badge>
            </div>
          </li>
        ))}
      </ol>
    );
  }

  return (
    <table className={ui.table} data-bordered="" data-testid="procedure-documents">
      <thead>
        <tr>
          <th style={{ width: 48 }}>{t('catalog.colNo')}</th>
          <th>{t('procedure.documentName')}</th>
          <th className={ui.center} style={{ width: 96 }}>
            {t('procedure.originals')}
          </th>
          <th className={ui.center} style={{ width: 120 }}>
            {t('procedure.certifiedCopies')}
          </th>
          <th className={ui.center} style={{ width: 96 }}>
            {t('procedure.photocopies')}
          </th>
          <th className={ui.center} style={{ width: 130 }}>
            {t('procedure.requiredColumn')}
          </th>
        </tr>
      </thead>
      <tbody>
        {documents.map((document, index) => (
          <tr key={document.id}>
            <td>{index + 1}</td>
            <td>{document.name}</td>
            <td className={ui.center}>{document.originals}</td>
            <td className={ui.center}>{document.certifiedCopies}</td>
            <td className={ui.center}>{document.photocopies}</td>
            <td className={ui.center}>
              {document.required ? (
                <Badge>{t('procedure.required')}</Badge>
              ) : (
                <span className={ui.dimmed}>{t('procedure.optional')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
